/**
 * The second thread of `register list --format json` (cli/list-split.ts): reads the register as the main thread did
 * (the same log up to the same size, its hash taken from the main thread's early hash: io/register/log-hash.ts
 * adoptEarlyLog), then makes the records of the chunks of rows it claims, each chunk's bytes posted to the main
 * thread, which writes them in their place. It claims a chunk only when the main thread has not, and no further than
 * AHEAD chunks past what the main thread has written out; it stops when told. Any failure: it says so and ends (the
 * main thread makes its chunks itself).
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { adoptEarlyLog } from '../io/register/log-hash.js';
import { failureOf } from '../io/threads.js';
import { adoptParts } from '../register/checkpoint-parts.js';
import { registerListEach, type ListOptions } from '../api/register/register.js';
import { ListedBytes } from '../reporters/listed-bytes.js';
import {
  AHEAD,
  ChunkBytes,
  EMITTED,
  FREE,
  POSTED,
  STOP,
  WORKER,
  type ListPartInput,
  type ListPartMessage,
  type ListPartStart,
} from './list-part.js';

/** Thrown out of the stream when the main thread says stop. */
class Stopped extends Error {}

function run(d: ListPartInput, port: MessagePort): void {
  const sig = new Int32Array(d.signal);
  const claims = new Int32Array(d.claims);
  const post = (m: ListPartMessage, transfer: ArrayBuffer[] = []): void => {
    port.postMessage(m, transfer);
    Atomics.add(sig, POSTED, 1);
    Atomics.notify(sig, POSTED);
  };
  try {
    // HRSS_CREDIT_FAULT (tests): a worker that fails before its first chunk, or one that claims chunks and never posts.
    const fault = process.env.HRSS_CREDIT_FAULT ?? '';
    if (fault.includes('list-thread-fail')) throw new Error('list-thread-fail');
    // list-thread-alternate: the odd chunks only (the main thread the even ones), so that a test sees both make some.
    const alternate = fault.includes('list-thread-alternate');
    if (!adoptEarlyLog(d.early)) throw new Error('the log changed');
    adoptParts(d.parts);
    const each = registerListEach(d.options as unknown as ListOptions);
    if (each.rows !== d.rows) throw new Error('another checkpoint');
    const chunk = new ChunkBytes(new ListedBytes(2), each.lister);
    const chunks = Math.ceil(d.rows / d.chunkRows);
    let current = -1;
    const flush = (): void => {
      if (current < 0) return;
      // A fresh buffer of its own, handed over (transferred, not copied again).
      const bytes = chunk.take();
      post({ chunk: current, bytes }, [bytes.buffer as ArrayBuffer]);
      current = -1;
    };
    const mine = (c: number): boolean => {
      flush();
      if (c >= chunks || (alternate && c % 2 === 0)) return false;
      for (;;) {
        if (Atomics.load(sig, STOP) !== 0) throw new Stopped();
        const emitted = Atomics.load(sig, EMITTED);
        if (c < emitted + AHEAD) break;
        Atomics.wait(sig, EMITTED, emitted, 100);
      }
      if (Atomics.compareExchange(claims, c, FREE, WORKER) !== FREE) return false;
      if (fault.includes('list-thread-stall')) {
        while (Atomics.load(sig, STOP) === 0) Atomics.wait(sig, STOP, 0, 100);
        throw new Stopped();
      }
      current = c;
      return true;
    };
    for (const s of each.statusesOf({ rows: d.chunkRows, mine })) chunk.add(s);
    flush();
    post({ done: true });
  } catch (err) {
    if (!(err instanceof Stopped)) post({ failed: failureOf(err) });
  } finally {
    port.close();
  }
}

// Begun with its port only: its input comes once the main thread's read is done (this thread's modules loaded by then).
const start = workerData as ListPartStart | undefined;
if (start?.listPart === true) start.port.once('message', (d: ListPartInput) => run(d, start.port));
