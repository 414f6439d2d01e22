// An overdue objection and one whose deadline is pending, in every view that counts objections (objections.md:
// OBJECTION_OVERDUE "shown by objection list, status and 督查 as data"; truth.md: one figure per fact, one name per
// fact). docs/decisions.md "Overdue and pending objections in every view".
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { publishedSuite, packageRecords, runCli, ROOT, type Rec } from '../register/helpers.js';

const env = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '100' };
const json = (s: string) => JSON.parse(s) as Record<string, any>;
const { fresh } = publishedSuite('overdue-everywhere', env);
const cli = (ws: string, today: string, args: string[]) => runCli([...args, '-w', ws, '--today', today], ROOT, env);
const TODAY = '2027-01-06';

/**
 * O2026-001 received 2026-10-12 and left open (deadline 10-15): overdue on TODAY. O2026-002 received 2026-12-30 and
 * left open: its third working day falls in 2027, which the built-in calendar does not cover: pending.
 */
async function twoOpen(ws: string): Promise<{ a: Rec & { department: string }; b: Rec & { department: string } }> {
  // Records public until after TODAY (three years for a 严重 or red one).
  const recs = (packageRecords(ws) as (Rec & { department: string; publishUntil?: string })[]).filter(
    (r) => String(r.publishUntil ?? r['公示截止日期'] ?? '9999') > TODAY,
  );
  const a = recs[0]!;
  const b = recs.find((r) => r.department !== a.department) ?? recs[1]!;
  const add = (today: string, received: string, id: string) =>
    cli(ws, today, ['objection', 'add', '--received', received, '--from', '申请人甲', '--summary', '认定事实有误', '--record', id]);
  expect((await add('2026-10-12', '2026-10-12', a.id)).code).toBe(0);
  expect((await add('2026-12-30', '2026-12-30', b.id)).code).toBe(0);
  return { a, b };
}

describe('overdue and pending objections, counted apart in every view', () => {
  it('status shows them as data: counts per department and in all, findings at info, exit unchanged', async () => {
    const ws = fresh();
    const { a, b } = await twoOpen(ws);
    const res = await cli(ws, TODAY, ['status', '2026Q3', '--format', 'json']);
    // 2026Q3 is published: status of it exits 0, as before (the objections are data, not its exit code).
    expect(res.code).toBe(0);
    const doc = json(res.stdout);
    expect([doc.objectionsOverdue, doc.objectionsPending]).toEqual([1, 1]);
    const dept = (name: string) => doc.departments.find((d: any) => d.name === name);
    expect(dept(a.department).objectionsOverdue).toBe(1);
    expect(dept(b.department).objectionsPending).toBe(1);
    const found = doc.diagnostics
      .filter((d: any) => d.code.startsWith('OBJECTION_'))
      .map((d: any) => [d.code, d.severity, d.args.number, d.department]);
    expect(found).toHaveLength(2);
    expect(found).toEqual(
      expect.arrayContaining([
        ['OBJECTION_OVERDUE', 'info', 'O2026-001', a.department],
        ['OBJECTION_DEADLINE_PENDING', 'info', 'O2026-002', b.department],
      ]),
    );
    // The screen: the two columns and the line naming both, the file to add.
    const pretty = await cli(ws, TODAY, ['status', '2026Q3', '--no-color']);
    expect(pretty.code).toBe(0);
    expect(pretty.stdout).toContain('异议超期');
    expect(pretty.stdout).toContain('异议期限待定');
    expect(pretty.stdout).toMatch(/异议超期 1 件（O2026-001）；异议期限待定 1 件（O2026-002；需新建 calendar\/2027\.json）/);
    // Resolved: nothing said, no column.
    await cli(ws, TODAY, ['objection', 'resolve', 'O2026-001', '--outcome', '维持', '--opinion', '经核查无误']);
    await cli(ws, TODAY, ['objection', 'resolve', 'O2026-002', '--outcome', '维持', '--opinion', '经核查无误']);
    const after = json((await cli(ws, TODAY, ['status', '2026Q3', '--format', 'json'])).stdout);
    expect([after.objectionsOverdue, after.objectionsPending]).toEqual([0, 0]);
    expect((await cli(ws, TODAY, ['status', '2026Q3', '--no-color'])).stdout).not.toContain('异议超期');
  }, 60_000);

  it('supervise (JSON and 督查明细) counts the pending one apart; objection list says both figures; the report agrees', async () => {
    const ws = fresh();
    const { a, b } = await twoOpen(ws);
    const sup = json((await cli(ws, TODAY, ['supervise', '2026', '--format', 'json'])).stdout);
    const sum = (k: string) => sup.rows.reduce((n: number, r: any) => n + (r[k] ?? 0), 0);
    expect([sum('objectionsOverdue'), sum('objectionsPending')]).toEqual([1, 1]);
    const row = (d: string) => sup.rows.find((r: any) => r.department === d && r.batch === '2026Q4');
    expect(row(a.department).objectionsOverdue).toBeGreaterThanOrEqual(1);
    expect(row(b.department).objectionsPending).toBe(1);
    // The 督查明细 sheet: a column 异议期限待定 beside 异议超期, numbers.
    const file = join(ws, '督查情况表.xlsx');
    expect((await cli(ws, TODAY, ['supervise', '2026', '--xlsx', file])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.worksheets[0]!;
    const header = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
    const col = (name: string) => header.indexOf(name);
    // Named by the quarter received (conform4): 其中至今超期未办结, then 其中期限待定.
    expect(col('其中期限待定')).toBe(col('其中至今超期未办结') + 1);
    let overdue = 0;
    let pending = 0;
    sheet.eachRow((r, n) => {
      if (n === 1) return;
      overdue += Number(r.getCell(col('其中至今超期未办结')).value ?? 0);
      pending += Number(r.getCell(col('其中期限待定')).value ?? 0);
    });
    expect([overdue, pending]).toEqual([1, 1]);
    // objection list --overdue: both listed, the summary says them apart (it said 共 2 件异议).
    const list = await cli(ws, TODAY, ['objection', 'list', '--overdue', '--no-color']);
    expect(list.code).toBe(1);
    expect(list.stdout).toContain(`共 2 件异议（${TODAY}）：其中超期 1 件，期限待定 1 件`);
    // The report's year: 异议超期 1, 异议期限待定 1.
    const report = json((await cli(ws, TODAY, ['report', '2026', '--format', 'json', '--out', join(ws, 'r.html')])).stdout);
    const objections = report.objections as { overdue: boolean; status: string; deadline: string | null }[];
    expect(objections.filter((o) => o.overdue).length).toBe(1);
    expect(objections.filter((o) => o.status === 'open' && o.deadline === null).length).toBe(1);
  }, 60_000);
});
