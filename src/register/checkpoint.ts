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
import { crc32 } from './crc32.js';
import type { StoredEvent } from './events.js';
import type { LineSource, PublishedBy, RecordOrigin, StoredRecord } from './stored.js';
import { keyFingerprint, type KeyColumns } from './key-columns.js';
import { markPrefix, type Touches } from './lazy-state.js';
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
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** JSON in ASCII (\u escapes): decoded and parsed as one-byte text, fast. */
export const asciiJson = (v: unknown): string =>
  JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A line of JSON (ASCII), spaces before its `\n` making it a multiple of 8 bytes long: what follows is aligned. */
export function padded(json: string): string {
  return `${json}${' '.repeat(7 - (json.length % 8))}\n`;
}

/** What a checkpoint file says it covers, or null when it is none of ours (another version, garbled, cut short). */
export function checkpointCovers(file: Buffer): Covers | null {
  return readHead(file)?.head.covers ?? null;
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
 * or CRC-32 differ: edited, cut short) or does not hold what its head says.
 */
export function decodeCheckpoint(file: Buffer, source: LineSource): StoredEvent[] | null {
  if (!LITTLE_ENDIAN) return null;
  const read = readHead(file);
  if (!read) return null;
  const { head, bodyAt } = read;
  const bytes = file.subarray(bodyAt);
  if (bytes.length !== head.body.bytes || crc32(bytes) !== head.body.crc32) return null;
  try {
    const nl = bytes.indexOf(0x0a);
    if (nl < 0) return null;
    const meta = JSON.parse(bytes.toString('latin1', 0, nl)) as Meta;
    return eventsOf(meta, new Reader(bytes, nl + 1), head.covers, source);
  } catch {
    return null;
  }
}

/** The body after its first line, read in order: each array a view of the bytes when they are aligned, else a copy. */
class Reader {
  constructor(
    readonly bytes: Buffer,
    public at: number,
  ) {}

  private take(len: number): number {
    if (!Number.isSafeInteger(len) || len < 0 || this.at + len > this.bytes.length) throw new RangeError('checkpoint: short');
    const at = this.at;
    this.at += len;
    return at;
  }

  u32(n: number): Uint32Array {
    this.align();
    const at = this.take(n * 4);
    const off = this.bytes.byteOffset + at;
    if (off % 4 === 0) return new Uint32Array(this.bytes.buffer, off, n);
    const out = new Uint32Array(n);
    this.bytes.copy(new Uint8Array(out.buffer), 0, at, at + n * 4);
    return out;
  }

  u16(n: number): Uint16Array {
    this.align();
    const at = this.take(n * 2);
    const off = this.bytes.byteOffset + at;
    if (off % 2 === 0) return new Uint16Array(this.bytes.buffer, off, n);
    const out = new Uint16Array(n);
    this.bytes.copy(new Uint8Array(out.buffer), 0, at, at + n * 2);
    return out;
  }

  u8(n: number): Uint8Array {
    this.align();
    const at = this.take(n);
    return this.bytes.subarray(at, at + n);
  }

  blob(n: number): Buffer {
    this.align();
    const at = this.take(n);
    return this.bytes.subarray(at, at + n);
  }

  /** Past the padding that follows a part (to 4 bytes). */
  align(): void {
    this.take((4 - (this.at % 4)) % 4);
  }
}

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

function eventsOf(meta: Meta, body: Reader, covers: Covers, source: LineSource): StoredEvent[] | null {
  const { events, lines, counts, strings, width, text, ascii, removals } = meta;
  if (
    typeof meta !== 'object' ||
    meta === null ||
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
  const indexes: (Uint16Array | Uint32Array)[] = [];
  for (let c = 0; c < SHARED.length; c++) {
    const col = width === 2 ? body.u16(total) : body.u32(total);
    for (let k = 0; k < total; k++) if ((col[k] as number) >= strings.length) return null;
    indexes.push(col);
  }
  const offsets: Uint32Array[] = [];
  for (let c = 0; c < OWN.length; c++) {
    const at = body.u32(total + 1);
    const len = text[c] as number;
    if (!isCount(len) || at[0] !== 0 || at[total] !== len) return null;
    for (let k = 0; k < total; k++) if ((at[k] as number) > (at[k + 1] as number)) return null;
    offsets.push(at);
  }
  const table = body.u32(meta.table);
  const next = body.u32(total);
  for (let s = 0; s < table.length; s++) if ((table[s] as number) > total) return null;
  for (let k = 0; k < total; k++) {
    const v = next[k] as number;
    if (v !== 0 && (v <= k + 1 || v > total)) return null;
  }
  const touches: Touches = {
    rows: body.u32(meta.touched),
    from: body.u32(meta.touched + 1),
    events: body.u32(meta.touches),
    kinds: body.u8(meta.touches),
  };
  if (touches.from[0] !== 0 || touches.from[meta.touched] !== meta.touches) return null;
  for (let t = 0; t < meta.touched; t++) {
    if ((touches.rows[t] as number) >= total || (t > 0 && (touches.rows[t] as number) <= (touches.rows[t - 1] as number))) return null;
    if ((touches.from[t] as number) > (touches.from[t + 1] as number)) return null;
  }
  for (let t = 0; t < meta.touches; t++) if ((touches.events[t] as number) >= events.length) return null;
  const gone = body.u8(total);
  const keyCols = [body.u32(total), body.u32(total), body.u32(total), body.u32(total)] as const;
  // Key hashes made by another version of the folding (a fingerprint that differs) are not used: every row is tested.
  const keys: KeyColumns | undefined =
    meta.keys === keyFingerprint() ? { name: keyCols[0], creditCode: keyCols[1], idNumber: keyCols[2], subject: keyCols[3] } : undefined;
  const texts = OWN.map((_, c) => new TextColumn(body.blob(text[c] as number), offsets[c] as Uint32Array, ascii[c] === true));
  body.align();
  const removalText = body.bytes.subarray(body.at);
  for (const r of removals)
    if (r !== null && (!Array.isArray(r) || !isCount(r[0]) || !isCount(r[1]) || r[0] + r[1] > removalText.length)) return null;
  const [ids, subjectName, creditCode, idNumber, decisionNo, content] = texts as [
    TextColumn,
    TextColumn,
    TextColumn,
    TextColumn,
    TextColumn,
    TextColumn,
  ];
  const [listType, domain, department, subjectType, idType, severity, decisionDate, publishUntil] = indexes as [
    Uint16Array,
    Uint16Array,
    Uint16Array,
    Uint16Array,
    Uint16Array,
    Uint16Array,
    Uint16Array,
    Uint16Array,
  ];
  const columns: Columns = {
    strings,
    listType,
    domain,
    department,
    subjectType,
    idType,
    severity,
    decisionDate,
    publishUntil,
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
  };
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
    const r = removals[i];
    if (h.type === 'publish' && (h as { removals: unknown }).removals === 0 && r) {
      lazy(h, 'removals', () => JSON.parse(removalText.toString('latin1', r[0], r[0] + r[1])) as unknown);
    } else if (r) return null;
    const contents: unknown = h.contents;
    if (contents === 0) lazy(h, 'contents', () => contentsOf(content, ids, start, n));
    else if (contents !== undefined && (typeof contents !== 'object' || contents === null)) return null;
    out[i] = h;
  }
  const last = out[out.length - 1];
  if (!last || last.seq !== covers.seq || last.hash !== covers.hash) return null;
  markPrefix({
    events: out,
    columns,
    event: columns.event,
    first: columns.first,
    index: { table, next, distinct: meta.distinct },
    touches,
    gone,
    keys,
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
