// A two-row header whose 序号 stands only in the upper row (merged A1:A2) beside group headings merged over
// B–H (主体信息, 认定信息), as LibreOffice and gnumeric users lay a form out (round 33's acceptance trial). A
// row with only its 序号 pre-filled is blank (submission.md "Rows": every cell but 序号 empty) and skipped, as
// with a one-row header; the two-row header had been dropped for the lower row alone (the same fields known),
// so column A was no 序号 column and that row had SCHEMA_REQUIRED seven times.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers/cases.js';

const dir = tempDir('header-row-number-above');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NAMES = ['领域', '主体类别', '主体名称', '列入事由', '认定依据', '认定文书号', '认定日期'];
const ROW = ['违法用工', '自然人', '某甲', '违法使用童工', '《禁止使用童工规定》', '新人社监罚〔2026〕60号', '2026-08-01'];

async function workbook(name: string, twoRows: boolean): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('黑名单');
  if (twoRows) {
    ws.addRow(['序号', '主体信息', null, null, '认定信息', null, null, null]);
    ws.addRow([null, ...NAMES]);
    ws.mergeCells('A1:A2');
    ws.mergeCells('B1:D1');
    ws.mergeCells('E1:H1');
  } else ws.addRow(['序号', ...NAMES]);
  ws.addRow([1, ...ROW]);
  ws.addRow([2]);
  const folder = join(dir, name, '监察支队');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, '违法用工黑名单.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

async function findings(file: string): Promise<[string, number | undefined][]> {
  const r = await runCli(['validate', file, '--quarter', '2026Q3', '--today', '2026-10-15', '--format', 'json', '--lang', 'en'], ROOT);
  const doc = JSON.parse(r.stdout) as { diagnostics: { code: string; location: { row?: number } }[] };
  return doc.diagnostics.map((d) => [d.code, d.location.row]);
}

describe('a row with only its 序号 under a two-row header with 序号 merged down', () => {
  it('is blank and skipped, as under the one-row header', async () => {
    const one = await findings(await workbook('one', false));
    const two = await findings(await workbook('two', true));
    expect(one.filter(([, row]) => row === 3)).toEqual([]);
    expect(two.filter(([, row]) => row === 4)).toEqual([]);
    expect(two.filter(([code]) => code === 'SCHEMA_REQUIRED')).toEqual([]);
  });
});
