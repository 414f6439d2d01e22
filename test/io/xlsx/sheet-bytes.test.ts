// A sheet's rows written as bytes (src/io/xlsx/xlsx-writer.ts RowBytes): the XML is what the cells' strings give,
// byte for byte, whatever falls on the edge of a piece — a text longer than a piece, escapes that lengthen a text,
// characters of one, two, three and four bytes, a lone surrogate, spaces kept — and the quick tests that let most
// text through untouched (plainXml, isSpace) answer as the expressions they stand in for.
import { describe, expect, it } from 'vitest';
import { toXmlSafe } from '../../../src/domain/text.js';
import { escapeXml, isSpace, plainXml, type SheetSpec, workbookBuffer } from '../../../src/io/xlsx/xlsx-writer.js';
import { zipTexts } from '../../helpers/zip-entries.js';

const instant = new Date(Date.UTC(2026, 8, 30, 23, 59, 59));

/** The escape as it was written before its quick test: the expression on every text. */
const slowEscape = (s: string): string =>
  toXmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('the quick tests of the sheet writer', () => {
  it('isSpace is \\s for every UTF-16 unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });

  it('a text plainXml lets through is its own escape; escapeXml is the expression on any text', () => {
    const texts = ['', 'plain', '新乡市测试有限公司', 'A&B', '<x>', '"q"', "it's", 'tab\there', 'two\nlines', '\u0001', '\ufffe'];
    texts.push('😀 pair', '\ud83d lone high', 'lone low \ude00', '\uffff', '\ufffd', '>', 'é', '\u2028');
    for (let c = 0; c <= 0xffff; c += 1) texts.push(String.fromCharCode(c));
    for (const t of texts) {
      if (plainXml(t)) expect(slowEscape(t)).toBe(t);
      expect(escapeXml(t)).toBe(slowEscape(t));
    }
    expect(plainXml('新乡市测试25001有限公司')).toBe(true);
    expect(plainXml('9141070000000U1P3G')).toBe(true);
  });
});

/** The sheet's rows' XML as the writer made it with strings (its shared strings numbered in order of first use). */
function expectedRows(rows: (string | number | null)[][], inline: Set<number>, first: number, shared: Map<string, number>): string {
  const letter = (i: number): string => String.fromCharCode(65 + i);
  const keep = (v: string): boolean => /^\s|\s$|\n/.test(v);
  let xml = '';
  rows.forEach((row, k) => {
    const r = first + k;
    let cells = '';
    row.forEach((v, i) => {
      if (v === null) return;
      if (typeof v === 'number')
        cells += Number.isFinite(v) ? `<c r="${letter(i)}${r}" s="4"><v>${v}</v></c>` : `<c r="${letter(i)}${r}" s="4"/>`;
      else if (inline.has(i))
        cells += `<c r="${letter(i)}${r}" s="1" t="inlineStr"><is><t${keep(v) ? ' xml:space="preserve"' : ''}>${slowEscape(v)}</t></is></c>`;
      else {
        if (!shared.has(v)) shared.set(v, shared.size);
        cells += `<c r="${letter(i)}${r}" s="1" t="s"><v>${shared.get(v)}</v></c>`;
      }
    });
    xml += `<row r="${r}">${cells}</row>`;
  });
  return xml;
}

describe('a sheet written as bytes', () => {
  it('is the XML of its cells, byte for byte, across the pieces it is given in', async () => {
    const long = (n: number, unit: string): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
    const rows: (string | number | null)[][] = [];
    for (let i = 0; i < 3000; i++) {
      rows.push([
        i + 1,
        `${i.toString(16).padStart(12, '0')}`,
        i % 3 === 0 ? '红名单' : '黑名单',
        // A text longer than a piece (256 KiB) every 700 rows; escapes that make a text six times as long.
        i % 700 === 5 ? long(300_000, '新乡&') : `新乡市测试${i}有限公司`,
        i % 300 === 7 ? long(50_000, '"<>&') : `A&B ${i}`,
        i % 13 === 0 ? ' 前后空格 ' : i % 17 === 0 ? '两行\n文字' : `😀é\u00a0${i}`,
        i % 19 === 0 ? '\ud800 lone' : i % 23 === 0 ? null : i % 29 === 0 ? Number.NaN : 0.5 * i,
        i % 5 === 0 ? '' : `批次${i % 7}`,
      ]);
    }
    const sheet: SheetSpec = {
      name: '台账',
      title: long(100_000, '标题'),
      headers: ['序号', '编号', '类型', '名称', '备注', '文字', '数', '批次'],
      rows,
      inline: [1, 3, 4, 5, 6],
    };
    const parts = await zipTexts(await workbookBuffer([sheet], instant, 'hrss-credit'));
    const xml = parts.get('xl/worksheets/sheet1.xml') as string;
    // The title (0) and the header's eight texts (1–8) are numbered first, then the rows' in order of first use.
    const shared = new Map<string, number>([[sheet.title as string, 0], ...sheet.headers.map((h, i): [string, number] => [h, i + 1])]);
    const body = expectedRows(rows, new Set(sheet.inline), 3, shared);
    const start = xml.indexOf('<row r="3">');
    const end = xml.indexOf('</sheetData>');
    expect(start).toBeGreaterThan(0);
    expect(xml.slice(start, end) === body).toBe(true);
    const strings = parts.get('xl/sharedStrings.xml') as string;
    expect(strings).toContain(`count="${9 + rows.length * 2}" uniqueCount="${shared.size}"`);
  });
});
