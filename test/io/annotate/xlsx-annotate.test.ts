// xlsx-annotate.ts, the orchestrator: a CSV made a workbook, annotated, opened with exceljs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotateXlsx, csvWorkbook, type AnnotatePlan } from '../../../dist/io/annotate/xlsx-annotate.js';
import { DEFAULT_LIMITS } from '../../../dist/schemas/config.js';
import { parseXmlBuffer } from '../../../dist/io/xlsx/xml.js';
import { ZipArchive } from '../../../dist/io/zip/zip.js';

const dir = mkdtempSync(join(tmpdir(), 'hrss-annot-'));
let wb: ExcelJS.Workbook;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const plan: AnnotatePlan = {
  marks: new Map([
    [
      '名单',
      [
        { row: 2, col: 1, kind: 'error', note: '代码校验位不对' },
        { row: 2, col: 1, kind: 'warning', note: '另一条' },
        { row: 3, col: 0, kind: 'warning', note: '名称有空格' },
        { row: 5, col: 2, kind: 'info', note: '空行之后' },
      ],
    ],
  ]),
  summary: {
    sheetName: '检查结果',
    headers: ['位置', '级别', '代码', '问题', '建议'],
    rows: [
      {
        location: '名单!B2',
        severity: '错误',
        kind: 'error',
        code: 'E1',
        message: '代码错',
        hint: '改',
        target: { sheet: '名单', ref: 'B2' },
      },
      { location: '名单!A3', severity: '警告', kind: 'warning', code: 'W1', message: '空格', hint: '删' },
    ],
    footer: ['说明'],
    author: '检查工具',
    title: '标题',
  },
};

beforeAll(async () => {
  const src = join(dir, 'list.xlsx');
  await csvWorkbook(
    src,
    '名单',
    [
      { number: 1, cells: ['主体名称', '代码'] },
      { number: 2, cells: ['甲', 'X1'] },
      { number: 3, cells: ['乙 ', 'X2'] },
    ],
    new Date('2026-01-01T00:00:00Z'),
  );
  await annotateXlsx(src, join(dir, 'out.xlsx'), plan, { limits: DEFAULT_LIMITS, instant: new Date('2026-01-01T00:00:00Z') });
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'out.xlsx'));
});

const argb = (c: ExcelJS.Cell): string | undefined => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
const noteText = (c: ExcelJS.Cell): string => {
  const n = c.note as string | { texts: { text: string }[] } | undefined;
  return typeof n === 'string' ? n : (n?.texts.map((t) => t.text).join('') ?? '');
};

describe('annotateXlsx', () => {
  it('puts 检查结果 first, the list after it', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['检查结果', '名单']);
  });

  it('fills a flagged cell by its worst finding, keeps its value and number format, and notes every finding', () => {
    const ws = wb.getWorksheet('名单')!;
    expect(ws.getCell('B2').value).toBe('X1');
    expect(ws.getCell('B2').numFmt).toBe('@');
    expect(argb(ws.getCell('B2'))).toBe('FFFFC7CE');
    expect(argb(ws.getCell('A3'))).toBe('FFFFEB9C');
    expect(argb(ws.getCell('A2'))).toBeUndefined();
    expect(noteText(ws.getCell('B2'))).toBe('代码校验位不对\n\n另一条');
    expect(noteText(ws.getCell('A3'))).toBe('名称有空格');
    expect(argb(ws.getCell('C5'))).toBeUndefined();
  });

  it('writes the summary rows under the title, with the link to the flagged cell and the severity filled', () => {
    const ws = wb.getWorksheet('检查结果')!;
    expect(ws.getCell('A1').value).toBe('标题');
    expect(ws.getRow(2).values).toEqual([undefined, '位置', '级别', '代码', '问题', '建议']);
    expect(ws.getCell('A3').value).toBe('名单!B2');
    expect(ws.getCell('D3').value).toBe('代码错');
    expect(argb(ws.getCell('B3'))).toBe('FFFFC7CE');
    expect(argb(ws.getCell('B4'))).toBe('FFFFEB9C');
    expect(ws.getCell('A6').value).toBe('说明');
  });
});

describe("the copy's styles.xml", () => {
  it("counts in <cellXfs count> every <xf> it holds: the workbook's own formats and the ones added", async () => {
    const zip = await ZipArchive.open(join(dir, 'out.xlsx'), DEFAULT_LIMITS);
    const xml = await zip.read('xl/styles.xml');
    zip.close();
    const counts: Record<string, { declared: number; children: number }> = {};
    const stack: string[] = [];
    parseXmlBuffer(xml, {
      // saxes reports a close for a self-closing element too: every open is pushed.
      open: (name, attrs) => {
        if (stack.length === 1) counts[name] = { declared: Number(attrs.count), children: 0 };
        else if (stack.length === 2) counts[stack[1]!]!.children++;
        stack.push(name);
      },
      close: () => {
        stack.pop();
      },
      text: () => {},
    });
    // csvWorkbook's styles hold 2 formats; the copy adds the clones and the summary's 5.
    expect(counts.cellXfs!.children).toBeGreaterThan(2);
    for (const list of ['fonts', 'fills', 'cellXfs'])
      expect(counts[list], list).toEqual({ declared: counts[list]!.children, children: counts[list]!.children });
  });
});
