/**
 * The JSON documents of status and compile (cli.md): the report's keys (report.ts), then the command's
 * own. Their writers build the `…Keys` types; `hrss-credit schema status|compile` prints the whole.
 */
import { z } from 'zod';
import { count } from './primitives.js';
import { FiguresSchema } from './figures.js';
import { AwaitingSchema, DepartmentStatusSchema, QuarterSummarySchema } from './quarter-summary.js';
import { reportShape } from './report.js';

/** A batch the register records as published: its date (`publish --on`) and the event that recorded it. */
export const PublishedBatchSchema = z.strictObject({ batch: z.string(), on: z.string(), seq: z.number().int().nonnegative() });
export type PublishedBatch = z.infer<typeof PublishedBatchSchema>;

/**
 * `status <batch> --format json`: the quarter summary's lines (with `awaiting` once there is a register) and
 * totals; `published` once there is a register (null while the batch is not published).
 */
export const StatusKeysSchema = z.strictObject({
  published: PublishedBatchSchema.nullable().optional(),
  departments: z.array(
    DepartmentStatusSchema.extend({
      awaiting: AwaitingSchema.optional(),
      /**
       * 补报: the supplementary batch of the quarter this department's list came in, when this regular batch has
       * none of it (`submitted` stays false: this batch's package does not hold it). Added key, present only then.
       */
      sentIn: z.string().optional(),
      /**
       * With a register: this department's objections open past their deadline today (异议超期) and those whose
       * deadline the calendar cannot give yet (异议期限待定), whatever quarter they were received in — supervise's
       * names (objections.md OBJECTION_OVERDUE: shown by status as data).
       */
      objectionsOverdue: count.optional(),
      objectionsPending: count.optional(),
    }),
  ),
  /** With a register: every open objection past its deadline today, and every one whose deadline is pending. */
  objectionsOverdue: count.optional(),
  objectionsPending: count.optional(),
  quarterLevel: QuarterSummarySchema.shape.quarterLevel,
  totals: QuarterSummarySchema.shape.totals,
});
export type StatusKeys = z.infer<typeof StatusKeysSchema>;
export const StatusDocumentSchema = z.strictObject({ ...reportShape, ...StatusKeysSchema.shape });

/** `compile <batch> --format json`: what was written, and truth.md's figures per department and their sum (汇总). */
export const CompileKeysSchema = z.strictObject({
  written: z.boolean(),
  package: z.string().optional(),
  zip: z.string().optional(),
  replaced: z.string().optional(),
  manifestSha256: z.string().optional(),
  manifestHashFile: z.string().optional(),
  pruned: z.array(z.string()),
  /** What the package publishes (records.json). */
  counts: z.strictObject({ red: count, black: count }),
  departments: z.array(
    z.strictObject({
      name: z.string(),
      submitted: z.boolean(),
      nilReport: z.boolean(),
      onTime: z.boolean().nullable(),
      ...FiguresSchema.shape,
    }),
  ),
  totals: FiguresSchema,
});
export type CompileKeys = z.infer<typeof CompileKeysSchema>;
export const CompileDocumentSchema = z.strictObject({ ...reportShape, ...CompileKeysSchema.shape });
export type CompileDocument = z.infer<typeof CompileDocumentSchema>;
