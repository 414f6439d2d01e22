/**
 * The register's events (register.md "The event log"). Each line of register/events.jsonl is one
 * event: what happened, when (`at`, the instant it was recorded), who (`by`) and on which computer
 * (`host`), chained to the line before by `prev` and sealed by `hash`. The state is a pure function of
 * the events (state.ts); nothing here touches the disk.
 *
 * Types:
 * - `publish`: a compiled package was published on `on` (records added; removals take effect then);
 * - `import`: lists published before the tool was used (same records, no package);
 * - `note`: a clerk's remark, optionally about some record ids; changes no status;
 * - `objection-add` / `objection-resolve`: objections.md (an open objection flags a record 异议标注;
 *   resolved as `revoked` it removes the record at once, batch null; as `corrected` it leaves the
 *   record awaiting the department's corrected row);
 * - `repair`: `register repair` cut a torn last line (who did it, and where the copy is).
 */
import type { CreditRecord } from '../schemas/record.js';
import type { StoredRecord } from './stored.js';

export type IsoDate = string;

/** A record as the register keeps it: the canonical record of records.json, full identifiers included. */
export type RegisterRecord = CreditRecord;

import { REMOVAL_TYPES } from '../schemas/documents/figures.js';
export { REMOVAL_TYPES };
export type RemovalType = (typeof REMOVAL_TYPES)[number];

/** One entry of a package's `removals` (register.md "What compile does with a register"). */
export interface RemovalEntry {
  id: string;
  type: RemovalType;
  /** The removal's own date (移出日期) as the package gives it; it takes effect on the batch's publication. */
  on?: IsoDate | undefined;
  reason?: string | undefined;
  department?: string | undefined;
  filedOn?: IsoDate | undefined;
}

/** What every event carries besides its body. */
export interface EventHead {
  seq: number;
  at: string;
  by: string;
  host: string;
  /** The hash of the line before; null on the first line. */
  prev: string | null;
  /** SHA-256 of the canonical JSON of this object without `hash`. */
  hash: string;
}

export interface PublishBody<R = RegisterRecord> {
  type: 'publish';
  batch: string;
  /** The publication date (`publish --on`, default today): records count from it. */
  on: IsoDate;
  /** The SHA-256 of the package's manifest.json. */
  package: string;
  records: R[];
  removals: RemovalEntry[];
  /** Ids resubmitted unchanged (already public): not published again. */
  unchanged: string[];
}

export interface ImportBody<R = RegisterRecord> {
  type: 'import';
  batch: string;
  on: IsoDate;
  department?: string | undefined;
  /** The imported files, as the clerk named them (relative, for the record only). */
  files: string[];
  records: R[];
}

export interface NoteBody {
  type: 'note';
  text: string;
  ids: string[];
}

/** objections.md's outcomes, as the clerk names them (objection resolve --outcome) and as events store them. */
export const OBJECTION_OUTCOMES = { 维持: 'upheld', 更正: 'corrected', 撤销: 'revoked' } as const;

export const OBJECTION_CHANNELS = ['信用中国', '来函', '来访', '电话', '其他'] as const;
export type ObjectionChannel = (typeof OBJECTION_CHANNELS)[number];

export interface ObjectionAddBody {
  type: 'objection-add';
  /** The day it was received (the deadline counts from the day after). */
  on: IsoDate;
  /** The record it concerns. */
  id: string;
  /** Its number, `O2026-007`: year of receipt, then the sequence within that year. */
  objection: string;
  /** Who objected (申请人), what they said, how it came in (null when not said). */
  from?: string | undefined;
  summary?: string | undefined;
  channel?: ObjectionChannel | null | undefined;
  /** 第四十一条: the data provider must verify (N = objections.providerCheckDays). */
  providerCheck?: boolean | undefined;
  /** N, the working days allowed, as the config said on receipt. */
  workingDays?: number | undefined;
  /**
   * The deadline as computed on receipt; null when the calendar did not cover it then. Readers
   * recompute it from `on` and `workingDays` with the calendar in force (a year covered later by
   * calendar/<year>.json gives the deadline then); this value is kept for the record.
   */
  deadline?: IsoDate | null | undefined;
}

export interface ObjectionResolveBody {
  type: 'objection-resolve';
  on: IsoDate;
  id: string;
  objection: string;
  /** `revoked` (撤销) removes the record at once; `upheld` (维持) and `corrected` leave it published. */
  outcome: 'revoked' | 'upheld' | 'corrected';
  /** The bureau's opinion (处理意见). */
  reason?: string | undefined;
  /** Resolved after its deadline (OBJECTION_LATE), kept for 督查; the deadline it was judged against. */
  late?: boolean | undefined;
  deadline?: IsoDate | null | undefined;
}

/** `register repair` cut a torn last line (the copy kept as `backup`); changes no status, keeps the repair on record. */
export interface RepairBody {
  type: 'repair';
  /** The line number the torn line had, and how many bytes were cut. */
  line: number;
  bytes: number;
  backup: string;
}

export type EventBody = PublishBody | ImportBody | NoteBody | ObjectionAddBody | ObjectionResolveBody | RepairBody;
export type EventType = EventBody['type'];
export const EVENT_TYPES: readonly EventType[] = ['publish', 'import', 'note', 'objection-add', 'objection-resolve', 'repair'];

export type RegisterEvent = EventBody & EventHead;

/**
 * An event as a reader holds it: the same, with its records kept as StoredRecord (stored.ts: the
 * fields readers use, and where the whole record is).
 */
export type StoredEventBody = PublishBody<StoredRecord> | ImportBody<StoredRecord> | NoteBody | ObjectionAddBody | ObjectionResolveBody | RepairBody;
export type StoredEvent = StoredEventBody & EventHead;

/** Who wrote an event, when and where: filled in by the command that writes. */
export interface Author {
  at: string;
  by: string;
  host: string;
}
