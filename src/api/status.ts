/** `hrss-credit status <quarter>`: the clerk's view while collecting, one line per department. */
import { join } from 'node:path';
import { formatBatch, quarterEnd } from '../domain/quarter.js';
import { recoverPackages } from '../io/package-fs.js';
import { makeContext, type CommonOptions } from './context.js';
import { countedFindings, quarterSummary, type QuarterSummary } from './package.js';
import { checkQuarter, parseBatchArg } from './quarter.js';
import { sortRecords } from './records.js';
import { hasRegister, planWithAwaiting, type Awaiting, type RegisterPlan } from './register-compile.js';
import { makeReport, type Report } from '../diagnostics/report.js';

export async function status(quarterArg: string, options: CommonOptions): Promise<{ report: Report; summary: QuarterSummary; awaiting?: Record<string, Awaiting> }> {
  const ctx = makeContext(options);
  const batch = parseBatchArg(ctx, quarterArg);
  // A package swap that was interrupted is finished first (package.md "Safety of the output").
  if (ctx.workspace) recoverPackages(join(ctx.workspace, 'packages'), formatBatch(batch));
  // With a register, the batch is checked against it as compile would (records kept for that).
  const withRegister = ctx.workspace !== undefined && hasRegister(ctx.workspace);
  const check = await checkQuarter(ctx, batch.quarter, { collect: withRegister, batch: batch.n });
  let awaiting: Record<string, Awaiting> | undefined;
  let plan: RegisterPlan | undefined;
  if (withRegister && ctx.workspace) {
    const requests = check.departments.flatMap((d) => d.removalRequests);
    const planned = planWithAwaiting(ctx.workspace, { records: sortRecords(check.records, ctx.matrix), today: ctx.today, quarterEnd: quarterEnd(batch.quarter), requests });
    for (const f of planned.findings) ctx.collector.add(f.diagnostic, f.department, ctx.matrix.departmentRank(f.department));
    awaiting = planned.awaiting;
    plan = planned.plan;
  }
  const report = makeReport(ctx, 'status', check.files, check.rows, check.label);
  return { report, summary: quarterSummary(check, ctx.matrix.departments, ctx.config.submission.deadline, countedFindings(report), ctx.config.publication.maskRule, plan), ...(awaiting ? { awaiting } : {}) };
}
