/**
 * The log read and checked on a second thread while this one parses it (issue 22; docs/decisions.md "register verify
 * on two cores"): log-check-worker.ts reads the log into shared buffers, hashes every byte and gives each line's
 * hash and canonical flag; the reader (register-store.ts) parses the same bytes — shared, not copied — a batch behind,
 * and checks them against what the thread found instead of hashing and scanning them itself. Used for a read from
 * the first line of a large log that builds its checkpoint (register verify; a read with no usable checkpoint), on a
 * machine of two processors or more whatever its load (processors.ts secondThreadShortens); on one processor the
 * thread would only add its cost (a second pass over each buffer's lines), and the reader reads and checks alone.
 */
import { secondThreadShortens } from '../processors.js';
import { startThread, threadGivenUp, threadWanted } from '../threads.js';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { POSTED, PROGRESS, RETURNED, STOP, type LogBatch, type LogCheckInput } from './log-check-worker.js';

/** Below this the thread's start costs more than it takes off. */
export const LOG_CHECK_MIN_BYTES = 64 << 20;
/** The thread's buffers: a province's longest line (18.3 MB) and the start of the next; two of them at most. */
const SLAB = 20 << 20;
/**
 * How long the reader waits for a thread that makes no progress (no read and no line checked) before reading the log
 * itself: longer than the early hash's 3 s (log-hash.ts), since a buffer's line takes the thread ~0.15 s of CPU and a
 * machine that became busy after the thread was begun may give it a tenth of a processor.
 */
const STALL_MS = 10_000;

/** Whether to check the log on a second thread: HRSS_CREDIT_LOG_THREAD=on / off, else on two processors or more. */
export function wantLogCheck(env: NodeJS.ProcessEnv = process.env): boolean {
  return threadWanted(env.HRSS_CREDIT_LOG_THREAD, secondThreadShortens);
}

/** What --debug names the thread by (io/threads.ts). */
const WHAT = 'log-check thread';

/** The thread gave up or stalled: the reader reads the log from its first line in its own thread. */
export class LogCheckFailed extends Error {}

export class LogCheck {
  private readonly sig: Int32Array;
  private readonly port: MessagePort;
  private readonly worker: Worker;

  private constructor(sig: Int32Array, port: MessagePort, worker: Worker) {
    this.sig = sig;
    this.port = port;
    this.worker = worker;
  }

  /** The thread begun on the log at `path`; null when it cannot start. */
  static start(path: string, slab = SLAB): LogCheck | null {
    const signal = new SharedArrayBuffer(16);
    const { port1, port2 } = new MessageChannel();
    const data: LogCheckInput = { logCheck: true, path, slab, signal, port: port2 };
    // Unreferenced: the reader waits for it synchronously, and stops it when the read ends.
    const worker = startThread(
      WHAT,
      () =>
        new Worker(new URL('./log-check-worker.js', import.meta.url), {
          workerData: data,
          transferList: [port2],
          stdout: true,
          stderr: true,
        }),
      { unref: true },
    );
    if (!worker) {
      port1.close();
      return null;
    }
    return new LogCheck(new Int32Array(signal), port1, worker);
  }

  /** The next batch, in order (waiting for it); throws LogCheckFailed when the thread failed or stopped moving. */
  next(): LogBatch {
    for (;;) {
      const posted = Atomics.load(this.sig, POSTED);
      const got = receiveMessageOnPort(this.port);
      if (got) {
        const batch = got.message as LogBatch;
        if (batch.failed !== undefined) {
          threadGivenUp(WHAT, { failed: batch.failed });
          throw new LogCheckFailed();
        }
        return batch;
      }
      const progress = Atomics.load(this.sig, PROGRESS);
      if (Atomics.wait(this.sig, POSTED, posted, STALL_MS) === 'timed-out' && Atomics.load(this.sig, PROGRESS) === progress) {
        threadGivenUp(WHAT, { stalledMs: STALL_MS });
        throw new LogCheckFailed();
      }
    }
  }

  /** A batch parsed: its buffer goes back to the thread. */
  giveBack(batch: LogBatch): void {
    this.port.postMessage(batch.buf);
    Atomics.add(this.sig, RETURNED, 1);
    Atomics.notify(this.sig, RETURNED);
  }

  /** Stops the thread (the read ended, or broke). */
  stop(): void {
    Atomics.store(this.sig, STOP, 1);
    Atomics.notify(this.sig, RETURNED);
    this.port.close();
    void this.worker.terminate();
  }
}
