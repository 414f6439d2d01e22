/** `hrss-credit status <quarter>`: the clerk's view while collecting, one line per department. */
import { join } from 'node:path';
import { formatBatch } from '../domain/quarter.js';
import { recoverPackages } from '../io/package-fs.js';
import { makeContext, type CommonOptions } from './context.js';
import { countedFindings, quarterSummary, type QuarterSummary } from './package.js';
import { checkQuarter, parseBatchArg } from './quarter.js';
import { makeReport, type Report } from '../diagnostics/report.js';

export async function status(quarterArg: string, options: CommonOptions): Promise<{ report: Report; summary: QuarterSummary }> {
  const ctx = makeContext(options);
  const batch = parseBatchArg(ctx, quarterArg);
  // A package swap that was interrupted is finished first (package.md "Safety of the output").
  if (ctx.workspace) recoverPackages(join(ctx.workspace, 'packages'), formatBatch(batch));
  const check = await checkQuarter(ctx, batch.quarter, { collect: false, batch: batch.n });
  const report = makeReport(ctx, 'status', check.files, check.rows, check.label);
  return { report, summary: quarterSummary(check, ctx.matrix.departments, ctx.config.submission.deadline, countedFindings(report), ctx.config.publication.maskRule) };
}
