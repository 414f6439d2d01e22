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
 * The file: one line of JSON (what it covers, and the length and SHA-256 of the body: an edited or
 * half-written file is ignored), then the body. The body is compact and read lazily (version 2,
 * decisions.md "A checkpoint read lazily"): a line of JSON (the events without their records, one table
 * of strings, the sizes of what follows), then the records by column — the columns whose values repeat
 * (list type, domain, department, dates…) as 16- or 32-bit indexes into the table, the others (id, name,
 * 统一社会信用代码, 证件号码, 认定文书号, content hash) as UTF-8 text, each value followed by a NUL. No
 * object is made a record but a ColumnRecord of three fields (stored-columns.ts); a field is read from
 * its column when asked, and a whole record from its line in the log.
 * Nothing here touches the disk (io/register/register-checkpoint.ts reads and writes it).
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import type { StoredEvent } from './events.js';
import type { LineSource, PublishedBy, RecordOrigin, StoredRecord } from './stored.js';
import { markPrefix } from './lazy-state.js';
import { ColumnRecord, textAt, type Columns, type TextColumn } from './stored-columns.js';

export const CHECKPOINT_KIND = 'hrss-credit register checkpoint';
/** Raised whenever what the file holds changes meaning: a checkpoint of another version is ignored and rebuilt. */
export const CHECKPOINT_VERSION = 2;

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
  body: { bytes: number; sha256: string };
}

/** Columns stored as indexes into the table of strings (few distinct values), and as text. */
const SHARED = ['listType', 'domain', 'department', 'subjectType', 'idType', 'severity', 'decisionDate', 'publishUntil'] as const;
const OWN = ['id', 'subjectName', 'creditCode', 'idNumber', 'decisionNo', 'content'] as const;

/** The body's first line. */
interface Meta {
  /**
   * Each event without its records (`records: []`); an event whose `contents` are its records' content
   * hashes, in their order, keeps `contents: 0` in their place (rebuilt from the content column when read).
   */
  events: Record<string, unknown>[];
  /** For each event: [pos, len, line] of its line when it has records, else null. */
  lines: ([number, number, number] | null)[];
  /** For each event: how many records (in order). */
  counts: number[];
  strings: string[];
  /** Bytes an index of the shared columns takes: 2 or 4. */
  width: number;
  /** The byte length of each column of OWN. */
  text: number[];
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

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

/**
 * The checkpoint of `events` (a whole log as read from the disk, every record's origin its line), or
 * null when they cannot be kept in one (a record held in memory).
 */
export function encodeCheckpoint(events: readonly StoredEvent[], covers: Covers): Buffer | null {
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
  const shared = SHARED.map(() => [] as number[]);
  const own = OWN.map(() => [] as string[]);
  const meta: Meta = { events: [], lines: [], counts: [], strings, width: 2, text: [] };
  for (const e of events) {
    if (!hasRecords(e)) {
      meta.events.push(e as unknown as Record<string, unknown>);
      meta.lines.push(null);
      meta.counts.push(0);
      continue;
    }
    meta.events.push({ ...e, records: [], ...(contentsByColumn(e) ? { contents: 0 } : {}) });
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
      for (let c = 0; c < SHARED.length; c++) (shared[c] as number[]).push(intern(r[SHARED[c] as (typeof SHARED)[number]]));
      for (let c = 0; c < OWN.length; c++) {
        const v = r[OWN[c] as (typeof OWN)[number]];
        // The text is UTF-8 and separates values by NUL: a value holding one, or a lone surrogate (which
        // UTF-8 cannot carry; the log's JSON escapes it), is not kept — no checkpoint, the log is read whole.
        if (v.includes('\0') || LONE_SURROGATE.test(v)) return null;
        (own[c] as string[]).push(v);
      }
    }
    meta.lines.push(at);
    meta.counts.push(e.records.length);
  }
  meta.width = strings.length <= 0x10000 ? 2 : 4;
  const indexes = shared.map((col) => {
    const typed = meta.width === 2 ? Uint16Array.from(col) : Uint32Array.from(col);
    return Buffer.from(typed.buffer, typed.byteOffset, typed.byteLength);
  });
  const columns = own.map((col) => Buffer.from(col.length > 0 ? `${col.join('\0')}\0` : '', 'utf8'));
  meta.text = columns.map((c) => c.length);
  // The first line in ASCII (\u escapes: decoded and parsed as one-byte text, fast); the indexes little-endian.
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) return null;
  const json = JSON.stringify(meta).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const bodyBytes = Buffer.concat([Buffer.from(`${json}\n`, 'latin1'), ...indexes, ...columns]);
  const head: CheckpointHead = {
    kind: CHECKPOINT_KIND,
    version: CHECKPOINT_VERSION,
    covers,
    body: { bytes: bodyBytes.length, sha256: sha256(bodyBytes) },
  };
  return Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`, 'utf8'), bodyBytes]);
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
 * or SHA-256 differ: edited, cut short) or does not hold what its head says.
 */
export function decodeCheckpoint(file: Buffer, source: LineSource): StoredEvent[] | null {
  const read = readHead(file);
  if (!read) return null;
  const { head, bodyAt } = read;
  const bytes = file.subarray(bodyAt);
  if (bytes.length !== head.body.bytes || sha256(bytes) !== head.body.sha256) return null;
  try {
    const nl = bytes.indexOf(0x0a);
    if (nl < 0) return null;
    const meta = JSON.parse(bytes.toString('latin1', 0, nl)) as Meta;
    return eventsOf(meta, bytes, nl + 1, head.covers, source);
  } catch {
    return null;
  }
}

/** A column of text: decoded whole (ASCII as one-byte text), each value's start found once. */
function textColumn(part: Buffer, n: number): TextColumn | null {
  const text = part.toString(isAscii(part) ? 'latin1' : 'utf8');
  const at = new Uint32Array(n + 1);
  let from = 0;
  for (let k = 0; k < n; k++) {
    const nul = text.indexOf('\0', from);
    if (nul < 0) return null;
    at[k] = from;
    from = nul + 1;
  }
  // Each value is followed by a NUL, and nothing follows the last.
  if (from !== text.length) return null;
  at[n] = from;
  return { text, at };
}

function eventsOf(meta: Meta, bytes: Buffer, from: number, covers: Covers, source: LineSource): StoredEvent[] | null {
  const { events, lines, counts, strings, width, text } = meta;
  if (
    typeof meta !== 'object' ||
    meta === null ||
    !Array.isArray(events) ||
    !Array.isArray(lines) ||
    !Array.isArray(counts) ||
    !Array.isArray(strings) ||
    !strings.every((s) => typeof s === 'string') ||
    (width !== 2 && width !== 4) ||
    !Array.isArray(text) ||
    text.length !== OWN.length ||
    events.length !== covers.lines ||
    lines.length !== events.length ||
    counts.length !== events.length ||
    !counts.every((n) => Number.isSafeInteger(n) && n >= 0) ||
    !events.every((e) => typeof e === 'object' && e !== null && !Array.isArray(e))
  )
    return null;
  const total = counts.reduce((a, b) => a + b, 0);
  let at = from;
  const indexes: (Uint16Array | Uint32Array)[] = [];
  for (let c = 0; c < SHARED.length; c++) {
    const len = total * width;
    if (at + len > bytes.length) return null;
    // Copied out: a typed array over the file's bytes would need them aligned.
    const col = width === 2 ? new Uint16Array(total) : new Uint32Array(total);
    bytes.copy(new Uint8Array(col.buffer), 0, at, at + len);
    for (let k = 0; k < total; k++) if ((col[k] as number) >= strings.length) return null;
    indexes.push(col);
    at += len;
  }
  const texts: TextColumn[] = [];
  for (const len of text) {
    if (!Number.isSafeInteger(len) || len < 0 || at + len > bytes.length) return null;
    const col = textColumn(bytes.subarray(at, at + len), total);
    if (!col) return null;
    texts.push(col);
    at += len;
  }
  if (at !== bytes.length) return null;
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
      if (counts[i] !== 0) return null;
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
    const records = new Array<StoredRecord>(n);
    const start = k;
    for (let j = 0; j < n; j++, k++) {
      columns.event[k] = i;
      records[j] = new ColumnRecord(textAt(ids, k), columns, k);
    }
    h.records = records;
    const contents: unknown = h.contents;
    if (contents === 0) lazyContents(h, content, ids, start, n);
    else if (contents !== undefined && (typeof contents !== 'object' || contents === null)) return null;
    out[i] = h;
  }
  const last = out[out.length - 1];
  if (!last || last.seq !== covers.seq || last.hash !== covers.hash) return null;
  markPrefix({ events: out, ids, event: columns.event, first: columns.first });
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
 * An event's `contents` (id → content hash, in its records' order), rebuilt from the content column the
 * first time it is read: in its place among the event's keys, as the line has it.
 */
function lazyContents(h: Record<string, unknown>, content: TextColumn, ids: TextColumn, start: number, n: number): void {
  Object.defineProperty(h, 'contents', {
    enumerable: true,
    configurable: true,
    get(): Record<string, string> {
      const entries: [string, string][] = [];
      for (let k = start; k < start + n; k++) entries.push([textAt(ids, k), textAt(content, k)]);
      const value = Object.fromEntries(entries);
      Object.defineProperty(h, 'contents', { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
  });
}
