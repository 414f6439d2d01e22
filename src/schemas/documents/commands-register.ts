/**
 * The JSON documents of the register's commands (register.md, objections.md, truth.md "Documents, typed
 * once"): publish, register verify|repair|list|show|import|note, diff, objection add|resolve|list|letter.
 * Each is the report's keys (report.ts) and the command's own, strict (test/command-documents.test.ts).
 * The commands build the inferred types; `hrss-credit schema NAME` prints them.
 */
import { z } from 'zod';
import { count, isoDate } from './primitives.js';
import { bareShape, commandShape, reportShape } from './report.js';
import { REMOVAL_TYPES } from '../register-event.js';

/** register verify and repair: the version, the tool and the command, then their own keys (no findings). */
function toolShape<C extends string>(command: C) {
  return { ...bareShape(command), tool: reportShape.tool };
}

/** The event a write recorded: its line number (seq), hash and author. */
const RecordedEventSchema = z.strictObject({
  seq: z.number().int().nonnegative(),
  hash: z.string(),
  at: z.string(),
  by: z.string(),
  host: z.string(),
  on: isoDate.optional(),
});

/**
 * What `publish()` (api/register/register.ts) returns beside its findings — its result type is this
 * schema's with the report — and, below, the document `publish --format json` prints from it.
 */
export const PublishOutcomeSchema = z.strictObject({
  batch: z.string(),
  /** published: a new event; unchanged: this package was published already (no-op); refused: nothing recorded. */
  outcome: z.enum(['published', 'unchanged', 'refused']),
  on: isoDate,
  records: count,
  removals: count,
  /** The event that published this package (new or earlier). */
  event: RecordedEventSchema.optional(),
  head: z.string().optional(),
});
export type PublishOutcome = z.infer<typeof PublishOutcomeSchema>;

/** `publish <batch> --format json`: published now, already published (unchanged) or refused; the register's new head `SEQ:HASH`. */
export const PublishDocumentSchema = z.strictObject({
  ...commandShape('publish'),
  ...PublishOutcomeSchema.shape,
  event: RecordedEventSchema.nullable(),
  head: z.string().nullable(),
});
export type PublishDocument = z.infer<typeof PublishDocumentSchema>;

/** What `registerImport()` (api/register/register-import.ts) returns beside its findings; below, its document. */
export const ImportOutcomeSchema = z.strictObject({
  batch: z.string(),
  outcome: z.enum(['imported', 'refused']),
  on: isoDate,
  records: count,
  event: RecordedEventSchema.omit({ on: true }).optional(),
  head: z.string().optional(),
});
export type ImportOutcome = z.infer<typeof ImportOutcomeSchema>;

/** `register import --format json`: a list published before the tool was used, recorded as one event. */
export const RegisterImportDocumentSchema = z.strictObject({
  ...commandShape('register import'),
  ...ImportOutcomeSchema.shape,
  event: RecordedEventSchema.nullable(),
  head: z.string().nullable(),
});
export type RegisterImportDocument = z.infer<typeof RegisterImportDocumentSchema>;

/** `register note --format json`: the note's event and the new head; both null when it was refused (a warning under --strict). */
export const RegisterNoteDocumentSchema = z.strictObject({
  ...commandShape('register note'),
  seq: z.number().int().nonnegative().nullable(),
  ids: z.array(z.string()),
  head: z.string().nullable(),
});
export type RegisterNoteDocument = z.infer<typeof RegisterNoteDocumentSchema>;

const BREAK_REASONS = ['json', 'schema', 'seq', 'prev', 'hash', 'canonical', 'linebreak', 'torn', 'blank', 'head'] as const;

/** What `registerVerify()` (api/register/register.ts) returns: its result type is this schema's; below, its document. */
export const RegisterVerifyResultSchema = z.strictObject({
  exists: z.boolean(),
  valid: z.boolean(),
  events: count,
  head: z.string().nullable(),
  broken: z.strictObject({ line: z.number().int().min(1), reason: z.enum(BREAK_REASONS) }).nullable(),
  /** The head the clerk noted, when given: whether the log still reaches it. */
  expectedHead: z.string().nullable(),
});
export type RegisterVerifyResult = z.infer<typeof RegisterVerifyResultSchema>;

const checkedChain = RegisterVerifyResultSchema.shape;

/** `register verify --format json`: whether the chain holds, its head, and the first line that breaks it. */
export const RegisterVerifyDocumentSchema = z.strictObject({
  ...toolShape('register verify'),
  valid: checkedChain.valid,
  events: checkedChain.events,
  head: checkedChain.head,
  expectedHead: checkedChain.expectedHead,
  broken: checkedChain.broken,
});
export type RegisterVerifyDocument = z.infer<typeof RegisterVerifyDocumentSchema>;

/** `register repair --format json`: intact, or the torn line cut (its line, bytes and where the copy went). */
export const RegisterRepairDocumentSchema = z.strictObject({
  ...toolShape('register repair'),
  action: z.enum(['intact', 'cut']),
  /** What was cut: a torn last line, or blank lines after the last event (decisions.md "A blank last line"). */
  reason: z.enum(['torn', 'blank']).optional(),
  line: z.number().int().min(1).optional(),
  bytes: count.optional(),
  /** '' when the disk had no room for a copy (`problem` says why). */
  backup: z.string().optional(),
  problem: z.string().optional(),
  head: z.string().nullable(),
});
export type RegisterRepairDocument = z.infer<typeof RegisterRepairDocumentSchema>;

/** A record as `register list`, `show` and `diff` print it (register.md): identifiers masked unless --full. */
export const ListedRecordSchema = z.strictObject({
  id: z.string(),
  listType: z.enum(['red', 'black']),
  domain: z.string(),
  department: z.string(),
  subjectName: z.string(),
  subjectKey: z.string(),
  batch: z.string(),
  publishedOn: isoDate,
  publishUntil: isoDate,
  status: z.enum(['active', 'expired', 'removed']),
  removal: z.strictObject({ type: z.enum(REMOVAL_TYPES), on: isoDate, batch: z.string().nullable(), reason: z.string() }).nullable(),
  /** An objection open that day (异议标注). */
  objection: z.boolean(),
});
export type ListedRecordDoc = z.infer<typeof ListedRecordSchema>;

/** `register list --format json`: the records on a day (`--on`), filtered; `ledger` the 台账 written with --xlsx. */
export const RegisterListDocumentSchema = z.strictObject({
  ...bareShape('register list'),
  on: isoDate,
  records: z.array(ListedRecordSchema),
  ledger: z.string().optional(),
});
export type RegisterListDocument = z.infer<typeof RegisterListDocumentSchema>;

/** The `"error"` an exit-2 document carries (cli.md), as a streamed document's closing writes it. */
const StreamErrorSchema = z.strictObject({ code: z.string(), message: z.string() });

/**
 * A streamed document cut short (cli/write-bytes.ts, docs/decisions.md "A streamed document cut by a failure"): a
 * read that failed after some parts were written closes the document where it stands — the keys written so far,
 * the last array holding the records written before the failure — with `"valid": false` and the `"error"`, exit 2.
 */
function cutShort<S extends z.ZodRawShape>(shape: S, description: string) {
  return z
    .strictObject({ ...shape, valid: z.literal(false), error: StreamErrorSchema })
    .describe(
      `${description} cut short by a failure while it was written (exit 2): the keys written so far, then valid false and the error`,
    );
}

/**
 * What `register list --format json` prints: the whole document, or one cut short (the records written before
 * the failure). `hrss-credit schema register-list` prints this one.
 */
export const RegisterListPrintedSchema = z.union([
  RegisterListDocumentSchema,
  cutShort({ ...bareShape('register list'), on: isoDate, records: z.array(ListedRecordSchema) }, 'register list'),
]);

/** One revision of a record (register show): the batch that published it, when, and the columns a correction changed. */
export const ShownRevisionSchema = z.strictObject({
  revision: z.number().int().min(1),
  batch: z.string(),
  publishedOn: isoDate,
  changed: z.array(z.string()),
});
export type ShownRevisionDoc = z.infer<typeof ShownRevisionSchema>;

/** An event as `register show` lists it under a record. */
export const ShownEventSchema = z.strictObject({
  seq: z.number().int().nonnegative(),
  type: z.enum(['publish', 'import', 'note', 'objection-add', 'objection-resolve', 'repair']),
  at: z.string(),
  by: z.string(),
  host: z.string(),
  batch: z.string().optional(),
  on: z.string().optional(),
  /** What the event did to the record: published, corrected:N, removed:TYPE, unchanged, imported, objected,
   * resolved:OUTCOME, note, repair. */
  effect: z.string(),
  text: z.string().optional(),
});
export type ShownEventDoc = z.infer<typeof ShownEventSchema>;

/** `register show --format json`: the records that answer the query, each with its revisions and events. */
export const RegisterShowDocumentSchema = z.strictObject({
  ...bareShape('register show'),
  query: z.string(),
  records: z.array(
    z.strictObject({
      ...ListedRecordSchema.shape,
      revision: z.number().int().min(1),
      revisions: z.array(ShownRevisionSchema),
      events: z.array(ShownEventSchema),
    }),
  ),
});
export type RegisterShowDocument = z.infer<typeof RegisterShowDocumentSchema>;
export type ShownRecordDoc = RegisterShowDocument['records'][number];

export const DiffCountsSchema = z.strictObject({ added: count, removed: count, corrected: count, unchanged: count });
export type DiffCountsDoc = z.infer<typeof DiffCountsSchema>;

/**
 * A correction in `diff`: the record published, and — for a correction under a new 认定文书号 — `replaces`, the id
 * of the record it replaced (named nowhere else in the diff, as records.json's `corrected` names the pair).
 */
export const DiffCorrectedSchema = z.strictObject({ ...ListedRecordSchema.shape, replaces: z.string().optional() });

/** `diff <a> <b> --format json`: how the public list changed between two batches, and the counts by department and domain. */
export const DiffDocumentSchema = z.strictObject({
  ...bareShape('diff'),
  from: z.string(),
  to: z.string(),
  added: z.array(ListedRecordSchema),
  removed: z.array(ListedRecordSchema),
  corrected: z.array(DiffCorrectedSchema),
  unchanged: z.array(ListedRecordSchema),
  counts: z.strictObject({
    byDepartment: z.record(z.string(), DiffCountsSchema),
    byDomain: z.record(z.string(), DiffCountsSchema),
  }),
});
export type DiffDocument = z.infer<typeof DiffDocumentSchema>;

/**
 * What `diff --format json` prints: the whole document, or one cut short — its sections in their order up to the
 * one being written when the read failed (that one holding what was written of it), no `counts`.
 */
export const DiffPrintedSchema = z.union([
  DiffDocumentSchema,
  cutShort(
    {
      ...bareShape('diff'),
      from: z.string(),
      to: z.string(),
      added: z.array(ListedRecordSchema),
      removed: z.array(ListedRecordSchema).optional(),
      corrected: z.array(DiffCorrectedSchema).optional(),
      unchanged: z.array(ListedRecordSchema).optional(),
    },
    'diff',
  ),
]);

/** An objection as `objection list` and the reports give it (objections.md, exactly these keys). */
export const ObjectionViewSchema = z.strictObject({
  number: z.string(),
  recordId: z.string(),
  subjectName: z.string(),
  received: isoDate,
  /** null while the calendar does not cover it. */
  deadline: isoDate.nullable(),
  workingDays: count,
  workingDaysLeft: z.number().int().nullable(),
  status: z.enum(['open', 'resolved']),
  outcome: z.enum(['维持', '更正', '撤销']).nullable(),
  resolvedOn: isoDate.nullable(),
  late: z.boolean(),
  /** Only for an outcome 更正 (truth.md): the published batch that carried the correction, null while awaited. */
  correctedIn: z.string().nullable().optional(),
  /** Only for an objection closed by another's 撤销 of the same record: that objection's number (round 33). */
  closedBy: z.string().optional(),
});
export type ObjectionViewDoc = z.infer<typeof ObjectionViewSchema>;

function objectionWrite<C extends string>(command: C) {
  return z.strictObject({ ...commandShape(command), objection: ObjectionViewSchema.nullable(), head: z.string().nullable() });
}

/** `objection add --format json`: the objection recorded (null when refused) and the new head. */
export const ObjectionAddDocumentSchema = objectionWrite('objection add');
export type ObjectionAddDocument = z.infer<typeof ObjectionAddDocumentSchema>;
/** `objection resolve --format json`: the objection as resolved (null when refused) and the new head. */
export const ObjectionResolveDocumentSchema = objectionWrite('objection resolve');
export type ObjectionResolveDocument = z.infer<typeof ObjectionResolveDocumentSchema>;

/** `objection list --format json`: the objections chosen (--open, --overdue, --all, --year). */
export const ObjectionListDocumentSchema = z.strictObject({
  ...bareShape('objection list'),
  objections: z.array(ObjectionViewSchema),
});
export type ObjectionListDocument = z.infer<typeof ObjectionListDocumentSchema>;

/** `objection letter --format json`: the 告知书 written (its path as shown, null when refused) and its size. */
export const ObjectionLetterDocumentSchema = z.strictObject({
  ...commandShape('objection letter'),
  number: z.string(),
  letter: z.string().nullable(),
  bytes: count,
});
export type ObjectionLetterDocument = z.infer<typeof ObjectionLetterDocumentSchema>;
