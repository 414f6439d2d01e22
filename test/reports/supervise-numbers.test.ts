// The 督查情况表's counts are numbers (people.md "督查情况表: counts are numbers, not text"), read back as Excel
// would: seen, the 问题清单 sheet's 天数/件数 was an empty text cell for 未报送. Each count is a number cell; a
// lapse it does not apply to has no cell at all; 科室统计 is numbers throughout.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cases.js';
import { loadWorkbook } from '../helpers/workbook.js';

let tmp = '';
let ws = '';
beforeAll(() => {
  tmp = tempDir('supervise-numbers');
  ws = join(tmp, '新乡 人社', '信用 红黑名单');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  // 考试中心 sends nothing (未报送, past the deadline); 就业局 sends 4 days late (逾期报送 4 天).
  rmSync(join(ws, 'submissions', '2026Q3', '考试中心'), { recursive: true });
  const cover = join(ws, 'submissions', '2026Q3', '就业局', '报送单.csv');
  writeFileSync(cover, readFileSync(cover, 'utf8').replace('报送日期,2026-10-10', '报送日期,2026-10-14'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const header = (sheet: ExcelJS.Worksheet): string[] =>
  Array.from(sheet.getRow(1).values as unknown[])
    .slice(1)
    .map(String);

describe('督查情况表: counts are number cells', () => {
  it.each([['zh-CN'], ['en']])('问题清单 天数/件数, 科室统计 and 督查明细’s counts (--lang %s)', async (lang) => {
    const res = await runCli(['supervise', '2026', '--xlsx', '督查 表.xlsx', '-w', ws, '--today', '2026-10-20', '--lang', lang], ws);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    const wb = await loadWorkbook(readFileSync(join(ws, '督查 表.xlsx')));
    const [rows, lapses, counts] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet, ExcelJS.Worksheet];
    const lapseRows: [string, string, unknown][] = [];
    lapses.eachRow((row, n) => {
      if (n > 1) lapseRows.push([String(row.getCell(1).value), String(row.getCell(3).value), row.getCell(4).value]);
    });
    // 未报送 has no days nor count: no cell (null), not ''; a late submission's days are the number 4.
    expect(lapseRows.find((l) => l[0] === '考试中心')?.[2]).toBeNull();
    expect(lapseRows.find((l) => l[0] === '就业局')?.[2]).toBe(4);
    expect(lapseRows.length).toBeGreaterThanOrEqual(2);
    for (const [, , v] of lapseRows) expect(v === null || typeof v === 'number', String(v)).toBe(true);
    // 科室统计: every column after the department is a count.
    counts.eachRow((row, n) => {
      if (n === 1) return;
      const values = Array.from(row.values as unknown[]).slice(2);
      expect(values.length).toBe(header(counts).length - 1);
      for (const v of values) expect(typeof v, `科室统计 row ${n}`).toBe('number');
    });
    // 督查明细: red, black, warnings and the four figures at the end are numbers on every row.
    const h = header(rows);
    // The objection columns say what the row's 批次 means for them: the quarter an objection was received in, however
    // long it stays open (docs/decisions.md "An objection across quarters in 督查").
    expect(h.slice(15, 19)).toEqual(
      lang === 'en'
        ? ['Objections received in the quarter', 'Of which resolved late', 'Of which overdue to date', 'Of which deadline pending']
        : ['本季度收到异议', '其中逾期办结', '其中至今超期未办结', '其中期限待定'],
    );
    const numeric = [7, 8, 9, h.length - 4, h.length - 3, h.length - 2, h.length - 1];
    rows.eachRow((row, n) => {
      if (n === 1) return;
      for (const i of numeric) expect(typeof row.getCell(i + 1).value, `督查明细 row ${n} ${h[i]}`).toBe('number');
    });
  });
});
