// diff of two published batches that read the same state (nothing later took effect before the second) makes each of
// the register's entries once and reads it on both days: a province's million entries were made twice, once for each
// side. Read through a checkpoint (the state a province's diff has), with a record removed, one expired between the
// two days, one added, one corrected under its own 认定文书号 and one sent again unchanged.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { chain } from '../helpers/register-chain.js';
import { eventLine } from '../../src/register/chain.js';
import type { RegisterRecord } from '../../src/register/events.js';
import { diff } from '../../src/api/register/register.js';
import { loadRegister } from '../../src/io/register/register-store.js';
import { LazyRecords } from '../../src/register/lazy-state.js';

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

function workspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'hrss-diff-once-'));
  dirs.push(ws);
  mkdirSync(join(ws, 'register'));
  const first = Array.from({ length: 6 }, (_, i) => record(i));
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
  ]);
  writeFileSync(join(ws, 'register', 'events.jsonl'), events.map(eventLine).join(''));
  loadRegister(ws); // writes the checkpoint: the state read next is a lazy one
  return ws;
}

describe('diff of two published batches', () => {
  it('streams the register’s entries once, and finds what the two days differ by', async () => {
    const ws = workspace();
    const stream = vi.spyOn(LazyRecords.prototype, 'stream');
    const d = await diff('2026Q1', '2026Q2', { cwd: ws, workspace: ws, today: '2026-10-15' });
    expect(stream).toHaveBeenCalledTimes(1);
    const ids = (k: 'added' | 'removed' | 'corrected' | 'unchanged'): string[] => d[k].map((r) => r.id);
    expect(ids('added')).toEqual([record(9).id]);
    expect(ids('removed')).toEqual([record(1).id, record(3).id]);
    expect(d.removed.map((r) => r.removal?.type)).toEqual(['violation', 'expired']);
    expect(ids('corrected')).toEqual([record(4).id]);
    expect(ids('unchanged')).toEqual([record(5).id]);
    expect(d.counts.byDepartment['就业办']).toEqual({ added: 1, removed: 2, corrected: 1, unchanged: 1 });
  });
});
