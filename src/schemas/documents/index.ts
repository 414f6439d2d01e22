/**
 * Every document the tool writes or reads back, by the name `hrss-credit schema NAME` knows it: one
 * ordered registry (STYLE habit 4), each entry its one schema. The descriptions are catalogued in the
 * messages (ui.schema), checked by the compiler against DOCUMENT_NAMES.
 */
import type { z } from 'zod';
import { CompileDocumentSchema, StatusDocumentSchema } from './commands.js';
import { FiguresSchema } from './figures.js';
import { ManifestSchema } from './manifest.js';
import { PackageSummarySchema } from './package-summary.js';
import { QuarterSummarySchema } from './quarter-summary.js';
import { RecordsFileSchema } from './records.js';
import { ReportDocumentSchema } from './report.js';
import { ReportViewDocumentSchema } from './report-view.js';
import { DepartmentTallySchema, SuperviseDocumentSchema } from './supervise.js';
import { BatchSummarySchema } from './batch-summary.js';
import {
  CalendarDocumentSchema,
  ExportDocumentSchema,
  MatrixDocumentSchema,
  MeasuresDocumentSchema,
  PageDocumentSchema,
  RulesDocumentSchema,
  SchemaListDocumentSchema,
  TemplateDocumentSchema,
  ValidateDocumentSchema,
  VerifyDocumentSchema,
} from './commands-check.js';
import {
  DiffDocumentSchema,
  DiffPrintedSchema,
  ObjectionAddDocumentSchema,
  ObjectionLetterDocumentSchema,
  ObjectionListDocumentSchema,
  ObjectionResolveDocumentSchema,
  PublishDocumentSchema,
  RegisterImportDocumentSchema,
  RegisterListDocumentSchema,
  RegisterListPrintedSchema,
  RegisterNoteDocumentSchema,
  RegisterRepairDocumentSchema,
  RegisterShowDocumentSchema,
  RegisterVerifyDocumentSchema,
} from './commands-register.js';
import { RegisterEventLineSchema } from '../register-event.js';

export const DOCUMENTS = [
  { name: 'manifest', schema: ManifestSchema },
  { name: 'records', schema: RecordsFileSchema },
  { name: 'report', schema: ReportDocumentSchema },
  { name: 'status', schema: StatusDocumentSchema },
  { name: 'compile', schema: CompileDocumentSchema },
  { name: 'quarter-summary', schema: QuarterSummarySchema },
  { name: 'figures', schema: FiguresSchema },
  { name: 'supervise', schema: SuperviseDocumentSchema },
  { name: 'report-view', schema: ReportViewDocumentSchema },
  { name: 'package-summary', schema: PackageSummarySchema },
  { name: 'batch-summary', schema: BatchSummarySchema },
  { name: 'supervise-counts', schema: DepartmentTallySchema },
  // Every other command's --format json (commands-check.ts, commands-register.ts).
  { name: 'validate', schema: ValidateDocumentSchema },
  { name: 'verify', schema: VerifyDocumentSchema },
  { name: 'export', schema: ExportDocumentSchema },
  { name: 'calendar', schema: CalendarDocumentSchema },
  { name: 'rules', schema: RulesDocumentSchema },
  { name: 'matrix', schema: MatrixDocumentSchema },
  { name: 'measures', schema: MeasuresDocumentSchema },
  { name: 'template', schema: TemplateDocumentSchema },
  { name: 'schema', schema: SchemaListDocumentSchema },
  { name: 'page', schema: PageDocumentSchema },
  { name: 'publish', schema: PublishDocumentSchema },
  { name: 'register-import', schema: RegisterImportDocumentSchema },
  { name: 'register-note', schema: RegisterNoteDocumentSchema },
  { name: 'register-verify', schema: RegisterVerifyDocumentSchema },
  { name: 'register-repair', schema: RegisterRepairDocumentSchema },
  // The two streamed documents: `printed` adds the document cut short by a failure (valid false, error), what
  // `hrss-credit schema NAME` prints; `schema` is the whole document the command builds.
  { name: 'register-list', schema: RegisterListDocumentSchema, printed: RegisterListPrintedSchema },
  { name: 'register-show', schema: RegisterShowDocumentSchema },
  { name: 'diff', schema: DiffDocumentSchema, printed: DiffPrintedSchema },
  { name: 'objection-add', schema: ObjectionAddDocumentSchema },
  { name: 'objection-resolve', schema: ObjectionResolveDocumentSchema },
  { name: 'objection-list', schema: ObjectionListDocumentSchema },
  { name: 'objection-letter', schema: ObjectionLetterDocumentSchema },
  // One line of register/events.jsonl as written (register.md "The event log"; truth.md names event lines among the
  // documents): ours, and another tool's that the reader takes through register/foreign.ts (register-event.ts).
  { name: 'register-event', schema: RegisterEventLineSchema },
] as const satisfies readonly { name: string; schema: z.ZodType; printed?: z.ZodType }[];

export type DocumentName = (typeof DOCUMENTS)[number]['name'];
export const DOCUMENT_NAMES: readonly DocumentName[] = DOCUMENTS.map((d) => d.name);

/** The schema of what the tool prints or writes under that name (for a streamed document, one cut short too). */
export function documentSchema(name: string): z.ZodType | undefined {
  const doc = DOCUMENTS.find((d) => d.name === name);
  return doc && 'printed' in doc ? doc.printed : doc?.schema;
}
