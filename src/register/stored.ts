/**
 * Records as a reader of the register keeps them: the fields statuses, filters, listings, diffs and
 * compile's matching need (RecordSummary), and where the whole record is (its event's line in
 * events.jsonl and its place in that line's `records`). A province's register holds a million
 * records of ~30 fields each; kept whole they would not fit in a gigabyte, kept like this they do,
 * and the few commands that need a whole record (show, a REGISTER_CHANGED comparison, the 移出名单
 * rows, the ledger) load it again from its line — whose hash is checked again on the way.
 *
 * Records of events made in memory (a publish just sealed, a test's replay) keep their origin in
 * memory: the same type, nothing to read.
 */
import type { CreditRecord } from '../schemas/record.js';

/** The fields of a record that the register's readers use without loading the whole record. */
export const SUMMARY_FIELDS = [
  'id',
  'listType',
  'domain',
  'department',
  'subjectName',
  'subjectType',
  'creditCode',
  'idType',
  'idNumber',
  'decisionNo',
  'decisionDate',
  'publishUntil',
  'severity',
] as const satisfies readonly (keyof CreditRecord)[];

export type RecordSummary = Pick<CreditRecord, (typeof SUMMARY_FIELDS)[number]>;

/** Reads back the bytes of one line of the log (implemented by io/register/register-store.ts). */
export interface LineSource {
  readLine(pos: number, len: number): Buffer;
}

/** Where a record's event came from: a line of the log, or an event held in memory. */
export type RecordOrigin =
  | { kind: 'line'; source: LineSource; pos: number; len: number; line: number; hash: string }
  | { kind: 'memory'; records: readonly CreditRecord[] };

/** The event a record came in with: its publication (state.ts Publication is the record itself). */
export interface PublishedBy {
  seq: number;
  batch: string;
  on: string;
  /** The event's content hashes by id (truth.md; absent on older lines: then '' and readers compare whole records). */
  contents?: Readonly<Record<string, string>> | undefined;
  /** The event's corrections: a record listed there is published at that revision, any other at 1. */
  revisions?: ReadonlyMap<string, number> | undefined;
}

/** The facts a StoredRecord takes from its event (publish or import). */
export function publishedBy(e: {
  seq: number;
  batch: string;
  on: string;
  contents?: Record<string, string> | undefined;
  corrected?: readonly { id: string; revision: number }[] | undefined;
}): PublishedBy {
  return {
    seq: e.seq,
    batch: e.batch,
    on: e.on,
    contents: e.contents,
    revisions: e.corrected && e.corrected.length > 0 ? new Map(e.corrected.map((c) => [c.id, c.revision])) : undefined,
  };
}

/**
 * A record as published by one event: its summary, its publication (seq, batch, on) and where the
 * whole record is. One object a record and a publication (a million of them in a province).
 */
export class StoredRecord implements RecordSummary {
  readonly seq: number;
  readonly batch: string;
  readonly on: string;
  readonly id: string;
  readonly listType: CreditRecord['listType'];
  readonly domain: string;
  readonly department: string;
  readonly subjectName: string;
  readonly subjectType: string;
  readonly creditCode: string;
  readonly idType: CreditRecord['idType'];
  readonly idNumber: string;
  readonly decisionNo: string;
  readonly decisionDate: string;
  readonly publishUntil: string;
  readonly severity: CreditRecord['severity'];
  /** Its content hash as the event stored it (content.ts); '' when the event has none (a line written before). */
  readonly content: string;
  /** 1 at first publication, +1 per correction under the same 认定文书号 (truth.md). */
  readonly revision: number;

  constructor(
    r: RecordSummary,
    by: PublishedBy,
    readonly origin: RecordOrigin,
    /** Its index in its event's `records`. */
    readonly index: number,
  ) {
    this.seq = by.seq;
    this.batch = by.batch;
    this.on = by.on;
    this.id = r.id;
    this.listType = r.listType;
    this.domain = textOf(r.domain);
    this.department = textOf(r.department);
    this.subjectName = textOf(r.subjectName);
    this.subjectType = textOf(r.subjectType);
    this.creditCode = textOf(r.creditCode);
    this.idType = textOf(r.idType) as CreditRecord['idType'];
    this.idNumber = textOf(r.idNumber);
    this.decisionNo = textOf(r.decisionNo);
    this.decisionDate = textOf(r.decisionDate);
    this.publishUntil = textOf(r.publishUntil);
    this.severity = textOf(r.severity) as CreditRecord['severity'];
    const content = by.contents !== undefined && Object.hasOwn(by.contents, r.id) ? by.contents[r.id] : undefined;
    this.content = typeof content === 'string' ? content : '';
    this.revision = by.revisions?.get(r.id) ?? 1;
  }

  /** As a publication (state.ts): the record it published is itself. */
  get record(): StoredRecord {
    return this;
  }
}

/** Another writer's record may lack a field or hold a number: the summary keeps text (identity does too). */
export function textOf(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

/** Wraps the records of an event held in memory. */
export function storedFromMemory(records: readonly CreditRecord[], by: PublishedBy): StoredRecord[] {
  const origin: RecordOrigin = { kind: 'memory', records };
  return records.map((r, i) => new StoredRecord(r, by, origin, i));
}

/** Thrown when a line read back is no longer the line that was verified (REGISTER_CORRUPT for the caller). */
export class LineChangedError extends Error {
  constructor(readonly line: number) {
    super(`events.jsonl line ${line} changed since it was read`);
  }
}

/**
 * The whole records, in the order asked. Each line is read once however many of its records are
 * asked for; `readLine` verifies a line read back (its hash), throws LineChangedError when it is not
 * the line that was verified, and gives its records by index (parsing only those asked for).
 */
export function fullRecords(
  records: readonly StoredRecord[],
  readLine: (bytes: Buffer, origin: Extract<RecordOrigin, { kind: 'line' }>) => (index: number, id: string) => CreditRecord | undefined,
): CreditRecord[] {
  const lines = new Map<RecordOrigin, (index: number, id: string) => CreditRecord | undefined>();
  return records.map((r) => {
    const o = r.origin;
    if (o.kind === 'memory') return o.records[r.index] as CreditRecord;
    let line = lines.get(o);
    if (!line) {
      line = readLine(o.source.readLine(o.pos, o.len), o);
      lines.set(o, line);
    }
    // The record at its index, with the id it was read with: anything else means the line is not what was read.
    const full = line(r.index, r.id);
    if (!full) throw new LineChangedError(o.line);
    return full;
  });
}
