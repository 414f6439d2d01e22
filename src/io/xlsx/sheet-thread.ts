/**
 * A province's 台账 sheet on two cores (issue 22; docs/decisions.md "A province's 台账 on two cores"): the main thread
 * makes the rows' cells (the register read, the gate, each text escaped: xlsx-writer.ts cellChunks, ~200 bytes a
 * row) and a second thread (sheet-worker.ts) makes their XML (~870 bytes a row) and deflates it, a chunk a piece, as
 * pigz does: each piece raw, ended by a sync flush, the pieces one deflate stream once written in order
 * (zip-write.ts RawPieces). The main thread held both, the deflate beside it on libuv's thread: ~4 s of the XML.
 * A thread that cannot start, fails or stops moving is given up (io/threads.ts): the pieces it had not given back,
 * and those after, are made here by the same functions (sheet-cells.ts): the same bytes.
 */
import { Worker } from 'node:worker_threads';
import { ledgerThreadFault, ledgerThreadStall } from '../faults.js';
import { secondThreadShortens } from '../processors.js';
import { type GivenUp, startThread, threadGivenUp, threadWanted } from '../threads.js';
import type { RawPiece } from '../zip/zip-write.js';
import { type CellChunk, cellsXml, XmlBytes } from './sheet-cells.js';
import { rawPiece } from './sheet-piece.js';
import type { SheetChunk, SheetJob, SheetReply } from './sheet-worker.js';
import type { PiecesMaker } from './xlsx-writer.js';

/** Below this many rows (a city's 台账) the thread's start and the cells' bytes cost more than they take off. */
export const LEDGER_THREAD_ROWS = 200_000;
/** Chunks sent ahead of the piece this thread waits for: the worker never idles for the next, ~1 MiB each held here. */
const AHEAD = 4;
/** How long this thread waits for a piece with nothing posted before making it itself (a chunk is ~0.05 s of work). */
const STALL_MS = 10_000;
/** What --debug names the thread by (io/threads.ts). */
const WHAT = 'ledger thread';

/**
 * Whether a 台账 of `rows` rows is written on two threads: HRSS_CREDIT_LEDGER_THREAD=on (any size, whatever the load)
 * / off, else from LEDGER_THREAD_ROWS rows on two processors whatever the load (io/processors.ts, as verify's log
 * thread): measured at load 16, the command's CPU with the thread was the one thread's (decisions.md).
 */
export function wantLedgerThread(rows: number, env: Readonly<Record<string, string | undefined>>): boolean {
  return threadWanted(env.HRSS_CREDIT_LEDGER_THREAD, () => rows >= LEDGER_THREAD_ROWS && secondThreadShortens());
}

/**
 * How a 台账 of `rows` rows deflates its sheet: as pieces from LEDGER_THREAD_ROWS rows (or any size with
 * HRSS_CREDIT_LEDGER_THREAD=on), made on the second thread when wantLedgerThread says so and here otherwise; else
 * undefined (one stream). The pieces are chosen by the rows alone, so a province's 台账 is the same file on one
 * processor or two, idle or busy (the thread only decides who makes them).
 */
export function ledgerPieces(rows: number, env: Readonly<Record<string, string | undefined>>): PiecesMaker | undefined {
  if (!(rows >= LEDGER_THREAD_ROWS || env.HRSS_CREDIT_LEDGER_THREAD === 'on')) return undefined;
  const threaded = wantLedgerThread(rows, env);
  return (head, chunks, tail, letters, level) => piecesOf(head, chunks, tail, letters, level, threaded);
}

let runs = 0;
/** For tests: how many pieces a second thread has made in this process. */
export function ledgerThreadPieces(): number {
  return runs;
}

/** The second thread: chunks posted to it, its pieces waited for by their number, given up once it fails or stalls. */
class SheetThread {
  alive = true;
  private readonly replies = new Map<number, RawPiece>();
  private wake: (() => void) | undefined;

  constructor(private readonly worker: Worker) {
    worker.on('message', (m: SheetReply) => {
      if ('failed' in m) this.lose({ failed: m.failed });
      else this.replies.set(m.seq, { deflated: m.deflated, crc: m.crc, size: m.size });
      this.wake?.();
    });
    // An error is noted by startThread; an end before its pieces (a thread that never ran the job) is said here.
    worker.on('error', () => this.lose());
    worker.on('exit', (code) => this.lose({ failed: `ended without its pieces (exit ${code})` }));
  }

  post(seq: number, chunk: CellChunk): void {
    // Copied, not transferred: kept here until its piece comes back, to be made here should the thread fail.
    this.worker.postMessage({ seq, row0: chunk.row0, cells: chunk.cells } satisfies SheetChunk);
  }

  /** Piece `seq`, or undefined once the thread is given up. */
  async piece(seq: number): Promise<RawPiece | undefined> {
    for (;;) {
      const got = this.replies.get(seq);
      if (got) {
        this.replies.delete(seq);
        runs++;
        return got;
      }
      if (!this.alive) return undefined;
      const moved = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), STALL_MS);
        this.wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      this.wake = undefined;
      if (!moved) this.lose({ stalledMs: STALL_MS });
    }
  }

  /** Given up (said under --debug, unless `how` is undefined: startThread noted it) or stopped. */
  lose(how?: GivenUp): void {
    if (!this.alive) return;
    this.alive = false;
    if (how) threadGivenUp(WHAT, how);
    void this.worker.terminate();
    this.wake?.();
  }

  stop(): void {
    if (!this.alive) return;
    this.alive = false;
    void this.worker.terminate();
  }
}

function begin(letters: string[], level: number): SheetThread | undefined {
  const faults = { ...(ledgerThreadFault() ? { fail: true } : {}), ...(ledgerThreadStall() ? { stall: true } : {}) };
  const job: SheetJob = { sheetPieces: true, letters, level, ...faults };
  // Unreferenced: this thread waits for its pieces (a timer keeps the process up meanwhile) and stops it at the end.
  const worker = startThread(
    WHAT,
    () => new Worker(new URL('./sheet-worker.js', import.meta.url), { workerData: job, stdout: true, stderr: true }),
    { unref: true },
  );
  return worker ? new SheetThread(worker) : undefined;
}

/**
 * The sheet's pieces in order: `head` (the XML before the first row), a piece a chunk of `chunks` (made on the second
 * thread, or here once it is given up or when not `threaded`: the same bytes), `tail`.
 */
export async function* piecesOf(
  head: Uint8Array,
  chunks: Iterable<CellChunk>,
  tail: Uint8Array,
  letters: string[],
  level: number,
  threaded = true,
): AsyncGenerator<RawPiece> {
  const xml = new XmlBytes();
  const here = (c: CellChunk): RawPiece => rawPiece(cellsXml(c, letters, xml), level);
  yield rawPiece(head, level);
  const t = threaded ? begin(letters, level) : undefined;
  try {
    const sent: { seq: number; chunk: CellChunk }[] = [];
    const next = async (): Promise<RawPiece> => {
      const s = sent.shift() as { seq: number; chunk: CellChunk };
      return (t && (await t.piece(s.seq))) ?? here(s.chunk);
    };
    let seq = 0;
    for (const chunk of chunks) {
      if (t?.alive) {
        t.post(seq, chunk);
        sent.push({ seq: seq++, chunk });
        if (sent.length >= AHEAD) yield await next();
      } else {
        while (sent.length > 0) yield await next();
        yield here(chunk);
      }
    }
    while (sent.length > 0) yield await next();
  } finally {
    t?.stop();
  }
  yield rawPiece(tail, level);
}
