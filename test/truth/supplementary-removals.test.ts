// The report of a supplementary batch counts the removals it records for departments that sent nothing to
// it: two records revoked (objections resolved 撤销) after 2026Q1 was published, then a supplementary batch
// 2026Q1-2 to which one department sent only the untouched form and the other nothing. status, compile and
// the manifest count the two 撤销 for the department; the report's page dropped every department that did
// not submit and showed 移出 0. Found by the consistency property (seed 20261018, path 0).
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REVOKED_THEN_SUPPLEMENTARY } from './consistency/history.js';
import { WORKSPACES, worldAfter } from './consistency/world.js';

const HISTORY = REVOKED_THEN_SUPPLEMENTARY;

const ws = mkdtempSync(join(WORKSPACES, 'hrss-supp-removals-'));
afterAll(() => rmSync(ws, { recursive: true, force: true }));

type Figs = { department?: string; name?: string; submitted?: boolean; removals: { revoked: number } };

describe('a supplementary batch: removals of departments that sent nothing', () => {
  it('the report counts them as status and the manifest do, and names no department 未报送', async () => {
    const world = await worldAfter(ws, HISTORY);
    const supp = world.played.at(-1);
    expect(supp?.label).toBe('2026Q1-2');
    expect(supp?.written).toBe(true);
    const status = JSON.parse(supp!.status.stdout) as { departments: Figs[] };
    const revokedIn = (list: Figs[]) => list.filter((d) => d.removals.revoked > 0).map((d) => [d.department ?? d.name, d.removals.revoked]);
    expect(revokedIn(status.departments)).toEqual([['劳动关系科', 2]]);
    const report = await world.json<{ totals: Figs; departments: Figs[]; timeliness: { missing: number } }>(['report', '2026Q1-2']);
    expect(report.totals.removals.revoked).toBe(2);
    expect(revokedIn(report.departments)).toEqual([['劳动关系科', 2]]);
    // Nobody owes a supplementary batch: a department absent from it is not counted 未报送.
    expect(report.timeliness.missing).toBe(0);
    // The year's views count them once too, in the batch that listed them (they were counted nowhere: supervise
    // dropped every department that sent nothing to a supplementary batch, so 督查 and the year report said 0).
    const year = await world.json<{ totals: Figs; departments: Figs[]; quarters: (Figs & { batch: string })[] }>(['report', '2026']);
    expect(year.totals.removals.revoked).toBe(2);
    expect(revokedIn(year.departments)).toEqual([['劳动关系科', 2]]);
    expect(year.quarters.filter((q) => q.removals.revoked > 0).map((q) => [q.batch, q.removals.revoked])).toEqual([['2026Q1-2', 2]]);
    const sup = await world.json<{ rows: (Figs & { batch: string })[]; lapses: { batch: string; kind: string }[] }>(['supervise', '2026']);
    expect(sup.rows.filter((r) => r.removals.revoked > 0).map((r) => [r.batch, r.department, r.removals.revoked])).toEqual([
      ['2026Q1-2', '劳动关系科', 2],
    ]);
    expect(sup.lapses.filter((l) => l.batch === '2026Q1-2')).toEqual([]);
  });
});
