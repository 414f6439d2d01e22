/**
 * The thread that makes a 台账 sheet's pieces (sheet-thread.ts): each chunk of cells it is sent made into its rows'
 * XML and deflated as a piece (sheet-cells.ts, the functions the main thread would use), posted back with its
 * number. It reads no file and writes none; a failure is posted and ends it (the main thread makes the rest).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type CellChunk, cellsXml, XmlBytes } from './sheet-cells.js';
import { rawPiece } from './sheet-piece.js';

export interface SheetJob {
  /** Marks the thread as this one in the release bundle, which is every thread's file (scripts/release-entry.mjs). */
  sheetPieces: true;
  letters: string[];
  level: number;
  /** HRSS_CREDIT_FAULT's ledger-thread-fail (tests): the thread fails at its second chunk, the main thread makes the rest. */
  fail?: boolean;
  /** HRSS_CREDIT_FAULT's ledger-thread-stall (tests): the thread posts nothing after its first piece. */
  stall?: boolean;
}

/** A chunk to make (its number, to give back with it). */
export type SheetChunk = CellChunk & { seq: number };

export type SheetReply = { seq: number; deflated: Uint8Array; crc: number; size: number } | { failed: string };

const port = parentPort;
const job = workerData as SheetJob | undefined;
if (port && job?.sheetPieces === true) {
  let made = 0;
  const xml = new XmlBytes();
  port.on('message', (m: SheetChunk) => {
    try {
      if (job.fail && made === 1) throw new Error('ledger-thread-fail');
      if (job.stall && made === 1) return;
      const piece = rawPiece(cellsXml(m, job.letters, xml), job.level);
      made++;
      port.postMessage({ seq: m.seq, ...piece } satisfies SheetReply, [piece.deflated.buffer as ArrayBuffer]);
    } catch (err) {
      port.postMessage({ failed: err instanceof Error ? err.message : String(err) } satisfies SheetReply);
      port.close();
    }
  });
}
