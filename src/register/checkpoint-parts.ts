/**
 * A checkpoint's body read part by part (docs/decisions.md "A checkpoint read part by part"): one pass
 * over the file through a small buffer checks the body's CRC-32 and each part's numbers (an index in its
 * table, offsets in order…), keeping nothing; a part (a column, the id index, one event's removals) is
 * then read from the file only when a reader first asks for it, and checked again against the CRC-32 the
 * pass saw at its two ends. A province's checkpoint is ~180 MB: `register show` reads a fifth of it, and
 * memory never touched costs nothing (a page of fresh memory costs more than reading it).
 *
 * The file stays open while parts are unread (another writer renames a new checkpoint into place: this
 * one keeps reading the file it checked); it is closed once every part is read, by `loadAll`, or when
 * the parts are no longer reachable. Nothing here touches the disk itself: the file is a CheckpointBytes.
 */
import { crc32, crc32Of } from './crc32.js';
import { noteUnexpected } from '../diagnostics/unexpected.js';

/** The checkpoint file as read at positions (a ReadHandle of io/port.ts, or bytes in memory). */
export interface CheckpointBytes {
  readonly size: number;
  /** Reads up to `length` bytes at `position` into buf[offset…]; the count read, 0 at the end. */
  read(buf: Uint8Array, offset: number, length: number, position: number): number;
  close?(): void;
}

/** Bytes in memory as a CheckpointBytes. */
export function bytesSource(bytes: Uint8Array): CheckpointBytes {
  return {
    size: bytes.length,
    read(buf, offset, length, position) {
      const part = bytes.subarray(Math.min(position, bytes.length), Math.min(position + length, bytes.length));
      buf.set(part, offset);
      return part.length;
    },
  };
}

/** Reads exactly `length` bytes at `position` into buf[offset…]; false when the file is shorter. */
export function readExactly(file: CheckpointBytes, buf: Uint8Array, offset: number, length: number, position: number): boolean {
  let done = 0;
  while (done < length) {
    const n = file.read(buf, offset + done, length - done, position + done);
    if (!(n > 0)) return false;
    done += n;
  }
  return true;
}

/**
 * What a part's numbers must be, fed its bytes in order a piece at a time (each piece a whole number of
 * its elements, aligned); false rejects the checkpoint.
 */
export type PartCheck = (bytes: Uint8Array) => boolean;

/** A part of the body: its offset in the body (4-byte aligned when it has a check) and length; parts ascend and do not overlap. */
export interface PartSpec {
  at: number;
  len: number;
  check?: PartCheck | undefined;
}

/** The pass's buffer: read, checked and hashed while in the processor's cache. */
const CHUNK = 1 << 20;
/** The pass keeps the CRC-32 at every BLOCK bytes of the body: a few bytes of a part are read as the blocks around them. */
const BLOCK = 1 << 14;

/** Thrown when a part read later is not what the pass checked (the file changed under an open handle). */
export class CheckpointChangedError extends Error {
  constructor() {
    super('register checkpoint: a part read differs from the one checked');
  }
}

const closing = new FinalizationRegistry<CheckpointBytes>((file) => {
  try {
    file.close?.();
  } catch (err) {
    // Never thrown from the collector; but a handle given here closes once, whoever calls it (docs/decisions.md "A
    // descriptor closed twice aborts the process"): an error here is a second close, shown under --debug.
    noteUnexpected('checkpoint-parts finalizer', err);
  }
});

/**
 * Parts of a checkpoint one thread has read, handed to another that reads the same checkpoint (register list's second
 * thread: cli/list-split.ts): what the first thread's pass found (the CRC-32 at each part's ends and every BLOCK
 * bytes) and the parts it read, in shared memory (never copied). Plain data, for a worker's workerData.
 */
export interface PartsShare {
  bodyLen: number;
  crc: number;
  /** Each part's offset and length, in order: the share is taken only by a decoder that finds the same. */
  specs: readonly number[];
  before: Uint32Array;
  after: Uint32Array;
  crcAt: Uint32Array;
  given: readonly [number, Uint8Array][];
}

/** A share adopted by this thread (adoptParts): the next scan of a body of its length, CRC-32 and parts takes it. */
let adopted: PartsShare | undefined;

/**
 * In a second thread: the parts another thread read of the checkpoint this one is about to decode. Its scan then
 * makes no pass over the file (the other thread's found the same CRC-32 of the same parts), and a part given is
 * not read again; a part not given is read from this thread's file and checked against the CRC-32 at its ends.
 */
export function adoptParts(share: PartsShare): void {
  adopted = share;
}

/** A part's buffer: shared memory, which a second thread can be given without a copy (PartsShare). */
const partBytes = (len: number): Uint8Array => new Uint8Array(new SharedArrayBuffer(len));

/** The body's parts, each read when first asked (`load`). */
export class CheckpointParts {
  private readonly loaded: (Uint8Array | undefined)[];
  private unread: number;
  private open = true;
  private scratch: Uint8Array | undefined;

  private constructor(
    private readonly file: CheckpointBytes,
    private readonly bodyAt: number,
    private readonly bodyLen: number,
    private readonly specs: readonly PartSpec[],
    private readonly before: Uint32Array,
    private readonly after: Uint32Array,
    /** The CRC-32 of the body's first k × BLOCK bytes (the last entry: of the whole body). */
    private readonly crcAt: Uint32Array,
  ) {
    this.loaded = new Array(specs.length);
    this.unread = specs.length;
    closing.register(this, file, this);
    if (this.unread === 0) this.close();
  }

  /**
   * One pass over the body of `file` (bodyLen bytes at bodyAt): its CRC-32 must be `crc`, and each part's
   * check must pass. Null otherwise (the checkpoint is ignored); the file is then left for the caller to close.
   */
  static scan(file: CheckpointBytes, bodyAt: number, bodyLen: number, specs: readonly PartSpec[], crc: number): CheckpointParts | null {
    const given = adopted !== undefined ? CheckpointParts.given(adopted, file, bodyAt, bodyLen, specs, crc) : null;
    if (given) return given;
    let end = 0;
    for (const s of specs) {
      if (!Number.isSafeInteger(s.at) || !Number.isSafeInteger(s.len) || s.len < 0 || s.at < end || (s.check && s.at % 4 !== 0))
        return null;
      end = s.at + s.len;
    }
    if (end > bodyLen) return null;
    const before = new Uint32Array(specs.length);
    const after = new Uint32Array(specs.length);
    const crcAt = new Uint32Array(Math.ceil(bodyLen / BLOCK) + 1);
    const buf = new Uint8Array(Math.min(CHUNK, bodyLen));
    let value = 0;
    let p = 0;
    /** Parts of no bytes at `at`: both ends are the CRC-32 so far. */
    const empties = (at: number): void => {
      for (let s = specs[p]; s !== undefined && s.len === 0 && s.at <= at; s = specs[++p]) {
        before[p] = value;
        after[p] = value;
      }
    };
    for (let pos = 0; pos < bodyLen; pos += CHUNK) {
      const n = Math.min(CHUNK, bodyLen - pos);
      if (!readExactly(file, buf, 0, n, bodyAt + pos)) return null;
      let s = 0;
      while (s < n) {
        empties(pos + s);
        const part = specs[p];
        const abs = pos + s;
        let to = Math.min(n, (Math.floor(abs / BLOCK) + 1) * BLOCK - pos);
        if (part !== undefined) to = Math.min(to, (abs < part.at ? part.at : part.at + part.len) - pos);
        const piece = buf.subarray(s, to);
        if (part !== undefined && abs === part.at) before[p] = value;
        value = crc32(piece, value);
        if ((pos + to) % BLOCK === 0) crcAt[(pos + to) / BLOCK] = value;
        if (part !== undefined && abs >= part.at) {
          if (part.check && !part.check(piece)) return null;
          if (pos + to === part.at + part.len) after[p++] = value;
        }
        s = to;
      }
    }
    empties(bodyLen);
    crcAt[crcAt.length - 1] = value;
    if (p !== specs.length || value !== crc >>> 0) return null;
    return new CheckpointParts(file, bodyAt, bodyLen, specs, before, after, crcAt);
  }

  /** The parts of an adopted share, when it is of this body and these parts (taken once). */
  private static given(
    share: PartsShare,
    file: CheckpointBytes,
    bodyAt: number,
    bodyLen: number,
    specs: readonly PartSpec[],
    crc: number,
  ): CheckpointParts | null {
    const same =
      share.bodyLen === bodyLen &&
      share.crc === crc >>> 0 &&
      share.specs.length === 2 * specs.length &&
      specs.every((s, i) => share.specs[2 * i] === s.at && share.specs[2 * i + 1] === s.len);
    if (!same) return null;
    adopted = undefined;
    const parts = new CheckpointParts(file, bodyAt, bodyLen, specs, share.before, share.after, share.crcAt);
    for (const [i, bytes] of share.given) if (bytes.length === (specs[i] as PartSpec).len) parts.give(i, bytes);
    return parts;
  }

  /** What another thread reading this checkpoint needs to read it as this one did, with the parts read so far (adoptParts). */
  share(): PartsShare {
    const given: [number, Uint8Array][] = [];
    this.loaded.forEach((b, i) => {
      if (b && b.buffer instanceof SharedArrayBuffer) given.push([i, b]);
    });
    return {
      bodyLen: this.bodyLen,
      crc: this.crcAt[this.crcAt.length - 1] as number,
      specs: this.specs.flatMap((s) => [s.at, s.len]),
      before: this.before,
      after: this.after,
      crcAt: this.crcAt,
      given,
    };
  }

  private give(i: number, bytes: Uint8Array): void {
    if (this.loaded[i]) return;
    this.loaded[i] = bytes;
    if (--this.unread === 0) this.close();
  }

  /** Part `i`'s bytes (read once, at a 4-byte aligned offset of their own buffer). */
  load(i: number): Uint8Array {
    const have = this.loaded[i];
    if (have) return have;
    const bytes = this.take(i);
    this.loaded[i] = bytes;
    if (--this.unread === 0) this.close();
    return bytes;
  }

  /**
   * Part `i`'s bytes read and checked as `load` does, but not kept here: for a reader that keeps them itself
   * (a text column) or what it makes of them (an event's removals parsed) — kept here as well, a province's
   * list held ~107 MB twice — or takes some of its values once (compile's 移出名单, stored-columns.ts
   * summariesOf). The kept bytes when the part was loaded already. The file stays open (as for a part not
   * read) until `loadAll` or the parts are unreachable.
   */
  take(i: number): Uint8Array {
    const have = this.loaded[i];
    if (have) return have;
    const spec = this.specs[i] as PartSpec;
    if (!this.open) throw new CheckpointChangedError();
    const bytes = partBytes(spec.len);
    if (!readExactly(this.file, bytes, 0, spec.len, this.bodyAt + spec.at) || crc32(bytes, this.before[i]) !== this.after[i])
      throw new CheckpointChangedError();
    return bytes;
  }

  /**
   * Bytes [from, to) of part `i`, without reading the whole part: the blocks around them are read and
   * checked against the CRC-32 the pass saw at their ends (a few values of a column: register show).
   */
  range(i: number, from: number, to: number): Uint8Array {
    const spec = this.specs[i] as PartSpec;
    if (!(from >= 0 && from <= to && to <= spec.len)) throw new CheckpointChangedError();
    if (from === to) return new Uint8Array(0);
    const whole = this.loaded[i];
    if (whole) return whole.subarray(from, to);
    if (!this.open) throw new CheckpointChangedError();
    const a = spec.at + from;
    const b = spec.at + to;
    const first = Math.floor(a / BLOCK);
    const last = Math.max(first + 1, Math.ceil(b / BLOCK));
    const start = first * BLOCK;
    const len = Math.min(last * BLOCK, this.bodyLen) - start;
    if (!this.scratch || this.scratch.length < len) this.scratch = new Uint8Array(Math.max(len, 2 * BLOCK));
    const blocks = this.scratch.subarray(0, len);
    if (!readExactly(this.file, blocks, 0, len, this.bodyAt + start) || crc32(blocks, this.crcAt[first]) !== this.crcAt[last])
      throw new CheckpointChangedError();
    return blocks.slice(a - start, b - start);
  }

  /** Every part read (a new checkpoint is about to replace the file), and the file closed. */
  loadAll(): void {
    for (let i = 0; i < this.specs.length; i++) this.load(i);
  }

  /** Part `i`'s length in bytes and its CRC-32 alone (an extended checkpoint's body CRC-32: checkpoint-extend.ts). */
  sizeOf(i: number): number {
    return (this.specs[i] as PartSpec).len;
  }

  /** Where part `i` lies in the file: its offset and length (a segment names the old file's parts so: checkpoint-segment.ts). */
  placeOf(i: number): { at: number; len: number } {
    const spec = this.specs[i] as PartSpec;
    return { at: this.bodyAt + spec.at, len: spec.len };
  }

  /** The file the parts are read from. */
  get source(): CheckpointBytes {
    return this.file;
  }

  crcOf(i: number): number {
    return crc32Of(this.before[i] as number, this.after[i] as number, (this.specs[i] as PartSpec).len);
  }

  /**
   * Part `i`'s bytes a piece at a time through `buf` (each piece valid until the next), from memory when read,
   * else from the file without keeping them; CheckpointChangedError (at its end) when they are not the bytes
   * the pass checked. An extended checkpoint copies the old one's unchanged parts so.
   */
  *pieces(i: number, buf: Uint8Array): Generator<Uint8Array> {
    const have = this.loaded[i];
    if (have) {
      yield have;
      return;
    }
    const spec = this.specs[i] as PartSpec;
    if (!this.open) throw new CheckpointChangedError();
    let value = this.before[i] as number;
    for (let off = 0; off < spec.len; ) {
      const n = Math.min(buf.length, spec.len - off);
      const piece = buf.subarray(0, n);
      if (!readExactly(this.file, piece, 0, n, this.bodyAt + spec.at + off)) throw new CheckpointChangedError();
      value = crc32(piece, value);
      off += n;
      if (off === spec.len && value !== this.after[i]) throw new CheckpointChangedError();
      yield piece;
    }
  }

  /** Whether part `i` has been read (tests: which parts a command reads). */
  isLoaded(i: number): boolean {
    return this.loaded[i] !== undefined;
  }

  private close(): void {
    if (!this.open) return;
    this.open = false;
    closing.unregister(this);
    try {
      this.file.close?.();
    } catch (err) {
      // Closing a file only read cannot lose anything; but an error is a second close somewhere (--debug shows it).
      noteUnexpected('checkpoint-parts close', err);
    }
  }
}

/** A part's bytes as 16- or 32-bit numbers (little-endian, as the writer checks it is). */
export const u16Of = (b: Uint8Array): Uint16Array => new Uint16Array(b.buffer, b.byteOffset, b.length >>> 1);
export const u32Of = (b: Uint8Array): Uint32Array => new Uint32Array(b.buffer, b.byteOffset, b.length >>> 2);

/** Each number below `limit` (one function a width: each loop sees one kind of array). */
export function below(limit: number, width: 2 | 4): PartCheck {
  if (width === 2)
    return (b) => {
      const v = u16Of(b);
      let max = 0;
      for (let j = 0; j < v.length; j++) max = Math.max(max, v[j] as number);
      return v.length === 0 || max < limit;
    };
  return (b) => {
    const v = u32Of(b);
    let max = 0;
    for (let j = 0; j < v.length; j++) max = Math.max(max, v[j] as number);
    return v.length === 0 || max < limit;
  };
}

/** Numbers that start at `first`, never decrease, end at `last` (the count known); `strictly`: each above the one before. */
export function ascending(count: number, first: number | null, last: number | null, limit: number, strictly = false): PartCheck {
  let k = 0;
  let prev = -1;
  return (b) => {
    const v = u32Of(b);
    if (v.length === 0) return true;
    if (k === 0 && first !== null && v[0] !== first) return false;
    let p = prev;
    let ok = true;
    for (let j = 0; j < v.length; j++) {
      const x = v[j] as number;
      ok = ok && (strictly ? x > p : x >= p);
      p = x;
    }
    prev = p;
    k += v.length;
    if (!ok || p >= limit) return false;
    return !(k === count && last !== null && p !== last);
  };
}

/** The id index's chain: each row's next row + 1, 0 or a later row of at most `total`. */
export function chained(total: number): PartCheck {
  let k = 0;
  return (b) => {
    const v = u32Of(b);
    const base = k;
    let ok = true;
    for (let j = 0; j < v.length; j++) {
      const x = v[j] as number;
      ok = ok && (x === 0 || (x > base + j + 1 && x <= total));
    }
    k += v.length;
    return ok;
  };
}
