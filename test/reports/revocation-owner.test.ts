// Which 督查 row owns a 撤销 (docs/decisions.md "A 撤销 belongs to the batch that carries it"). Two records of
// 劳动关系科 are revoked (objections received and resolved 撤销 in April, 2026Q2) after 2026Q1 was published;
// the supplementary batch 2026Q1-2, compiled and published on 2026-04-22, lists both as `revoked`. The 督查明细
// split them: the 2026Q1-2 row said 移出条数 2 but 已移出 0, the 2026Q2 row (where the dates fall) 已移出 2 and
// 收到异议 2. The batch that carries the removal is what the clerk sent: its row owns them (移出条数 2, 已移出 2);
// 2026Q2 keeps its 收到异议 2 and 已移出 0 — in supervise's JSON, the 督查明细 sheet and the year report.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVOKED_THEN_SUPPLEMENTARY } from '../truth/consistency/history.js';
import { WORKSPACES, type World, worldAfter } from '../truth/consistency/world.js';

const HISTORY = REVOKED_THEN_SUPPLEMENTARY;

const ws = mkdtempSync(join(WORKSPACES, 'hrss-revocation-owner-'));
afterAll(() => rmSync(ws, { recursive: true, force: true }));
let world: World;
const DEPT = '劳动关系科';

beforeAll(async () => {
  world = await worldAfter(ws, HISTORY);
  const supp = world.played.at(-1);
  expect([supp?.label, supp?.written, supp?.published]).toEqual(['2026Q1-2', true, true]);
});

type Row = {
  department: string;
  batch: string;
  removals: Record<string, number>;
  removalsAccepted: number | null;
  objectionsReceived: number | null;
};
/** batch → [移出条数 (the figure's sum), 已移出, 收到异议] of DEPT's rows. */
const owned = (rows: Row[]): Record<string, number[]> =>
  Object.fromEntries(
    rows
      .filter((r) => r.department === DEPT)
      .map((r) => [r.batch, [Object.values(r.removals).reduce((n, x) => n + x, 0), r.removalsAccepted ?? -1, r.objectionsReceived ?? -1]]),
  );
const EXPECTED = { '2026Q1': [0, 0, 0], '2026Q1-2': [2, 2, 0], '2026Q2': [0, 0, 2] };

describe('a 撤销 carried by a supplementary batch', () => {
  it('is 已移出 in the row of the batch that carries it, in supervise JSON and 督查明细', async () => {
    const xlsx = join(ws, '督查.xlsx');
    const sup = await world.json<{ rows: Row[] }>(['supervise', '2026', '--xlsx', xlsx]);
    expect(owned(sup.rows)).toEqual(EXPECTED);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const sheet = wb.getWorksheet('督查明细');
    if (!sheet) throw new Error('督查情况表: no sheet 督查明细');
    const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const col = (h: string): number => header.indexOf(h);
    const fromSheet: Record<string, number[]> = {};
    sheet.eachRow((r, n) => {
      const v = r.values as unknown[];
      if (n === 1 || v[col('科室')] !== DEPT) return;
      // The sheet names its objection column by the quarter received (本季度收到异议; the terminal: 收到异议).
      fromSheet[String(v[col('批次')])] = ['移出条数', '已移出', '本季度收到异议'].map((h) => Number(v[col(h)]));
    });
    expect(fromSheet).toEqual(EXPECTED);
  });

  it('the year report: the same rows, and its removals listed under the batch that carries them', async () => {
    const year = await world.json<{ rows: Row[]; removals: { batch: string; type: string; department: string }[] }>(['report', '2026']);
    expect(owned(year.rows)).toEqual(EXPECTED);
    expect(year.removals.map((r) => [r.batch, r.type, r.department])).toEqual([
      ['2026Q1-2', 'revoked', DEPT],
      ['2026Q1-2', 'revoked', DEPT],
    ]);
    // The batch's own report lists them; the quarter they took effect in lists none.
    const q2 = await world.json<{ removals: unknown[] }>(['report', '2026Q1-2']);
    expect(q2.removals).toHaveLength(2);
  });
});
