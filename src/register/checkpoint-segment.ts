/**
 * A checkpoint continued by a segment (docs/decisions.md "A checkpoint continued by a segment"). An extension
 * (checkpoint-extend.ts) is the old file's parts with new bytes between them; a segment is that extension kept as
 * a list instead of copied: the new bytes, and for each old part where it lies in the base file. The checkpoint a
 * reader decodes is then the base file and the segment read as one file (SegmentedFile): byte for byte the file
 * an extension would write, so the decoder, its one pass and CRC-32, the lazy state, are those of any checkpoint.
 *
 * The segment file: a line of JSON (SegmentHead: the base it continues, what it covers, the SHA-256 of the log's
 * bytes after the base, the map), then its own bytes. It is keyed by the base's head (covers, body, size: another
 * base, rebuilt or extended since, is not the one it names) and by the SHA-256 of the log's bytes after the
 * base's prefix up to its own end; the base's prefix is checked as any checkpoint's. A segment written over
 * another copies the older one's own bytes it still uses: a segment names only the base and itself.
 *
 * Nothing here touches the disk (io/register/register-checkpoint.ts reads and writes the files).
 */
import { CHECKPOINT_VERSION, type CheckpointHead, type Covers } from './checkpoint.js';
import { readExactly, type CheckpointBytes } from './checkpoint-parts.js';
import { extensionOf, type CheckpointStream } from './checkpoint-extend.js';
import type { StoredEvent } from './events.js';
import type { CheckpointPrefix } from './lazy-state.js';

export const SEGMENT_KIND = 'hrss-credit register checkpoint segment';

/** A run of the checkpoint read as one file: from the base file (0) or the segment's own bytes (1), at, length. */
export type Range = [0 | 1, number, number];

/** The segment's first line. */
export interface SegmentHead {
  kind: string;
  version: number;
  /** The base file it continues: its head's covers and body, and its size in bytes. */
  base: { covers: Covers; body: { bytes: number; crc32: number }; size: number };
  /** What the base and the segment cover together (`sha256` empty: `since` keys the bytes after the base). */
  covers: Covers;
  /** The SHA-256 of the log's bytes from the base's end to the segment's. */
  since: string;
  /** The checkpoint read as one file, run by run. */
  map: Range[];
  /** How many bytes follow this line. */
  own: number;
}

/** The segment's head line is short (a few dozen runs); a longer one is none of ours. */
const HEAD_MAX = 1 << 16;

/** The base file and a segment read as one checkpoint file. */
export class SegmentedFile implements CheckpointBytes {
  readonly size: number;
  /** Where each run starts in the file read as one. */
  private readonly starts: number[];
  private closed = false;
  /** Whether closing this closes the base too (once the two are read as one: `adopt`). */
  private ownsBase = false;

  constructor(
    private readonly base: CheckpointBytes,
    private readonly seg: CheckpointBytes,
    /** Where the segment's own bytes start in its file. */
    private readonly ownAt: number,
    private readonly map: readonly Range[],
    /** The base's head and size: a segment written over this one names the same base. */
    readonly baseHead: CheckpointHead,
  ) {
    this.starts = [];
    let at = 0;
    for (const r of map) {
      this.starts.push(at);
      at += r[2];
    }
    this.size = at;
  }

  read(buf: Uint8Array, offset: number, length: number, position: number): number {
    if (position >= this.size || length <= 0) return 0;
    const i = this.runAt(position);
    const r = this.map[i] as Range;
    const into = position - (this.starts[i] as number);
    const n = Math.min(length, r[2] - into);
    const from = r[0] === 0 ? this.base : this.seg;
    return from.read(buf, offset, n, (r[0] === 0 ? 0 : this.ownAt) + r[1] + into);
  }

  /** The runs (in the base's or the segment's own coordinates) that bytes [at, at + len) of the file are read from. */
  rangesOf(at: number, len: number): Range[] {
    const out: Range[] = [];
    let pos = at;
    while (pos < at + len) {
      const i = this.runAt(pos);
      const r = this.map[i] as Range;
      const into = pos - (this.starts[i] as number);
      const n = Math.min(at + len - pos, r[2] - into);
      out.push([r[0], r[1] + into, n]);
      pos += n;
    }
    return out;
  }

  /** Bytes [at, at + len) of the segment's own bytes. */
  ownBytes(at: number, len: number): Buffer | null {
    const buf = Buffer.allocUnsafe(len);
    return readExactly(this.seg, buf, 0, len, this.ownAt + at) ? buf : null;
  }

  /** The base is this file's to close from now on (its parts read through it); until then only the segment is. */
  adopt(): void {
    this.ownsBase = true;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.ownsBase) this.base.close?.();
    } finally {
      this.seg.close?.();
    }
  }

  private runAt(position: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.starts[mid] as number) <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

const sameCovers = (a: Covers, b: Covers): boolean =>
  a.seq === b.seq && a.hash === b.hash && a.bytes === b.bytes && a.lines === b.lines && a.sha256 === b.sha256;

/** A segment file's head, when it is one of ours, and where its own bytes start; null otherwise. */
export function segmentHead(file: CheckpointBytes): { head: SegmentHead; ownAt: number } | null {
  const buf = Buffer.alloc(Math.min(HEAD_MAX, file.size));
  if (!readExactly(file, buf, 0, buf.length, 0)) return null;
  const nl = buf.indexOf(0x0a);
  if (nl < 0) return null;
  let head: SegmentHead;
  try {
    head = JSON.parse(buf.toString('utf8', 0, nl)) as SegmentHead;
  } catch {
    return null;
  }
  if (typeof head !== 'object' || head === null || head.kind !== SEGMENT_KIND || head.version !== CHECKPOINT_VERSION) return null;
  const { base, covers, map } = head;
  const coversOk = (c: Covers | undefined): boolean =>
    typeof c === 'object' &&
    c !== null &&
    isCount(c.seq) &&
    isCount(c.bytes) &&
    isCount(c.lines) &&
    typeof c.hash === 'string' &&
    typeof c.sha256 === 'string';
  if (
    typeof base !== 'object' ||
    base === null ||
    !coversOk(base.covers) ||
    !coversOk(covers) ||
    typeof base.body !== 'object' ||
    base.body === null ||
    !isCount(base.body.bytes) ||
    !isCount(base.body.crc32) ||
    !isCount(base.size) ||
    typeof head.since !== 'string' ||
    !isCount(head.own) ||
    !Array.isArray(map) ||
    covers.bytes <= base.covers.bytes ||
    covers.lines <= base.covers.lines
  )
    return null;
  for (const r of map)
    if (!Array.isArray(r) || r.length !== 3 || (r[0] !== 0 && r[0] !== 1) || !isCount(r[1]) || !isCount(r[2])) return null;
  return { head, ownAt: nl + 1 };
}

/**
 * The base and the segment read as one checkpoint file, when the segment continues this base (its head, its size)
 * and every run lies within the file it names; null otherwise (the base is then read alone).
 */
export function segmented(
  base: CheckpointBytes,
  baseHead: CheckpointHead,
  seg: CheckpointBytes,
  read: { head: SegmentHead; ownAt: number },
): SegmentedFile | null {
  const { head, ownAt } = read;
  if (
    !sameCovers(head.base.covers, baseHead.covers) ||
    head.base.body.bytes !== baseHead.body.bytes ||
    head.base.body.crc32 !== baseHead.body.crc32 ||
    head.base.size !== base.size ||
    seg.size !== ownAt + head.own
  )
    return null;
  for (const [from, at, len] of head.map) if (at + len > (from === 0 ? base.size : head.own)) return null;
  return new SegmentedFile(base, seg, ownAt, head.map, baseHead);
}

/**
 * The segment that continues the checkpoint `prefix` was decoded from (its base file, or its base and segment) with
 * `tail`, covering `covers`; `since`: the SHA-256 of the log's bytes from the base's end to `covers.bytes`. Null
 * when the extension cannot be made (checkpoint-extend.ts) or the segment's own bytes would pass `maxOwn` (then the
 * caller writes nothing, and the next read that parses the tail writes a whole checkpoint: the compaction).
 */
export function segmentOf(
  prefix: CheckpointPrefix,
  tail: readonly StoredEvent[],
  covers: Covers,
  since: string,
  base: { head: CheckpointHead; size: number },
  maxOwn: number,
): CheckpointStream | null {
  const ext = extensionOf(prefix, tail, { ...covers, sha256: '' }, { transient: true });
  if (!ext) return null;
  const source = ext.parts.source;
  const over = source instanceof SegmentedFile ? source : null;
  if (over && over.baseHead !== base.head) return null;
  const own: Uint8Array[] = [];
  const map: Range[] = [];
  let ownLen = 0;
  const run = (from: 0 | 1, at: number, len: number): void => {
    if (len === 0) return;
    const last = map[map.length - 1];
    if (last && last[0] === from && last[1] + last[2] === at) last[2] += len;
    else map.push([from, at, len]);
  };
  const mine = (bytes: Uint8Array): void => {
    run(1, ownLen, bytes.length);
    own.push(bytes);
    ownLen += bytes.length;
  };
  mine(ext.line);
  for (const p of ext.pieces) {
    if (p instanceof Uint8Array) {
      mine(p);
      continue;
    }
    const { at, len } = ext.parts.placeOf(p.part);
    if (!over) {
      run(0, at, len);
      continue;
    }
    // Over an older segment: the base's runs are named again, the older segment's own bytes copied.
    for (const [from, a, n] of over.rangesOf(at, len)) {
      if (from === 0) run(0, a, n);
      else {
        const bytes = over.ownBytes(a, n);
        if (!bytes) return null;
        mine(bytes);
      }
    }
    if (ownLen > maxOwn) return null;
  }
  if (ownLen > maxOwn) return null;
  const head: SegmentHead = {
    kind: SEGMENT_KIND,
    version: CHECKPOINT_VERSION,
    base: { covers: base.head.covers, body: base.head.body, size: base.size },
    covers: { ...covers, sha256: '' },
    since,
    map,
    own: ownLen,
  };
  const line = Buffer.from(`${JSON.stringify(head)}\n`, 'utf8');
  return {
    bytes: line.length + ownLen,
    *pieces() {
      yield line;
      yield* own;
    },
  };
}
