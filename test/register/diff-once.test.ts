// diff of two published batches that read the same state (nothing later took effect before the second) makes only the
// entries whose part can differ, once each, and reads each on both days: a province's million entries were made twice,
// once for each side. Read through a checkpoint (the state a province's diff has), with a record removed, one expired
// between the two days, one added, one corrected under its own 认定文书号, one under a new one and one sent again
// unchanged; and over four batches, every pair is what the same diff finds in a register read without a checkpoint
// (every entry made and read).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { chain } from '../helpers/register-chain.js';
import { eventLine } from '../../src/register/chain.js';
import type { EventBody, RegisterRecord } from '../../src/register/events.js';
import { diff } from '../../src/api/register/register.js';
import { loadRegister } from '../../src/io/register/register-store.js';
import { LazyRecords } from '../../src/register/lazy-state.js';
import { ROOT, writePackage, type Rec } from './helpers.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const record = (i: number, over: Partial<Record<string, string>> = {}): RegisterRecord =>
  ({
    id: `d${String(i).padStart(11, '0')}`,
    listType: 'red',
    domain: '劳务派遣',
    department: '就业办',
    subjectName: `主体${i}`,
    subjectType: '法人及非法人组织',
    creditCode: '',
    idType: '',
    idNumber: '',
    decisionNo: `新人社〔2026〕${i}号`,
    decisionDate: '2026-01-01',
    publishUntil: i === 3 ? '2026-06-30' : '2030-01-01',
    severity: '',
    ...over,
  }) as unknown as RegisterRecord;

function workspace(more: EventBody[] = []): string {
  const ws = mkdtempSync(join(tmpdir(), 'hrss-diff-once-'));
  dirs.push(ws);
  mkdirSync(join(ws, 'register'));
  // Records 20–69: published in 2026Q1 and untouched since, public long after: nothing of theirs can differ.
  const first = [...Array.from({ length: 6 }, (_, i) => record(i)), ...Array.from({ length: 50 }, (_, i) => record(20 + i))];
  const events = chain([
    { type: 'publish', batch: '2026Q1', on: '2026-04-15', package: 'f'.repeat(64), records: first, removals: [], unchanged: [] },
    {
      type: 'publish',
      batch: '2026Q2',
      on: '2026-07-15',
      package: 'e'.repeat(64),
      records: [record(4, { subjectName: '主体4（更正）' }), record(9)],
      removals: [{ id: record(1).id, type: 'violation' as const, reason: '违法' }],
      unchanged: [record(5).id],
      corrected: [{ id: record(4).id, revision: 2, changed: ['subjectName'] }],
    },
    ...more,
  ]);
  writeFileSync(join(ws, 'register', 'events.jsonl'), events.map(eventLine).join(''));
  loadRegister(ws); // writes the checkpoint: the state read next is a lazy one
  return ws;
}

describe('diff of two published batches', () => {
  it('makes only the entries that can differ, once each, and finds what the two days differ by', async () => {
    const ws = workspace();
    const stream = vi.spyOn(LazyRecords.prototype, 'stream');
    const make = vi.spyOn(LazyRecords.prototype as unknown as { make: () => unknown }, 'make');
    const d = await diff('2026Q1', '2026Q2', { cwd: ws, workspace: ws, today: '2026-10-15' });
    expect(stream).not.toHaveBeenCalled();
    // 0–5 and 9 can differ (2026Q2 publishes, removes or resends them, or they expire between the days); 20–69 cannot.
    const made = make.mock.calls.map((c) => (c as unknown[])[0] as string);
    expect(new Set(made).size).toBe(made.length);
    expect(made.length).toBeLessThanOrEqual(7);
    const ids = (k: 'added' | 'removed' | 'corrected' | 'unchanged'): string[] => d[k].map((r) => r.id);
    expect(ids('added')).toEqual([record(9).id]);
    expect(ids('removed')).toEqual([record(1).id, record(3).id]);
    expect(d.removed.map((r) => r.removal?.type)).toEqual(['violation', 'expired']);
    expect(ids('corrected')).toEqual([record(4).id]);
    expect(ids('unchanged')).toEqual([record(5).id]);
    expect(d.counts.byDepartment['就业办']).toEqual({ added: 1, removed: 2, corrected: 1, unchanged: 1 });
  });

  it('finds, for every pair of four batches, what a register read without its checkpoint (every entry read) finds', async () => {
    const ws = workspace([
      {
        type: 'publish',
        batch: '2026Q3',
        on: '2026-10-15',
        package: 'd'.repeat(64),
        // 25 corrected under a new 认定文书号 (90 replaces it), 22 removed, 0 resent, 40 published, 3 (expired) published again.
        records: [record(90, { decisionNo: '新人社〔2026〕99号' }), record(40), record(3, { publishUntil: '2031-01-01' })],
        removals: [
          { id: record(25).id, type: 'corrected' as const, reason: '更正' },
          { id: record(22).id, type: 'violation' as const, reason: '违法' },
        ],
        unchanged: [record(0).id],
        corrected: [{ id: record(90).id, revision: 1, changed: ['decisionNo'], replaces: record(25).id }],
      },
      { type: 'publish', batch: '2027Q1', on: '2027-01-15', package: 'c'.repeat(64), records: [record(41)], removals: [], unchanged: [] },
    ]);
    const batches = ['2026Q1', '2026Q2', '2026Q3', '2027Q1'];
    const options = { cwd: ws, workspace: ws, today: '2027-02-01' };
    const checkpoint = join(ws, 'register', 'events.jsonl.checkpoint');
    for (const [i, a] of batches.entries())
      for (const [j, b] of batches.entries()) {
        // A later batch first is refused (DIFF_ORDER_REVERSED), whether the checkpoint is read or not.
        if (j < i) {
          await expect(diff(a, b, options)).rejects.toMatchObject({ code: 'DIFF_ORDER_REVERSED', args: { from: a, to: b } });
          continue;
        }
        const read = await diff(a, b, options); // through the checkpoint the last read wrote
        unlinkSync(checkpoint);
        const whole = await diff(a, b, options); // every line parsed, every entry made (and the checkpoint written again)
        expect(read, `${a} ${b}`).toEqual(whole);
      }
    // Over a batch between the two (2026Q2), every entry streamed once and none kept: candidates are kept to the end
    // (a province's 2020Q1 with 2026Q2 made 700,000 of them, 821 MiB).
    const stream = vi.spyOn(LazyRecords.prototype, 'stream');
    const candidates = vi.spyOn(LazyRecords.prototype, 'candidates');
    expect(await diff('2026Q1', '2026Q3', options)).toEqual(await diff('2026Q1', '2026Q3', options));
    expect([stream.mock.calls.length, candidates.mock.calls.length]).toEqual([2, 0]);
    await diff('2026Q3', '2027Q1', options);
    expect([stream.mock.calls.length, candidates.mock.calls.length]).toEqual([2, 1]);
    const q3 = await diff('2026Q2', '2026Q3', options);
    expect(q3.corrected.map((r) => [r.id, r.replaces])).toEqual([[record(90).id, record(25).id]]);
    expect(q3.removed.map((r) => r.id)).toEqual([record(22).id]);
  });

  it('against a package not yet published: its publish applied to the register read, no copy, only what can differ made', async () => {
    const ws = workspace();
    // A record of records.json as compile writes it (the project's fixture, its id its identity's): new to this register.
    const fixture = join(ROOT, 'fixtures', 'old-packages', 'records-v2-register', 'packages', '2026Q3', 'records.json');
    const [like] = (JSON.parse(readFileSync(fixture, 'utf8')) as { records: Rec[] }).records;
    const dir = writePackage(ws, '2026Q3', [like as Rec], {
      removals: [{ id: record(21).id, type: 'violation', on: '2026-09-01', reason: '违法' }],
      unchanged: [record(0).id],
    });
    const options = { cwd: ws, workspace: ws, today: '2026-10-15' };
    const candidates = vi.spyOn(LazyRecords.prototype, 'candidates');
    const stream = vi.spyOn(LazyRecords.prototype, 'stream');
    const make = vi.spyOn(LazyRecords.prototype as unknown as { make: () => unknown }, 'make');
    const read = await diff('2026Q2', dir, options);
    expect([candidates.mock.calls.length, stream.mock.calls.length]).toEqual([1, 0]);
    expect(make.mock.calls.length).toBeLessThan(20);
    expect(read.added.map((r) => r.id)).toEqual([(like as Rec).id]);
    expect(read.removed.map((r) => r.id)).toEqual([record(21).id]);
    expect(read.unchanged.map((r) => r.id)).toEqual([record(0).id]);
    unlinkSync(join(ws, 'register', 'events.jsonl.checkpoint'));
    expect(await diff('2026Q2', dir, options)).toEqual(read);
    // The package, not yet published, is later than any published batch: it is not the first of the two.
    await expect(diff(dir, '2026Q2', options)).rejects.toMatchObject({ code: 'DIFF_ORDER_REVERSED', args: { fromOn: 'package' } });
  });
});
