/**
 * The quarter summary (STYLE habit 13): one line per department of a batch — submission, sign-offs,
 * truth.md's figures, findings — as status, compile, 报送情况.xlsx and the manifest show it.
 * api/quarter/package.ts quarterSummary() builds it; `status --format json` prints its lines and totals.
 */
import { z } from 'zod';
import { count } from './primitives.js';
import { FiguresSchema } from './figures.js';

const tally = z.strictObject({ red: count, black: count });

export const DepartmentStatusSchema = z.strictObject({
  name: z.string(),
  /** False for a folder whose name resolves to no department of the matrix (listed by its folder name). */
  known: z.boolean(),
  /** The submission folders counted on this line (workspace-relative). */
  folders: z.array(z.string()),
  submitted: z.boolean(),
  nilReport: z.boolean(),
  onTime: z.boolean().nullable(),
  sentOn: z.string().nullable(),
  /** The last day to submit (quarter end + `submission.deadline`); null for a supplementary batch. */
  deadline: z.string().nullable(),
  /** Days after the deadline (0 when on time); null when there is no 报送日期: never guessed. */
  daysLate: count.nullable(),
  /** 审核 and 审定 both named with a date (cover.md). */
  signedOff: z.boolean(),
  reviewer: z.string(),
  reviewedOn: z.string(),
  approver: z.string(),
  approvedOn: z.string(),
  /** truth.md's figures (api/quarter/figures.ts). */
  ...FiguresSchema.shape,
  /** Published records per domain. */
  byDomain: z.record(z.string(), tally),
  caseFiles: z.array(z.string()),
  errors: count,
  warnings: count,
  info: count,
});
export type DepartmentStatus = z.infer<typeof DepartmentStatusSchema>;

const findingCounts = z.strictObject({ errors: count, warnings: count, info: count });

export const QuarterSummarySchema = z.strictObject({
  departments: z.array(DepartmentStatusSchema),
  /** Findings of the quarter as a whole (no department): loose files, a quarter folder named twice. */
  quarterLevel: findingCounts,
  /** Sums of every line and the quarter level: equal to the report's stats; the figures summed (the 汇总 row). */
  totals: z.strictObject({ ...FiguresSchema.shape, ...findingCounts.shape }),
});
export type QuarterSummary = z.infer<typeof QuarterSummarySchema>;

/** What a department still has to send (status with a register): removal requests and corrections, by record id. */
export const AwaitingSchema = z.strictObject({ removals: z.array(z.string()), corrections: z.array(z.string()) });
/** What a department still has to send (status, register.md): removal requests and corrections, by record id. */
export type Awaiting = z.infer<typeof AwaitingSchema>;
