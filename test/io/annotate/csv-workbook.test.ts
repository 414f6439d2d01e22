// csv-workbook.ts: a CSV list as a one-sheet workbook of text cells, opened with exceljs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvWorkbook } from '../../../dist/io/annotate/csv-workbook.js';

const dir = mkdtempSync(join(tmpdir(), 'hrss-csvwb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('csvWorkbook', () => {
  it('writes every non-empty value as text in its row and column, under the sheet name given', async () => {
    const file = join(dir, 'a.xlsx');
    const rows = [
      { number: 1, cells: ['主体名称', '统一社会信用代码', '金额'] },
      { number: 2, cells: ['甲公司 & <乙>', '91410700MA00000000', '0012'] },
      { number: 4, cells: ['', '', '3'] },
    ];
    await csvWorkbook(file, '名单', rows, new Date('2026-01-01T00:00:00Z'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['名单']);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A2').value).toBe('甲公司 & <乙>');
    expect(ws.getCell('C2').value).toBe('0012');
    expect(ws.getCell('C2').numFmt).toBe('@');
    expect(ws.getCell('C4').value).toBe('3');
    expect(ws.getCell('A4').value).toBe(null);
    expect(ws.getRow(3).cellCount).toBe(0);
    // Width from the first rows: 8 CJK characters + 2.
    expect(ws.getColumn(2).width).toBe(20);
  });

  it('gives the same bytes for the same rows and instant', async () => {
    const rows = [{ number: 1, cells: ['a', 'b'] }];
    await csvWorkbook(join(dir, 'x.xlsx'), 's', rows, new Date('2026-01-01T00:00:00Z'));
    await csvWorkbook(join(dir, 'y.xlsx'), 's', rows, new Date('2026-01-01T00:00:00Z'));
    expect(readFileSync(join(dir, 'x.xlsx')).equals(readFileSync(join(dir, 'y.xlsx')))).toBe(true);
  });
});
