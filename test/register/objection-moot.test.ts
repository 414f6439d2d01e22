// Two objections on one record; the first resolved 撤销 revokes the record (objections.md). The second stayed open and,
// past its deadline, overdue for ever — in objection list, --overdue (exit 1 every scheduled check), supervise and the
// report — though what it asked was done. It is now closed with the 撤销, the same day (docs/decisions.md "Other
// objections of a revoked record"): resolved, outcome 撤销, closedBy the number that revoked, late only if that day is
// past its own deadline; every view counts it so.
import { describe, expect, it } from 'vitest';
import { runCliOn } from '../helpers/memory-workspace.js';
import { packageRecords, type Rec } from './helpers.js';
import { publishedSuiteOnPort } from './memory-suite.js';

const env = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '100' };
const { io, files, fresh } = publishedSuiteOnPort('objection-moot', env);
const cli = (ws: string, today: string, args: string[]) => runCliOn(io, [...args, '-w', ws, '--today', today], ws, env);
const json = async (ws: string, today: string, args: string[]): Promise<Record<string, any>> => {
  const r = await cli(ws, today, [...args, '--format', 'json']);
  return { code: r.code, ...(JSON.parse(r.stdout) as Record<string, any>) };
};

const add = (ws: string, received: string, id: string) =>
  cli(ws, received, ['objection', 'add', '--received', received, '--from', '申请人乙', '--summary', '并非本单位', '--record', id]);

describe('an objection open on a record another objection revoked', () => {
  it('is closed with the 撤销 that day: objection list, --overdue, supervise and the report agree', async () => {
    const ws = fresh();
    const rec = packageRecords(ws, '2026Q3', files).find((r: Rec) => r.listType === 'black') as Rec;
    expect((await add(ws, '2026-08-03', rec.id)).code).toBe(0); // O2026-001, deadline 2026-08-06
    expect((await add(ws, '2026-08-04', rec.id)).code).toBe(0); // O2026-002, deadline 2026-08-07
    const resolve = ['objection', 'resolve', 'O2026-001', '--outcome', '撤销', '--opinion', '认定有误', '--on', '2026-08-10'];
    expect((await cli(ws, '2026-08-10', resolve)).code).toBe(0); // late itself: past 08-06

    const list = await json(ws, '2026-10-15', ['objection', 'list', '--all']);
    const second = list.objections.find((o: any) => o.number === 'O2026-002');
    expect(second).toMatchObject({ status: 'resolved', outcome: '撤销', resolvedOn: '2026-08-10', late: true, closedBy: 'O2026-001' });
    expect(list.objections.find((o: any) => o.number === 'O2026-001').closedBy).toBeUndefined();
    const overdue = await cli(ws, '2026-10-15', ['objection', 'list', '--overdue']);
    expect(overdue.code).toBe(0);
    const table = await cli(ws, '2026-10-15', ['objection', 'list', '--all']);
    expect(table.stdout).toContain('撤销（随 O2026-001）');
    expect((await cli(ws, '2026-10-15', ['objection', 'list', '--all', '--lang', 'en'])).stdout).toContain('revoked (with O2026-001)');

    // Resolving it again is refused as already resolved (nothing written).
    const again = await cli(ws, '2026-10-15', ['objection', 'resolve', 'O2026-002', '--outcome', '维持', '--opinion', '无']);
    expect(again.code).toBe(1);

    const supervise = await json(ws, '2026-10-15', ['supervise', '2026']);
    const rows = (supervise.rows as any[]).filter((r) => r.objectionsReceived);
    expect(rows.reduce((n, r) => n + r.objectionsReceived, 0)).toBe(2);
    expect(rows.reduce((n, r) => n + r.objectionsOverdue, 0)).toBe(0);
    expect(rows.reduce((n, r) => n + r.objectionsResolvedLate, 0)).toBe(2);
    const report = await json(ws, '2026-10-15', ['report', '2026']);
    expect((report.objections as any[]).map((o) => [o.number, o.status, o.overdue, o.late])).toEqual([
      ['O2026-001', 'resolved', false, true],
      ['O2026-002', 'resolved', false, true],
    ]);
  });

  it('a 维持 of one leaves the record’s other objections open: only a 撤销 answers them', async () => {
    const ws = fresh();
    const rec = packageRecords(ws, '2026Q3', files).find((r: Rec) => r.listType === 'black') as Rec;
    expect((await add(ws, '2026-08-03', rec.id)).code).toBe(0);
    expect((await add(ws, '2026-08-04', rec.id)).code).toBe(0);
    expect((await cli(ws, '2026-08-05', ['objection', 'resolve', 'O2026-001', '--outcome', '维持', '--opinion', '无误'])).code).toBe(0);
    const list = await json(ws, '2026-08-05', ['objection', 'list', '--all']);
    expect(list.objections.map((o: any) => [o.number, o.status, o.outcome, o.closedBy])).toEqual([
      ['O2026-001', 'resolved', '维持', undefined],
      ['O2026-002', 'open', null, undefined],
    ]);
  });
});
