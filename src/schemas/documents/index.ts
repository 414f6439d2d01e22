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
import { SuperviseDocumentSchema } from './supervise.js';

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
] as const satisfies readonly { name: string; schema: z.ZodType }[];

export type DocumentName = (typeof DOCUMENTS)[number]['name'];
export const DOCUMENT_NAMES: readonly DocumentName[] = DOCUMENTS.map((d) => d.name);

export function documentSchema(name: string): z.ZodType | undefined {
  return DOCUMENTS.find((d) => d.name === name)?.schema;
}
