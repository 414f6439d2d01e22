/**
 * The 督查 view model (reports.md "supervise", truth.md): one row per department and batch — its
 * submission, truth.md's figures and what only the register knows — and the lapses a 通报 names.
 * `supervise --format json` prints SuperviseDocument; the report's rows are the same rows.
 */
import { z } from 'zod';
import { count, isoDate } from './primitives.js';
import { FiguresSchema } from './figures.js';

export const SUBMISSION_STATES = ['submitted', 'nil', 'missing'] as const;
export const LAPSE_KINDS = ['missing', 'late', 'unsigned', 'objection-overdue', 'objection-late', 'correction-awaited'] as const;

/** Per department and batch: what only the register knows; null until it does (docs/decisions.md). */
export const BatchRegisterFactsSchema = z.object({
  /** Records of this batch that were published (red, black); null until `publish` is known. */
  published: z.strictObject({ red: count, black: count }).nullable(),
  resubmittedUnchanged: count.nullable(),
  removalsRequested: count.nullable(),
  removalsAccepted: count.nullable(),
  objectionsReceived: count.nullable(),
  objectionsResolvedLate: count.nullable(),
  objectionsOverdue: count.nullable(),
  /**
   * Open with a deadline the calendar cannot give yet (异议期限待定: a year not covered): neither overdue nor on
   * time, counted apart as the report counts it (docs/decisions.md "Overdue and pending objections in every view").
   */
  objectionsPending: count.nullable(),
  correctionsAwaited: count.nullable(),
});

export const SuperviseRowSchema = z.strictObject({
  department: z.string(),
  batch: z.string(),
  status: z.enum(SUBMISSION_STATES),
  sentOn: isoDate.nullable(),
  deadline: isoDate.nullable(),
  /** 0 on time, N days late, null unknown (no 报送日期). */
  daysLate: count.nullable(),
  signedOff: z.boolean(),
  /**
   * 补报: a regular batch's row of a department that sent nothing to it but sent its list (or 无信息报告) in a
   * supplementary batch of the same quarter — that batch. Then `sentOn` is the day it was sent there and `daysLate`
   * counts from this batch's deadline; `status` stays `missing` (this batch's package does not hold it).
   */
  sentIn: z.string().optional(),
  ...FiguresSchema.shape,
  warnings: count,
  ...BatchRegisterFactsSchema.shape,
});
export type SuperviseRow = z.infer<typeof SuperviseRowSchema>;

export const LapseSchema = z.strictObject({
  department: z.string(),
  batch: z.string(),
  kind: z.enum(LAPSE_KINDS),
  /** late: how many days; objection-*, correction-awaited: how many. */
  daysLate: count.optional(),
  count: count.optional(),
  /** late: sent in this supplementary batch (补报), not in the regular one. */
  sentIn: z.string().optional(),
});
export type Lapse = z.infer<typeof LapseSchema>;

/** `supervise <year> --format json` (reports.md: rows and lapses, exactly). */
export const SuperviseDocumentSchema = z.strictObject({
  schemaVersion: z.literal(1),
  command: z.literal('supervise'),
  year: z.number().int(),
  rows: z.array(SuperviseRowSchema),
  lapses: z.array(LapseSchema),
});
export type SuperviseDocument = z.infer<typeof SuperviseDocumentSchema>;

/**
 * Per department over the year (the 督查情况表's 科室统计 sheet): batches, how they were sent, records,
 * warnings and lapses. api/reports/supervise.ts builds it; its type is this schema's.
 */
export const DepartmentTallySchema = z.strictObject({
  department: z.string(),
  batches: count,
  submitted: count,
  nil: count,
  missing: count,
  onTime: count,
  late: count,
  /** Submitted without a 报送日期: timeliness unknown. */
  unknown: count,
  unsigned: count,
  red: count,
  black: count,
  warnings: count,
  lapses: count,
});
export type DepartmentTally = z.infer<typeof DepartmentTallySchema>;
