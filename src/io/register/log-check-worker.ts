/**
 * The log read and checked on a second thread (log-check.ts; docs/decisions.md "register verify on two cores"): this
 * thread reads register/events.jsonl into shared buffers, hashes every byte (the checkpoint's key), and of each line
 * takes the hash our writer's reading gives (line-hash.ts) and whether its bytes are canonical (canonical-scan.ts);
 * the main thread parses the same bytes, in the same buffers, a batch behind. A line is in one buffer whole: what
 * follows a buffer's last `\n` is carried into the next. Two buffers at most are in use (the one being filled, the one
 * being parsed); a line longer than a buffer makes a larger one. Synchronous on both sides (readLog is): batches go by
 * a MessagePort read with receiveMessageOnPort, and each side waits on the shared counters with Atomics.wait.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { scanCanonical } from '../../register/canonical-scan.js';
import { lineHashOfBytes } from '../../register/line-hash.js';
import { failureOf } from '../threads.js';

export interface LogCheckInput {
  logCheck: true;
  path: string;
  /** The first buffers' size. */
  slab: number;
  /** [0] batches posted, [1] buffers given back, [2] stop asked, [3] reads and lines done (progress). */
  signal: SharedArrayBuffer;
  port: MessagePort;
}

/**
 * One buffer's complete lines, each [start, end, flags] (end at its `\n`) and its hash (hex; '' without one): flags
 * CHECKED (the hash and canonical flag hold for the line as the main thread reads it: no `\r` before its `\n`, no BOM
 * at the log's start) and CANONICAL. The last batch (`end`) carries the bytes after the last `\n` (`tail`), the bytes
 * read in all and their SHA-256.
 */
export interface LogBatch {
  buf: SharedArrayBuffer;
  /** The log's offset of buf[0]. */
  pos: number;
  lines: number[];
  hashes: string[];
  /** Bytes read so far (pos + what the buffer holds). */
  read: number;
  end?: { tail: number; size: number; sha256: string };
  /** The thread failed: why (io/threads.ts threadGivenUp). */
  failed?: string;
}

export const CHECKED = 1;
export const CANONICAL = 2;
export const POSTED = 0;
export const RETURNED = 1;
export const STOP = 2;
export const PROGRESS = 3;

const input = workerData as LogCheckInput | undefined;
if (input?.logCheck) run(input);

function run(d: LogCheckInput): void {
  const sig = new Int32Array(d.signal);
  const post = (batch: LogBatch): void => {
    d.port.postMessage(batch);
    Atomics.add(sig, POSTED, 1);
    Atomics.notify(sig, POSTED);
  };
  let slab = Math.max(16, d.slab);
  let inUse = 0;
  /** A buffer of at least `min` bytes: one given back, else a new one while fewer than two are in use. */
  const take = (min: number): Buffer | null => {
    for (;;) {
      const seen = Atomics.load(sig, RETURNED);
      const back = receiveMessageOnPort(d.port);
      if (back) {
        const sab = back.message as SharedArrayBuffer;
        if (sab.byteLength >= min) return Buffer.from(sab);
        inUse--;
        continue;
      }
      if (inUse < 2) {
        inUse++;
        return Buffer.from(new SharedArrayBuffer(Math.max(slab, min)));
      }
      if (Atomics.load(sig, STOP) !== 0) return null;
      Atomics.wait(sig, RETURNED, seen, 1000);
    }
  };
  let fd = -1;
  try {
    fd = openSync(d.path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    if (!fstatSync(fd).isFile()) throw new Error('not a file');
    const whole = createHash('sha256');
    let cur = take(0);
    let fill = 0;
    let pos = 0;
    while (cur) {
      if (fill === cur.length) {
        // A line longer than the buffer: a larger one (half as large again), the line so far carried into it.
        slab = cur.length + Math.max(16, cur.length >> 1);
        const bigger = Buffer.from(new SharedArrayBuffer(slab));
        cur.copy(bigger, 0, 0, fill);
        cur = bigger;
      }
      const n = readSync(fd, cur, fill, cur.length - fill, pos + fill);
      Atomics.add(sig, PROGRESS, 1);
      if (n === 0) {
        post({
          buf: cur.buffer as SharedArrayBuffer,
          pos,
          lines: [],
          hashes: [],
          read: pos + fill,
          end: { tail: fill, size: pos + fill, sha256: whole.digest('hex') },
        });
        return;
      }
      whole.update(cur.subarray(fill, fill + n));
      fill += n;
      const lines: number[] = [];
      const hashes: string[] = [];
      const read = cur.subarray(0, fill);
      let start = 0;
      for (;;) {
        const nl = read.indexOf(0x0a, start);
        if (nl < 0) break;
        const bom = pos + start === 0 && nl - start >= 3 && cur[start] === 0xef && cur[start + 1] === 0xbb && cur[start + 2] === 0xbf;
        const cr = nl > start && cur[nl - 1] === 0x0d;
        if (bom || cr) {
          lines.push(start, nl, 0);
          hashes.push('');
        } else {
          const hash = lineHashOfBytes(cur, start, nl);
          lines.push(start, nl, CHECKED | (hash !== undefined && scanCanonical(cur, start, nl) === 'complete' ? CANONICAL : 0));
          hashes.push(hash ?? '');
        }
        start = nl + 1;
        Atomics.add(sig, PROGRESS, 1);
      }
      if (start === 0) continue;
      const next = take(fill - start + 1);
      post({ buf: cur.buffer as SharedArrayBuffer, pos, lines, hashes, read: pos + fill });
      if (!next) return;
      cur.copy(next, 0, start, fill);
      cur = next;
      pos += start;
      fill -= start;
    }
  } catch (err) {
    post({ buf: new SharedArrayBuffer(0), pos: 0, lines: [], hashes: [], read: 0, failed: failureOf(err) });
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}
