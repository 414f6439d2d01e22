/**
 * Records read from a checkpoint (checkpoint.ts), kept by column: each record is an object of three
 * fields (its id, its columns, its row) whose other fields are read from the columns when asked. A
 * reader that touches one record (register show) or one department's (publish, compile's checks) makes
 * no string of the others' names, codes or 认定文书号; their whole record is read from their line, by
 * offset, only when asked (stored.ts fullRecords). Readers see the same fields as a StoredRecord's.
 */
import type { CreditRecord } from '../schemas/record.js';
import type { PublishedBy, RecordOrigin, StoredRecord } from './stored.js';

/** A column of text values: one string, and where each value starts in it (value k is [at[k], at[k + 1] - 1)). */
export interface TextColumn {
  text: string;
  at: Uint32Array;
}

export function textAt(c: TextColumn, k: number): string {
  return c.text.slice(c.at[k] as number, (c.at[k + 1] as number) - 1);
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
  constructor(
    readonly id: string,
    private readonly c: Columns,
    private readonly k: number,
  ) {}

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
