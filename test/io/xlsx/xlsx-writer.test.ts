// The package's workbook writer (src/io/xlsx/xlsx-writer.ts): what it writes is read back, as written, by
// exceljs (what Excel-compatible tools read like) and by our own reader; the same sheets give the same bytes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkbook } from '../../../src/io/sniff.js';
import { workbookBuffer, type SheetSpec, type StreamedSheetSpec } from '../../../src/io/xlsx/xlsx-writer.js';
import { DEFAULT_LIMITS } from '../../../src/schemas/config.js';
import { scoreRows } from '../../../src/table/header.js';
import { zipTexts } from '../../helpers/zip-entries.js';

const dir = mkdtempSync(join(tmpdir(), 'hrss-xlsx-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const instant = new Date(Date.UTC(2026, 8, 30, 23, 59, 59));

const sheets: SheetSpec[] = [
  {
    name: '移出名单',
    title: '新乡市人社局（2026年第三季度）',
    headers: ['序号', '主体名称', '统一社会信用代码', '备注'],
    widths: [6, 30],
    rows: [
      [1, '新乡市测试有限公司', '91410700MA3X7K2P20', '  前后有空格  '],
      [2, 'A&B <公司> "引号"', '0012', '两行\n文字'],
      [3, '含\u0001控制字符', '', ''],
    ],
  },
  { name: '台账', headers: ['记录编号'], rows: [['0f792e997252'], ['0f792e997252']] },
];

describe('workbooks written by the package writer', () => {
  it('read back as written: text as text (leading zeros, spaces, line breaks, XML characters), numbers as numbers, the title merged, the header frozen and filtered', async () => {
    const buf = await workbookBuffer(sheets, instant, 'hrss-credit');
    const file = join(dir, 'a.xlsx');
    writeFileSync(file, buf);

    const wb = new ExcelJS.Workbook();
    // exceljs types its input as an ArrayBuffer (its own `Buffer` interface): the bytes' own copy, not a cast.
    await wb.xlsx.load(new Uint8Array(buf).buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['移出名单', '台账']);
    const ws = wb.getWorksheet('移出名单')!;
    expect(ws.getCell('A1').value).toBe('新乡市人社局（2026年第三季度）');
    expect(ws.getCell('A1').isMerged && ws.getCell('D1').isMerged).toBe(true);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('B2').font?.bold).toBe(true);
    expect(ws.getCell('A3').value).toBe(1);
    expect(ws.getCell('C4').value).toBe('0012');
    expect(ws.getCell('C4').numFmt).toBe('@');
    expect(ws.getCell('D3').value).toBe('  前后有空格  ');
    expect(ws.getCell('D4').value).toBe('两行\n文字');
    expect(ws.getCell('B4').value).toBe('A&B <公司> "引号"');
    expect(ws.getCell('B5').value).toBe('含\ufffd控制字符');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBe('A2:D2');
    expect(ws.getColumn(1).width).toBe(6);
    expect(ws.getColumn(3).width).toBe(18); // '统一社会信用代码' × 2 + 2, at most 40
    expect(wb.creator).toBe('hrss-credit');
    expect(wb.created?.toISOString()).toBe('2026-09-30T23:59:59.000Z');

    const ours = await openWorkbook(file, 'a.xlsx', { limits: DEFAULT_LIMITS, score: scoreRows });
    const rows: unknown[][] = [];
    await ours.sheets[0]!.read((r) => {
      rows.push([...r.cells]);
    });
    await ours.close();
    expect(rows[2]).toEqual([1, '新乡市测试有限公司', '91410700MA3X7K2P20', '  前后有空格  ']);
    expect(ours.sheets[0]!.merges).toContainEqual({ top: 1, bottom: 1, left: 0, right: 3 });
  });

  it('columns written as inline strings (the 台账’s ids, names, codes) read back as the same cells, kept out of sharedStrings.xml', async () => {
    const [first] = sheets as [SheetSpec];
    const inline: SheetSpec = { ...first, inline: [1, 2, 3] };
    const shared = await workbookBuffer([first], instant, 'hrss-credit');
    const buf = await workbookBuffer([inline], instant, 'hrss-credit');
    expect(buf.equals(shared)).toBe(false);
    const cellsOf = async (b: Buffer, name: string): Promise<unknown[][]> => {
      const file = join(dir, name);
      writeFileSync(file, b);
      const book = await openWorkbook(file, name, { limits: DEFAULT_LIMITS, score: scoreRows });
      const rows: unknown[][] = [];
      await book.sheets[0]!.read((r) => {
        rows.push([...r.cells]);
      });
      await book.close();
      return rows;
    };
    expect(await cellsOf(buf, 'inline.xlsx')).toEqual(await cellsOf(shared, 'shared.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(buf).buffer);
    const ws = wb.getWorksheet('移出名单')!;
    expect(ws.getCell('D3').value).toBe('  前后有空格  ');
    expect(ws.getCell('D4').value).toBe('两行\n文字');
    expect(ws.getCell('B4').value).toBe('A&B <公司> "引号"');
    expect(ws.getCell('B5').value).toBe('含\ufffd控制字符');
    expect(ws.getCell('C4').numFmt).toBe('@');
    // The parts themselves: the rows' cells of those columns inline, the title and header still shared.
    const parts = await zipTexts(buf);
    const sheet = parts.get('xl/worksheets/sheet1.xml') as string;
    const strings = parts.get('xl/sharedStrings.xml') as string;
    expect(sheet).toContain('<c r="B3" s="1" t="inlineStr"><is><t>新乡市测试有限公司</t></is></c>');
    expect(sheet).toContain('<c r="D3" s="1" t="inlineStr"><is><t xml:space="preserve">  前后有空格  </t></is></c>');
    expect(strings).not.toContain('新乡市测试有限公司');
    expect(strings).toContain('统一社会信用代码');
    expect(strings).toContain('新乡市人社局（2026年第三季度）');
  });

  it('the same sheets give the same bytes; a sheet name Excel refuses is refused', async () => {
    expect((await workbookBuffer(sheets, instant, 'hrss-credit')).equals(await workbookBuffer(sheets, instant, 'hrss-credit'))).toBe(true);
    await expect(workbookBuffer([{ name: '红名单[2026]', headers: ['a'], rows: [] }], instant, 'x')).rejects.toThrow(/cannot include/);
    await expect(
      workbookBuffer(
        [
          { name: 'a', headers: ['a'], rows: [] },
          { name: 'A', headers: ['a'], rows: [] },
        ],
        instant,
        'x',
      ),
    ).rejects.toThrow(/already exists/);
  });

  it('rows made as the sheet is written (SheetRows: the 台账) give the bytes of the same rows held, each made once', async () => {
    let made = 0;
    const streamed: StreamedSheetSpec[] = sheets.map((s) => ({
      ...s,
      rows: {
        length: s.rows.length,
        width: Math.max(s.headers.length, ...s.rows.map((r) => r.length)),
        *[Symbol.iterator]() {
          for (const r of s.rows) {
            made++;
            yield [...r];
          }
        },
      },
    }));
    expect((await workbookBuffer(streamed, instant, 'hrss-credit')).equals(await workbookBuffer(sheets, instant, 'hrss-credit'))).toBe(
      true,
    );
    expect(made).toBe(5);
  });

  it('a sheet of many rows (encoded a piece at a time: a province’s 移出名单) reads back row for row, CJK and a character outside the BMP whole', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => [i + 1, `新乡市测试${i}有限公司𠀀`, `新人社罚〔2026〕${i}号`]);
    const buf = await workbookBuffer([{ name: '移出名单', headers: ['序号', '主体名称', '认定文书号'], rows }], instant, 'hrss-credit');
    const file = join(dir, 'many.xlsx');
    writeFileSync(file, buf);
    const ours = await openWorkbook(file, 'many.xlsx', { limits: DEFAULT_LIMITS, score: scoreRows });
    const read: unknown[][] = [];
    await ours.sheets[0]!.read((r) => {
      read.push([...r.cells]);
    });
    await ours.close();
    expect(read.slice(1)).toEqual(rows);
  });
});
