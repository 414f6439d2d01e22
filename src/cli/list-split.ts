/**
 * `register list --format json` on two threads (issue 22; docs/decisions.md "register list on two threads"): the
 * checkpoint's rows cut into chunks, each made by whichever thread claims it first (a shared word a chunk), the second
 * thread's (cli/list-worker.ts) posted as bytes and written here in their place, so that the document is the bytes one
 * thread writes. Begun only for a read through a checkpoint checked by the early hash (io/register/log-hash.ts: the
 * worker takes its digests instead of hashing the log again), a large register, and a processor free for it
 * (io/processors.ts, as the early hash); anything else, or a worker that fails or stops moving, is this thread's
 * own making: it claims every chunk left and makes again those the worker claimed and did not give.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Lister } from '../api/register/register.js';
import type { StreamPart } from '../register/lazy-state.js';
import type { RecordStatus } from '../register/state.js';
import { earlyLogBytes, earlyLogGiven } from '../io/register/log-hash.js';
import type { PartsShare } from '../register/checkpoint-parts.js';
import { processorFreeBeside } from '../io/processors.js';
import { startThread, threadGivenUp, threadWanted, type GivenUp } from '../io/threads.js';
import type { ListedBytes } from '../reporters/listed-bytes.js';
import {
  ChunkBytes,
  EMITTED,
  FREE,
  MAIN,
  POSTED,
  SIGNAL_WORDS,
  STOP,
  WORKER,
  type ListPartInput,
  type ListPartMessage,
  type ListPartStart,
} from './list-part.js';

/**
 * Rows a chunk at most: a province's ~250 KB of JSON, ~1,000 chunks of its million rows (4,096 rows a chunk peaked
 * ~20 MB higher: more bytes made and waiting at once); a smaller register is cut into 64 chunks or more.
 */
export const CHUNK_ROWS = 1024;
const chunkRowsOf = (rows: number): number => Math.max(1, Math.min(CHUNK_ROWS, Math.ceil(rows / 64)));
/** Below this many rows the thread's start (its modules, the checkpoint read again: ~0.3 s of CPU) costs more than it saves. */
export const SPLIT_MIN_ROWS = 200_000;
/** Bytes this thread makes ahead of a chunk the worker has not given yet before it waits for it. */
const HELD_MAX = 4 << 20;
/** How long this thread waits for a worker that posts nothing before making its chunks itself (as the early hash). */
const STALL_MS = 3000;
/**
 * How long it waits for a chunk the worker has not claimed yet (only list-thread-alternate's odd chunks: else this
 * thread claims a free chunk itself and never waits for it) — a worker still loading its modules, seconds on a busy
 * machine, is not one that stalled (test/register/list-split.test.ts failed so at load 20).
 */
const START_MS = 30_000;

/** What the list streams: its statuses a part at a time, and how to write one. */
export interface SplitList {
  rows: number | undefined;
  statusesOf: (part: StreamPart) => Iterable<RecordStatus>;
  lister: Lister;
  on: string;
  today: string;
  shareParts: () => PartsShare | undefined;
}

/** HRSS_CREDIT_LIST_THREAD=on / off, else a second processor free (the early hash's rule: io/processors.ts). */
export function wantListThread(env: NodeJS.ProcessEnv, rows: number | undefined): boolean {
  if (rows === undefined) return false;
  return threadWanted(env.HRSS_CREDIT_LIST_THREAD, () => rows >= SPLIT_MIN_ROWS && processorFreeBeside());
}

/** What --debug names the thread by (io/threads.ts). */
const WHAT = 'register list thread';

/** A worker begun, waiting for its input on `port` (list-worker.ts). */
interface Begun {
  worker: Worker;
  port: MessagePort;
}

/** The worker begun, its modules loading, or null (a worker that cannot start). */
function begin(): Begun | null {
  const { port1, port2 } = new MessageChannel();
  const data: ListPartStart = { listPart: true, port: port2 };
  // Unreferenced: this thread waits for it synchronously, and stops it when the list ends.
  const worker = startThread(
    WHAT,
    () => new Worker(new URL('./list-worker.js', import.meta.url), { workerData: data, transferList: [port2], stdout: true, stderr: true }),
    { unref: true },
  );
  if (!worker) {
    port1.close();
    return null;
  }
  return { worker, port: port1 };
}

/**
 * Log bytes a register of SPLIT_MIN_ROWS rows has at least, about: a city's 100,000 records are ~70 MB of log (~700
 * bytes a row), so a log this long may hold them. What beginListThreadEarly guesses by, before the rows are known.
 */
export const SPLIT_MIN_LOG_BYTES = 100 << 20;

/** The worker begun before the register was read (beginListThreadEarly), until the list takes it or lets it go. */
let early: Begun | undefined;

/**
 * `register list --format json`, before its register is read (cli/register-prime.ts): its second thread begun now, when
 * the list will likely want it — the log of `workspace` being hashed early (what the split needs) and long enough for
 * SPLIT_MIN_ROWS (SPLIT_MIN_LOG_BYTES), and a processor free (wantListThread's rule; HRSS_CREDIT_LIST_THREAD as there),
 * so that its start (its isolate and modules: ~0.45 s of CPU on an idle province) runs while this thread reads the
 * checkpoint and waits for the hash, not after. It waits for its input (splitRecords); a list that does not take it
 * lets it go (dropListThread). Never throws.
 */
export function beginListThreadEarly(env: NodeJS.ProcessEnv, workspace: string): void {
  dropListThread();
  const bytes = earlyLogBytes(workspace);
  if (bytes === undefined || !threadWanted(env.HRSS_CREDIT_LIST_THREAD, () => bytes >= SPLIT_MIN_LOG_BYTES && processorFreeBeside()))
    return;
  early = begin() ?? undefined;
}

/** The worker begun early and not taken by a list: stopped (after the command; a list that does not split). */
export function dropListThread(): void {
  const e = early;
  early = undefined;
  if (e) stop(e);
}

function stop(t: Begun): void {
  t.port.close();
  void t.worker.terminate();
}

/** Whether a worker begun early waits to be taken (tests). */
export function listThreadWaiting(): boolean {
  return early !== undefined;
}

/**
 * The list's records as runs of bytes, in order (each run the records of a chunk, `,\n    ` between them, as
 * ListedBytes writes them two levels down): the main thread's chunks and the worker's. Undefined when no worker
 * can be begun (the caller streams as before). `options`: the command's ListOptions, given to the worker.
 */
export function splitRecords(list: SplitList, listed: ListedBytes, options: Record<string, unknown>): SplitRuns | undefined {
  // The worker begun before the read (beginListThreadEarly), else one begun now.
  const pre = early;
  early = undefined;
  const hashed = earlyLogGiven();
  const rows = list.rows;
  // The columns the list reads, read here once and shared: the worker reading its own held ~100 MB more (a province).
  const parts = hashed && rows !== undefined ? list.shareParts() : undefined;
  const t = parts ? (pre ?? begin()) : null;
  if (!t || !hashed || rows === undefined || !parts) {
    if (pre) stop(pre);
    return undefined;
  }
  const chunkRows = chunkRowsOf(rows);
  const chunks = Math.ceil(rows / chunkRows);
  const signal = new SharedArrayBuffer(4 * SIGNAL_WORDS);
  const claims = new SharedArrayBuffer(4 * (chunks + 1));
  const input: ListPartInput = { options: { ...options, today: list.today }, early: hashed, parts, chunkRows, rows, signal, claims };
  t.port.postMessage(input);
  const thread = { ...t, sig: new Int32Array(signal), claims: new Int32Array(claims) };
  const runs: SplitRuns = {
    given: 0,
    chunks,
    early: pre !== undefined,
    [Symbol.iterator]: () => ordered(list, listed, thread, chunks, chunkRows, runs),
  };
  return runs;
}

/**
 * The runs of records in order, each the pieces of one chunk (this thread's as made, not copied into one; the
 * worker's one buffer); once read, how many chunks the worker gave (of `chunks`, and the tail's).
 */
export interface SplitRuns extends Iterable<readonly Uint8Array[]> {
  given: number;
  chunks: number;
  /** The worker was the one begun before the read (beginListThreadEarly). */
  early: boolean;
}

/** HRSS_CREDIT_FAULT=list-thread-alternate (tests): this thread claims the even chunks only, the worker the odd. */
export const alternate = (): boolean => (process.env.HRSS_CREDIT_FAULT ?? '').includes('list-thread-alternate');

function* ordered(
  list: SplitList,
  listed: ListedBytes,
  t: { worker: Worker; port: MessagePort; sig: Int32Array; claims: Int32Array },
  chunks: number,
  chunkRows: number,
  runs: SplitRuns,
): Generator<readonly Uint8Array[]> {
  const { sig, claims, port } = t;
  const odd = alternate();
  // The tail (entries added after the checkpoint) is the chunk after the last: always this thread's.
  Atomics.store(claims, chunks, MAIN);
  /** Each chunk's bytes once made (here or given), until written out. */
  const made = new Map<number, { parts: readonly Uint8Array[]; bytes: number }>();
  let held = 0;
  let next = 0;
  let alive = true;
  const ready: (readonly Uint8Array[])[] = [];
  const chunk = new ChunkBytes(listed, list.lister);
  let current = -1;
  const keep = (c: number, parts: readonly Uint8Array[]): void => {
    let bytes = 0;
    for (const p of parts) bytes += p.length;
    made.set(c, { parts, bytes });
    held += bytes;
  };
  const close = (): void => {
    if (current < 0) return;
    keep(current, chunk.takeParts());
    current = -1;
  };
  const advance = (): void => {
    for (let b = made.get(next); b !== undefined; b = made.get(next)) {
      made.delete(next);
      held -= b.bytes;
      if (b.bytes > 0) ready.push(b.parts);
      next++;
    }
    Atomics.store(sig, EMITTED, next);
    Atomics.notify(sig, EMITTED);
  };
  const drain = (): void => {
    // A chunk posted before the worker was given up is made here again (lose): what is still posted is dropped.
    if (!alive) return;
    for (let got = receiveMessageOnPort(port); got; got = receiveMessageOnPort(port)) {
      const m = got.message as ListPartMessage;
      if ('failed' in m) lose({ failed: m.failed });
      else if ('chunk' in m) {
        keep(m.chunk, [m.bytes]);
        runs.given++;
      }
    }
  };
  /** The worker given up: every chunk left is this thread's; those it claimed and did not give are made here. */
  const lose = (how: GivenUp): void => {
    if (!alive) return;
    alive = false;
    threadGivenUp(WHAT, how);
    Atomics.store(sig, STOP, 1);
    Atomics.notify(sig, EMITTED);
    void t.worker.terminate();
    for (let c = 0; c < chunks; c++) Atomics.compareExchange(claims, c, FREE, MAIN);
    // Lost: claimed by the worker and not given, or passed by this thread's stream unclaimed (list-thread-alternate).
    const lost = new Set<number>();
    for (let c = next; c < chunks; c++)
      if (!made.has(c) && c !== current && (Atomics.load(claims, c) === WORKER || c <= reached)) lost.add(c);
    if (lost.size === 0) return;
    const again = new ChunkBytes(listed, list.lister);
    let at = -1;
    const mine = (c: number): boolean => {
      if (at >= 0) keep(at, again.takeParts());
      at = lost.has(c) ? c : -1;
      return at >= 0;
    };
    for (const s of list.statusesOf({ rows: chunkRows, mine })) again.add(s);
    if (at >= 0) keep(at, again.takeParts());
  };
  /** Waits for the worker's chunk `c` (or gives the worker up, which makes it here). */
  const waitFor = (c: number): void => {
    // Waited for a chunk the worker had not claimed when each wait began: up to START_MS in all.
    let unclaimed = 0;
    for (;;) {
      const posted = Atomics.load(sig, POSTED);
      const claimed = Atomics.load(claims, c) === WORKER;
      drain();
      if (made.has(c) || !alive) return;
      if (Atomics.wait(sig, POSTED, posted, STALL_MS) !== 'timed-out') continue;
      if (claimed) lose({ stalledMs: STALL_MS });
      else if ((unclaimed += STALL_MS) >= START_MS) lose({ stalledMs: unclaimed });
    }
  };
  /** The last chunk this thread's stream entered. */
  let reached = -1;
  const mine = (c: number): boolean => {
    close();
    drain();
    advance();
    reached = c;
    // Given up, the worker left every chunk it had not claimed to this thread (lose).
    if (alive && c < chunks && !(odd && c % 2 === 1)) Atomics.compareExchange(claims, c, FREE, MAIN);
    if (Atomics.load(claims, c) !== MAIN) return false;
    current = c;
    return true;
  };
  try {
    const it = list.statusesOf({ rows: chunkRows, mine })[Symbol.iterator]();
    for (;;) {
      const r = it.next();
      while (ready.length > 0) yield ready.shift() as readonly Uint8Array[];
      if (r.done) break;
      chunk.add(r.value);
      // Far ahead of a chunk the worker holds: wait for it, so that what waits here is never much.
      if (alive && held + chunk.size > HELD_MAX && next !== current) {
        waitFor(next);
        advance();
      }
    }
    close();
    while (next <= chunks) {
      if (!made.has(next)) waitFor(next);
      // Never so (every chunk is claimed by one thread, and the worker's lost are made here): not a loop without end.
      if (!made.has(next)) throw new Error(`register list: chunk ${next} made by neither thread`);
      advance();
      while (ready.length > 0) yield ready.shift() as readonly Uint8Array[];
    }
  } finally {
    if (alive) {
      alive = false;
      Atomics.store(sig, STOP, 1);
      Atomics.notify(sig, EMITTED);
      void t.worker.terminate();
    }
    port.close();
  }
}
