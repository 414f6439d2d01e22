// cli.md: every finding's location is "sheet, row, column as Excel shows them", and diagnostics sort by
// "row, column (by index: Z before AA), code". A finding about a header cell (an unknown column, a field
// given twice) carried its column only in its args: its location had no column, and the findings of one
// header row came out in the order of their header texts (AA before Z before L).
import { readdirSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, runCli, tempDir, TODAY } from './helpers/cases.js';

const tmp = tempDir('header-located');
afterAll(() => cleanup(tmp));

const KNOWN = [
  '序号',
  '名单类型',
  '领域',
  '主体类别',
  '主体名称',
  '统一社会信用代码',
  '法定代表人',
  '列入事由',
  '认定依据',
  '认定文书号',
  '认定日期',
];
const ROW = ['1', '黑名单', '工时及休息休假', '法人及非法人组织', '新乡县某某食品有限公司', '91410721MA3YH6P87N', '吴某'];

/** A CSV whose header holds the known columns A–K, then `extra` from column L on. */
async function check(
  name: string,
  extra: string[],
): Promise<{ code: string; location: { row?: number; column?: string; field?: string } }[]> {
  const header = [...KNOWN, ...extra];
  const row = [...ROW, '事由', '依据', '文号', '2026/9/2', ...extra.map(() => '')];
  writeFileSync(join(tmp, name), `${header.join(',')}\n${row.join(',')}\n`);
  const r = await runCli(
    ['validate', name, '--department', '劳动关系科', '--quarter', '2026Q3', '--today', TODAY, '--format', 'json'],
    tmp,
  );
  return JSON.parse(r.stdout).diagnostics;
}

describe('findings about header cells are located at their cells', () => {
  it('SHEET_COLUMN_UNKNOWN: row and column in the location, in column order (Z before AA)', async () => {
    // L … AB: 17 columns; Z and AA are named so that their texts sort the other way round.
    const extra = Array.from({ length: 17 }, (_, i) => `附加${String(i).padStart(2, '0')}`);
    extra[14] = '甲列';
    extra[15] = '乙列';
    const found = (await check('wide.csv', extra)).filter((d) => d.code === 'SHEET_COLUMN_UNKNOWN');
    const columns = found.map((d) => d.location.column);
    expect(columns).toEqual(['L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'AA', 'AB']);
    expect(found.every((d) => d.location.row === 1)).toBe(true);
  });

  it('SHEET_COLUMN_DUPLICATE: at the column that gives the field again, with the field', async () => {
    const found = (await check('twice.csv', ['单位名称'])).filter((d) => d.code === 'SHEET_COLUMN_DUPLICATE');
    expect(found.map((d) => d.location)).toEqual([{ file: 'twice.csv', row: 1, column: 'L', field: 'subjectName' }]);
  });

  it('validate --annotate marks each at its header cell (its location), not at A1', async () => {
    writeFileSync(join(tmp, 'marked.csv'), `${[...KNOWN, '附加', '单位名称'].join(',')}\n${ROW.join(',')},事由,依据,文号,2026/9/2,,\n`);
    const r = await runCli(
      ['validate', 'marked.csv', '--department', '劳动关系科', '--quarter', '2026Q3', '--today', TODAY, '--annotate', 'out'],
      tmp,
    );
    expect(r.code).toBe(1); // the field given twice is an error
    const [copy] = readdirSync(join(tmp, 'out'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(tmp, 'out', copy ?? ''));
    const sheet = wb.getWorksheet('marked'); // after the 检查结果 sheet
    const noted = (ref: string): boolean => sheet?.getCell(ref).note !== undefined;
    expect([noted('L1'), noted('M1'), noted('A1')]).toEqual([true, true, false]);
  });
});
