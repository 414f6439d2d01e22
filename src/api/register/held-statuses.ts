/**
 * The statuses `register list --xlsx` lists, held for its passes over them (the 台账's rows, then the table's
 * widths and lines, or the JSON) at a few bytes each. A status of a checkpoint's record (a ColumnRecord) with no
 * removal is kept as its row, its revision and a byte (its status, objection and awaiting flags), and made again when
 * read: its id, batch, days and record from the row's columns, which statusOn took them from. Any other status (a
 * record made from events after the checkpoint, a removal) is kept as it is. A province's 575,000 statuses were
 * ~100 MiB of objects (an object, an id string and a record each), held while its workbook was written.
 */
import type { RecordStatus, Status } from '../../register/state.js';
import { ColumnRecord, type Columns } from '../../register/stored-columns.js';

const STATUSES: readonly Status[] = ['active', 'expired', 'removed'];
const OBJECTION = 8;
const AWAITING = 16;

export class HeldStatuses implements Iterable<RecordStatus> {
  private rows = new Uint32Array(1 << 12);
  private revisions = new Uint16Array(1 << 12);
  /** 0: kept as it is (`kept`); else 1 + its status's index, with OBJECTION and AWAITING. */
  private codes = new Uint8Array(1 << 12);
  private columns: Columns | undefined;
  private readonly kept = new Map<number, RecordStatus>();
  private n = 0;

  get length(): number {
    return this.n;
  }

  push(s: RecordStatus): void {
    if (this.n === this.codes.length) this.grow();
    const i = this.n++;
    const r = s.record;
    if (s.removal === null && r instanceof ColumnRecord && (this.columns === undefined || this.columns === r.columns)) {
      const c = r.columns;
      const k = r.row;
      // Made again from the row alone only when the row gives back what the status says.
      if (
        Number.isInteger(s.revision) &&
        s.revision >= 0 &&
        s.revision <= 0xffff &&
        s.batch === r.batch &&
        s.publishedOn === r.on &&
        s.publishUntil === r.publishUntil &&
        c.ids.equals(k, s.id)
      ) {
        this.columns = c;
        this.rows[i] = k;
        this.revisions[i] = s.revision;
        this.codes[i] = (1 + STATUSES.indexOf(s.status)) | (s.objection ? OBJECTION : 0) | (s.awaitingCorrection ? AWAITING : 0);
        return;
      }
    }
    this.codes[i] = 0;
    this.kept.set(i, s);
  }

  /** Status i as statusOn gave it (the same fields and values; a record of the same row). */
  at(i: number): RecordStatus {
    const code = this.codes[i] as number;
    if (code === 0) return this.kept.get(i) as RecordStatus;
    const c = this.columns as Columns;
    const k = this.rows[i] as number;
    const record = new ColumnRecord(c, k);
    return {
      id: c.ids.value(k),
      record,
      batch: record.batch,
      publishedOn: record.on,
      publishUntil: record.publishUntil,
      revision: this.revisions[i] as number,
      status: STATUSES[(code & 7) - 1] as Status,
      removal: null,
      objection: (code & OBJECTION) !== 0,
      awaitingCorrection: (code & AWAITING) !== 0,
    };
  }

  *[Symbol.iterator](): Generator<RecordStatus> {
    for (let i = 0; i < this.n; i++) yield this.at(i);
  }

  private grow(): void {
    const size = this.codes.length * 2;
    const rows = new Uint32Array(size);
    rows.set(this.rows);
    this.rows = rows;
    const revisions = new Uint16Array(size);
    revisions.set(this.revisions);
    this.revisions = revisions;
    const codes = new Uint8Array(size);
    codes.set(this.codes);
    this.codes = codes;
  }
}
