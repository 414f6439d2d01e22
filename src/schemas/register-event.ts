/**
 * The register's event lines (register.md "The event log", truth.md "Documents, typed once"): one zod
 * schema, from which src/register/events.ts infers every event type. The reader (register/chain.ts)
 * checks each line's event with it — after another tool's spellings were put under our names
 * (register/foreign.ts) — so a line this tool ever wrote, and every line another tool following the
 * contract writes, still reads.
 *
 * Records are not checked here: a line's records are read one at a time and kept as a summary
 * (register/stored.ts); they are the canonical records of records.json (schemas/record.ts).
 * Fields added later are optional, so that older lines stay valid: `contents` and `corrected` on
 * `publish` (truth.md "Content, corrections and revisions"), `contents` on `import`.
 */
import { z } from 'zod';

const HEX64 = /^[0-9a-f]{64}$/;

export const REMOVAL_TYPES = ['violation', 'early', 'revoked', 'corrected', 'expired'] as const;

/** objections.md's outcomes, as the clerk names them (objection resolve --outcome) and as events store them. */
export const OBJECTION_OUTCOMES = { 维持: 'upheld', 更正: 'corrected', 撤销: 'revoked' } as const;

export const OBJECTION_CHANNELS = ['信用中国', '来函', '来访', '电话', '其他'] as const;

/** One entry of a package's `removals` (register.md "What compile does with a register"). */
export const RemovalEntrySchema = z.object({
  id: z.string(),
  type: z.enum(REMOVAL_TYPES),
  /** The removal's own date (移出日期) as the package gives it; it takes effect on the batch's publication. */
  on: z.string().optional(),
  reason: z.string().optional(),
  department: z.string().optional(),
  filedOn: z.string().optional(),
});

/**
 * A record the batch publishes as a correction of a public one (truth.md): its id, its revision (1 at
 * first publication, +1 per correction under the same 认定文书号; 1 for a correction under a new
 * number, which is a new record) and the content columns that differ from what was public.
 */
export const CorrectedEntrySchema = z.object({
  id: z.string(),
  revision: z.number().int().min(1),
  changed: z.array(z.string()),
  /** Under a new 认定文书号: the id of the record it replaces (removed as `corrected`). Absent on older lines and packages. */
  replaces: z.string().optional(),
});

/** The content hash of each record the event publishes, by id (register/content.ts). Absent on older lines. */
const Contents = z.record(z.string(), z.string()).optional();

export const EventHeadSchema = z.object({
  seq: z.number().int(),
  /** The instant it was recorded. */
  at: z.string(),
  by: z.string(),
  host: z.string(),
  /** The hash of the line before; null on the first line. */
  prev: z.string().regex(HEX64).nullable(),
  /** SHA-256 of the canonical JSON of this object without `hash`. */
  hash: z.string().regex(HEX64),
});

export const PublishBodySchema = z.object({
  type: z.literal('publish'),
  batch: z.string(),
  /** The publication date (`publish --on`, default today): records count from it. */
  on: z.string(),
  /** The SHA-256 of the package's manifest.json. */
  package: z.string(),
  records: z.array(z.unknown()),
  removals: z.array(RemovalEntrySchema),
  /** Ids resubmitted unchanged (already public): not published again. */
  unchanged: z.array(z.string()),
  contents: Contents,
  corrected: z.array(CorrectedEntrySchema).optional(),
});

export const ImportBodySchema = z.object({
  type: z.literal('import'),
  batch: z.string(),
  on: z.string(),
  department: z.string().optional(),
  /** The imported files, as the clerk named them (relative, for the record only). */
  files: z.array(z.string()),
  records: z.array(z.unknown()),
  contents: Contents,
});

export const NoteBodySchema = z.object({
  type: z.literal('note'),
  text: z.string(),
  ids: z.array(z.string()),
});

export const ObjectionAddBodySchema = z.object({
  type: z.literal('objection-add'),
  /** The day it was received (the deadline counts from the day after). */
  on: z.string(),
  /** The record it concerns. */
  id: z.string(),
  /** Its number, `O2026-007`: year of receipt, then the sequence within that year. */
  objection: z.string(),
  /** Who objected (申请人), what they said, how it came in (null when not said). */
  from: z.string().optional(),
  summary: z.string().optional(),
  /** One of OBJECTION_CHANNELS as this tool writes it; another tool's own word for it is read as written. */
  channel: z.string().nullable().optional(),
  /** 第四十一条: the data provider must verify (N = objections.providerCheckDays). */
  providerCheck: z.boolean().optional(),
  /** N, the working days allowed, as the config said on receipt. */
  workingDays: z.number().optional(),
  /**
   * The deadline as computed on receipt; null when the calendar did not cover it then. Readers
   * recompute it from `on` and `workingDays` with the calendar in force; this value is kept for the record.
   */
  deadline: z.string().nullable().optional(),
});

export const ObjectionResolveBodySchema = z.object({
  type: z.literal('objection-resolve'),
  on: z.string(),
  id: z.string(),
  objection: z.string(),
  /** `revoked` (撤销) removes the record at once; `upheld` (维持) and `corrected` leave it published. */
  outcome: z.enum(['revoked', 'upheld', 'corrected']),
  /** The bureau's opinion (处理意见). */
  reason: z.string().optional(),
  /** Resolved after its deadline (OBJECTION_LATE), kept for 督查; the deadline it was judged against. */
  late: z.boolean().optional(),
  deadline: z.string().nullable().optional(),
});

/** `register repair` cut a torn last line (the copy kept as `backup`); changes no status, keeps the repair on record. */
export const RepairBodySchema = z.object({
  type: z.literal('repair'),
  /** The line number the torn line had, and how many bytes were cut. */
  line: z.number().int(),
  bytes: z.number().int(),
  backup: z.string(),
});

/** One line of register/events.jsonl, as this tool reads it (another tool's spellings already renamed). */
export const RegisterEventSchema = z.discriminatedUnion('type', [
  PublishBodySchema.extend(EventHeadSchema.shape),
  ImportBodySchema.extend(EventHeadSchema.shape),
  NoteBodySchema.extend(EventHeadSchema.shape),
  ObjectionAddBodySchema.extend(EventHeadSchema.shape),
  ObjectionResolveBodySchema.extend(EventHeadSchema.shape),
  RepairBodySchema.extend(EventHeadSchema.shape),
]);

/** A hash as a line may write it: lower case (ours) or wholly upper case (another tool's, read as lower). */
const HEX64_LINE = /^(?:[0-9a-f]{64}|[0-9A-F]{64})$/;

/** The head of a line as the contract lets it be written (docs/decisions.md "Registers written by other tools"). */
const LineHeadSchema = z.object({
  /** 0 or 1 on the first line, then +1 each line. */
  seq: z.number().int().min(0),
  at: z.string(),
  by: z.string(),
  host: z.string(),
  /** The hash of the line before; on the first line null, "", 64 zeros or absent. */
  prev: z
    .union([z.string().regex(HEX64_LINE), z.literal('')])
    .nullable()
    .optional(),
  hash: z.string().regex(HEX64_LINE),
});

/** objections.md's names for an objection event's keys, as another tool writes them (read as ours). */
const ObjectionNames = { number: z.string().optional(), recordId: z.string().optional() };

/**
 * One line of register/events.jsonl as written — by this tool, or by another that follows register.md and
 * objections.md literally (register.md's example publish line has no `on` and no `unchanged`; objections.md
 * names `number`, `recordId`, `received`, `resolvedOn`, `opinion`, outcomes 维持/更正/撤销). The reader takes such a
 * line through register/foreign.ts onto RegisterEventSchema; this is what `hrss-credit schema register-event`
 * prints, so that a script checking a log finds every line the tool reads valid (docs/decisions.md).
 */
export const RegisterEventLineSchema = z.discriminatedUnion('type', [
  PublishBodySchema.partial({ on: true, removals: true, unchanged: true }).extend(LineHeadSchema.shape),
  ImportBodySchema.partial({ on: true, files: true }).extend({ publishedOn: z.string().optional() }).extend(LineHeadSchema.shape),
  NoteBodySchema.partial({ ids: true }).extend(LineHeadSchema.shape),
  ObjectionAddBodySchema.partial({ on: true, id: true, objection: true })
    .extend({ ...ObjectionNames, received: z.string().optional() })
    .extend(LineHeadSchema.shape),
  ObjectionResolveBodySchema.partial({ on: true, id: true, objection: true })
    .extend({
      ...ObjectionNames,
      outcome: z.enum(['revoked', 'upheld', 'corrected', ...Object.keys(OBJECTION_OUTCOMES)] as [string, ...string[]]),
      resolvedOn: z.string().optional(),
      opinion: z.string().optional(),
    })
    .extend(LineHeadSchema.shape),
  RepairBodySchema.extend(LineHeadSchema.shape),
]);
