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
 * - `objection-add` / `objection-resolve`: reserved for objections.md (an open objection flags a
 *   record; resolved as `revoked` it removes the record at once, batch null);
 * - `repair`: `register repair` cut a torn last line (who did it, and where the copy is).
 */
import type { CreditRecord } from '../schemas/record.js';

export type IsoDate = string;

/** A record as the register keeps it: the canonical record of records.json, full identifiers included. */
export type RegisterRecord = CreditRecord;

export const REMOVAL_TYPES = ['violation', 'early', 'revoked', 'corrected', 'expired'] as const;
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

export interface PublishBody {
  type: 'publish';
  batch: string;
  /** The publication date (`publish --on`, default today): records count from it. */
  on: IsoDate;
  /** The SHA-256 of the package's manifest.json. */
  package: string;
  records: RegisterRecord[];
  removals: RemovalEntry[];
  /** Ids resubmitted unchanged (already public): not published again. */
  unchanged: string[];
}

export interface ImportBody {
  type: 'import';
  batch: string;
  on: IsoDate;
  department?: string | undefined;
  /** The imported files, as the clerk named them (relative, for the record only). */
  files: string[];
  records: RegisterRecord[];
}

export interface NoteBody {
  type: 'note';
  text: string;
  ids: string[];
}

export interface ObjectionAddBody {
  type: 'objection-add';
  on: IsoDate;
  id: string;
  objection: string;
}

export interface ObjectionResolveBody {
  type: 'objection-resolve';
  on: IsoDate;
  id: string;
  objection: string;
  /** `revoked` (撤销) removes the record at once; `upheld` (维持) and `corrected` leave it published. */
  outcome: 'revoked' | 'upheld' | 'corrected';
  reason?: string | undefined;
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

/** Who wrote an event, when and where: filled in by the command that writes. */
export interface Author {
  at: string;
  by: string;
  host: string;
}
