/**
 * A package workbook made on a second thread while this one makes the rest (issue 22; docs/decisions.md "The 共享
 * workbook on a second thread"): a province's compile made its two list workbooks one after the other in the main
 * thread (~0.2 s of CPU each for 25,000 移出名单 rows), the second core idle but for their deflating. The thread
 * (workbook-worker.ts) is given the sheets and makes the bytes workbookBuffer makes; the main thread writes them.
 * When a processor is free for it and the sheets are large enough; anything that goes wrong with the thread (it
 * cannot start, fails, dies) leaves the main thread to make the workbook itself — the same bytes either way.
 */
import { Worker } from 'node:worker_threads';
import { workbookThreadFault, workbookThreadStallFault } from '../faults.js';
import { processorFreeBeside } from '../processors.js';
import { startThread, threadGivenUp, threadWanted } from '../threads.js';
import type { WorkbookJob, WorkbookReply } from './workbook-worker.js';
import { type SheetSpec, workbookBuffer } from './xlsx-writer.js';

/**
 * How long the main thread, once it waits for the bytes, waits for a thread that posts nothing before it makes the
 * workbook itself (THREAD_STALLED, io/threads.ts): the thread posts once, when done, so the clock runs only while the
 * main thread has nothing else to do; log-check.ts's 10 s (a machine that became busy may give it a tenth of a core).
 */
export const WORKBOOK_STALL_MS = 10_000;

/** Below this many rows (all sheets) the thread's start (~0.05 s of CPU) costs more than it takes off. */
export const WORKBOOK_THREAD_ROWS = 10_000;

/**
 * Whether to make a workbook of `rows` rows on a second thread: HRSS_CREDIT_WORKBOOK_THREAD=on (any size, whatever
 * the load) / off in `env` — the command's environment (CliIo.env, given to compile), not this process's — else
 * from WORKBOOK_THREAD_ROWS rows when a processor is free (the early hash's rule: on a busy machine the thread only
 * adds its start and the sheets' copy to the command's CPU).
 */
export function wantWorkbookThread(rows: number, env: Readonly<Record<string, string | undefined>>): boolean {
  return threadWanted(env.HRSS_CREDIT_WORKBOOK_THREAD, () => rows >= WORKBOOK_THREAD_ROWS && processorFreeBeside());
}

/** A workbook begun on a second thread. */
export interface WorkbookThread {
  /** Its bytes: the thread's, else (the thread failed) made here. */
  bytes(): Promise<Buffer>;
  /** Ends the thread (the package failed before its bytes were asked). */
  stop(): void;
}

let runs = 0;
/** For tests: how many workbooks a second thread has made in this process. */
export function workbookThreadRuns(): number {
  return runs;
}

/**
 * Begins `sheets`'s workbook on a second thread now: they are copied to it at once, and not kept here. `remake` gives
 * them again should the thread fail (it cannot start, fails, dies): the workbook is then made in this thread.
 */
export function workbookOnThread(sheets: SheetSpec[], instant: Date, creator: string, remake: () => SheetSpec[]): WorkbookThread {
  const fail = workbookThreadFault();
  const stall = workbookThreadStallFault();
  // Made here, not in a closure: a closure would keep the sheets (a province's 25,000 rows) for the workbook's life.
  const worker = started({
    workbook: true,
    sheets,
    instant: instant.getTime(),
    creator,
    ...(fail ? { fail } : {}),
    ...(stall ? { stall } : {}),
  });
  const reply = worker ? replyOf(worker) : { made: Promise.resolve(undefined), waiting: () => {}, stop: () => {} };
  return {
    // The thread's failure is not the package's: this thread makes the workbook, and a fault of the sheets
    // themselves (a sheet name Excel refuses) is thrown here as it was before.
    bytes: async () => {
      reply.waiting();
      return (await reply.made) ?? workbookBuffer(remake(), instant, creator);
    },
    stop: reply.stop,
  };
}

/** What --debug names the thread by (io/threads.ts). */
const WHAT = 'workbook thread';

// Not unreferenced: the package waits for its bytes with nothing else keeping the process up (stop() ends it).
function started(job: WorkbookJob): Worker | undefined {
  return startThread(
    WHAT,
    () => new Worker(new URL('./workbook-worker.js', import.meta.url), { workerData: job, stdout: true, stderr: true }),
  );
}

/**
 * The thread's bytes, or undefined once it failed, died, was stopped or stalled: `waiting()` (the main thread waits for
 * them now) starts WORKBOOK_STALL_MS; a thread alive that never replies would otherwise hold compile for ever.
 */
function replyOf(worker: Worker): { made: Promise<Buffer | undefined>; waiting: () => void; stop: () => void } {
  let settle: (bytes: Buffer | undefined) => void = () => {};
  let settled = false;
  let timer: NodeJS.Timeout | undefined;
  const made = new Promise<Buffer | undefined>((resolve) => {
    settle = (bytes) => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      void worker.terminate();
      resolve(bytes);
    };
  });
  const waiting = (): void => {
    if (settled || timer !== undefined) return;
    timer = setTimeout(() => {
      if (settled) return;
      threadGivenUp(WHAT, { stalledMs: WORKBOOK_STALL_MS });
      settle(undefined);
    }, WORKBOOK_STALL_MS);
  };
  worker.on('message', (m: WorkbookReply) => {
    if ('bytes' in m) {
      runs++;
      settle(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength));
    } else {
      threadGivenUp(WHAT, { failed: m.failed });
      settle(undefined);
    }
  });
  // An error is noted by startThread; an end with neither bytes nor a failure (a thread that never ran the job: the
  // release bundle's dispatch, scripts/release-entry.mjs) is given up here. Stopped or settled, nothing is said.
  worker.on('error', () => settle(undefined));
  worker.on('exit', (code) => {
    if (!settled) threadGivenUp(WHAT, { failed: `ended without the workbook (exit ${code})` });
    settle(undefined);
  });
  return { made, waiting, stop: () => settle(undefined) };
}
