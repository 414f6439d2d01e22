/**
 * The batch summary (STYLE habit 13, truth.md): what the workspace holds for one batch — its compiled
 * package, else its submissions — as per-department facts, shared by supervise and the HTML report
 * (api/reports/summary.ts builds it). Its type is this schema's: no second interface.
 */
import { z } from 'zod';
import { count } from './primitives.js';
import { BatchRegisterFactsSchema, SuperviseRowSchema } from './supervise.js';
import { FindingGroupSchema } from './report-view.js';
import { PackageSummarySchema } from './package-summary.js';

const REGISTER_KEYS = Object.fromEntries(Object.keys(BatchRegisterFactsSchema.shape).map((k) => [k, true])) as {
  [K in keyof typeof BatchRegisterFactsSchema.shape]: true;
};

/**
 * One department's facts in a batch: the 督查 row (supervise.ts) with its errors, and the register's
 * facts kept apart until a row is made of them (api/reports/supervise.ts toRow).
 */
export const DepartmentFactsSchema = z.strictObject({
  ...SuperviseRowSchema.omit(REGISTER_KEYS).shape,
  errors: count,
  register: BatchRegisterFactsSchema,
});
export type DepartmentFacts = z.infer<typeof DepartmentFactsSchema>;

export const TallySchema = z.strictObject({ red: count, black: count });
export type Tally = z.infer<typeof TallySchema>;

export const BatchSummarySchema = z.strictObject({
  batch: z.string(),
  /** Where the facts come from: the compiled package, the submissions being collected, or nothing yet. */
  source: z.enum(['package', 'submissions', 'none']),
  deadline: z.string().nullable(),
  /** The deadline has passed (today): a department without a submission is a lapse. */
  overdue: z.boolean(),
  departments: z.array(DepartmentFactsSchema),
  counts: z.strictObject({
    red: count,
    black: count,
    byDepartment: z.array(z.strictObject({ department: z.string(), ...TallySchema.shape })),
    byDomain: z.array(z.strictObject({ domain: z.string(), ...TallySchema.shape })),
  }),
  findings: z.array(FindingGroupSchema),
  /** The package's generatedAt, when compiled. */
  compiledAt: z.string().nullable(),
  /** A compiled batch's published records by identity (a year's report counts each once), from its summary; null while collected. */
  records: PackageSummarySchema.nullable(),
});
export type BatchSummary = z.infer<typeof BatchSummarySchema>;
