// register list on two threads (decisions.md "register list on two threads"): the checkpoint's rows cut into chunks,
// each chunk's records made by one of two streams (LazyRecords.stream's part) and written in chunk order, must be the
// document one stream writes — for random registers (read through a checkpoint, with events after it), every filter,
// any chunk size and any split of the chunks. Then the real second thread (cli/list-split.ts, its worker from dist/, as
// verify's two threads are tested): the same bytes with the worker making every other chunk, and with a worker that
// fails or stalls (HRSS_CREDIT_FAULT), whose chunks this thread makes itself.
import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { chain } from '../helpers/register-chain.js';
import type { EventBody, RegisterEvent, RegisterRecord } from '../../src/register/events.js';
import { eventLine } from '../../src/register/chain.js';
import { readLog } from '../../src/io/register/register-store.js';
import { registerListEach, type ListOptions } from '../../src/api/register/register.js';
import { jsonBytesParts, type JsonBytes } from '../../src/reporters/json-bytes.js';
import { ListedBytes } from '../../src/reporters/listed-bytes.js';
import type { RecordStatus } from '../../src/register/state.js';
import { ChunkBytes } from '../../src/cli/list-part.js';
import { historyArb, largeHistory } from './checkpoint-histories.js';
import { logOf, registerWorkspace } from './register-files.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const TODAY = '2026-10-15';

/** A workspace whose log is `events`, its checkpoint written after the first `cut` of them (the rest follow it). */
function registerOf(events: RegisterEvent[], cut: number): string {
  const ws = registerWorkspace(dirs, 'hrss-list-split-');
  writeFileSync(logOf(ws), events.slice(0, cut).map(eventLine).join(''));
  // Read as verify reads it: the checkpoint written (sinkBytes 0), then the events after it appended.
  readLog(ws, { sinkBytes: 0 });
  appendFileSync(logOf(ws), events.slice(cut).map(eventLine).join(''));
  return ws;
}

type List = ReturnType<typeof registerListEach>;
type Api = { registerListEach: typeof registerListEach; jsonBytesParts: typeof jsonBytesParts; ListedBytes: typeof ListedBytes };

/** The document as one stream writes it (the CLI's way without a second thread). */
function oneThread(list: List, api: Api = { registerListEach, jsonBytesParts, ListedBytes }): Buffer {
  const listed = new api.ListedBytes(2);
  const write = (out: JsonBytes, s: unknown): void => listed.writeStatus(out, s as RecordStatus, list.lister);
  const head = { schemaVersion: 1, command: 'register list', on: list.on };
  return Buffer.concat([...api.jsonBytesParts(head, { key: 'records', items: list.statuses, write })]);
}

/** The document from runs of records in order, each written as a part (or parts) of its own (the CLI's way with two threads). */
function fromRuns(
  on: string,
  runs: Iterable<Uint8Array | readonly Uint8Array[]>,
  api: Api = { registerListEach, jsonBytesParts, ListedBytes },
): Buffer {
  const head = { schemaVersion: 1, command: 'register list', on };
  return Buffer.concat([
    ...api.jsonBytesParts(head, { key: 'records', items: runs, write: (_, run) => run as Uint8Array | readonly Uint8Array[] }),
  ]);
}

/** Each chunk's run as two streams make them, `first(c)` saying which makes chunk c; in chunk order, the empty left out. */
function twoStreams(list: List, chunkRows: number, first: (c: number) => boolean): { runs: Uint8Array[]; by: [number, number] } {
  const made = new Map<number, { run: Uint8Array; one: boolean }>();
  for (const one of [true, false]) {
    const chunk = new ChunkBytes(new ListedBytes(2), list.lister);
    let at = -1;
    const mine = (c: number): boolean => {
      if (at >= 0) made.set(at, { run: chunk.take(), one });
      at = first(c) === one ? c : -1;
      return at >= 0;
    };
    for (const s of list.statusesOf({ rows: chunkRows, mine })) chunk.add(s);
    if (at >= 0) made.set(at, { run: chunk.take(), one });
  }
  const order = [...made.keys()].sort((a, b) => a - b);
  const runs = order.map((c) => made.get(c) as { run: Uint8Array; one: boolean }).filter((m) => m.run.length > 0);
  return { runs: runs.map((m) => m.run), by: [runs.filter((m) => m.one).length, runs.filter((m) => !m.one).length] };
}

/** Filters, each left out more often than not (a filter that lets few records through leaves little to split). */
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: arb, weight: 1 });
const filterArb: fc.Arbitrary<Partial<ListOptions>> = fc
  .record({
    status: fc.constantFrom('active' as const, 'expired' as const, 'removed' as const, 'all' as const),
    on: maybe(fc.constantFrom('2024-06-01', '2025-06-01', '2026-06-01', '2029-01-01')),
    department: maybe(fc.constantFrom('就业办', '市社保中心')),
    list: maybe(fc.constantFrom('red' as const, 'black' as const)),
    expiringBefore: maybe(fc.constantFrom('2025-01-01', '2027-01-01')),
    find: maybe(fc.constantFrom('a', '测试', '91410700MA3X7K2P20', '"')),
  })
  .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Partial<ListOptions>);

describe('register list in parts: chunks made by two streams, written in order', () => {
  it('is the document one stream writes, for random registers through a checkpoint, any filter, chunk size and split', () => {
    let split = 0;
    let both = 0;
    fc.assert(
      fc.property(
        historyArb,
        fc.nat(),
        filterArb,
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        (bodies, at, filter, chunkRows, pattern) => {
          const events = chain(bodies);
          const ws = registerOf(events, 1 + (at % events.length));
          const list = registerListEach({ cwd: ws, workspace: ws, today: TODAY, ...filter });
          const whole = oneThread(list);
          if (list.rows === undefined) return;
          split++;
          const { runs, by } = twoStreams(list, chunkRows, (c) => pattern[c % pattern.length] as boolean);
          if (by[0] > 0 && by[1] > 0) both++;
          expect(fromRuns(list.on, runs).toString()).toBe(whole.toString());
        },
      ),
      { seed: 3232, numRuns: 300 },
    );
    // Not vacuous: read through a checkpoint, and both streams made records.
    expect(split).toBeGreaterThan(150);
    expect(both).toBeGreaterThan(12);
  });

  it('is so for a large register (30,000 records, a batch after the checkpoint), every status, chunks of 1,024 and 7 rows', () => {
    const events = chain(largeHistory());
    const ws = registerOf(events, 1);
    for (const status of ['active', 'removed', 'expired', 'all'] as const)
      for (const rows of [1024, 7]) {
        const list = registerListEach({ cwd: ws, workspace: ws, today: TODAY, status });
        const { runs, by } = twoStreams(list, rows, (c) => c % 3 !== 1);
        expect(by[0]).toBeGreaterThan(0);
        expect(by[1]).toBeGreaterThan(0);
        expect(fromRuns(list.on, runs).equals(oneThread(list))).toBe(true);
      }
  });
});

describe('register list on two threads (the worker from dist/)', () => {
  const fault = process.env.HRSS_CREDIT_FAULT;
  afterEach(() => {
    if (fault === undefined) delete process.env.HRSS_CREDIT_FAULT;
    else process.env.HRSS_CREDIT_FAULT = fault;
  });

  /** A large register (its log hashed early: 4 MiB and more), a checkpoint, and a batch published after it. */
  function largeRegister(): string {
    const bodies: EventBody[] = largeHistory();
    const later = Array.from(
      { length: 40 },
      (_, i) =>
        ({
          id: `d${i.toString(16).padStart(11, '0')}`,
          listType: 'black',
          domain: '劳务派遣',
          department: '就业办',
          subjectName: `后来的主体${i}`,
          subjectType: '法人及非法人组织',
          creditCode: '',
          idType: '',
          idNumber: '',
          decisionNo: `新人社〔2026〕后${i}号`,
          decisionDate: '2026-08-01',
          publishUntil: '2029-08-01',
          severity: '严重',
        }) as unknown as RegisterRecord,
    );
    bodies.push({
      type: 'publish',
      batch: '2026Q3',
      on: '2026-10-10',
      package: '3'.repeat(64),
      records: later,
      removals: [],
      unchanged: [],
    });
    const events = chain(bodies);
    return registerOf(events, events.length - 1);
  }

  async function dist() {
    return {
      api: {
        registerListEach: (await import('../../dist/api/register/register.js')).registerListEach,
        jsonBytesParts: (await import('../../dist/reporters/json-bytes.js')).jsonBytesParts,
        ListedBytes: (await import('../../dist/reporters/listed-bytes.js')).ListedBytes,
      } as unknown as Api,
      ...(await import('../../dist/io/register/log-hash.js')),
      ...(await import('../../dist/cli/list-split.js')),
      ...(await import('../../dist/diagnostics/unexpected.js')),
    };
  }

  it('writes the bytes of one thread, the worker making every other chunk; a worker that fails or stalls, none', async () => {
    const d = await dist();
    const ws = largeRegister();
    for (const status of ['active', 'all'] as const) {
      const options = { cwd: ws, workspace: ws, today: TODAY, status };
      const whole = oneThread(d.api.registerListEach(options), d.api);
      for (const faults of ['', ',list-thread-fail', ',list-thread-stall']) {
        process.env.HRSS_CREDIT_FAULT = `list-thread-alternate${faults}`;
        // The log hashed early, as bin/ begins it: the worker takes its digests (and the checkpoint's parts read here).
        d.startLogHash(ws, 0);
        const list = d.api.registerListEach(options);
        expect(d.earlyLogGiven()).toBeDefined();
        const listed = new d.api.ListedBytes(2) as unknown as Parameters<typeof d.splitRecords>[1];
        const runs = d.splitRecords(list, listed, { ...options }) as NonNullable<ReturnType<typeof d.splitRecords>>;
        expect(runs).toBeDefined();
        expect(fromRuns(list.on, runs, d.api).equals(whole)).toBe(true);
        // The worker made half the chunks (the odd ones), or none when it failed or stalled.
        if (faults === '') expect(runs.given).toBe(Math.floor(runs.chunks / 2));
        else expect(runs.given).toBe(0);
        // A worker given up is said under --debug (io/threads.ts): what it said, or how long it posted nothing.
        const noted = d.takeUnexpected().map((u) => [u.where, u.code, u.message]);
        const said = {
          '': [],
          ',list-thread-fail': [['register list thread', 'THREAD_FAILED', 'list-thread-fail']],
          ',list-thread-stall': [['register list thread', 'THREAD_STALLED', 'nothing for 3000 ms']],
        }[faults];
        expect(noted).toEqual(said);
      }
    }
  }, 120_000);

  it('takes the worker begun before the read (its modules loading beside it): the same bytes, its half made', async () => {
    const d = await dist();
    const ws = largeRegister();
    const options = { cwd: ws, workspace: ws, today: TODAY, status: 'all' as const };
    const whole = oneThread(d.api.registerListEach(options), d.api);
    process.env.HRSS_CREDIT_FAULT = 'list-thread-alternate';
    d.startLogHash(ws, 0);
    // Begun as register-prime.ts begins it, before the register is read: the log being hashed early, a thread asked for.
    d.beginListThreadEarly({ HRSS_CREDIT_LIST_THREAD: 'on' }, ws);
    expect(d.listThreadWaiting()).toBe(true);
    const list = d.api.registerListEach(options);
    const listed = new d.api.ListedBytes(2) as unknown as Parameters<typeof d.splitRecords>[1];
    const runs = d.splitRecords(list, listed, { ...options }) as NonNullable<ReturnType<typeof d.splitRecords>>;
    expect(runs.early).toBe(true);
    expect(d.listThreadWaiting()).toBe(false);
    expect(fromRuns(list.on, runs, d.api).equals(whole)).toBe(true);
    expect(runs.given).toBe(Math.floor(runs.chunks / 2));
    expect(d.takeUnexpected()).toEqual([]);
  }, 120_000);

  it('begins none before the read where the list would not split, and lets go of one it did not take', async () => {
    const d = await dist();
    const ws = largeRegister();
    // No log hashed early (nothing for the worker to take its digests from): none, even asked for.
    d.dropEarlyLog();
    d.beginListThreadEarly({ HRSS_CREDIT_LIST_THREAD: 'on' }, ws);
    expect(d.listThreadWaiting()).toBe(false);
    d.startLogHash(ws, 0);
    // A log shorter than a register worth splitting, on a free machine; or the variable saying off: none.
    d.beginListThreadEarly({}, ws);
    expect(d.listThreadWaiting()).toBe(false);
    d.beginListThreadEarly({ HRSS_CREDIT_LIST_THREAD: 'off' }, ws);
    expect(d.listThreadWaiting()).toBe(false);
    d.beginListThreadEarly({ HRSS_CREDIT_LIST_THREAD: 'on' }, ws);
    expect(d.listThreadWaiting()).toBe(true);
    // The command ended without taking it (cli/register-prime.ts dropPrimedRead): stopped.
    d.dropListThread();
    expect(d.listThreadWaiting()).toBe(false);
    // A list that cannot split (no checkpoint's rows: read with the log's early hash gone) stops the one begun for it.
    d.beginListThreadEarly({ HRSS_CREDIT_LIST_THREAD: 'on' }, ws);
    d.dropEarlyLog();
    const list = d.api.registerListEach({ cwd: ws, workspace: ws, today: TODAY });
    const listed = new d.api.ListedBytes(2) as unknown as Parameters<typeof d.splitRecords>[1];
    expect(d.splitRecords(list, listed, {})).toBeUndefined();
    expect(d.listThreadWaiting()).toBe(false);
  }, 120_000);
});
