// A supplementary batch has no deadline (timeliness applies to regular batches only, register.md): a department
// that sent to it, its 报送日期 filled in, was 未填报送日期 in supervise's screen and 督查明细, the report's tables,
// chart note and JSON (timeliness.noDate 1) and 报送情况.xlsx, and supervise's tally counted it `unknown`. Now
// every view says 无截止日期 (en: no deadline) and no timeliness figure counts it
// (schemas/documents/timeliness-kind.ts).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkbook } from '../helpers/workbook.js';
import type { RowSpec, Step } from '../truth/consistency/history.js';
import { WORKSPACES, type World, worldAfter } from '../truth/consistency/world.js';

const row = (subject: number): RowSpec => ({ subject, list: 'red', variant: 0, severity: '一般', correction: 'none' });
const HISTORY: Step[] = [
  {
    kind: 'batch',
    supplementary: false,
    plans: [
      { kind: 'rows', rows: [row(3)], removals: [] },
      { kind: 'rows', rows: [row(1)], removals: [] },
    ],
  },
  { kind: 'batch', supplementary: true, plans: [{ kind: 'rows', rows: [row(4)], removals: [] }, { kind: 'absent' }] },
];

const ws = mkdtempSync(join(WORKSPACES, 'hrss-supplementary-timeliness-'));
afterAll(() => rmSync(ws, { recursive: true, force: true }));
let world: World;
const DEPT = '劳动关系科';
const BATCH = '2026Q1-2';

beforeAll(async () => {
  world = await worldAfter(ws, HISTORY);
  expect(world.played.at(-1)?.label).toBe(BATCH);
}, 300_000);

interface Timeliness {
  onTime: number;
  late: number;
  missing: number;
  noDate: number;
}

describe('a submission to a supplementary batch, which has no deadline', () => {
  it('is 无截止日期 on supervise screen and 督查明细, and counted neither on time, late nor unknown', async () => {
    const xlsx = join(ws, '督查.xlsx');
    const sup = await world.cli(['supervise', '2026', '--xlsx', xlsx]);
    expect(sup.code).toBe(0);
    expect(sup.stdout).toMatch(
      new RegExp(`${DEPT}\\s*│\\s*${BATCH}\\s*│\\s*已报送\\s*│\\s*\\d{4}-\\d\\d-\\d\\d\\s*│\\s*│\\s*无截止日期\\s*│`),
    );
    expect(sup.stdout).not.toContain('未填报送日期');
    const wb = await loadWorkbook(readFileSync(xlsx));
    let cells: unknown[] = [];
    wb.getWorksheet('督查明细')?.eachRow((r) => {
      const v = (r.values as unknown[]).slice(1);
      if (v[0] === DEPT && v[1] === BATCH) cells = v;
    });
    expect(cells[5]).toBe('无截止日期');
    // 科室统计: 科室, 批次数, 已报送, 无信息, 未报送, 按时, 逾期, 未知, … — 2026Q1 on time; 2026Q1-2 neither.
    let tally: unknown[] = [];
    wb.getWorksheet('科室统计')?.eachRow((r) => {
      const v = (r.values as unknown[]).slice(1);
      if (v[0] === DEPT) tally = v;
    });
    expect(tally.slice(1, 8)).toEqual([2, 2, 0, 0, 1, 0, 0]);
  });

  it("is counted in no timeliness figure of the batch's and the year's report, and said alike in their tables", async () => {
    const batch = JSON.parse((await world.cli(['report', BATCH, '--format', 'json'])).stdout);
    expect(batch.timeliness as Timeliness).toMatchObject({ onTime: 0, late: 0, missing: 0, noDate: 0 });
    const year = JSON.parse((await world.cli(['report', '2026', '--format', 'json'])).stdout);
    // Two departments on time in 2026Q1, six missing; the supplementary batch adds nothing.
    expect(year.timeliness as Timeliness).toMatchObject({ onTime: 2, late: 0, noDate: 0 });
    const page = join(ws, 'batch.html');
    expect((await world.cli(['report', BATCH, '--out', page])).code).toBe(0);
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('无截止日期');
    expect(html).not.toContain('未填报送日期');
    const en = join(ws, 'batch-en.html');
    expect((await world.cli(['report', BATCH, '--out', en, '--lang', 'en'])).code).toBe(0);
    expect(readFileSync(en, 'utf8')).toContain('no deadline');
  });

  it("is 无截止日期 in the package's 报送情况.xlsx", async () => {
    // The package the history compiled before it published the batch.
    const wb = await loadWorkbook(readFileSync(join(ws, 'packages', BATCH, '报送情况.xlsx')));
    let cells: unknown[] = [];
    wb.getWorksheet('报送情况')?.eachRow((r) => {
      const v = (r.values as unknown[]).slice(1);
      if (v[1] === DEPT) cells = v;
    });
    expect(cells[2]).toBe('已报送');
    expect(cells[5]).toBe('无截止日期');
  });
});
