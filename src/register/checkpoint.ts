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
 * half-written file is ignored), then the body, JSON. Records are stored by column; the columns whose
 * values repeat (list type, domain, department, dates…) as indexes into one table of strings.
 * Nothing here touches the disk (io/register/register-checkpoint.ts reads and writes it).
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import type { StoredEvent } from './events.js';
import { StoredRecord, publishedBy, type LineSource, type RecordOrigin, type RecordSummary } from './stored.js';

export const CHECKPOINT_KIND = 'hrss-credit register checkpoint';
/** Raised whenever what the file holds changes meaning: a checkpoint of another version is ignored and rebuilt. */
export const CHECKPOINT_VERSION = 1;

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

/** Columns stored as indexes into the table of strings (few distinct values), and as strings. */
const SHARED = ['listType', 'domain', 'department', 'subjectType', 'idType', 'severity', 'decisionDate', 'publishUntil'] as const;
const OWN = ['id', 'subjectName', 'creditCode', 'idNumber', 'decisionNo'] as const;

interface Body {
  /** Each event without its records (`records: []`). */
  events: Record<string, unknown>[];
  /** For each event: [pos, len, line] of its line when it has records, else null. */
  lines: ([number, number, number] | null)[];
  /** For each event: how many records (in order). */
  counts: number[];
  strings: string[];
  shared: Record<(typeof SHARED)[number], number[]>;
  /** The byte length of each column of OWN in the text part. */
  text: number[];
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

function hasRecords(e: StoredEvent): e is StoredEvent & { type: 'publish' | 'import'; records: StoredRecord[] } {
  return e.type === 'publish' || e.type === 'import';
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
  const shared = Object.fromEntries(SHARED.map((k) => [k, [] as number[]])) as Body['shared'];
  const own = OWN.map(() => [] as string[]);
  const body: Body = { events: [], lines: [], counts: [], strings, shared, text: [] };
  for (const e of events) {
    if (!hasRecords(e)) {
      body.events.push(e as unknown as Record<string, unknown>);
      body.lines.push(null);
      body.counts.push(0);
      continue;
    }
    body.events.push({ ...e, records: [] });
    const first = e.records[0];
    let at: [number, number, number] | null = null;
    if (first) {
      const o = first.origin;
      if (o.kind !== 'line') return null;
      at = [o.pos, o.len, o.line];
    }
    for (const r of e.records) {
      if (r.origin.kind !== 'line' || (at && r.origin.pos !== at[0])) return null;
      for (const k of SHARED) shared[k].push(intern(r[k]));
      for (let c = 0; c < OWN.length; c++) {
        const v = r[OWN[c] as (typeof OWN)[number]];
        // The text part is UTF-8 and separates values by NUL: a value holding one, or a lone surrogate (which
        // UTF-8 cannot carry; the log's JSON escapes it), is not kept — no checkpoint, the log is read whole.
        if (v.includes('\0') || LONE_SURROGATE.test(v)) return null;
        (own[c] as string[]).push(v);
      }
    }
    body.lines.push(at);
    body.counts.push(e.records.length);
  }
  // The body: its JSON in ASCII (\u escapes: decoded and parsed as one-byte text, fast), a `\n`, then each
  // column of values of their own (names, 认定文书号…) as UTF-8, each value followed by a NUL: decoded a
  // column at a time (ids and codes as one-byte text), never as one string that each value would keep alive.
  const columns = own.map((col) => Buffer.from(col.length > 0 ? `${col.join('\0')}\0` : '', 'utf8'));
  body.text = columns.map((c) => c.length);
  const json = JSON.stringify(body).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const bodyBytes = Buffer.concat([Buffer.from(`${json}\n`, 'latin1'), ...columns]);
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
 * The events a checkpoint holds, their records read back through `source` (the log) when whole records
 * are asked for; null when the file is not whole (its body's length or SHA-256 differ: edited, cut
 * short) or does not hold what its head says.
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
    const body = JSON.parse(bytes.toString('latin1', 0, nl)) as Body;
    if (!Array.isArray(body.text) || body.text.length !== OWN.length) return null;
    let at = nl + 1;
    const columns: string[][] = [];
    for (const len of body.text) {
      if (!Number.isSafeInteger(len) || len < 0 || at + len > bytes.length) return null;
      const part = bytes.subarray(at, at + len);
      const values = part.toString(isAscii(part) ? 'latin1' : 'utf8').split('\0');
      // Each value is followed by a NUL: the last piece is empty.
      if (values.pop() !== '') return null;
      columns.push(values);
      at += len;
    }
    if (at !== bytes.length) return null;
    return eventsOf(body, columns, head.covers, source);
  } catch {
    return null;
  }
}

function eventsOf(body: Body, columns: string[][], covers: Covers, source: LineSource): StoredEvent[] | null {
  const { events, lines, counts, strings, shared } = body;
  if (
    !Array.isArray(events) ||
    !Array.isArray(lines) ||
    !Array.isArray(counts) ||
    !Array.isArray(strings) ||
    typeof shared !== 'object' ||
    shared === null ||
    events.length !== covers.lines ||
    lines.length !== events.length ||
    counts.length !== events.length ||
    !counts.every((n) => Number.isSafeInteger(n) && n >= 0) ||
    !events.every((e) => typeof e === 'object' && e !== null && !Array.isArray(e))
  )
    return null;
  const out = new Array<StoredEvent>(events.length);
  const total = counts.reduce((a, b) => a + b, 0);
  if (!columns.every((c) => c.length === total)) return null;
  const [ids, names, codes, idNumbers, decisionNos] = columns as [string[], string[], string[], string[], string[]];
  const { listType, domain, department, subjectType, idType, severity, decisionDate, publishUntil } = shared;
  for (const col of [listType, domain, department, subjectType, idType, severity, decisionDate, publishUntil])
    if (!Array.isArray(col) || col.length !== total || !col.every((i) => Number.isInteger(i) && i >= 0 && i < strings.length)) return null;
  let k = 0;
  let prev: string | null = null;
  for (let i = 0; i < events.length; i++) {
    const h = events[i] as StoredEvent & { records?: unknown };
    if (h.prev !== prev || typeof h.hash !== 'string') return null;
    prev = h.hash;
    if (h.type !== 'publish' && h.type !== 'import') {
      if (counts[i] !== 0) return null;
      out[i] = h;
      continue;
    }
    const n = counts[i] as number;
    const at = lines[i];
    const records = new Array<StoredRecord>(n);
    if (n > 0) {
      if (!at) return null;
      const origin: RecordOrigin = { kind: 'line', source, pos: at[0], len: at[1], line: at[2], hash: h.hash };
      const by = publishedBy(h);
      for (let j = 0; j < n; j++, k++) {
        // An object literal of one shape for every record (StoredRecord copies what it keeps).
        const summary: RecordSummary = {
          id: ids[k] as string,
          listType: strings[listType[k] as number] as RecordSummary['listType'],
          domain: strings[domain[k] as number] as string,
          department: strings[department[k] as number] as string,
          subjectName: names[k] as string,
          subjectType: strings[subjectType[k] as number] as string,
          creditCode: codes[k] as string,
          idType: strings[idType[k] as number] as RecordSummary['idType'],
          idNumber: idNumbers[k] as string,
          decisionNo: decisionNos[k] as string,
          decisionDate: strings[decisionDate[k] as number] as string,
          publishUntil: strings[publishUntil[k] as number] as string,
          severity: strings[severity[k] as number] as RecordSummary['severity'],
        };
        records[j] = new StoredRecord(summary, by, origin, j);
      }
    }
    h.records = records;
    out[i] = h;
  }
  const last = out[out.length - 1];
  if (!last || last.seq !== covers.seq || last.hash !== covers.hash) return null;
  return out;
}
