// 补报 (round 30): 就业办 sent nothing to 2026Q1 and sent its 2026Q1 list in the supplementary batch 2026Q1-2 — how
// a late department reports (register.md "Batches": a supplementary batch is compiled and published the same way).
// supervise still listed 就业办 2026Q1 as 未报送 (a lapse `missing`, counted in 科室统计's 未报送) and the report
// counted it missing. Now the regular row says where and when the list came (`sentIn`, `sentOn`, `daysLate` from
// the regular deadline), the lapse is `late` (with `sentIn`) when it came after the deadline, never `missing`, and
// every view says 补报（2026Q1-2）: supervise's JSON, screen (zh-CN, en), 督查明细 and the report's JSON and page.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Step } from '../truth/consistency/history.js';
import { WORKSPACES, type World, worldAfter } from '../truth/consistency/world.js';

const row = (subject: number, list: 'red' | 'black') => ({ subject, list, variant: 0, severity: '一般', correction: 'none' }) as const;
const HISTORY: Step[] = [
  { kind: 'batch', supplementary: false, plans: [{ kind: 'rows', rows: [row(0, 'red')], removals: [] }, { kind: 'absent' }] },
  { kind: 'batch', supplementary: true, plans: [{ kind: 'absent' }, { kind: 'rows', rows: [row(0, 'black')], removals: [] }] },
];
const LATE = '就业办';

const ws = mkdtempSync(join(WORKSPACES, 'hrss-supp-late-'));
afterAll(() => rmSync(ws, { recursive: true, force: true }));
let world: World;

beforeAll(async () => {
  world = await worldAfter(ws, HISTORY);
  expect(world.played.map((b) => [b.label, b.published])).toEqual([
    ['2026Q1', true],
    ['2026Q1-2', true],
  ]);
});

type Row = { department: string; batch: string; status: string; sentIn?: string; sentOn: string | null; daysLate: number | null };
type Lapse = { department: string; batch: string; kind: string; daysLate?: number; sentIn?: string };

describe('a regular batch’s list sent in its supplementary batch (补报)', () => {
  it('supervise JSON: the regular row names the batch it came in, no 未报送 lapse (on time by its 报送日期)', async () => {
    const sup = await world.json<{ rows: Row[]; lapses: Lapse[] }>(['supervise', '2026']);
    const regular = sup.rows.find((r) => r.department === LATE && r.batch === '2026Q1') as Row;
    const supp = sup.rows.find((r) => r.department === LATE && r.batch === '2026Q1-2') as Row;
    // Its 报送日期 (the same day as the other department's) is before the regular deadline: on time, no lapse.
    expect(regular).toMatchObject({ status: 'missing', sentIn: '2026Q1-2', sentOn: supp.sentOn, daysLate: 0 });
    expect(sup.lapses.filter((l) => l.department === LATE && l.batch === '2026Q1')).toEqual([]);
    // The other department's row is unchanged: it sent its list to the regular batch.
    expect(sup.rows.find((r) => r.department === '劳动关系科' && r.batch === '2026Q1')?.sentIn).toBeUndefined();
  });

  it('supervise screen (zh-CN, en) and its 督查明细 say 补报, not 未报送', async () => {
    const zh = (await world.cli(['supervise', '2026'])).stdout;
    const en = (await world.cli(['supervise', '2026', '--lang', 'en'])).stdout;
    const line = (out: string): string => out.split('\n').find((l) => l.includes(LATE) && l.includes('2026Q1 ')) ?? '';
    expect(line(zh)).toContain('补报（2026Q1-2）');
    expect(line(zh)).not.toContain('未报送');
    expect(line(en)).toContain('sent late in 2026Q1-2');
    const xlsx = join(ws, '督查.xlsx');
    await world.cli(['supervise', '2026', '--xlsx', xlsx]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const cells: string[] = [];
    wb.getWorksheet('督查明细')?.eachRow((r) => {
      const v = r.values as unknown[];
      if (v[1] === LATE && v[2] === '2026Q1') cells.push(String(v[3]));
    });
    expect(cells).toEqual(['补报（2026Q1-2）']);
  });

  it('the report (JSON timeliness, page) counts it by its timeliness, not missing', async () => {
    const doc = await world.json<{ path: string; timeliness: { missing: number; onTime: number } }>(['report', '2026']);
    // 劳动关系科 on time in 2026Q1, 就业办 on time by its 补报; the other departments of the matrix 未报送 (6).
    const sup = await world.json<{ rows: Row[] }>(['supervise', '2026']);
    const missing = sup.rows.filter((r) => r.batch === '2026Q1' && r.status === 'missing' && r.sentIn === undefined).length;
    expect(doc.timeliness).toMatchObject({ missing, onTime: 2 });
    const html = world.io
      ? Buffer.from(await world.io.readFile(join(ws, doc.path))).toString('utf8')
      : readFileSync(join(ws, doc.path), 'utf8');
    expect(html).toContain('补报（2026Q1-2）');
  });
});

// status of the regular batch said 未报送 (已报送 否) for 就业办 while supervise and the report said 补报 (round 31):
// `submitted` keeps its meaning (the regular batch's package does not hold it) and the line gains `sentIn`.
describe('status of the regular batch names the 补报 too', () => {
  type Line = { name: string; submitted: boolean; sentIn?: string };
  it('JSON: `sentIn` on the late department only, `submitted` still false; none in the supplementary batch', async () => {
    const doc = await world.json<{ departments: Line[] }>(['status', '2026Q1']);
    const late = doc.departments.find((d) => d.name === LATE);
    expect(late).toMatchObject({ submitted: false, sentIn: '2026Q1-2' });
    expect(doc.departments.filter((d) => d.sentIn !== undefined).map((d) => d.name)).toEqual([LATE]);
    const supp = await world.json<{ departments: Line[] }>(['status', '2026Q1-2']);
    expect(supp.departments.filter((d) => d.sentIn !== undefined)).toEqual([]);
  });

  it('screen (zh-CN, en): its 已报送 cell says 补报（2026Q1-2）, not 否', async () => {
    const line = (out: string): string => out.split('\n').find((l) => l.includes(LATE)) ?? '';
    const zh = line((await world.cli(['status', '2026Q1'])).stdout);
    expect(zh.split('│').map((c) => c.trim())[2]).toBe('补报（2026Q1-2）');
    const en = line((await world.cli(['status', '2026Q1', '--lang', 'en'])).stdout);
    expect(en.split('│').map((c) => c.trim())[2]).toBe('sent late in 2026Q1-2');
  });
});

// The same screen still said PACKAGE_SUBMISSION_MISSING "就业办本季度没有报送" under the 补报 cell (round 31): the
// finding now names the batch (args `sentIn`), in status and compile alike; code and severity unchanged.
describe('the regular batch’s PACKAGE_SUBMISSION_MISSING names the 补报', () => {
  type Diag = { code: string; severity: string; department?: string; args: { sentIn?: string }; message: string; hint: string };
  const missing = (doc: { diagnostics: Diag[] }): Diag[] => doc.diagnostics.filter((d) => d.code === 'PACKAGE_SUBMISSION_MISSING');
  for (const command of [
    ['status', '2026Q1'],
    ['compile', '2026Q1', '--dry-run'],
  ]) {
    it(`${command[0]}: zh-CN and en name 2026Q1-2 for ${LATE} only`, async () => {
      const zh = missing(await world.json<{ diagnostics: Diag[] }>(command));
      const late = zh.find((d) => d.department === LATE) as Diag;
      expect(late).toMatchObject({ severity: 'warning', args: { sentIn: '2026Q1-2' } });
      expect(late.message).toContain('补报（2026Q1-2）');
      expect(late.message).not.toContain('本季度没有报送');
      expect(late.hint).not.toContain('督促');
      // The departments that sent nothing anywhere keep the usual words.
      const others = zh.filter((d) => d.department !== LATE);
      expect(others.length).toBeGreaterThan(0);
      for (const d of others) expect([d.args.sentIn, d.message.includes('本季度没有报送')]).toEqual([undefined, true]);
      const en = missing(await world.json<{ diagnostics: Diag[] }>([...command, '--lang', 'en']));
      expect(en.find((d) => d.department === LATE)?.message).toContain('sent late in 2026Q1-2');
    });
  }
});

describe('the lapse of a 补报 that came after the deadline', () => {
  const base = {
    department: LATE,
    batch: '2026Q1',
    status: 'missing' as const,
    sentOn: '2026-04-17',
    deadline: '2026-04-10',
    signedOff: false,
  };
  it('is late by its days, naming the batch it came in; without it the row is 未报送', async () => {
    const { lapsesOf } = await import('../../dist/api/reports/supervise.js');
    const { lapseCells } = await import('../../dist/reporters/supervise-view.js');
    const { messagesFor } = await import('../../dist/messages/index.js');
    const row = { ...base, daysLate: 7, sentIn: '2026Q1-2', objectionsOverdue: 0, objectionsResolvedLate: 0, correctionsAwaited: 0 };
    const lapses = lapsesOf(row as never, true);
    expect(lapses).toEqual([{ department: LATE, batch: '2026Q1', kind: 'late', daysLate: 7, sentIn: '2026Q1-2' }]);
    expect(lapseCells(messagesFor('zh-CN').ui.reports, lapses[0] as never)).toEqual([LATE, '2026Q1', '逾期报送（补报（2026Q1-2））', '7']);
    expect(lapseCells(messagesFor('en').ui.reports, lapses[0] as never)[2]).toContain('sent late in 2026Q1-2');
    const { sentIn: _s, ...missing } = { ...row, sentOn: null, daysLate: null };
    expect(lapsesOf(missing as never, true).map((l: { kind: string }) => l.kind)).toEqual(['missing']);
  });
});
