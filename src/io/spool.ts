/**
 * Bytes put aside in a temporary file and read back once, in order: what a long output must hold until its turn
 * comes (a province's `diff` over many batches: the sections after the first, ~100 MB of JSON or ~115 MB of
 * table lines, were held in memory). The file is made at the first write, in the system's temporary folder, with
 * a name no other process has (O_EXCL); it is unlinked at once where the system allows it (POSIX: the open
 * descriptor keeps the bytes, and nothing is left behind whatever ends the process), else removed when the spool
 * is closed or the process interrupted (io/cleanup.ts).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeOnInterrupt } from './cleanup.js';

/**
 * Bytes read back a piece at a time (as reporters/json-bytes.ts's parts): pieces of 1 MiB, each its own memory
 * outside V8's heap until a collection found its buffer gone, added ~30 MiB to the end of a province's diff.
 */
const READ_PIECE = 1 << 16;

/** A place for bytes written now and read back once (reporters' `Hold`). */
export interface Spool {
  /** Bytes written so far. */
  readonly size: number;
  write(bytes: Uint8Array): void;
  /**
   * Every byte written, in order, each a new buffer: without `piece`, in the pieces they were written in (a JSON
   * section's parts each end after an item: reporters/json-sections.ts), else in pieces of at most `piece` bytes.
   * The spool is closed after the last. `lent`: each piece of `piece` bytes is the same buffer, valid until the next
   * is asked (a reader that copies them at once: diff's table, reporters/held-rows.ts).
   */
  read(piece?: number, lent?: boolean): Generator<Buffer>;
  /** Closes and removes its file (idempotent). */
  close(): void;
}

export function fileSpool(dir: string = tmpdir()): Spool {
  let fd: number | undefined;
  let path: string | undefined;
  let forget: (() => void) | undefined;
  let size = 0;
  // The length of each write, in order (a province's diff: ~1,600 of them).
  const writes: number[] = [];
  const open = (): number => {
    if (fd !== undefined) return fd;
    const p = join(dir, `hrss-credit-spool-${process.pid}-${randomBytes(6).toString('hex')}`);
    const opened = openSync(p, constants.O_RDWR | constants.O_CREAT | constants.O_EXCL, 0o600);
    fd = opened;
    try {
      // POSIX: gone from the folder now, kept by the descriptor until it is closed.
      rmSync(p);
    } catch {
      // Windows refuses to remove an open file: removed by close(), or on an interrupt.
      path = p;
      forget = removeOnInterrupt(p);
    }
    return opened;
  };
  const close = (): void => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    if (path !== undefined) rmSync(path, { force: true });
    path = undefined;
    forget?.();
    forget = undefined;
  };
  return {
    get size() {
      return size;
    },
    write(bytes: Uint8Array): void {
      const f = open();
      let done = 0;
      while (done < bytes.length) done += writeSync(f, bytes, done, bytes.length - done, size + done);
      size += bytes.length;
      writes.push(bytes.length);
    },
    *read(most?: number, lent = false): Generator<Buffer> {
      try {
        let at = 0;
        let w = 0;
        const one = lent && most !== undefined ? Buffer.allocUnsafe(Math.min(most, size)) : undefined;
        while (at < size) {
          const length = most === undefined ? (writes[w++] ?? READ_PIECE) : most;
          const n = Math.min(length, size - at);
          const piece = one ? one.subarray(0, n) : Buffer.allocUnsafe(n);
          let got = 0;
          while (got < piece.length) {
            const n = readSync(fd as number, piece, got, piece.length - got, at + got);
            if (n === 0) throw new Error(`spool: ${size - at - got} bytes missing at ${at + got}`);
            got += n;
          }
          at += got;
          yield piece;
        }
      } finally {
        close();
      }
    },
    close,
  };
}
