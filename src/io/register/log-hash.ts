/**
 * The log's read and SHA-256 on a second thread, begun before the command's modules load (issue 22; docs/
 * decisions.md "The log hashed beside start-up"). Every command reads and hashes the whole log (register.md):
 * ~0.07 s of a city's `register show`, ~0.6 s of a province's, once the ~130 modules it needs are loaded. bin/
 * starts this as soon as it can guess the workspace (cli/early-log.ts), and the register's reader
 * (register-store.ts) takes what it finds instead of hashing the log again, when it is exactly the same:
 *
 * - One size, taken once: the log is opened here (the descriptor the reader then reads) and its size and
 *   times taken from it; the worker hashes bytes [0, size) of the same file (its own descriptor, checked to
 *   be the same device and inode), and the reader reads no further than that size.
 * - The reader takes it only when the path is the log it wants, the name still leads to the same file, and the
 *   file's size, modification and change times are those taken here: a writer that appended (or a repair that
 *   cut and appended) since leaves it unused, and the log is read and hashed in the thread as before. A writer
 *   of ours reads under the lock, after which nothing appends.
 * - The worker gives three digests: the prefix the checkpoint's head said it covers, the whole [0, size), and
 *   the rest after the prefix. The reader checks the checkpoint against the first, hashes the rest it parses
 *   itself and compares it with the third: the second (the key of a checkpoint it writes) is then the hash
 *   of exactly the bytes it read through the checkpoint and parsed.
 * - Anything else (no worker, a worker that failed or stalls, a MemoryPort, a log too small to be worth a
 *   thread, no checkpoint whose prefix could be checked) is the reader's own read and hash, as before.
 *
 * Imports nothing of the project and no package: bin/ loads it before the command's modules. The worker is
 * a script given as text (eval), so the release bundle carries it without a file of its own.
 */
import { closeSync, constants, fstatSync, openSync, statSync, readSync, type BigIntStats } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReadHandle } from '../port.js';
import { noteUnexpected } from '../../diagnostics/unexpected.js';
import { startThread, threadGivenUp, type GivenUp } from '../threads.js';

/** Below this a thread costs more than the hash it takes off (~1 ms a MiB): the reader hashes in its thread. */
export const EARLY_MIN_BYTES = 4 << 20;
/** A log larger than register-store.ts's CHECKPOINT_MAX_LOG_BYTES is not hashed at all. */
const EARLY_MAX_BYTES = 2 * 1024 ** 3;
/** The checkpoint's head is its first line, under 4 KiB (register/checkpoint.ts). */
const HEAD_MAX = 4096;

// The shared memory: [0] state (0 starting, 1 hashing, 2 done, 3 failed), [1] MiB hashed so far; then
// the three digests (prefix, whole, rest) and one byte: the prefix ends with `\n`.
const STATE = 0;
const PROGRESS = 1;
const DIGESTS = 8;
const NEWLINE = DIGESTS + 96;
const SHARED_BYTES = NEWLINE + 8;

/** The worker: hashes [0, size) of the file at `path` (the same device and inode) a MiB at a time. */
const WORKER = `
const { workerData: d } = require('node:worker_threads');
const { closeSync, constants, fstatSync, openSync, readSync } = require('node:fs');
const { createHash } = require('node:crypto');
const word = new Int32Array(d.shared, 0, 2);
const out = new Uint8Array(d.shared);
const settle = (state) => { Atomics.store(word, 0, state); Atomics.notify(word, 0); };
try {
  Atomics.store(word, 0, 1);
  // The test's fault early-hash-hold: a worker that keeps moving and never ends (a very large log on a slow disk).
  if (d.hold) for (;;) { Atomics.add(word, 1, 1); Atomics.wait(word, 0, 1, 50); }
  const fd = openSync(d.path, constants.O_RDONLY | (constants.O_NONBLOCK || 0));
  try {
    const st = fstatSync(fd, { bigint: true });
    const same = st.isFile() && String(st.dev) === d.dev && String(st.ino) === d.ino && st.size >= BigInt(d.size);
    if (!same) throw new Error('not the same file');
    const buf = Buffer.allocUnsafe(1 << 20);
    const whole = createHash('sha256');
    let rest = d.prefix === 0 ? createHash('sha256') : null;
    for (let off = 0; off < d.size; ) {
      const end = off < d.prefix ? d.prefix : d.size;
      const n = readSync(fd, buf, 0, Math.min(buf.length, end - off), off);
      if (n === 0) throw new Error('cut short');
      const chunk = buf.subarray(0, n);
      whole.update(chunk);
      if (rest) rest.update(chunk);
      off += n;
      if (off === d.prefix) {
        out[${NEWLINE}] = buf[n - 1] === 10 ? 1 : 0;
        out.set(whole.copy().digest(), ${DIGESTS});
        rest = createHash('sha256');
      }
      Atomics.store(word, 1, Math.floor(off / 1048576));
    }
    out.set(whole.digest(), ${DIGESTS + 32});
    out.set(rest.digest(), ${DIGESTS + 64});
  } finally {
    closeSync(fd);
  }
  settle(2);
} catch {
  settle(3);
}
`;

interface Early {
  path: string;
  fd: number;
  stat: BigIntStats;
  prefix: number;
  shared: SharedArrayBuffer;
  /** None for a hash adopted from the main thread (adoptEarlyLog). */
  worker: Worker | undefined;
  failed: boolean;
}

let early: Early | undefined;

/**
 * The hash a reader took (takeEarlyLog) and whose digests it was given: what a second thread reading the same log
 * needs to take them too (adoptEarlyLog; cli/list-split.ts). Plain data and shared memory, for a worker's workerData.
 */
export interface EarlyShare {
  path: string;
  prefix: number;
  shared: SharedArrayBuffer;
  /** The log's dev, ino, size, mtimeNs and ctimeNs when it was opened early, as decimal strings. */
  stat: readonly string[];
}

let given: EarlyShare | undefined;

/**
 * The size of the log being hashed early for `workspace` (startLogHash), before its reader took it: what a second thread
 * begun before the read guesses the register's size by (cli/list-split.ts beginListThreadEarly). Else undefined.
 */
export function earlyLogBytes(workspace: string): number | undefined {
  const e = early;
  if (!e || e.failed || resolve(join(workspace, 'register', 'events.jsonl')) !== e.path) return undefined;
  return Number(e.stat.size);
}

/** The early hash this thread's reader was given digests of, if any (a worker reading the same log takes them: adoptEarlyLog). */
export function earlyLogGiven(): EarlyShare | undefined {
  return given;
}

/**
 * In a worker: the early hash the main thread's reader took, as if begun here (takeEarlyLog then hands it to this
 * thread's reader), when the log at its path is still the same file, unchanged. False otherwise (the reader would
 * hash the log itself).
 */
export function adoptEarlyLog(share: EarlyShare): boolean {
  let fd = -1;
  try {
    fd = openSync(share.path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd, { bigint: true });
    if (statKey(stat).join(' ') !== share.stat.join(' ')) throw new Error('changed');
    early = { path: share.path, fd, stat, prefix: share.prefix, shared: share.shared, worker: undefined, failed: false };
    return true;
  } catch {
    if (fd >= 0) closeQuietly(fd);
    return false;
  }
}

function statKey(s: BigIntStats): string[] {
  return [s.dev, s.ino, s.size, s.mtimeNs, s.ctimeNs].map(String);
}

/** What the worker found: hex digests of the prefix [0, prefix), the whole [0, size) and the rest [prefix, size). */
export interface LogDigests {
  prefix: string;
  whole: string;
  rest: string;
  /** The prefix's last byte is `\n` (a checkpoint's prefix ends with its last line's). */
  prefixEndsLine: boolean;
}

/** The log as it was opened early, handed to the reader once. */
export interface EarlyLog {
  /** The file opened early, read no further than the size taken then (the reader closes it). */
  handle: ReadHandle;
  /** The prefix the worker hashed apart: the checkpoint's `covers.bytes` as its head said then (0: none). */
  prefix: number;
  /**
   * Waits for the worker at most POLL_MS: its digests once it is done; null when it failed or stopped making
   * progress (the reader hashes in its thread); undefined while it is still hashing. A reader that pauses between
   * polls (register-store.ts readLogPausing) lets a Ctrl-C in meanwhile: a writer is never held by the wait.
   */
  poll(): LogDigests | null | undefined;
  /** Waits for the worker until it is done (polls without pausing); null as poll(). */
  digests(): LogDigests | null;
}

/** What --debug names the thread by (io/threads.ts). */
const WHAT = 'early hash thread';

/** How long the reader waits for a worker that makes no progress before hashing the log itself. */
const STALL_MS = 3000;
/** How long one poll waits: a Ctrl-C while a writer waits for the worker is seen within about this (io/interrupt.ts). */
const POLL_MS = 20;

/** HRSS_CREDIT_FAULT (tests only, io/interrupt.ts): a worker that never ends, on a log of any size. */
const holdFault = (): boolean => (process.env.HRSS_CREDIT_FAULT ?? '').includes('early-hash-hold');

/**
 * Starts hashing `<workspace>/register/events.jsonl` on a worker thread, when it is a regular file worth it.
 * Never throws and never delays the command: anything that goes wrong leaves the reader to hash as before.
 */
export function startLogHash(workspace: string, minBytes = EARLY_MIN_BYTES): void {
  if (early) return;
  const hold = holdFault();
  if (hold) minBytes = 1;
  let fd = -1;
  try {
    const path = resolve(join(workspace, 'register', 'events.jsonl'));
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd, { bigint: true });
    const size = Number(stat.size);
    if (!stat.isFile() || size < minBytes || size > EARLY_MAX_BYTES) {
      closeSync(fd);
      return;
    }
    const prefix = checkpointPrefix(join(workspace, 'register', 'events.jsonl.checkpoint'), size);
    // No checkpoint to check: the reader reads from the first line and hashes what it parses (register-store.ts),
    // so the digests would go unused — a province's 710 MB hashed for nothing beside the command's own read.
    if (prefix === 0) {
      closeSync(fd);
      return;
    }
    const shared = new SharedArrayBuffer(SHARED_BYTES);
    const started: Early = { path, fd, stat, prefix, shared, worker: undefined, failed: false };
    const data = { path, dev: String(stat.dev), ino: String(stat.ino), size, prefix, shared, hold };
    started.worker = startThread(WHAT, () => new Worker(WORKER, { eval: true, workerData: data, stdout: true, stderr: true }), {
      unref: true,
      onError: () => {
        started.failed = true;
      },
    });
    if (!started.worker) throw new Error('no thread');
    early = started;
  } catch {
    if (fd >= 0) closeQuietly(fd);
  }
}

/**
 * The log opened early, when `path` is that log and it is still the same file, unchanged: the reader then
 * reads this descriptor up to `size`. Handed over once; otherwise the descriptor is closed and undefined returned.
 */
export function takeEarlyLog(path: string): EarlyLog | undefined {
  const e = early;
  if (!e) return undefined;
  early = undefined;
  try {
    if (e.failed || resolve(path) !== e.path) throw new Error('not this log');
    const now = fstatSync(e.fd, { bigint: true });
    const named = statSync(e.path, { bigint: true });
    if (!sameFile(e.stat, now) || named.dev !== now.dev || named.ino !== now.ino) throw new Error('changed');
  } catch {
    closeQuietly(e.fd);
    return undefined;
  }
  const size = Number(e.stat.size);
  let closed = false;
  const handle: ReadHandle = {
    kind: 'file',
    size,
    read: (buf, offset, length, position) =>
      position >= size ? 0 : readSync(e.fd, buf, offset, Math.min(length, size - position), position),
    close: () => {
      // Once: a second close would close whatever the descriptor's number belongs to by then (node-port.ts).
      if (closed) return;
      closed = true;
      closeSync(e.fd);
    },
  };
  const poll = poller(e);
  const share: EarlyShare = { path: e.path, prefix: e.prefix, shared: e.shared, stat: statKey(e.stat) };
  given = undefined;
  const told = (d: LogDigests | null | undefined): LogDigests | null | undefined => {
    if (d) given = share;
    return d;
  };
  return {
    handle,
    prefix: e.prefix,
    poll: () => told(poll()),
    digests: () => {
      for (;;) {
        const d = told(poll());
        if (d !== undefined) return d;
      }
    },
  };
}

/** Forgets a hash begun early (tests; a command that ends without reading the register needs nothing). */
export function dropEarlyLog(): void {
  const e = early;
  early = undefined;
  given = undefined;
  if (e) closeQuietly(e.fd);
}

function sameFile(a: BigIntStats, b: BigIntStats): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

/**
 * One wait of at most POLL_MS for the worker, each call: done (its digests), failed or stalled (null: a worker that
 * has not moved for STALL_MS — a thread that never started, a disk that hangs — is given up), or still going.
 */
function poller(e: Early): () => LogDigests | null | undefined {
  const word = new Int32Array(e.shared, 0, 2);
  let progress = Atomics.load(word, PROGRESS);
  let movedAt = Date.now();
  let first = true;
  let said = false;
  /** Given up (once said under --debug: io/threads.ts): the reader hashes the log itself. */
  const givenUp = (how: GivenUp): null => {
    if (!said) threadGivenUp(WHAT, how);
    said = true;
    return null;
  };
  const settled = (): LogDigests | null | undefined => {
    const state = Atomics.load(word, STATE);
    if (state === 2) return digestsOf(e);
    // An error it raised is noted by startThread; a hash it could not finish (state 3) is said here.
    if (e.failed) return null;
    if (state === 3) return givenUp({ failed: 'the log could not be hashed' });
    return undefined;
  };
  return () => {
    // The test that interrupts a writer here is told it waits (over the IPC channel it opened; io/interrupt.ts).
    if (first && holdFault()) process.send?.('early-hash-wait');
    first = false;
    const now = settled();
    if (now !== undefined) return now;
    // Woken when the worker settles.
    Atomics.wait(word, STATE, Atomics.load(word, STATE), POLL_MS);
    const after = settled();
    if (after !== undefined) return after;
    const moved = Atomics.load(word, PROGRESS);
    if (moved !== progress) {
      progress = moved;
      movedAt = Date.now();
      return undefined;
    }
    return Date.now() - movedAt >= STALL_MS ? givenUp({ stalledMs: STALL_MS }) : undefined;
  };
}

function digestsOf(e: Early): LogDigests {
  const bytes = new Uint8Array(e.shared);
  const hex = (at: number): string => Buffer.from(bytes.subarray(at, at + 32)).toString('hex');
  return { prefix: hex(DIGESTS), whole: hex(DIGESTS + 32), rest: hex(DIGESTS + 64), prefixEndsLine: bytes[NEWLINE] === 1 };
}

/** The bytes the checkpoint's head says it covers (a hint: the reader compares it with what it decodes); 0 when none. */
function checkpointPrefix(file: string, size: number): number {
  let fd = -1;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    if (!fstatSync(fd).isFile()) return 0;
    const buf = Buffer.alloc(HEAD_MAX);
    const n = readSync(fd, buf, 0, HEAD_MAX, 0);
    const nl = buf.subarray(0, n).indexOf(0x0a);
    if (nl < 0) return 0;
    const bytes = (JSON.parse(buf.toString('utf8', 0, nl)) as { covers?: { bytes?: unknown } }).covers?.bytes;
    return typeof bytes === 'number' && Number.isSafeInteger(bytes) && bytes > 0 && bytes <= size ? bytes : 0;
  } catch {
    return 0;
  } finally {
    if (fd >= 0) closeQuietly(fd);
  }
}

/** Closes a descriptor this module opened and has not handed on; an error (EBADF: closed twice) is shown under --debug. */
function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch (err) {
    noteUnexpected('log-hash close', err);
  }
}
