/**
 * Where a checkpoint being built puts the bytes it need not hold (decisions.md "register verify in bounded memory"):
 * the text columns but the ids, and the events' removals as JSON — ~95 MB of a province's ~180 MB checkpoint. They
 * go to a scratch file as each 1 MiB piece is filled and are read back, a piece at a time, only when the file is
 * written (after the columns the id index and touch table need, which stay in memory). The CRC-32 of each piece is
 * taken as it goes out, so the body's CRC-32 is combined without reading the pieces twice.
 * io/register/checkpoint-spill-file.ts is the scratch file; tests use MemorySpill.
 */
import { crc32 } from './crc32.js';

/** A file given as pieces written one after another (io/register/register-checkpoint.ts writeCheckpointFile). */
export interface PieceStream {
  bytes: number;
  pieces(): Iterable<Uint8Array>;
}

/** A scratch store the builder appends to and reads back from (the file: io/register/checkpoint-spill-file.ts). */
export interface Spill {
  /** Appends `bytes` after what was written before; throws when it cannot (the builder then keeps no checkpoint). */
  write(bytes: Uint8Array): void;
  /** The bytes [pos, pos + len) written before; valid until the next read (the file reads into one buffer). */
  read(pos: number, len: number): Uint8Array;
}

/** A piece of a column put in the spill: where it is, its length and CRC-32. */
export interface Spilled {
  pos: number;
  len: number;
  crc: number;
}

/** Writes pieces to a spill, keeping where each went. */
export class SpillWriter {
  private at = 0;
  /** A write failed (a full disk): the checkpoint is given up, as any checkpoint whose write fails. */
  failed = false;

  constructor(readonly spill: Spill) {}

  /** Never throws: a write that fails sets `failed` (the builder is fed from inside the log's reader). */
  put(bytes: Uint8Array): Spilled {
    const piece = { pos: this.at, len: bytes.length, crc: crc32(bytes) };
    if (bytes.length > 0 && !this.failed) {
      try {
        this.spill.write(bytes);
      } catch {
        this.failed = true;
      }
    }
    this.at += bytes.length;
    return piece;
  }

  /** A spilled piece read back in reads of at most `max` bytes. */
  *back(piece: Spilled, max = 1 << 20): Iterable<Uint8Array> {
    for (let off = 0; off < piece.len; off += max) yield this.spill.read(piece.pos + off, Math.min(max, piece.len - off));
  }
}

/** A spill held in memory (tests; the same bytes as the file). */
export class MemorySpill implements Spill {
  private readonly pieces: Buffer[] = [];
  private bytes: Buffer | null = null;
  written = 0;

  write(bytes: Uint8Array): void {
    this.pieces.push(Buffer.from(bytes));
    this.written += bytes.length;
    this.bytes = null;
  }

  read(pos: number, len: number): Uint8Array {
    this.bytes ??= Buffer.concat(this.pieces);
    if (pos + len > this.bytes.length) throw new Error('spill: read past what was written');
    return this.bytes.subarray(pos, pos + len);
  }
}
