/**
 * The checkpoint's encoder (checkpoint.ts says what the file holds; decisions.md "A checkpoint built as the
 * lines are read"): fed one event at a time, it keeps only what goes into the file — each record's values
 * appended to its column (indexes into the table of strings, UTF-8 text in chunks, four key hashes) — so
 * that a reader which encodes as it reads (register verify) drops each event's records once they are
 * added: a province's 10⁶ records are never held at once. The id index, the touch table and `gone` are
 * made from the columns at the end. The file is given as parts, written one after another
 * (io/register/register-checkpoint.ts): never concatenated into one ~180 MB buffer.
 */
import { isAscii } from 'node:buffer';
import {
  CHECKPOINT_KIND,
  CHECKPOINT_VERSION,
  OWN,
  SHARED,
  asciiJson,
  padded,
  type CheckpointHead,
  type Covers,
  type Meta,
} from './checkpoint.js';
import { crc32, crc32Combine } from './crc32.js';
import { SpillWriter, type PieceStream, type Spill, type Spilled } from './checkpoint-spill.js';
import type { StoredEvent } from './events.js';
import { fnv, keyFingerprint, keyHashes } from './key-columns.js';
import type { RecordBytes, TextMember } from './record-fields.js';
import type { StoredRecord } from './stored.js';

/**
 * Whether a text holds no lone surrogate: String.prototype.isWellFormed (ES2024, V8 11 and Node 20; the project's lib
 * is ES2023), native — the regular expression it replaces took ~2 % of a province's verify, tested on 10⁷ values.
 */
const wellFormed = (v: string): boolean => (v as string & { isWellFormed(): boolean }).isWellFormed();
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Each of OWN's members a record's bytes give (record-fields.ts), or undefined (content: its event's). */
const RAW: readonly (TextMember | undefined)[] = OWN.map((c) => (c === 'content' ? undefined : c));

/** Room kept before the body for the head line (the head is longer than this: no checkpoint). */
const HEAD_ROOM = 1024;

function hasRecords(e: StoredEvent): e is StoredEvent & { type: 'publish' | 'import'; records: StoredRecord[] } {
  return e.type === 'publish' || e.type === 'import';
}

/** An event's records given one at a time: `visit` is called with each, in order. */
export type RecordStream = (visit: (r: StoredRecord, raw?: RecordBytes) => void) => void;

/**
 * Whether an event's `contents` are exactly its records' content hashes, in their order (what our writer writes),
 * checked as the records come.
 */
class ContentsCheck {
  private readonly contents: Record<string, unknown> | null;
  private readonly keys: string[];
  private k = 0;
  private same: boolean;

  constructor(e: StoredEvent) {
    const contents = (e as { contents?: unknown }).contents;
    this.same = typeof contents === 'object' && contents !== null && !Array.isArray(contents);
    this.contents = this.same ? (contents as Record<string, unknown>) : null;
    this.keys = this.contents ? Object.keys(this.contents) : [];
  }

  next(r: StoredRecord): void {
    if (!this.same) return;
    const key = this.keys[this.k++];
    const v = key === undefined ? undefined : this.contents?.[key];
    if (key !== r.id || typeof v !== 'string' || v !== r.content) this.same = false;
  }

  /** After `count` records: whether the contents were theirs, one for one. */
  held(count: number): boolean {
    return this.same && this.k === count && this.keys.length === count;
  }
}

const bytesOf = (a: Uint8Array | Uint16Array | Uint32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** A column of 32-bit numbers that grows as rows are added. */
class Numbers {
  private a = new Uint32Array(1024);
  length = 0;
  /** With a spill: each 1 MiB of numbers put there as it fills (`a` then reused), and where it went. */
  private readonly spilled: Spilled[] = [];
  private used = 0;

  constructor(private readonly spill: SpillWriter | null = null) {
    if (spill) this.a = new Uint32Array(Math.max(1, spill.piece >> 2));
  }

  push(v: number): void {
    if (this.spill) {
      if (this.used === this.a.length) {
        this.spilled.push(this.spill.put(bytesOf(this.a)));
        this.used = 0;
      }
      this.a[this.used++] = v;
      this.length++;
      return;
    }
    if (this.length === this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = v;
  }

  /** The numbers as the file's parts: the spilled pieces, then what is held (a column without a spill: one part). */
  parts(): (Buffer | Spilled)[] {
    return this.spill ? [...this.spilled, bytesOf(this.a.subarray(0, this.used))] : [bytesOf(this.view())];
  }

  get(k: number): number {
    return this.a[k] as number;
  }

  /** The numbers added, viewed in place. */
  view(): Uint32Array {
    return this.a.subarray(0, this.length);
  }
}

/**
 * A column of table indexes (the shared columns): 16-bit while every index fits, as the file stores them when the
 * table has at most 65,536 strings (a province's 10⁶ rows: 2 MB a column, not 4, and no copy to write it).
 */
class Indexes {
  private a: Uint16Array | Uint32Array = new Uint16Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.a.length || (v > 0xffff && this.a instanceof Uint16Array)) {
      const b = v > 0xffff || this.a instanceof Uint32Array ? new Uint32Array(this.a.length * 2) : new Uint16Array(this.a.length * 2);
      b.set(this.a.subarray(0, this.length));
      this.a = b;
    }
    this.a[this.length++] = v;
  }

  /** The indexes as `width`-byte numbers (2 or 4), viewed in place when they are held so. */
  view(width: number): Uint16Array | Uint32Array {
    const a = this.a.subarray(0, this.length);
    if (width === 4) return a instanceof Uint32Array ? a : Uint32Array.from(a);
    return a instanceof Uint16Array ? a : Uint16Array.from(a);
  }
}

const TEXT_CHUNK = 1 << 20;

/**
 * A column of text: each value's UTF-8 bytes appended, in chunks of 1 MiB (a value never straddles two), and
 * each value's byte offset. The chunks, each cut to what it holds, are the column's bytes in the file.
 */
class Text {
  readonly at: Numbers;
  /** The chunks filled (cut to what they hold); `cur` is being filled. */
  readonly chunks: Buffer[] = [];
  /** The chunks put in the spill instead (a column no one reads back while building: checkpoint-spill.ts). */
  readonly spilled: Spilled[] = [];
  /** The offset in the column of each chunk's first byte, `cur`'s last. */
  private readonly starts: number[] = [];
  private cur = Buffer.alloc(0);
  private used = 0;
  private closed = false;
  length = 0;
  ascii = true;

  constructor(private readonly spill: SpillWriter | null = null) {
    // A column written to the spill has its offsets written there too: nothing reads them back while building.
    this.at = new Numbers(spill);
    this.at.push(0);
  }

  /** A value given as its UTF-8 bytes, buf[from, to) (a canonical line's string, unescaped: its text's bytes). */
  pushBytes(buf: Buffer, from: number, to: number): void {
    const n = to - from;
    if (this.starts.length === 0 || this.cur.length - this.used < n) this.next(n);
    const cur = this.cur;
    let u = this.used;
    for (let i = from; i < to; i++) cur[u++] = buf[i] as number;
    this.used = u;
    this.length += n;
    this.at.push(this.length);
  }

  push(s: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (this.starts.length === 0 || this.cur.length - this.used < s.length * 3) this.next(s.length * 3);
    const n = this.cur.write(s, this.used, 'utf8');
    this.used += n;
    this.length += n;
    this.at.push(this.length);
  }

  private next(room: number): void {
    if (this.starts.length > 0) this.keep();
    this.starts.push(this.length);
    this.cur = Buffer.allocUnsafe(Math.max(this.spill?.piece ?? TEXT_CHUNK, room));
    this.used = 0;
  }

  private keep(): void {
    const done = this.cur.subarray(0, this.used);
    if (this.ascii && !isAscii(done)) this.ascii = false;
    if (this.spill) this.spilled.push(this.spill.put(done));
    else this.chunks.push(done);
  }

  /** Nothing more is added: the last chunk is cut to what it holds. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.starts.length > 0) this.keep();
  }

  /** The chunk holding byte `a` of the column, and where it starts. */
  private chunkOf(a: number): { chunk: Buffer; from: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= a) lo = mid;
      else hi = mid - 1;
    }
    return { chunk: lo < this.chunks.length ? (this.chunks[lo] as Buffer) : this.cur, from: a - (this.starts[lo] ?? 0) };
  }

  value(k: number): string {
    const a = this.at.get(k);
    const { chunk, from } = this.chunkOf(a);
    return chunk.toString('utf8', from, from + (this.at.get(k + 1) - a));
  }

  /** FNV-1a of value k's bytes: key-columns.ts fnv of the value while the column is ASCII (a byte a code unit). */
  fnvOf(k: number): number {
    const a = this.at.get(k);
    const { chunk, from } = this.chunkOf(a);
    const to = from + (this.at.get(k + 1) - a);
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ (chunk[i] as number), 0x01000193);
    return h >>> 0;
  }

  /** Whether value j and value k of `other` (this column by default) are the same bytes. */
  same(j: number, k: number, other: Text = this): boolean {
    const a = this.at.get(j);
    const len = this.at.get(j + 1) - a;
    const b = other.at.get(k);
    if (other.at.get(k + 1) - b !== len) return false;
    const x = this.chunkOf(a);
    const y = other.chunkOf(b);
    for (let i = 0; i < len; i++) if (x.chunk[x.from + i] !== y.chunk[y.from + i]) return false;
    return true;
  }

  /** Whether value k is `s` (byte by byte while `s` is ASCII). */
  equals(k: number, s: string): boolean {
    const a = this.at.get(k);
    const len = this.at.get(k + 1) - a;
    // UTF-8 is never shorter than its UTF-16 code units.
    if (len < s.length) return false;
    const { chunk, from } = this.chunkOf(a);
    if (len === s.length) {
      let i = 0;
      for (; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c > 0x7f) break;
        if (chunk[from + i] !== c) return false;
      }
      if (i === s.length) return true;
    }
    return chunk.toString('utf8', from, from + len) === s;
  }
}

/**
 * The checkpoint of a log's events, fed one at a time (`add`, in order from the first line), or null from
 * `finish` when they cannot be kept in one (a record held in memory, a lone surrogate in a value).
 */
export class CheckpointBuilder {
  private failed = !LITTLE_ENDIAN;
  private readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly shared = SHARED.map(() => new Indexes());
  private readonly own: Text[];
  /** Where the text columns but the ids, and the removals' JSON, go while building (null: held). */
  private readonly spill: SpillWriter | null;
  private readonly removalSpilled: Spilled[] = [];
  private readonly keys: readonly [Numbers, Numbers, Numbers, Numbers];
  /** Each row's event. */
  private readonly eventOf = new Numbers();
  private readonly removalJson: Buffer[] = [];
  private removalAt = 0;
  /** What events say of ids besides publishing them: the id, the event, the kind (1 removed, 2 corrected, 4 objection). */
  // As bytes and numbers, not strings: a province's 400,000 removals were as many strings held to the end.
  private touchIds = new Text();
  private touchEvents = new Numbers();
  private touchKinds = new Numbers();
  private readonly meta: Meta = {
    events: [],
    lines: [],
    counts: [],
    strings: this.strings,
    width: 2,
    text: [],
    ascii: [],
    table: 0,
    distinct: 0,
    touched: 0,
    touches: 0,
    keys: 0,
    removals: [],
    orphans: [],
  };
  private readonly keyRow: [number, number, number, number] = [0, 0, 0, 0];
  /** The index of the first event added (an extension's builder starts after the old checkpoint's events). */
  private readonly firstEvent: number;

  /**
   * `strings`: the table of strings to continue (an extension: the old checkpoint's, its indexes kept);
   * `firstEvent`: how many events come before the first added (their indexes in the touch table and rows).
   */
  /** `spillPiece`: the bytes a spilled column holds before a piece goes out (1 MiB; tests make it small). */
  constructor(options: { strings?: readonly string[]; firstEvent?: number; spill?: Spill; spillPiece?: number } = {}) {
    for (const s of options.strings ?? []) this.intern(s);
    this.firstEvent = options.firstEvent ?? 0;
    this.spill = options.spill ? new SpillWriter(options.spill, options.spillPiece) : null;
    // The key hashes are only written out: spilled too.
    this.keys = [new Numbers(this.spill), new Numbers(this.spill), new Numbers(this.spill), new Numbers(this.spill)];
    // The ids stay in memory: the id index is made from them at the end.
    this.own = OWN.map((_, c) => new Text(c === 0 ? null : this.spill));
  }

  private intern(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  /** Whether the events so far can still be kept in a checkpoint. */
  get ok(): boolean {
    return !this.failed;
  }

  /** How many events were added. */
  added = 0;

  /**
   * Adds the next event of the log (its records read now; the caller may drop them after). `records`: its records
   * given one at a time instead of `e.records` (register verify's reader, chain.ts EventSink: each is dropped while
   * young); every record is visited whether or not the builder still keeps them.
   */
  add(e: StoredEvent, records?: RecordStream): void {
    this.added++;
    // Each record alone: forEach would give its index as `raw`.
    const each: RecordStream =
      records ??
      ((visit) => {
        if (hasRecords(e)) for (const r of e.records) visit(r);
      });
    if (this.failed) {
      each(() => {});
      return;
    }
    const i = this.firstEvent + this.meta.events.length;
    const meta = this.meta;
    if (e.type === 'publish') {
      for (const r of e.removals) this.touch(r.id, i, 1);
      for (const c of e.corrected ?? []) this.touch(c.id, i, 2);
    } else if (e.type === 'objection-add' || e.type === 'objection-resolve') this.touch(e.id, i, 4);
    if (!hasRecords(e)) {
      meta.events.push(e as unknown as Record<string, unknown>);
      meta.lines.push(null);
      meta.counts.push(0);
      meta.removals.push(null);
      return;
    }
    const stored: Record<string, unknown> = { ...e, records: [] };
    if (e.type === 'publish' && Array.isArray(e.removals)) {
      const json = asciiJson(e.removals);
      stored.removals = 0;
      meta.removals.push([this.removalAt, json.length]);
      if (this.spill) this.removalSpilled.push(this.spill.put(Buffer.from(json, 'latin1')));
      else this.removalJson.push(Buffer.from(json, 'latin1'));
      this.removalAt += json.length;
    } else meta.removals.push(null);
    meta.events.push(stored);
    let at: [number, number, number] | null = null;
    const contents = new ContentsCheck(e);
    let count = 0;
    each((r, raw) => {
      count++;
      if (this.failed) return;
      const o = r.origin;
      if (count === 1 && o.kind === 'line') at = [o.pos, o.len, o.line];
      if (o.kind !== 'line' || (at && o.pos !== at[0])) {
        this.fail();
        return;
      }
      contents.next(r);
      for (let c = 0; c < SHARED.length; c++) (this.shared[c] as Indexes).push(this.intern(r[SHARED[c] as (typeof SHARED)[number]]));
      for (let c = 0; c < OWN.length; c++) {
        const member = RAW[c];
        if (raw && member) {
          // The bytes the text would be written as (valid UTF-8: no lone surrogate), copied.
          const from = raw.from(member);
          if (from < 0) (this.own[c] as Text).pushBytes(raw.buf, 0, 0);
          else (this.own[c] as Text).pushBytes(raw.buf, from, raw.to(member));
          continue;
        }
        const v = r[OWN[c] as (typeof OWN)[number]];
        // The text is UTF-8: a value holding a lone surrogate (which UTF-8 cannot carry; the log's JSON escapes
        // it) is not kept — no checkpoint, the log is read whole.
        if (!wellFormed(v)) {
          this.fail();
          return;
        }
        (this.own[c] as Text).push(v);
      }
      keyHashes(r, this.keyRow);
      for (let c = 0; c < 4; c++) (this.keys[c] as Numbers).push(this.keyRow[c] as number);
      this.eventOf.push(i);
    });
    if (this.failed) return;
    if (contents.held(count)) stored.contents = 0;
    meta.lines.push(at);
    meta.counts.push(count);
  }

  private touch(id: string, i: number, kind: number): void {
    this.touchIds.push(id);
    this.touchEvents.push(i);
    this.touchKinds.push(kind);
  }

  private fail(): void {
    this.failed = true;
    // What was gathered is of no use any more: let it go.
    this.shared.length = 0;
    this.own.length = 0;
    this.removalJson.length = 0;
    this.removalSpilled.length = 0;
    this.touchIds = new Text();
    this.touchEvents = new Numbers();
    this.touchKinds = new Numbers();
    this.meta.events.length = 0;
  }

  /** The file's parts, in order (its head line first), or null (see the class). A builder with a spill: finishStream. */
  finish(covers: Covers): Buffer[] | null {
    if (this.spill) throw new Error('checkpoint: a spilled build is finished as a stream');
    return this.assemble(covers) as Buffer[] | null;
  }

  /**
   * The file as pieces written one after another (io/register/register-checkpoint.ts), the spilled ones read back
   * a 1 MiB piece at a time as they are written, or null (see the class).
   */
  finishStream(covers: Covers): PieceStream | null {
    const parts = this.assemble(covers);
    // A spill that could not be written (a full disk): no checkpoint.
    if (!parts || this.spill?.failed) return null;
    const spill = this.spill;
    const list = parts;
    const bytes = list.reduce((sum, p) => sum + (Buffer.isBuffer(p) ? p.length : p.len), 0);
    return {
      bytes,
      *pieces() {
        for (const p of list) {
          if (Buffer.isBuffer(p)) yield p;
          else if (spill) yield* spill.back(p);
        }
      },
    };
  }

  private assemble(covers: Covers): (Buffer | Spilled)[] | null {
    if (this.failed) return null;
    const meta = this.meta;
    const n = this.eventOf.length;
    meta.width = this.strings.length <= 0x10000 ? 2 : 4;
    // Every array starts 4-byte aligned in the file (the reader views it in place): each part padded to 4 bytes.
    const parts: (Buffer | Spilled)[] = [];
    const pad = (length: number): void => {
      if (length % 4 !== 0) parts.push(Buffer.alloc(4 - (length % 4)));
    };
    const push = (...bs: Buffer[]): void => {
      for (const b of bs) {
        parts.push(b);
        pad(b.length);
      }
    };
    for (const col of this.shared) push(bytesOf(col.view(meta.width)));
    for (const t of this.own) {
      t.close();
      parts.push(...t.at.parts());
      meta.text.push(t.length);
      meta.ascii.push(t.ascii);
    }
    // The id index (lazy-state.ts reads it as it lies): the ids in the order of their rows, each id's rows chained.
    const ids = this.own[0] as Text;
    let size = 16;
    while (size < n * 2) size *= 2;
    const mask = size - 1;
    const table = new Uint32Array(size);
    const next = new Uint32Array(n);
    const lastOf = new Uint32Array(n);
    let distinct = 0;
    /** The first row of `id`, or -1 − the empty slot where it would go. */
    const find = (id: string): number => {
      let slot = fnv(id, 0, id.length) & mask;
      for (;;) {
        const row = table[slot] as number;
        if (row === 0) return -1 - slot;
        if (ids.equals(row - 1, id)) return row - 1;
        slot = (slot + 1) & mask;
      }
    };
    /** find(ids.value(k)) without making the string: by the bytes of an ASCII column (a province's 10⁶ ids). */
    const findRow = (k: number): number => {
      let slot = ids.fnvOf(k) & mask;
      for (;;) {
        const row = table[slot] as number;
        if (row === 0) return -1 - slot;
        if (ids.same(row - 1, k)) return row - 1;
        slot = (slot + 1) & mask;
      }
    };
    for (let k = 0; k < n; k++) {
      const first = ids.ascii ? findRow(k) : find(ids.value(k));
      if (first < 0) {
        table[-1 - first] = k + 1;
        lastOf[k] = k;
        distinct++;
      } else {
        next[lastOf[first] as number] = k + 1;
        lastOf[first] = k;
      }
    }
    meta.table = size;
    meta.distinct = distinct;
    push(bytesOf(table), bytesOf(next));
    // Each touch's id looked up by its bytes when both columns are ASCII (FNV-1a of the bytes is then the string's).
    const touchIds = this.touchIds;
    touchIds.close();
    const touchRow = (t: number): number => {
      if (!ids.ascii || !touchIds.ascii) return find(touchIds.value(t));
      let slot = touchIds.fnvOf(t) & mask;
      for (;;) {
        const row = table[slot] as number;
        if (row === 0) return -1 - slot;
        if (ids.same(row - 1, t, touchIds)) return row - 1;
        slot = (slot + 1) & mask;
      }
    };
    const touches = this.touchTable(touchRow, n);
    // Each row of an id whose latest publication a removal in the prefix follows (compile's expiries pass it over).
    const gone = new Uint8Array(n);
    const eventOf = this.eventOf.view();
    for (let t = 0; t < touches.rows.length; t++) {
      const row = touches.rows[t] as number;
      const after = eventOf[lastOf[row] as number] as number;
      let removed = false;
      for (let j = touches.from[t] as number; j < (touches.from[t + 1] as number); j++)
        if ((touches.events[j] as number) > after && ((touches.kinds[j] as number) & 1) !== 0) removed = true;
      if (removed) for (let k = row; k >= 0; k = (next[k] as number) - 1) gone[k] = 1;
    }
    meta.touched = touches.rows.length;
    meta.touches = touches.events.length;
    push(bytesOf(touches.rows), bytesOf(touches.from), bytesOf(touches.events), bytesOf(touches.kinds), bytesOf(gone));
    meta.keys = keyFingerprint();
    for (const col of this.keys) parts.push(...col.parts());
    for (const t of this.own) {
      parts.push(...t.chunks, ...t.spilled);
      pad(t.length);
    }
    parts.push(...this.removalJson, ...this.removalSpilled);
    parts.unshift(Buffer.from(padded(asciiJson(meta)), 'latin1'));
    let crc = 0;
    let bytes = 0;
    for (const p of parts) {
      if (Buffer.isBuffer(p)) {
        crc = crc32(p, crc);
        bytes += p.length;
      } else {
        crc = crc32Combine(crc, p.crc, p.len);
        bytes += p.len;
      }
    }
    const head: CheckpointHead = { kind: CHECKPOINT_KIND, version: CHECKPOINT_VERSION, covers, body: { bytes, crc32: crc } };
    const line = Buffer.from(padded(JSON.stringify(head)), 'utf8');
    if (line.length > HEAD_ROOM) return null;
    parts.unshift(line);
    return parts;
  }

  /**
   * What the events added make of the columns, for an extension of a checkpoint (checkpoint-extend.ts), or null
   * (see the class): nothing of the id index, touch table or `gone`, which are the extension's to merge.
   */
  tail(): TailColumns | null {
    if (this.failed) return null;
    if (this.spill) throw new Error('checkpoint: an extension builds in memory');
    for (const t of this.own) t.close();
    return {
      meta: this.meta,
      strings: this.strings,
      rows: this.eventOf.length,
      eventOf: this.eventOf.view(),
      shared: this.shared.map((c) => c.view(4) as Uint32Array),
      own: this.own.map((t) => ({
        at: t.at.view(),
        chunks: t.chunks,
        length: t.length,
        ascii: t.ascii,
        value: (k: number) => t.value(k),
        equals: (k: number, v: string) => t.equals(k, v),
      })),
      keys: this.keys.map((c) => c.view()),
      removalJson: this.removalJson,
      touches: {
        ids: Array.from({ length: this.touchEvents.length }, (_, t) => this.touchIds.value(t)),
        events: Array.from(this.touchEvents.view()),
        kinds: Array.from(this.touchKinds.view()),
      },
    };
  }

  /** What the events say of each id besides publishing it, by the id's first row (ascending), each row's events in order. */
  private touchTable(
    find: (t: number) => number,
    n: number,
  ): { rows: Uint32Array; from: Uint32Array; events: Uint32Array; kinds: Uint8Array } {
    const T = this.touchEvents.length;
    const rowOf = new Int32Array(T);
    // By row, each row's touches in the order of the events (the order they were added): a counting sort by row,
    // stable (typed arrays: a province's 400,000 touches made arrays of numbers and a sort by closure).
    const start = new Uint32Array(n + 1);
    let kept = 0;
    for (let t = 0; t < T; t++) {
      const row = find(t);
      rowOf[t] = row;
      if (row >= 0) {
        (start[row + 1] as number)++;
        kept++;
      } else this.meta.orphans.push([this.touchIds.value(t), this.touchEvents.get(t), this.touchKinds.get(t)]);
    }
    for (let r = 1; r <= n; r++) start[r] = (start[r] as number) + (start[r - 1] as number);
    const order = new Uint32Array(kept);
    for (let t = 0; t < T; t++) {
      const row = rowOf[t] as number;
      if (row >= 0) order[(start[row] as number)++] = t;
    }
    const rows = new Uint32Array(kept);
    const from = new Uint32Array(kept + 1);
    const events = new Uint32Array(kept);
    const kinds = new Uint8Array(kept);
    let R = 0;
    let E = 0;
    for (let o = 0; o < kept; o++) {
      const t = order[o] as number;
      const row = rowOf[t] as number;
      const i = this.touchEvents.get(t);
      const kind = this.touchKinds.get(t);
      if (R === 0 || rows[R - 1] !== row) {
        if (R > 0) from[R] = E;
        rows[R++] = row;
      } else if (events[E - 1] === i) {
        kinds[E - 1] = (kinds[E - 1] as number) | kind;
        continue;
      }
      events[E] = i;
      kinds[E++] = kind;
    }
    if (R > 0) from[R] = E;
    return {
      rows: rows.subarray(0, R),
      from: from.subarray(0, R > 0 ? R + 1 : 1),
      events: events.subarray(0, E),
      kinds: kinds.subarray(0, E),
    };
  }
}

/** A text column of the events added (CheckpointBuilder.tail): each value's offset (from 0), its chunks. */
export interface TailText {
  at: Uint32Array;
  chunks: readonly Buffer[];
  length: number;
  ascii: boolean;
  value(k: number): string;
  equals(k: number, s: string): boolean;
}

/** The columns of the events added to a builder, rows from 0, events numbered from its `firstEvent`. */
export interface TailColumns {
  /** The events' part of the body's first line (events, lines, counts, removals: theirs only). */
  meta: Meta;
  /** The table of strings: the one continued, then the new ones. */
  strings: readonly string[];
  rows: number;
  eventOf: Uint32Array;
  shared: Uint32Array[];
  own: TailText[];
  keys: Uint32Array[];
  /** The publish events' removals as JSON, in order (meta.removals gives their offsets from 0). */
  removalJson: readonly Buffer[];
  /** What the events say of ids besides publishing them: id, event, kind (1 removed, 2 corrected, 4 objection). */
  touches: { ids: readonly string[]; events: readonly number[]; kinds: readonly number[] };
}

/** The checkpoint of `events` (a whole log as read from the disk) as the parts of its file, or null (CheckpointBuilder). */
export function checkpointParts(events: readonly StoredEvent[], covers: Covers): Buffer[] | null {
  const b = new CheckpointBuilder();
  for (const e of events) b.add(e);
  return b.finish(covers);
}
