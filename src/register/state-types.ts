/**
 * The register state's types (state.ts folds events into them; lazy-state.ts makes entries when asked):
 * apart, so that lazy-state.ts, which state.ts calls, needs nothing of state.ts.
 */
import type { IsoDate, RemovalType } from './events.js';
import type { StoredRecord } from './stored.js';

/**
 * A publication: the record as one event published it (seq, batch, on), its summary, and where the
 * whole of it is (stored.ts). `record` is the same object.
 */
export type Publication = StoredRecord;

export interface RemovalFact {
  seq: number;
  type: RemovalType;
  /** The day it takes effect: its batch's publication, or the day a 撤销 was resolved. */
  on: IsoDate;
  /** The batch that published it; null for a 撤销 (effective at once). */
  batch: string | null;
  reason: string;
  /**
   * A 撤销 listed by a published batch keeps the day it was resolved (`on`); it counts as listed from
   * that batch's publication (absent: from `on`).
   */
  listedOn?: IsoDate;
}

export interface ObjectionFact {
  seq: number;
  objection: string;
  on: IsoDate;
  resolvedOn: IsoDate | null;
  outcome: string | null;
  /** The record it concerns. */
  id: string;
  /** What `objection add` recorded (absent on events written before the objection commands). */
  from: string;
  summary: string;
  channel: string | null;
  providerCheck: boolean;
  workingDays: number | null;
  /** The deadline as computed on receipt (null when the calendar did not cover it then). */
  storedDeadline: IsoDate | null;
  by: string;
  /** The resolution: its event, who, the opinion, and whether it came after the deadline. */
  resolvedSeq: number | null;
  resolvedBy: string | null;
  opinion: string | null;
  late: boolean;
  /**
   * For an objection resolved 更正: the published batch that carried its correction (the record
   * published again at a new revision, or removed as `corrected` for a new 认定文书号); null while awaited.
   */
  correctedIn: string | null;
  /**
   * Closed by another objection's 撤销 of the same record (its number): the record is revoked, so what this one asks
   * is answered the same day — resolved 撤销 then, not left open and overdue (docs/decisions.md "Other objections of
   * a revoked record"). Null for an objection resolved on its own.
   */
  closedBy: string | null;
}

export interface RecordEntry {
  id: string;
  publications: Publication[];
  removals: RemovalFact[];
  objections: ObjectionFact[];
}

export interface BatchFact {
  seq: number;
  type: 'publish' | 'import';
  on: IsoDate;
  package: string | null;
}

export interface RegisterState {
  /** The last event applied (0 for none) and its hash. */
  seq: number;
  head: string | null;
  records: Map<string, RecordEntry>;
  batches: Map<string, BatchFact>;
  /** Every objection by its number (the same objects as in the records' `objections`), in order of receipt. */
  objections: Map<string, ObjectionFact>;
}
