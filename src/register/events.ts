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
import type { z } from 'zod';
import type { CreditRecord } from '../schemas/record.js';
import type {
  OBJECTION_CHANNELS,
  CorrectedEntrySchema,
  EventHeadSchema,
  ImportBodySchema,
  NoteBodySchema,
  ObjectionAddBodySchema,
  ObjectionResolveBodySchema,
  PublishBodySchema,
  RemovalEntrySchema,
  RepairBodySchema,
} from '../schemas/register-event.js';
import type { StoredRecord } from './stored.js';

// The event types are inferred from their one schema (src/schemas/register-event.ts), which the reader checks each line with.
export { OBJECTION_CHANNELS, OBJECTION_OUTCOMES, REMOVAL_TYPES } from '../schemas/register-event.js';

export type IsoDate = string;

/** A record as the register keeps it: the canonical record of records.json, full identifiers included. */
export type RegisterRecord = CreditRecord;

export type RemovalType = RemovalEntry['type'];

/** One entry of a package's `removals` (register.md "What compile does with a register"). */
export type RemovalEntry = z.infer<typeof RemovalEntrySchema>;

/** A record a batch publishes as a correction (truth.md): id, revision, the columns that changed. */
export type CorrectedEntry = z.infer<typeof CorrectedEntrySchema>;

/** What every event carries besides its body. */
export type EventHead = z.infer<typeof EventHeadSchema>;

export type PublishBody<R = RegisterRecord> = Omit<z.infer<typeof PublishBodySchema>, 'records'> & { records: R[] };

export type ImportBody<R = RegisterRecord> = Omit<z.infer<typeof ImportBodySchema>, 'records'> & { records: R[] };

export type NoteBody = z.infer<typeof NoteBodySchema>;

export type ObjectionChannel = (typeof OBJECTION_CHANNELS)[number];

export type ObjectionAddBody = z.infer<typeof ObjectionAddBodySchema>;

export type ObjectionResolveBody = z.infer<typeof ObjectionResolveBodySchema>;

/** `register repair` cut a torn last line (the copy kept as `backup`); changes no status, keeps the repair on record. */
export type RepairBody = z.infer<typeof RepairBodySchema>;

export type EventBody = PublishBody | ImportBody | NoteBody | ObjectionAddBody | ObjectionResolveBody | RepairBody;
export type EventType = EventBody['type'];
export const EVENT_TYPES: readonly EventType[] = ['publish', 'import', 'note', 'objection-add', 'objection-resolve', 'repair'];

export type RegisterEvent = EventBody & EventHead;

/**
 * An event as a reader holds it: the same, with its records kept as StoredRecord (stored.ts: the
 * fields readers use, and where the whole record is).
 */
export type StoredEventBody =
  | PublishBody<StoredRecord>
  | ImportBody<StoredRecord>
  | NoteBody
  | ObjectionAddBody
  | ObjectionResolveBody
  | RepairBody;
export type StoredEvent = StoredEventBody & EventHead;

/** Who wrote an event, when and where: filled in by the command that writes. */
export interface Author {
  at: string;
  by: string;
  host: string;
}
