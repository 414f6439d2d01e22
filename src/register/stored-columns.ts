/**
 * Records read from a checkpoint (checkpoint.ts), kept by column: each record is an object of three
 * fields (its id, its columns, its row) whose other fields are read from the columns when asked. A
 * reader that touches one record (register show) or one department's (publish, compile's checks) makes
 * no string of the others' names, codes or 认定文书号; their whole record is read from their line, by
 * offset, only when asked (stored.ts fullRecords). Readers see the same fields as a StoredRecord's.
 */
import type { CreditRecord } from '../schemas/record.js';
import { type PublishedBy, type RecordOrigin, type RecordSummary, SUMMARY_FIELDS, type StoredRecord } from './stored.js';

/** Values of a column read alone (from the file, its bytes not read whole) before this many are asked. */
const ONE_BY_ONE = 64;

/** valuesAt reads a column through a buffer of this many bytes. */
const PIECE = 1 << 20;

/** A column's few values read without reading it whole (checkpoint-parts.ts range): value k's bytes. */
export type ValueBytes = (k: number) => Uint8Array;

/**
 * A column of text values as it lies in the checkpoint: UTF-8 bytes and each value's byte offset (value k
 * is bytes[at[k], at[k + 1])). Read one value at a time at first (register show reads a few), the bytes
 * read whole once many are asked (register list, the id index), each value still decoded when asked: a
 * province's list decoded each column whole into one string kept beside its bytes (~73 MB twice, the
 * strings in the heap, which V8 lets grow to a multiple of what it holds) to read each value once.
 */
export class TextColumn {
  private read = 0;
  private bytesRead: Buffer | undefined;
  private atRead: Uint32Array | undefined;

  constructor(
    /** The UTF-8 bytes, or how to read them (a checkpoint's part, read when first asked: checkpoint-parts.ts). */
    private readonly bytesOf: Buffer | (() => Buffer),
    /** Byte offsets, one more than there are values (or how to read them). */
    private readonly atOf: Uint32Array | (() => Uint32Array),
    /** Whether every byte is ASCII (then a byte offset is a character offset). */
    private readonly ascii: boolean,
    /** How to read one value alone while few are asked (neither the bytes nor the offsets read whole). */
    private readonly one?: ValueBytes,
    /**
     * How to read the bytes once, a piece at a time through the buffer given, without keeping them (valuesAt;
     * checkpoint-parts.ts pieces).
     */
    private readonly passing?: (buf: Uint8Array) => Iterable<Uint8Array>,
  ) {}

  /**
   * Values `rows` at once: from the column as it is held, else from its bytes read a piece at a time and not kept
   * (a province's ~25,000 removed records of a million: each column's 12–30 MB were read whole and dropped, four
   * times, which left compile's writing phase as much more memory to grow from).
   */
  valuesAt(rows: readonly number[]): string[] {
    if (this.bytesRead !== undefined || this.passing === undefined || typeof this.bytesOf !== 'function')
      return rows.map((k) => this.value(k));
    if (rows.length === 0) return [];
    const at = this.at;
    const encoding = this.ascii ? 'latin1' : 'utf8';
    const wanted = [...new Set(rows)].sort((x, y) => x - y);
    const got = new Map<number, string>();
    let w = 0;
    let base = 0;
    // The start of a value that goes on in the next piece (pieces are lent: copied).
    let carry: Buffer[] = [];
    for (const piece of this.passing(new Uint8Array(PIECE))) {
      const end = base + piece.length;
      for (; w < wanted.length; w++) {
        const k = wanted[w] as number;
        const a = at[k] as number;
        const b = at[k + 1] as number;
        if (a === b) {
          if (a > end) break;
          got.set(k, '');
          continue;
        }
        if (a >= end) break;
        if (b > end) {
          carry.push(Buffer.from(piece.subarray(Math.max(a - base, 0))));
          break;
        }
        const tail = Buffer.from(piece.buffer, piece.byteOffset + Math.max(a - base, 0), b - Math.max(a, base));
        got.set(k, (carry.length > 0 ? Buffer.concat([...carry, tail]) : tail).toString(encoding));
        carry = [];
      }
      base = end;
    }
    // Empty values after the last byte.
    for (; w < wanted.length; w++) got.set(wanted[w] as number, '');
    return rows.map((k) => got.get(k) as string);
  }

  /** Value k read alone, while the column is not read whole and few values have been asked; else undefined. */
  private alone(k: number): string | undefined {
    if (this.one === undefined || this.bytesRead !== undefined || this.read >= ONE_BY_ONE) return undefined;
    this.read++;
    return Buffer.from(this.one(k)).toString(this.ascii ? 'latin1' : 'utf8');
  }

  private get bytes(): Buffer {
    if (this.bytesRead === undefined) this.bytesRead = typeof this.bytesOf === 'function' ? this.bytesOf() : this.bytesOf;
    return this.bytesRead;
  }

  /**
   * The column's UTF-8 bytes, read whole (value k is utf8[at[k], at[k + 1])): for a writer that copies most values
   * as they lie (register list's names, listed-bytes.ts) instead of decoding each to encode it again.
   */
  get utf8(): Buffer {
    return this.bytes;
  }

  /** Byte offsets: value k is bytes[at[k], at[k + 1]). */
  get at(): Uint32Array {
    if (this.atRead === undefined) this.atRead = typeof this.atOf === 'function' ? this.atOf() : this.atOf;
    return this.atRead;
  }

  get length(): number {
    return this.at.length - 1;
  }

  value(k: number): string {
    const alone = this.alone(k);
    if (alone !== undefined) return alone;
    return this.bytes.toString(this.ascii ? 'latin1' : 'utf8', this.at[k] as number, this.at[k + 1] as number);
  }

  /** Whether value k is `s` (compared byte by byte in an ASCII column: nothing decoded). */
  equals(k: number, s: string): boolean {
    const alone = this.alone(k);
    if (alone !== undefined) return alone === s;
    if (!this.ascii) return this.value(k) === s;
    const a = this.at[k] as number;
    if ((this.at[k + 1] as number) - a !== s.length) return false;
    for (let i = 0; i < s.length; i++) if (this.bytes[a + i] !== s.charCodeAt(i)) return false;
    return true;
  }

  /** Whether value k starts with `s` (byte by byte in an ASCII column). */
  startsWith(k: number, s: string): boolean {
    if (!this.ascii) return this.value(k).startsWith(s);
    const a = this.at[k] as number;
    if ((this.at[k + 1] as number) - a < s.length) return false;
    for (let i = 0; i < s.length; i++) if (this.bytes[a + i] !== s.charCodeAt(i)) return false;
    return true;
  }
}

/** Value k of a column. */
export function textAt(c: TextColumn, k: number): string {
  return c.value(k);
}

/** A record's summary fields as a plain object, in stored.ts SUMMARY_FIELDS's order; `given` ones not asked of it. */
function summaryOf(r: StoredRecord, given: Partial<RecordSummary> = {}): RecordSummary {
  const out: Record<string, string> = {};
  for (const f of SUMMARY_FIELDS) out[f] = given[f] ?? r[f];
  return out as RecordSummary;
}

/**
 * The summaries of `records` as plain objects, in order: of the ColumnRecords among them, each text column
 * is read once for all (TextColumn.valuesAt) and not kept — compile's and export's 移出名单 (a province's
 * quarter: ~25,000 records spread over the whole column).
 */
export function summariesOf(records: readonly StoredRecord[]): RecordSummary[] {
  const out = records.map((r) => (r instanceof ColumnRecord ? undefined : summaryOf(r)));
  const byColumns = new Map<Columns, number[]>();
  records.forEach((r, i) => {
    if (!(r instanceof ColumnRecord)) return;
    const list = byColumns.get(r.columns);
    if (list) list.push(i);
    else byColumns.set(r.columns, [i]);
  });
  for (const [c, at] of byColumns) {
    const rows = at.map((i) => (records[i] as ColumnRecord).row);
    const [subjectName, creditCode, idNumber, decisionNo] = [c.subjectName, c.creditCode, c.idNumber, c.decisionNo].map((col) =>
      col.valuesAt(rows),
    ) as [string[], string[], string[], string[]];
    at.forEach((i, j) => {
      out[i] = summaryOf(records[i] as ColumnRecord, {
        subjectName: subjectName[j] as string,
        creditCode: creditCode[j] as string,
        idNumber: idNumber[j] as string,
        decisionNo: decisionNo[j] as string,
      });
    });
  }
  return out as RecordSummary[];
}

/** The columns of a checkpoint's records, and for each record the event it came with. */
export interface Columns {
  strings: readonly string[];
  /** Indexes into `strings`, one array a column of few distinct values. */
  listType: Uint16Array | Uint32Array;
  domain: Uint16Array | Uint32Array;
  department: Uint16Array | Uint32Array;
  subjectType: Uint16Array | Uint32Array;
  idType: Uint16Array | Uint32Array;
  severity: Uint16Array | Uint32Array;
  decisionDate: Uint16Array | Uint32Array;
  publishUntil: Uint16Array | Uint32Array;
  ids: TextColumn;
  subjectName: TextColumn;
  creditCode: TextColumn;
  idNumber: TextColumn;
  decisionNo: TextColumn;
  content: TextColumn;
  /** For each record, its event (an index into `by`, `origins` and `first`). */
  event: Uint32Array;
  by: PublishedBy[];
  origins: Extract<RecordOrigin, { kind: 'line' }>[];
  /** The row of each event's first record. */
  first: Uint32Array;
}

/** A record of a checkpoint: its fields read from the columns (the same as a StoredRecord's). */
export class ColumnRecord implements StoredRecord {
  private own: string | undefined;

  constructor(
    private readonly c: Columns,
    private readonly k: number,
  ) {}

  get id(): string {
    if (this.own === undefined) this.own = this.c.ids.value(this.k);
    return this.own;
  }
  get seq(): number {
    return (this.c.by[this.c.event[this.k] as number] as PublishedBy).seq;
  }
  get batch(): string {
    return (this.c.by[this.c.event[this.k] as number] as PublishedBy).batch;
  }
  get on(): string {
    return (this.c.by[this.c.event[this.k] as number] as PublishedBy).on;
  }
  get listType(): CreditRecord['listType'] {
    return this.c.strings[this.c.listType[this.k] as number] as CreditRecord['listType'];
  }
  get domain(): string {
    return this.c.strings[this.c.domain[this.k] as number] as string;
  }
  get department(): string {
    return this.c.strings[this.c.department[this.k] as number] as string;
  }
  get subjectType(): string {
    return this.c.strings[this.c.subjectType[this.k] as number] as string;
  }
  get idType(): CreditRecord['idType'] {
    return this.c.strings[this.c.idType[this.k] as number] as CreditRecord['idType'];
  }
  get severity(): CreditRecord['severity'] {
    return this.c.strings[this.c.severity[this.k] as number] as CreditRecord['severity'];
  }
  get decisionDate(): string {
    return this.c.strings[this.c.decisionDate[this.k] as number] as string;
  }
  get publishUntil(): string {
    return this.c.strings[this.c.publishUntil[this.k] as number] as string;
  }
  get subjectName(): string {
    return textAt(this.c.subjectName, this.k);
  }
  get creditCode(): string {
    return textAt(this.c.creditCode, this.k);
  }
  get idNumber(): string {
    return textAt(this.c.idNumber, this.k);
  }
  get decisionNo(): string {
    return textAt(this.c.decisionNo, this.k);
  }
  get content(): string {
    return textAt(this.c.content, this.k);
  }
  get revision(): number {
    return (this.c.by[this.c.event[this.k] as number] as PublishedBy).revisions?.get(this.id) ?? 1;
  }
  get origin(): RecordOrigin {
    return this.c.origins[this.c.event[this.k] as number] as RecordOrigin;
  }
  get index(): number {
    return this.k - (this.c.first[this.c.event[this.k] as number] as number);
  }
  get record(): StoredRecord {
    return this;
  }

  /** Its row in the checkpoint's columns. */
  get row(): number {
    return this.k;
  }

  /** The columns it is read from. */
  get columns(): Columns {
    return this.c;
  }

  /** Its fields as own properties (what a StoredRecord shows to a deep comparison or JSON.stringify). */
  toJSON(): Record<string, unknown> {
    return storedFields(this);
  }
}

/** The fields every StoredRecord has, as a plain object (tests compare records read either way with it). */
export function storedFields(r: StoredRecord): Record<string, unknown> {
  return {
    seq: r.seq,
    batch: r.batch,
    on: r.on,
    id: r.id,
    listType: r.listType,
    domain: r.domain,
    department: r.department,
    subjectName: r.subjectName,
    subjectType: r.subjectType,
    creditCode: r.creditCode,
    idType: r.idType,
    idNumber: r.idNumber,
    decisionNo: r.decisionNo,
    decisionDate: r.decisionDate,
    publishUntil: r.publishUntil,
    severity: r.severity,
    content: r.content,
    revision: r.revision,
    origin: r.origin,
    index: r.index,
  };
}
