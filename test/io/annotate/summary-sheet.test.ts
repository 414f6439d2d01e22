// summary-sheet.ts: the 检查结果 sheet's XML, asserted on its rows, styles, links, merges and print setup.
import { describe, expect, it } from 'vitest';
import { summaryHeaderRow, summaryXml, quoteSheet } from '../../../dist/io/annotate/summary-sheet.js';
import type { AnnotatePlan } from '../../../dist/io/annotate/plan.js';

const st = { xml: '', marked: new Map(), header: 11, link: 12, wrap: 13, title: 14, fillXf: { error: 15, warning: 16 } };
const plan = (over: Partial<AnnotatePlan['summary']> = {}): AnnotatePlan['summary'] => ({
  sheetName: '检查结果',
  headers: ['位置', '级别', '代码', '问题', '建议'],
  rows: [
    {
      location: "名单'A'!B3",
      severity: '错误',
      kind: 'error',
      code: 'E1',
      message: '身份证号错',
      hint: '改',
      target: { sheet: "名单'A'", ref: 'B3' },
    },
    { location: '全表', severity: '提示', kind: 'info', code: 'I1', message: 'm', hint: 'h' },
    { location: 'C4', severity: '警告', kind: 'warning', code: 'W1', message: 'm', hint: 'h' },
  ],
  footer: ['页脚一'],
  author: 'a',
  ...over,
});
const rowOf = (xml: string, r: number): string => new RegExp(`<row r="${r}"[^>]*>.*?</row>`).exec(xml)?.[0] ?? '';

describe('summaryHeaderRow', () => {
  it('is 1 without title and overview, one more for each', () => {
    expect(summaryHeaderRow(plan())).toBe(1);
    expect(summaryHeaderRow(plan({ title: 't' }))).toBe(2);
    expect(summaryHeaderRow(plan({ title: 't', overview: 'o' }))).toBe(3);
  });
});

describe('summaryXml', () => {
  it('writes title, overview, header, one row per finding and the footer after a blank row', () => {
    const xml = summaryXml(plan({ title: '标题', overview: '概况' }), st);
    expect(rowOf(xml, 1)).toBe(
      '<row r="1" ht="24" customHeight="1"><c r="A1" t="inlineStr" s="14"><is><t xml:space="preserve">标题</t></is></c></row>',
    );
    expect(rowOf(xml, 2)).toContain('<c r="A2" t="inlineStr" s="13"><is><t xml:space="preserve">概况</t>');
    expect(rowOf(xml, 3)).toContain('<c r="E3" t="inlineStr" s="11"><is><t xml:space="preserve">建议</t>');
    expect(rowOf(xml, 4)).toContain('<c r="A4" t="inlineStr" s="12">');
    expect(rowOf(xml, 4)).toContain('<c r="B4" t="inlineStr" s="15"><is><t xml:space="preserve">错误</t>');
    expect(rowOf(xml, 5)).toContain('<c r="A5" t="inlineStr" s="13">');
    expect(rowOf(xml, 5)).toContain('<c r="B5" t="inlineStr" s="13">');
    expect(rowOf(xml, 6)).toContain('<c r="B6" t="inlineStr" s="16">');
    expect(rowOf(xml, 7)).toBe('');
    expect(rowOf(xml, 8)).toContain('页脚一');
    expect(xml).toContain('<mergeCells count="3"><mergeCell ref="A1:E1"/><mergeCell ref="A2:E2"/><mergeCell ref="A8:E8"/></mergeCells>');
    expect(xml).toContain(`<hyperlinks><hyperlink ref="A4" location="'名单''A'''!B3" display="名单'A'!B3"/></hyperlinks>`);
    expect(xml).toContain('<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
  });

  it('sizes columns between floor and cap, a CJK character counting two', () => {
    const xml = summaryXml(
      plan({ rows: [{ location: '甲'.repeat(40), severity: '错误', kind: 'error', code: 'E', message: 'x', hint: 'y' }] }),
      st,
    );
    const widths = [...xml.matchAll(/<col min="(\d+)" max="\d+" width="(\d+)"/g)].map((m) => Number(m[2]));
    expect(widths).toEqual([36, 6, 12, 24, 24]);
    // The long location wraps: 80 display characters in a 36-wide column take 3 lines of 15 pt.
    expect(rowOf(xml, 2)).toMatch(/^<row r="2" ht="45">/);
  });

  it('quotes a sheet name for a reference, doubling its apostrophes', () => {
    expect(quoteSheet("O'Brien")).toBe("'O''Brien'");
  });
});
