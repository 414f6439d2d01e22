/**
 * What the two threads of `register list --format json` share (cli/list-split.ts, the main thread; cli/list-worker.ts,
 * the second): the signal words and the chunks' claims, in shared memory, and the writer of a chunk's records.
 */
import type { MessagePort } from 'node:worker_threads';
import type { Lister } from '../api/register/register.js';
import type { EarlyShare } from '../io/register/log-hash.js';
import type { PartsShare } from '../register/checkpoint-parts.js';
import type { RecordStatus } from '../register/state.js';
import { BYTES_PER_PART, JsonBytes } from '../reporters/json-bytes.js';
import type { ListedBytes } from '../reporters/listed-bytes.js';

/** Signal words (Int32Array over `signal`): the main thread's stop, the chunks posted, the chunks written out. */
export const STOP = 0;
export const POSTED = 1;
export const EMITTED = 2;
export const SIGNAL_WORDS = 4;

/** A chunk's claim (Int32Array over `claims`, one word a chunk): free, the main thread's, the worker's. */
export const FREE = 0;
export const MAIN = 1;
export const WORKER = 2;

/**
 * How many chunks past the last written out the worker may claim: its parts waiting are never many (~2 MB a province).
 * With 2 the worker waited ~40 % of its time for the main thread, which also writes every chunk out (a province's
 * profile, idle): it could make no more than about half.
 */
export const AHEAD = 8;

/**
 * The worker's workerData: the port it is given its input on (ListPartInput), posted once the main thread's read is
 * done — the worker may be begun before the read, its modules loading meanwhile (cli/list-split.ts beginListThreadEarly).
 */
export interface ListPartStart {
  listPart: true;
  port: MessagePort;
}

/** The worker's input, posted on its port. */
export interface ListPartInput {
  /** The command's ListOptions (plain data: no port, no functions). */
  options: Record<string, unknown>;
  /** The early hash the main thread's read was given (io/register/log-hash.ts EarlyShare). */
  early: EarlyShare;
  /** The checkpoint's parts the main thread read, shared (register/checkpoint-parts.ts). */
  parts: PartsShare;
  /** Rows a chunk, and how many rows the main thread's read found (the worker's must be the same). */
  chunkRows: number;
  rows: number;
  signal: SharedArrayBuffer;
  claims: SharedArrayBuffer;
}

/** What the worker posts: a chunk's records (written as ListedBytes writes them, `,\n    ` between), its end, or why it failed. */
export type ListPartMessage = { chunk: number; bytes: Uint8Array } | { done: true } | { failed: string };

/**
 * A chunk's records as one run of bytes: each written by ListedBytes two levels down, `,\n    ` between them (the
 * bytes jsonBytesParts writes between a document's records). Taken from the JSON writer a part at a time, as
 * jsonBytesParts takes them (its buffer grows by copying what is not taken yet), and made one run at the end.
 */
export class ChunkBytes {
  private readonly out = new JsonBytes();
  private parts: Uint8Array[] = [];
  private bytes = 0;
  private count = 0;

  constructor(
    private readonly listed: ListedBytes,
    private readonly lister: Lister,
  ) {}

  add(s: RecordStatus): void {
    if (this.count > 0) this.out.text(',\n    ');
    this.listed.writeStatus(this.out, s, this.lister);
    this.count++;
    if (this.out.size >= BYTES_PER_PART) this.keep(this.out.take());
  }

  /** Bytes written since the last run was taken. */
  get size(): number {
    return this.bytes + this.out.size;
  }

  /** The run written since the last (a fresh buffer of its own, to be handed to another thread), and a new one begun. */
  take(): Uint8Array {
    const parts = this.takeParts();
    const run = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      run.set(p, at);
      at += p.length;
    }
    return run;
  }

  /**
   * The run written since the last as the pieces it was made in (views of the writer's buffers, which no later write
   * changes), and a new one begun: what this thread writes out itself, not copied into one (a tenth of the main
   * thread's time in a province's list went to that copy).
   */
  takeParts(): Uint8Array[] {
    this.keep(this.out.take());
    const parts = this.parts;
    this.parts = [];
    this.bytes = 0;
    this.count = 0;
    return parts;
  }

  private keep(part: Uint8Array): void {
    if (part.length === 0) return;
    this.parts.push(part);
    this.bytes += part.length;
  }
}
