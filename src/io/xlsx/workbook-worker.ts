/**
 * The thread that makes one workbook (workbook-thread.ts): the sheets it is given, as workbookBuffer makes them in
 * the main thread, its bytes posted back. It writes no file and reads none: the main thread writes the bytes as it
 * writes every file of the package (a fault, a full disk, Ctrl-C are its own as before).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type SheetSpec, workbookBuffer } from './xlsx-writer.js';

export interface WorkbookJob {
  /** Marks the thread as this one in the release bundle, which is every thread's file (scripts/release-entry.mjs). */
  workbook: true;
  sheets: SheetSpec[];
  /** The workbook's instant (ms since the epoch). */
  instant: number;
  creator: string;
  /** HRSS_CREDIT_FAULT's workbook-thread-fail (tests): the thread fails, and the main thread makes the workbook. */
  fail?: boolean;
  /** HRSS_CREDIT_FAULT's workbook-thread-stall (tests): the thread stays alive and never replies. */
  stall?: boolean;
}

export type WorkbookReply = { bytes: Uint8Array } | { failed: string };

const port = parentPort;
const job = workerData as WorkbookJob | undefined;
if (port && job?.workbook === true && job.stall === true) {
  // Alive, busy with nothing, never replying: what the main thread's stall rule is for.
  setInterval(() => {}, 1 << 30);
} else if (port && job?.workbook === true) {
  const made = job.fail
    ? Promise.reject(new Error('workbook-thread-fail'))
    : workbookBuffer(job.sheets, new Date(job.instant), job.creator);
  made.then(
    (bytes) => port.postMessage({ bytes } satisfies WorkbookReply),
    (err: unknown) => port.postMessage({ failed: err instanceof Error ? err.message : String(err) } satisfies WorkbookReply),
  );
}
