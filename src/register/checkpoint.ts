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
import type { StoredEvent } from './events.js';
import type { LineSource, PublishedBy, RecordOrigin, StoredRecord } from './stored.js';
import { keyFingerprint, type KeyColumns } from './key-columns.js';
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
  type PartsShare,
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

export interface CheckpointHead {
  kind: string;
  version: number;
  covers: Covers;
  /** The body's length and CRC-32 (a guard against accidents: the log's SHA-256 is the tamper evidence). */
  body: { bytes: number; crc32: number };
}

/** Columns stored as indexes into the table of strings (few distinct values), and as text. */
export const SHARED = ['listType', 'domain', 'department', 'subjectType', 'idType', 'severity', 'decisionDate', 'publishUntil'] as const;
export const OWN = ['id', 'subjectName', 'creditCode', 'idNumber', 'decisionNo', 'content'] as const;

/** The body's first line. */
export interface Meta {
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
  /**
   * What the events say of ids no record of the prefix has (an objection before the publication): [id, event,
   * kind], in order. Not read by a reader; an extension (checkpoint-extend.ts) puts them in the touch table once
   * the id is published. A file without it (written before) is not extended but rebuilt.
   */
  orphans: [string, number, number][];
}

/** The parts of a decoded checkpoint, by the index CheckpointParts knows them by (checkpoint-extend.ts copies them). */
export interface PartsAt {
  shared: number[];
  offsets: number[];
  table: number;
  next: number;
  touchRows: number;
  touchFrom: number;
  touchEvents: number;
  touchKinds: number;
  gone: number;
  keys: number[];
  texts: number[];
  removals: (number | null)[];
}

/** What an extension needs of the checkpoint a prefix was decoded from: its body's first line, its parts. */
export interface CheckpointBase {
  metaText: string;
  parts: CheckpointParts;
  at: PartsAt;
}

const bases = new WeakMap<CheckpointPrefix, CheckpointBase>();

/** The checkpoint `prefix` was decoded from (its parts still readable), if any. */
export function baseOf(prefix: CheckpointPrefix): CheckpointBase | undefined {
  return bases.get(prefix);
}

/**
 * The parts of the checkpoint `prefix` was decoded from that a list of its records reads (the columns of few values,
 * the ids, names, credit codes and ID numbers, the id index and the touch table), read now, and what a second thread
 * needs to read the same checkpoint with them (checkpoint-parts.ts PartsShare: shared, not copied). Undefined for a
 * prefix not decoded from a file.
 */
export function shareForList(prefix: CheckpointPrefix): PartsShare | undefined {
  const base = bases.get(prefix);
  if (!base) return undefined;
  const { parts, at } = base;
  const own = OWN.map((_, c) => c).filter((c) => OWN[c] !== 'decisionNo' && OWN[c] !== 'content');
  const listed = [
    ...at.shared,
    ...own.map((c) => at.offsets[c] as number),
    ...own.map((c) => at.texts[c] as number),
    at.table,
    at.next,
    at.touchRows,
    at.touchFrom,
    at.touchEvents,
    at.touchKinds,
  ];
  for (const i of listed) parts.load(i);
  return parts.share();
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

const HEX = new Uint8Array(Array.from('0123456789abcdef', (c) => c.charCodeAt(0)));

/**
 * JSON in ASCII (\u escapes, lower-case hex, of every UTF-16 unit from U+007F): decoded and parsed as one-byte text,
 * fast. Written byte by byte into a buffer: a replace calling a function for each unit took ~0.3 s of a province's
 * first command after a publish (its batch's 25,000 removals, ~200,000 such units).
 */
export const asciiJson = (v: unknown): string => {
  const s = JSON.stringify(v);
  let wide = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x7f) wide++;
  if (wide === 0) return s;
  const out = Buffer.allocUnsafe(s.length + 5 * wide);
  let j = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x7f) {
      out[j++] = c;
      continue;
    }
    out[j] = 0x5c; // \
    out[j + 1] = 0x75; // u
    out[j + 2] = HEX[c >> 12] as number;
    out[j + 3] = HEX[(c >> 8) & 15] as number;
    out[j + 4] = HEX[(c >> 4) & 15] as number;
    out[j + 5] = HEX[c & 15] as number;
    j += 6;
  }
  return out.toString('latin1');
};

/** A line of JSON (ASCII), spaces before its `\n` making it a multiple of 8 bytes long: what follows is aligned. */
export function padded(json: string): string {
  return `${json}${' '.repeat(7 - (json.length % 8))}\n`;
}

/** What a checkpoint file says it covers, or null when it is none of ours (another version, garbled, cut short). */
export function checkpointCovers(file: Buffer | CheckpointBytes): Covers | null {
  return headOf(Buffer.isBuffer(file) ? bytesSource(file) : file)?.head.covers ?? null;
}

/** A checkpoint file's head line (what it covers, its body's length and CRC-32), or null when it is none of ours. */
export function checkpointHead(file: CheckpointBytes): CheckpointHead | null {
  return headOf(file)?.head ?? null;
}

/** The head is one line of a few hundred bytes (checkpoint-writer.ts keeps it under 1 KiB). */
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
    return eventsOf(meta.meta, meta.text, f, bodyAt, bodyLen, meta.end, head, source);
  } catch (err) {
    if (err instanceof CheckpointChangedError) throw err;
    return null;
  }
}

/** The body's first line (JSON in ASCII), read a piece at a time until its `\n`; `end`: the offset after it. */
function metaOf(file: CheckpointBytes, bodyAt: number, bodyLen: number): { meta: Meta; text: string; end: number } | null {
  const pieces: Buffer[] = [];
  const piece = Buffer.allocUnsafe(Math.min(1 << 16, bodyLen));
  for (let at = 0; at < bodyLen; ) {
    const n = Math.min(piece.length, bodyLen - at);
    if (!readExactly(file, piece, 0, n, bodyAt + at)) return null;
    const nl = piece.subarray(0, n).indexOf(0x0a);
    pieces.push(Buffer.from(piece.subarray(0, nl < 0 ? n : nl)));
    if (nl >= 0) {
      const text = Buffer.concat(pieces).toString('latin1');
      return { meta: JSON.parse(text) as Meta, text, end: at + nl + 1 };
    }
    at += n;
  }
  return null;
}

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const align4 = (n: number): number => n + ((4 - (n % 4)) % 4);

function eventsOf(
  meta: Meta,
  metaText: string,
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
      // Taken, not kept by the parts as well: the column keeps them (stored-columns.ts).
      () => {
        const b = parts.take(texts[c] as number);
        return Buffer.from(b.buffer, b.byteOffset, text[c] as number);
      },
      () => u32(offsets[c] as number),
      ascii[c] === true,
      (k) => {
        const [a, b] = u32Of(parts.range(offsets[c] as number, 4 * k, 4 * k + 8)) as unknown as [number, number];
        return parts.range(texts[c] as number, a, b);
      },
      (buf) => parts.pieces(texts[c] as number, buf),
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
      lazy(h, 'removals', () => {
        // Parsed and dropped: the event keeps the removals, not their JSON as well.
        const b = parts.take(r);
        return JSON.parse(Buffer.from(b.buffer, b.byteOffset, b.length).toString('latin1')) as unknown;
      });
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
    // Read again for each asking while the event has not read them (lazy-state.ts namedIn keeps an index instead).
    removalsJson: (i: number) => {
      const r = removalPart[i];
      if (r === null || r === undefined || !isLazy(out[i] as StoredEvent, 'removals')) return undefined;
      return parts.take(r);
    },
  } as Omit<CheckpointPrefix, 'gone'> as CheckpointPrefix;
  lazy(prefix, 'gone', () => parts.load(gone));
  markPrefix(prefix);
  bases.set(prefix, {
    metaText,
    parts,
    at: { shared, offsets, table, next, touchRows, touchFrom, touchEvents, touchKinds, gone, keys: keyParts, texts, removals: removalPart },
  });
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

/**
 * A property of an event made the first time it is read, in its place among the event's keys (as the line has it).
 * The accessor is one pair of functions per key, made once for the module, that finds what makes the value in
 * `makers` by the object read: an accessor made here, closing over `make`, was kept by the object's hidden class
 * (or an inline cache of the code that read it) long after the object, and with it the decoder's scope — a
 * province's ~67 MiB of checkpoint parts reachable through compile's writing of the workbooks. The WeakMap keeps
 * `make` as long as the object and no longer (docs/decisions.md "A checkpoint's lazy members hold nothing of the
 * decoder beyond their object").
 */
function lazy(h: object, key: string, make: () => unknown): void {
  let own = makers.get(h);
  if (!own) {
    own = new Map();
    makers.set(h, own);
  }
  own.set(key, make);
  Object.defineProperty(h, key, accessorOf(key));
}

const makers = new WeakMap<object, Map<string, () => unknown>>();
const accessors = new Map<string, PropertyDescriptor>();

function accessorOf(key: string): PropertyDescriptor {
  let accessor = accessors.get(key);
  if (!accessor) {
    accessor = {
      enumerable: true,
      configurable: true,
      get(this: object): unknown {
        const make = makers.get(this)?.get(key);
        const value = make ? make() : undefined;
        settle(this, key, value);
        return value;
      },
      set(this: object, value: unknown): void {
        settle(this, key, value);
      },
    };
    accessors.set(key, accessor);
  }
  return accessor;
}

/** Whether a member is still to be made (lazy). */
function isLazy(h: object, key: string): boolean {
  return makers.get(h)?.has(key) === true;
}

/** The member made (or set): a plain value from now on, and its maker dropped. */
function settle(h: object, key: string, value: unknown): void {
  Object.defineProperty(h, key, { value, enumerable: true, configurable: true, writable: true });
  const own = makers.get(h);
  if (!own) return;
  own.delete(key);
  if (own.size === 0) makers.delete(h);
}

/** An event's `contents` (id → content hash, in its records' order), rebuilt from the content column. */
function contentsOf(content: TextColumn, ids: TextColumn, start: number, n: number): Record<string, string> {
  const entries: [string, string][] = [];
  for (let k = start; k < start + n; k++) entries.push([ids.value(k), content.value(k)]);
  return Object.fromEntries(entries);
}
