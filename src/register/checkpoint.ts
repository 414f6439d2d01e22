/**
 * The register's checkpoint (register.md "a cached snapshot may speed reading but deleting it changes
 * nothing"; docs/decisions.md "The register's checkpoint"): the events of a prefix of the log as a reader
 * holds them (StoredEvent: each event without its records, and each record's summary and where its line
 * is), so that a reader parses only the events after it. It is keyed by the prefix it covers: its seq and
 * hash (the chain's head there), its length in bytes and the SHA-256 of those bytes. The reader still
 * reads and hashes the whole log: a prefix whose bytes are not exactly those the checkpoint was built
 * from (edited, truncated, another log) does not match, and the log is read from its first line.
 *
 * The state is not stored: it is replayed from these events (state.ts), so that it is the same pure
 * function of the same events whichever way they were read.
 *
 * The file: one line of JSON (what it covers, and the length and CRC-32 of the body: an edited or
 * half-written file is ignored), then the body. Version 3 (decisions.md "A checkpoint read lazily" and
 * "A checkpoint read in place"): a line of JSON (the events without their records or removals, one table
 * of strings, the sizes of what follows), then arrays of fixed-width numbers and blobs of text, each
 * read when first asked: the records by column (repeated values as indexes into the table, the others
 * as UTF-8 text with each value's offset), the index of the ids (id → rows), what the prefix's removals,
 * corrections and objections say of each id, four columns of key hashes (a prefilter for register show
 * and compile), and each event's removals as JSON. A record is a ColumnRecord (stored-columns.ts), made
 * when its event's records are first asked for; its whole record is read from its line in the log.
 * Nothing here touches the disk (io/register/register-checkpoint.ts reads and writes it).
 */
import { isAscii } from 'node:buffer';
import { crc32 } from './crc32.js';
import type { StoredEvent } from './events.js';
import type { LineSource, PublishedBy, RecordOrigin, StoredRecord } from './stored.js';
import { fnv, keyFingerprint, keysOf, type KeyColumns } from './key-columns.js';
import { markPrefix, type CheckpointPrefix, type IdIndex, type Touches } from './lazy-state.js';
import {
  ascending,
  below,
  bytesSource,
  chained,
  CheckpointChangedError,
  CheckpointParts,
  readExactly,
  u16Of,
  u32Of,
  type CheckpointBytes,
  type PartCheck,
  type PartSpec,
} from './checkpoint-parts.js';
import { ColumnRecord, TextColumn, type Columns } from './stored-columns.js';

export const CHECKPOINT_KIND = 'hrss-credit register checkpoint';
/** Raised whenever what the file holds changes meaning: a checkpoint of another version is ignored and rebuilt. */
export const CHECKPOINT_VERSION = 3;

/** The prefix of the log a checkpoint covers. */
export interface Covers {
  /** The seq and hash of its last event (the chain's head at the end of the prefix). */
  seq: number;
  hash: string;
  /** Its length in bytes (it ends with the `\n` of its last line) and lines. */
  bytes: number;
  lines: number;
  /** The SHA-256 of those bytes. */
  sha256: string;
}

interface CheckpointHead {
  kind: string;
  version: number;
  covers: Covers;
  /** The body's length and CRC-32 (a guard against accidents: the log's SHA-256 is the tamper evidence). */
  body: { bytes: number; crc32: number };
}

/** Columns stored as indexes into the table of strings (few distinct values), and as text. */
const SHARED = ['listType', 'domain', 'department', 'subjectType', 'idType', 'severity', 'decisionDate', 'publishUntil'] as const;
const OWN = ['id', 'subjectName', 'creditCode', 'idNumber', 'decisionNo', 'content'] as const;

/** The body's first line. */
interface Meta {
  /**
   * Each event without its records (`records: []`); a publish event's `removals` are `0` (kept as JSON
   * after the columns, parsed when first read); an event whose `contents` are its records' content
   * hashes, in their order, keeps `contents: 0` in their place (rebuilt from the content column).
   */
  events: Record<string, unknown>[];
  /** For each event: [pos, len, line] of its line when it has records, else null. */
  lines: ([number, number, number] | null)[];
  /** For each event: how many records (in order). */
  counts: number[];
  strings: string[];
  /** Bytes an index of the shared columns takes: 2 or 4. */
  width: number;
  /** The byte length of each column of OWN, and whether it is ASCII only. */
  text: number[];
  ascii: boolean[];
  /** The id index: its table's size (a power of two) and how many distinct ids. */
  table: number;
  distinct: number;
  /** The touch table: how many ids, how many (event, kinds) pairs. */
  touched: number;
  touches: number;
  /** The key columns' fingerprint (lazy-state.ts keyFingerprint), or 0 when there are none. */
  keys: number;
  /** For each event: [offset, length] of its removals' JSON, or null. */
  removals: ([number, number] | null)[];
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** JSON in ASCII (\u escapes): decoded and parsed as one-byte text, fast. */
const asciiJson = (v: unknown): string =>
  JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function hasRecords(e: StoredEvent): e is StoredEvent & { type: 'publish' | 'import'; records: StoredRecord[] } {
  return e.type === 'publish' || e.type === 'import';
}

/** Whether an event's `contents` are exactly its records' content hashes, in their order (what our writer writes). */
function contentsByColumn(e: StoredEvent & { records: StoredRecord[] }): boolean {
  const contents = (e as { contents?: unknown }).contents;
  if (typeof contents !== 'object' || contents === null || Array.isArray(contents)) return false;
  const keys = Object.keys(contents);
  if (keys.length !== e.records.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const r = e.records[i] as StoredRecord;
    const v = (contents as Record<string, unknown>)[keys[i] as string];
    if (keys[i] !== r.id || typeof v !== 'string' || v !== r.content) return false;
  }
  return true;
}

const bytesOf = (a: Uint8Array | Uint16Array | Uint32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/**
 * The checkpoint of `events` (a whole log as read from the disk, every record's origin its line), or
 * null when they cannot be kept in one (a record held in memory).
 */
export function encodeCheckpoint(events: readonly StoredEvent[], covers: Covers): Buffer | null {
  if (!LITTLE_ENDIAN) return null;
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  // A province's 10⁶ records: the indexes in typed arrays, one slot a record (numbers in arrays take twice that).
  let total = 0;
  for (const e of events) if (hasRecords(e)) total += e.records.length;
  const shared = SHARED.map(() => new Uint32Array(total));
  const removalJson: string[] = [];
  let removalAt = 0;
  const meta: Meta = {
    events: [],
    lines: [],
    counts: [],
    strings,
    width: 2,
    text: [],
    ascii: [],
    table: 0,
    distinct: 0,
    touched: 0,
    touches: 0,
    keys: 0,
    removals: [],
  };
  const records: StoredRecord[] = [];
  const eventOf = new Uint32Array(total);
  for (const [i, e] of events.entries()) {
    if (!hasRecords(e)) {
      meta.events.push(e as unknown as Record<string, unknown>);
      meta.lines.push(null);
      meta.counts.push(0);
      meta.removals.push(null);
      continue;
    }
    const stored: Record<string, unknown> = { ...e, records: [], ...(contentsByColumn(e) ? { contents: 0 } : {}) };
    if (e.type === 'publish' && Array.isArray(e.removals)) {
      const json = asciiJson(e.removals);
      stored.removals = 0;
      meta.removals.push([removalAt, json.length]);
      removalJson.push(json);
      removalAt += json.length;
    } else meta.removals.push(null);
    meta.events.push(stored);
    const first = e.records[0];
    let at: [number, number, number] | null = null;
    if (first) {
      const o = first.origin;
      if (o.kind !== 'line') return null;
      at = [o.pos, o.len, o.line];
    }
    for (const r of e.records) {
      const o = r.origin;
      if (o.kind !== 'line' || (at && o.pos !== at[0])) return null;
      for (let c = 0; c < SHARED.length; c++) (shared[c] as Uint32Array)[records.length] = intern(r[SHARED[c] as (typeof SHARED)[number]]);
      for (let c = 0; c < OWN.length; c++) {
        const v = r[OWN[c] as (typeof OWN)[number]];
        // The text is UTF-8: a value holding a lone surrogate (which UTF-8 cannot carry; the log's JSON escapes
        // it) is not kept — no checkpoint, the log is read whole.
        if (LONE_SURROGATE.test(v)) return null;
      }
      eventOf[records.length] = i;
      records.push(r);
    }
    meta.lines.push(at);
    meta.counts.push(e.records.length);
  }
  const n = records.length;
  meta.width = strings.length <= 0x10000 ? 2 : 4;
  // Every array starts 4-byte aligned in the file (the reader views it in place): each part padded to 4 bytes.
  const parts: Buffer[] = [];
  const push = (...bs: Buffer[]): void => {
    for (const b of bs) {
      parts.push(b);
      if (b.length % 4 !== 0) parts.push(Buffer.alloc(4 - (b.length % 4)));
    }
  };
  for (const col of shared) push(bytesOf(meta.width === 2 ? Uint16Array.from(col) : col));
  const texts: Buffer[] = [];
  // The values read from the records as they are (an array of them a column: 48 MB more in a province).
  const textOf = (c: number, k: number): string => (records[k] as StoredRecord)[OWN[c] as (typeof OWN)[number]];
  for (let c = 0; c < OWN.length; c++) {
    const at = new Uint32Array(n + 1);
    let len = 0;
    for (let k = 0; k < n; k++) {
      at[k] = len;
      len += Buffer.byteLength(textOf(c, k), 'utf8');
    }
    at[n] = len;
    // Written into one buffer: a Buffer a value (6 × 10⁶ in a province) cost ~0.5 GB of headers alone.
    const text = Buffer.allocUnsafe(len);
    for (let k = 0; k < n; k++) text.write(textOf(c, k), at[k] as number, 'utf8');
    push(bytesOf(at));
    texts.push(text);
    meta.text.push(len);
    meta.ascii.push(isAscii(text));
  }
  // The id index and the touch table (lazy-state.ts reads them as they lie).
  const idOf = (k: number): string => (records[k] as StoredRecord).id;
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const table = new Uint32Array(size);
  const next = new Uint32Array(n);
  // Ids are looked up in the table itself (a map of a province's 10⁶ ids took ~0.1 GB); each id's last row so
  // far is kept at its first row.
  const lastOf = new Uint32Array(n);
  const isFirst = new Uint8Array(n);
  let distinct = 0;
  /** The first row of `id`, or -1 − the empty slot where it would go. */
  const find = (id: string): number => {
    let slot = fnv(id, 0, id.length) & mask;
    for (;;) {
      const row = table[slot] as number;
      if (row === 0) return -1 - slot;
      if (idOf(row - 1) === id) return row - 1;
      slot = (slot + 1) & mask;
    }
  };
  for (let k = 0; k < n; k++) {
    const first = find(idOf(k));
    if (first < 0) {
      table[-1 - first] = k + 1;
      isFirst[k] = 1;
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
  const { table: touches, by } = touchTable(events, (id) => {
    const row = find(id);
    return row < 0 ? undefined : row;
  });
  // Each row of an id whose latest publication a removal in the prefix follows (compile's expiries pass it over).
  const gone = new Uint8Array(n);
  for (let row = 0; row < n; row++) {
    if (isFirst[row] !== 1) continue;
    const t = by.get(row);
    const after = eventOf[lastOf[row] as number] as number;
    if (t?.events.some((i, j) => i > after && ((t.kinds[j] as number) & 1) !== 0))
      for (let k = row; k >= 0; k = (next[k] as number) - 1) gone[k] = 1;
  }
  meta.touched = touches.rows.length;
  meta.touches = touches.events.length;
  push(
    bytesOf(Uint32Array.from(touches.rows)),
    bytesOf(Uint32Array.from(touches.from)),
    bytesOf(Uint32Array.from(touches.events)),
    bytesOf(Uint8Array.from(touches.kinds)),
    bytesOf(gone),
  );
  meta.keys = keyFingerprint();
  for (const col of keysOf(records)) push(bytesOf(col));
  push(...texts);
  texts.length = 0;
  parts.push(Buffer.from(removalJson.join(''), 'latin1'));
  parts.unshift(Buffer.from(padded(asciiJson(meta)), 'latin1'));
  // One buffer for the file, the head line written into room kept before the body (a province's body is
  // ~180 MB: concatenated, then concatenated again after its head, it was held three times).
  const ROOM = 1024;
  const file = Buffer.allocUnsafe(ROOM + parts.reduce((sum, p) => sum + p.length, 0));
  let off = ROOM;
  for (let p = parts.shift(); p !== undefined; p = parts.shift()) {
    file.set(p, off);
    off += p.length;
  }
  const body = file.subarray(ROOM);
  const head: CheckpointHead = {
    kind: CHECKPOINT_KIND,
    version: CHECKPOINT_VERSION,
    covers,
    body: { bytes: body.length, crc32: crc32(body) },
  };
  const line = Buffer.from(padded(JSON.stringify(head)), 'utf8');
  if (line.length > ROOM) return null;
  file.set(line, ROOM - line.length);
  return file.subarray(ROOM - line.length);
}

/** A line of JSON (ASCII), spaces before its `\n` making it a multiple of 8 bytes long: what follows is aligned. */
function padded(json: string): string {
  return `${json}${' '.repeat(7 - (json.length % 8))}\n`;
}

/** What the prefix's events say of each id besides publishing it, by the id's first row (ascending). */
function touchTable(
  events: readonly StoredEvent[],
  firstRow: (id: string) => number | undefined,
): {
  table: { rows: number[]; from: number[]; events: number[]; kinds: number[] };
  by: Map<number, { events: number[]; kinds: number[] }>;
} {
  const by = new Map<number, { events: number[]; kinds: number[] }>();
  const touch = (id: string, i: number, kind: number): void => {
    const row = firstRow(id);
    if (row === undefined) return;
    let t = by.get(row);
    if (!t) by.set(row, (t = { events: [], kinds: [] }));
    if (t.events[t.events.length - 1] === i) t.kinds[t.kinds.length - 1] = (t.kinds[t.kinds.length - 1] as number) | kind;
    else {
      t.events.push(i);
      t.kinds.push(kind);
    }
  };
  events.forEach((e, i) => {
    if (e.type === 'publish') {
      for (const r of e.removals) touch(r.id, i, 1);
      for (const c of e.corrected ?? []) touch(c.id, i, 2);
    } else if (e.type === 'objection-add' || e.type === 'objection-resolve') touch(e.id, i, 4);
  });
  const rows = [...by.keys()].sort((a, b) => a - b);
  const out = { rows, from: [0], events: [] as number[], kinds: [] as number[] };
  for (const row of rows) {
    const t = by.get(row) as { events: number[]; kinds: number[] };
    out.events.push(...t.events);
    out.kinds.push(...t.kinds);
    out.from.push(out.events.length);
  }
  return { table: out, by };
}

/** What a checkpoint file says it covers, or null when it is none of ours (another version, garbled, cut short). */
export function checkpointCovers(file: Buffer | CheckpointBytes): Covers | null {
  return headOf(Buffer.isBuffer(file) ? bytesSource(file) : file)?.head.covers ?? null;
}

/** The head is one line of a few hundred bytes (encodeCheckpoint keeps 1 KiB for it). */
const HEAD_MAX = 4096;

function headOf(file: CheckpointBytes): { head: CheckpointHead; bodyAt: number } | null {
  const buf = Buffer.alloc(Math.min(HEAD_MAX, file.size));
  let n = 0;
  while (n < buf.length) {
    const got = file.read(buf, n, buf.length - n, n);
    if (!(got > 0)) break;
    n += got;
  }
  return readHead(buf.subarray(0, n));
}

function readHead(file: Buffer): { head: CheckpointHead; bodyAt: number } | null {
  const nl = file.indexOf(0x0a);
  if (nl < 0) return null;
  let head: CheckpointHead;
  try {
    head = JSON.parse(file.subarray(0, nl).toString('utf8')) as CheckpointHead;
  } catch {
    return null;
  }
  if (typeof head !== 'object' || head === null || head.kind !== CHECKPOINT_KIND || head.version !== CHECKPOINT_VERSION) return null;
  const c = head.covers;
  if (
    typeof c !== 'object' ||
    c === null ||
    !Number.isSafeInteger(c.seq) ||
    !Number.isSafeInteger(c.bytes) ||
    !Number.isSafeInteger(c.lines) ||
    c.bytes <= 0 ||
    c.lines <= 0 ||
    typeof c.hash !== 'string' ||
    typeof c.sha256 !== 'string' ||
    typeof head.body !== 'object' ||
    head.body === null
  )
    return null;
  return { head, bodyAt: nl + 1 };
}

/**
 * The events a checkpoint holds, their records read from its columns when a field is asked for and
 * through `source` (the log) when whole records are; null when the file is not whole (its body's length
 * or CRC-32 differ: edited, cut short) or does not hold what its head says. The body is checked in one
 * pass and its parts read from `file` when first asked (checkpoint-parts.ts): `file` is then the
 * decoder's, closed once every part is read (or on `loadAll`); on null it is left to the caller.
 */
export function decodeCheckpoint(file: Buffer | CheckpointBytes, source: LineSource): StoredEvent[] | null {
  if (!LITTLE_ENDIAN) return null;
  const f = Buffer.isBuffer(file) ? bytesSource(file) : file;
  try {
    const read = headOf(f);
    if (!read) return null;
    const { head, bodyAt } = read;
    const bodyLen = f.size - bodyAt;
    if (bodyLen !== head.body.bytes || !Number.isSafeInteger(head.body.crc32)) return null;
    const meta = metaOf(f, bodyAt, bodyLen);
    if (!meta) return null;
    return eventsOf(meta.meta, f, bodyAt, bodyLen, meta.end, head, source);
  } catch (err) {
    if (err instanceof CheckpointChangedError) throw err;
    return null;
  }
}

/** The body's first line (JSON in ASCII), read a piece at a time until its `\n`; `end`: the offset after it. */
function metaOf(file: CheckpointBytes, bodyAt: number, bodyLen: number): { meta: Meta; end: number } | null {
  const pieces: Buffer[] = [];
  const piece = Buffer.allocUnsafe(Math.min(1 << 16, bodyLen));
  for (let at = 0; at < bodyLen; ) {
    const n = Math.min(piece.length, bodyLen - at);
    if (!readExactly(file, piece, 0, n, bodyAt + at)) return null;
    const nl = piece.subarray(0, n).indexOf(0x0a);
    pieces.push(Buffer.from(piece.subarray(0, nl < 0 ? n : nl)));
    if (nl >= 0) return { meta: JSON.parse(Buffer.concat(pieces).toString('latin1')) as Meta, end: at + nl + 1 };
    at += n;
  }
  return null;
}

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const align4 = (n: number): number => n + ((4 - (n % 4)) % 4);

function eventsOf(
  meta: Meta,
  file: CheckpointBytes,
  bodyAt: number,
  bodyLen: number,
  metaEnd: number,
  head: CheckpointHead,
  source: LineSource,
): StoredEvent[] | null {
  const covers = head.covers;
  if (typeof meta !== 'object' || meta === null) return null;
  const { events, lines, counts, strings, width, text, ascii, removals } = meta;
  if (
    !Array.isArray(events) ||
    !Array.isArray(lines) ||
    !Array.isArray(counts) ||
    !Array.isArray(strings) ||
    !Array.isArray(removals) ||
    !strings.every((s) => typeof s === 'string') ||
    (width !== 2 && width !== 4) ||
    !Array.isArray(text) ||
    !Array.isArray(ascii) ||
    text.length !== OWN.length ||
    ascii.length !== OWN.length ||
    !text.every(isCount) ||
    events.length !== covers.lines ||
    lines.length !== events.length ||
    counts.length !== events.length ||
    removals.length !== events.length ||
    !counts.every(isCount) ||
    !isCount(meta.table) ||
    !isCount(meta.distinct) ||
    !isCount(meta.touched) ||
    !isCount(meta.touches) ||
    meta.table < 16 ||
    (meta.table & (meta.table - 1)) !== 0 ||
    !events.every((e) => typeof e === 'object' && e !== null && !Array.isArray(e))
  )
    return null;
  const total = counts.reduce((a, b) => a + b, 0);
  // The parts in the order the writer wrote them, each 4-byte aligned in the body, with what their numbers must be.
  const specs: PartSpec[] = [];
  let at = metaEnd;
  const part = (len: number, check?: PartCheck): number => {
    at = align4(at);
    specs.push({ at, len, check });
    at += len;
    return specs.length - 1;
  };
  const shared = SHARED.map(() => part(width * total, below(strings.length, width)));
  const offsets = OWN.map((_, c) => part(4 * (total + 1), ascending(total + 1, 0, text[c] as number, (text[c] as number) + 1)));
  const table = part(4 * meta.table, below(total + 1, 4));
  const next = part(4 * total, chained(total));
  const touchRows = part(4 * meta.touched, ascending(meta.touched, null, null, total, true));
  const touchFrom = part(4 * (meta.touched + 1), ascending(meta.touched + 1, 0, meta.touches, meta.touches + 1));
  const touchEvents = part(4 * meta.touches, below(events.length, 4));
  const touchKinds = part(meta.touches);
  const gone = part(total);
  const keyParts = [part(4 * total), part(4 * total), part(4 * total), part(4 * total)];
  const texts = OWN.map((_, c) => part(text[c] as number));
  const removalAt = align4(at);
  if (removalAt > bodyLen) return null;
  // Each event's removals (JSON) a part of its own, in the order written: one event's read alone.
  const removalPart: (number | null)[] = [];
  let removalEnd = removalAt;
  for (const r of removals) {
    if (r === null) {
      removalPart.push(null);
      continue;
    }
    if (!Array.isArray(r) || !isCount(r[0]) || !isCount(r[1]) || removalAt + r[0] < removalEnd || removalAt + r[0] + r[1] > bodyLen)
      return null;
    removalPart.push(specs.length);
    specs.push({ at: removalAt + r[0], len: r[1] });
    removalEnd = removalAt + r[0] + r[1];
  }
  const parts = CheckpointParts.scan(file, bodyAt, bodyLen, specs, head.body.crc32);
  if (!parts) return null;
  const u16 = (i: number): Uint16Array => u16Of(parts.load(i));
  const u32 = (i: number): Uint32Array => u32Of(parts.load(i));
  const index = (i: number): Uint16Array | Uint32Array => (width === 2 ? u16(i) : u32(i));
  const textColumn = (c: number): TextColumn =>
    new TextColumn(
      () => Buffer.from((parts.load(texts[c] as number) as Uint8Array).buffer, 0, text[c] as number),
      () => u32(offsets[c] as number),
      ascii[c] === true,
      (k) => {
        const [a, b] = u32Of(parts.range(offsets[c] as number, 4 * k, 4 * k + 8)) as unknown as [number, number];
        return parts.range(texts[c] as number, a, b);
      },
    );
  const [ids, subjectName, creditCode, idNumber, decisionNo, content] = OWN.map((_, c) => textColumn(c)) as [
    TextColumn,
    TextColumn,
    TextColumn,
    TextColumn,
    TextColumn,
    TextColumn,
  ];
  const columns = {
    strings,
    ids,
    subjectName,
    creditCode,
    idNumber,
    decisionNo,
    content,
    event: new Uint32Array(total),
    by: [],
    origins: [],
    first: new Uint32Array(events.length),
  } as unknown as Columns;
  SHARED.forEach((name, c) => {
    lazy(columns, name, () => index(shared[c] as number));
  });
  const out = new Array<StoredEvent>(events.length);
  let k = 0;
  let prev: string | null = null;
  for (let i = 0; i < events.length; i++) {
    const h = events[i] as StoredEvent & { records?: unknown };
    if (h.prev !== prev || typeof h.hash !== 'string') return null;
    prev = h.hash;
    columns.first[i] = k;
    if (h.type !== 'publish' && h.type !== 'import') {
      if (counts[i] !== 0 || removals[i] !== null) return null;
      columns.by.push(NO_EVENT);
      columns.origins.push(NO_ORIGIN);
      out[i] = h;
      continue;
    }
    const n = counts[i] as number;
    const line = lines[i];
    const corrected = h.type === 'publish' ? h.corrected : undefined;
    columns.by.push({
      seq: h.seq,
      batch: h.batch,
      on: h.on,
      revisions: corrected && corrected.length > 0 ? new Map(corrected.map((c) => [c.id, c.revision])) : undefined,
    });
    columns.origins.push(line ? { kind: 'line', source, pos: line[0], len: line[1], line: line[2], hash: h.hash } : NO_ORIGIN);
    if (n > 0 && !line) return null;
    const start = k;
    columns.event.fill(i, k, k + n);
    k += n;
    lazy(h, 'records', () => {
      const records = new Array<StoredRecord>(n);
      for (let j = 0; j < n; j++) records[j] = new ColumnRecord(columns, start + j);
      return records;
    });
    const r = removalPart[i];
    if (h.type === 'publish' && (h as { removals: unknown }).removals === 0 && r !== null && r !== undefined) {
      lazy(h, 'removals', () => JSON.parse(Buffer.from(parts.load(r)).toString('latin1')) as unknown);
    } else if (r !== null) return null;
    const contents: unknown = h.contents;
    if (contents === 0) lazy(h, 'contents', () => contentsOf(content, ids, start, n));
    else if (contents !== undefined && (typeof contents !== 'object' || contents === null)) return null;
    out[i] = h;
  }
  const last = out[out.length - 1];
  if (!last || last.seq !== covers.seq || last.hash !== covers.hash) return null;
  const idIndex = { distinct: meta.distinct } as IdIndex;
  lazy(idIndex, 'table', () => u32(table));
  lazy(idIndex, 'next', () => u32(next));
  const touches = {} as Touches;
  lazy(touches, 'rows', () => u32(touchRows));
  lazy(touches, 'from', () => u32(touchFrom));
  lazy(touches, 'events', () => u32(touchEvents));
  lazy(touches, 'kinds', () => parts.load(touchKinds));
  // Key hashes made by another version of the folding (a fingerprint that differs) are not used: every row is tested.
  let keys: KeyColumns | undefined;
  if (meta.keys === keyFingerprint()) {
    keys = {} as KeyColumns;
    const k = keys;
    (['name', 'creditCode', 'idNumber', 'subject'] as const).forEach((name, c) => {
      lazy(k, name, () => u32(keyParts[c] as number));
    });
  }
  const prefix = {
    events: out,
    columns,
    event: columns.event,
    first: columns.first,
    index: idIndex,
    touches,
    keys,
    loadAll: () => parts.loadAll(),
  } as Omit<CheckpointPrefix, 'gone'> as CheckpointPrefix;
  lazy(prefix, 'gone', () => parts.load(gone));
  markPrefix(prefix);
  return out;
}

const NO_EVENT: PublishedBy = { seq: 0, batch: '', on: '' };
const NO_ORIGIN: Extract<RecordOrigin, { kind: 'line' }> = {
  kind: 'line',
  source: { readLine: () => Buffer.alloc(0) },
  pos: 0,
  len: 0,
  line: 0,
  hash: '',
};

/** A property of an event made the first time it is read, in its place among the event's keys (as the line has it). */
function lazy(h: object, key: string, make: () => unknown): void {
  Object.defineProperty(h, key, {
    enumerable: true,
    configurable: true,
    get(): unknown {
      const value = make();
      Object.defineProperty(h, key, { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
    set(value: unknown): void {
      Object.defineProperty(h, key, { value, enumerable: true, configurable: true, writable: true });
    },
  });
}

/** An event's `contents` (id → content hash, in its records' order), rebuilt from the content column. */
function contentsOf(content: TextColumn, ids: TextColumn, start: number, n: number): Record<string, string> {
  const entries: [string, string][] = [];
  for (let k = start; k < start + n; k++) entries.push([ids.value(k), content.value(k)]);
  return Object.fromEntries(entries);
}
