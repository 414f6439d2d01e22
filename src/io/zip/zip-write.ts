/**
 * Writes a zip as yazl writes one from buffers (every entry deflated, its CRC-32 and sizes in its local header, a DOS
 * time and no extra field, names UTF-8, mode 0664), byte for byte at the same level (test/io/zip-write.test.ts
 * compares the two), but takes an entry's bytes a piece at a time: a province's 移出名单 worksheet (~14 MB of XML
 * for 25,000 rows) is deflated on libuv's threads as its rows are made, instead of made whole, copied into one
 * buffer and then deflated while the main thread waited, and its CRC-32 is zlib's (yazl's is JavaScript,
 * ~50 ms for the two workbooks). zlib's output does not depend on how its input is cut: the same bytes.
 */
import { createDeflateRaw } from 'node:zlib';
import { crc32, crc32Combine } from '../../register/crc32.js';

/**
 * A piece of an entry deflated on its own (as pigz does): raw deflate ended by a sync flush, never the last block,
 * so that pieces written one after the other, then an empty last block, are one deflate stream; with its bytes'
 * CRC-32 and length, which combine into the entry's.
 */
export interface RawPiece {
  deflated: Uint8Array;
  crc: number;
  size: number;
}

/** An entry's pieces deflated already, in order (a 台账's sheet deflated on a second thread: xlsx/sheet-thread.ts). */
export interface RawPieces {
  raw: () => AsyncIterable<RawPiece>;
}

/** An entry: its bytes, or a function giving them a piece at a time (each piece once, in order), or its pieces deflated. */
export interface ZipPart {
  name: string;
  data: Uint8Array | (() => Iterable<Uint8Array>) | RawPieces;
}

/** The last block after raw pieces: empty, final, fixed codes (what zlib ends an empty input with, at any level). */
const LAST_BLOCK = [0x03, 0x00];

/** Raw pieces written in order, then the last block: the entry's CRC-32 combined from theirs. */
async function joined(data: RawPieces, put: (c: Buffer) => void): Promise<{ crc: number; size: number; compressed: number }> {
  let crc = 0;
  let size = 0;
  let compressed = 0;
  for await (const p of data.raw()) {
    if (p.deflated.length > 0) put(Buffer.from(p.deflated.buffer, p.deflated.byteOffset, p.deflated.byteLength));
    crc = crc32Combine(crc, p.crc, p.size);
    size += p.size;
    compressed += p.deflated.length;
  }
  const last = Buffer.from(LAST_BLOCK);
  put(last);
  return { crc, size, compressed: compressed + last.length };
}

/** What yazl writes for each entry: version 20 needed, bit 11 (UTF-8 name), deflate, made by Unix 6.3, mode 0664. */
const VERSION_NEEDED = 20;
const UTF8_NAME = 1 << 11;
const DEFLATE = 8;
const MADE_BY = (3 << 8) | 63;
const MODE = (0o100664 << 16) >>> 0;
/** Past these the zip needs ZIP64 records, which this writer does not write (yazl does: zipBuffer keeps it for them). */
export const ZIP32_MAX = 0xfffffffe;
export const ZIP32_ENTRIES = 0xffff;
/**
 * zlib's level for every entry (workbooks, `compile --zip`, the filled forms and letters; not validate --annotate's
 * copies, nor the 台账: register.ts LEDGER_DEFLATE_LEVEL). Level 6 (yazl's, zlib's default) until branch
 * prov-compile3: level 5 deflates a province's two workbooks in ~0.2 s less CPU for files ~2 % larger
 * (docs/decisions.md "The package's workbooks at deflate level 5").
 */
export const DEFLATE_LEVEL = 5;
/** Uncompressed bytes queued in the deflater before the pieces wait for it. */
const QUEUED = 4 << 20;
/** Bytes made between two turns of the event loop (zlib's callbacks run then: its next write is handed over). */
const YIELD_EVERY = 1 << 16;
/**
 * Bytes given to zlib in one write, and the room for its output: each write is a round trip to libuv's thread and back
 * (zlib's callback runs when the main thread next turns the event loop), and a write of each 64 KiB piece with 16 KiB
 * of output room left the thread waiting on the main thread more than deflating — a workbook of a province's 移出名单
 * took twice its CPU in wall time, two cores free (docs/decisions.md "A workbook deflated 256 KiB a write").
 */
export const WRITE = 1 << 18;
const OUTPUT = 1 << 16;

/** A Date's local fields as DOS date and time (yazl's dateToDosDateTime, its clamp included). */
function dosFields(d: Date): { date: number; time: number } {
  const min = new Date(1980, 0, 1);
  const max = new Date(2107, 11, 31, 23, 59, 58);
  const t = d < min ? min : d > max ? max : d;
  return {
    date: (t.getDate() & 0x1f) | (((t.getMonth() + 1) & 0xf) << 5) | (((t.getFullYear() - 1980) & 0x7f) << 9),
    time: Math.floor(t.getSeconds() / 2) | ((t.getMinutes() & 0x3f) << 5) | ((t.getHours() & 0x1f) << 11),
  };
}

/** yazl's validateMetadataPath for a file: `\` as `/`, no absolute path, no `..`, no trailing `/`. */
function entryName(name: string): Buffer {
  const n = name.replace(/\\/g, '/');
  if (n === '') throw new Error('empty metadataPath');
  if (/^[a-zA-Z]:/.test(n) || n.startsWith('/')) throw new Error(`absolute path: ${n}`);
  if (n.split('/').includes('..')) throw new Error(`invalid relative path: ${n}`);
  if (n.endsWith('/')) throw new Error(`file path cannot end with '/': ${n}`);
  const bytes = Buffer.from(n, 'utf8');
  if (bytes.length > 0xffff) throw new Error('utf8 file name too long');
  return bytes;
}

interface Written {
  name: Buffer;
  crc: number;
  size: number;
  compressed: number;
  offset: number;
}

/**
 * Pieces joined into writes of at least `size` bytes: `add` gives a write once that many are held (a piece as large as
 * it is), `rest` what is left at the end. A piece is never reused by its maker once given (ZipPart), so it is held as is.
 */
export class Writes {
  private held: Uint8Array[] = [];
  private bytes = 0;

  constructor(private readonly size = WRITE) {}

  add(piece: Uint8Array): Uint8Array | undefined {
    if (piece.length === 0) return undefined;
    this.held.push(piece);
    this.bytes += piece.length;
    return this.bytes >= this.size ? this.rest() : undefined;
  }

  rest(): Uint8Array | undefined {
    if (this.bytes === 0) return undefined;
    const write = this.held.length === 1 ? (this.held[0] as Uint8Array) : Buffer.concat(this.held, this.bytes);
    this.held = [];
    this.bytes = 0;
    return write;
  }
}

/**
 * Where a zip goes: its bytes in order, and (a file's) `patch` to write an entry's local header over the space left
 * for it once the entry is deflated — then no entry is held; without it each entry's deflated bytes are held until
 * its header can go first.
 */
export interface ZipOut {
  write(bytes: Uint8Array): void;
  patch?(bytes: Uint8Array, at: number): void;
}

/**
 * One entry's bytes deflated (a piece at a time, yielding to the event loop so that zlib's thread runs beside the
 * maker), each deflated piece given to `put` as it comes.
 */
async function deflated(
  data: ZipPart['data'],
  put: (c: Buffer) => void,
  level: number,
): Promise<{ crc: number; size: number; compressed: number }> {
  if (typeof data === 'object' && 'raw' in data) return joined(data, put);
  const z = createDeflateRaw({ level, chunkSize: OUTPUT });
  let compressed = 0;
  // A write that fails (a full disk) fails the entry: thrown from zlib's event, it would be no one's to catch.
  let failed: unknown;
  z.on('data', (c: Buffer) => {
    if (failed !== undefined) return;
    compressed += c.length;
    try {
      put(c);
    } catch (err) {
      failed = err;
      z.destroy(err as Error);
    }
  });
  const ended = new Promise<void>((resolve, reject) => {
    z.on('end', resolve);
    z.on('error', reject);
    z.on('close', () => {
      if (failed !== undefined) reject(failed);
    });
  });
  // Seen by the loop below as soon as it looks; the rejection is awaited at the end.
  ended.catch(() => undefined);
  let crc = 0;
  let size = 0;
  let since = 0;
  const writes = new Writes();
  const pieces = typeof data === 'function' ? data() : [data];
  try {
    for (const piece of pieces) {
      if (failed !== undefined) break;
      if (piece.length === 0) continue;
      crc = crc32(piece, crc);
      size += piece.length;
      const write = writes.add(piece);
      if (write) z.write(write);
      since += piece.length;
      // The event loop turns every 64 KiB or so: zlib's callbacks hand it the next write while this thread makes more.
      // Each wait's listeners removed once it ends: left on, a workbook of more than ten waits (a province's 台账
      // had ~40) made Node print a MaxListenersExceededWarning on the clerk's screen.
      if (z.writableLength >= QUEUED)
        await new Promise<void>((resolve) => {
          const done = (): void => {
            z.off('drain', done);
            z.off('close', done);
            resolve();
          };
          z.on('drain', done);
          z.on('close', done);
        });
      else if (since >= YIELD_EVERY) await new Promise(setImmediate);
      else continue;
      since = 0;
    }
  } catch (err) {
    // The maker failed (a row it cannot make): zlib's output still to come goes nowhere — the file it was
    // written to is closed and removed once this rejects (IoPort.writeFileFrom), its descriptor free for another.
    failed ??= err;
    z.destroy();
    throw err;
  }
  if (failed === undefined) {
    const last = writes.rest();
    if (last) z.write(last);
    z.end();
  }
  await ended;
  return { crc, size, compressed };
}

/** The zip of `parts`, in order, every entry dated `mtime` (its local fields, as yazl reads them). */
export async function zipParts(parts: readonly ZipPart[], mtime: Date): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await zipPartsTo(parts, mtime, { write: (b) => chunks.push(Buffer.from(b.buffer, b.byteOffset, b.byteLength)) });
  return Buffer.concat(chunks);
}

/**
 * zipParts's bytes given to `to` as they are made (the same bytes, however `to` takes them); `level` zlib's for every
 * entry (DEFLATE_LEVEL unless a file's own decision says otherwise: the 台账's, docs/decisions.md).
 */
export async function zipPartsTo(parts: readonly ZipPart[], mtime: Date, to: ZipOut, level = DEFLATE_LEVEL): Promise<void> {
  if (parts.length >= ZIP32_ENTRIES) throw new Error(`too many entries for a zip without ZIP64: ${parts.length}`);
  const { date, time } = dosFields(mtime);
  const written: Written[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = entryName(part.name);
    const patch = to.patch?.bind(to);
    // With `patch`: the header's place given first (its bytes once known), the entry's bytes as deflated.
    if (patch) to.write(Buffer.alloc(30 + name.length));
    const held: Buffer[] = [];
    const { crc, size, compressed } = await deflated(part.data, patch ? (c) => to.write(c) : (c) => held.push(c), level);
    if (size > ZIP32_MAX || compressed > ZIP32_MAX || offset > ZIP32_MAX)
      throw new Error(`zip entry too large without ZIP64: ${part.name}`);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(VERSION_NEEDED, 4);
    head.writeUInt16LE(UTF8_NAME, 6);
    head.writeUInt16LE(DEFLATE, 8);
    head.writeUInt16LE(time, 10);
    head.writeUInt16LE(date, 12);
    head.writeUInt32LE(crc >>> 0, 14);
    head.writeUInt32LE(compressed, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(name.length, 26);
    head.writeUInt16LE(0, 28);
    if (patch) patch(Buffer.concat([head, name]), offset);
    else for (const b of [head, name, ...held]) to.write(b);
    written.push({ name, crc: crc >>> 0, size, compressed, offset });
    offset += head.length + name.length + compressed;
  }
  const start = offset;
  for (const w of written) {
    const rec = Buffer.alloc(46);
    rec.writeUInt32LE(0x02014b50, 0);
    rec.writeUInt16LE(MADE_BY, 4);
    rec.writeUInt16LE(VERSION_NEEDED, 6);
    rec.writeUInt16LE(UTF8_NAME, 8);
    rec.writeUInt16LE(DEFLATE, 10);
    rec.writeUInt16LE(time, 12);
    rec.writeUInt16LE(date, 14);
    rec.writeUInt32LE(w.crc, 16);
    rec.writeUInt32LE(w.compressed, 20);
    rec.writeUInt32LE(w.size, 24);
    rec.writeUInt16LE(w.name.length, 28);
    // Extra field, comment, disk, internal attributes: none.
    rec.writeUInt32LE(MODE, 38);
    rec.writeUInt32LE(w.offset, 42);
    to.write(rec);
    to.write(w.name);
    offset += rec.length + w.name.length;
  }
  if (offset > ZIP32_MAX) throw new Error('zip too large without ZIP64');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(written.length, 8);
  end.writeUInt16LE(written.length, 10);
  end.writeUInt32LE(offset - start, 12);
  end.writeUInt32LE(start, 16);
  to.write(end);
}
