/**
 * The report's view model (reports.md, truth.md): what the HTML page is drawn from, and what
 * `report <batch|year> --format json` prints (ReportDocument: the model with schemaVersion, command and
 * the page's path). A batch's figures are its departments' (truth.md); a year's red and black count
 * each record once (docs/decisions.md), its other figures add up the year's batches.
 */
import { z } from 'zod';
import { count } from './primitives.js';
import { FiguresSchema } from './figures.js';
import { SuperviseRowSchema } from './supervise.js';

const tally = { red: count, black: count };

export const RemovalFactSchema = z.strictObject({
  batch: z.string(),
  department: z.string(),
  type: z.string(),
  subjectName: z.string(),
  /** Already masked (public identifiers only). */
  identifier: z.string(),
  on: z.string().nullable(),
});

export const ObjectionFactSchema = z.strictObject({
  number: z.string(),
  department: z.string(),
  subjectName: z.string(),
  identifier: z.string(),
  received: z.string(),
  deadline: z.string().nullable(),
  status: z.enum(['open', 'resolved']),
  overdue: z.boolean(),
  late: z.boolean(),
  /** Resolved as 更正 and the corrected row not yet in (the report shows 待更正, not 已办结). */
  awaitingCorrection: z.boolean(),
  /** Open with its deadline pending (待定): the calendar file that would let it be computed (calendar/2027.json). */
  calendarFile: z.string().optional(),
});

export const FindingGroupSchema = z.strictObject({ code: z.string(), severity: z.string(), count, departments: z.array(z.string()) });

export const ReportModelSchema = z.strictObject({
  kind: z.enum(['batch', 'year']),
  /** 2026Q3, 2026Q3-2 or 2026. */
  target: z.string(),
  bureau: z.string(),
  madeOn: z.string(),
  source: z.enum(['package', 'submissions', 'none']),
  totals: FiguresSchema,
  /**
   * Timeliness counted over department-batches (`unit: "department-batch"`, 科室·季度) in a year, over
   * departments in a batch (`unit: "department"`): on time, late, missing, submitted without a date.
   */
  timeliness: z.strictObject({
    unit: z.enum(['department', 'department-batch']),
    onTime: count,
    late: count,
    missing: count,
    noDate: count,
  }),
  departments: z.array(z.strictObject({ department: z.string(), ...FiguresSchema.shape })),
  /**
   * Each batch of the report (one for a batch), with its figures; `due`: its deadline has passed (--today), so a
   * department that sent nothing to it is 未报送; before that it is not due (neither on time nor late, and not
   * missing). A supplementary batch is never due from everyone.
   */
  quarters: z.array(
    z.strictObject({ batch: z.string(), source: z.enum(['package', 'submissions', 'none']), due: z.boolean(), ...FiguresSchema.shape }),
  ),
  byDomain: z.array(z.strictObject({ domain: z.string(), ...tally })),
  /** The 督查 rows of these batches (supervise's rows). */
  rows: z.array(SuperviseRowSchema),
  findings: z.array(FindingGroupSchema),
  removals: z.array(RemovalFactSchema).nullable(),
  objections: z.array(ObjectionFactSchema).nullable(),
  registerKnown: z.boolean(),
});
export type ReportModel = z.infer<typeof ReportModelSchema>;

/** `report <batch|year> --format json`: the model the page is drawn from, and where the page went. */
export const ReportViewDocumentSchema = z.strictObject({
  schemaVersion: z.literal(2),
  command: z.literal('report'),
  path: z.string(),
  ...ReportModelSchema.shape,
});
export type ReportViewDocument = z.infer<typeof ReportViewDocumentSchema>;
