/** `hrss-credit status <quarter>`: the clerk's view while collecting, one line per department. */
import { join } from 'node:path';
import { formatBatch, quarterEnd } from '../../domain/quarter.js';
import { recoverPackages } from '../../io/package/package-fs.js';
import { makeContext, type CommonOptions } from '../context.js';
import { countedFindings, quarterSummary, type QuarterSummary } from './package.js';
import { checkQuarter, parseBatchArg } from './quarter.js';
import { sortRecords } from './records.js';
import { hasRegister, planWithAwaiting, type Awaiting, type RegisterPlan } from '../register/register-compile.js';
import { loadRegister } from '../../io/register/register-store.js';
import { publishedBatch, registerBefore, type PublishedBatch } from '../register/status-published.js';
import { makeReport, type Report } from '../../diagnostics/report.js';
import type { SentLate } from '../reports/sent-late.js';
import type { OpenObjections } from '../objections/open-now.js';

export async function status(
  quarterArg: string,
  options: CommonOptions,
): Promise<{
  report: Report;
  summary: QuarterSummary;
  awaiting?: Record<string, Awaiting>;
  published?: PublishedBatch | null;
  sentLate?: Map<string, SentLate>;
  objections?: OpenObjections;
}> {
  const ctx = makeContext(options);
  const batch = parseBatchArg(ctx, quarterArg);
  // A package swap that was interrupted is finished first (package.md "Safety of the output").
  if (ctx.workspace) recoverPackages(join(ctx.workspace, 'packages'), formatBatch(batch), ctx.io);
  // With a register, the batch is checked against it as compile would (records kept for that). A batch
  // already published is checked against the register as it stood before its publication, as compile
  // checked it — never against the register it changed (status-published.ts).
  const read = ctx.workspace !== undefined && hasRegister(ctx.workspace, ctx.io) ? loadRegister(ctx.workspace, ctx.io) : undefined;
  // A log with no event is a register not begun: as no register/ folder, in every key status gives (docs/decisions.md
  // "An empty register/ folder"; it showed published null and objection counts of 0 where no folder shows none).
  const loaded = read && read.events.length > 0 ? read : undefined;
  const published = loaded ? (publishedBatch(loaded.state, formatBatch(batch)) ?? null) : undefined;
  const withRegister = loaded !== undefined;
  const check = await checkQuarter(ctx, batch.quarter, { collect: withRegister, batch: batch.n });
  let awaiting: Record<string, Awaiting> | undefined;
  let plan: RegisterPlan | undefined;
  const against = loaded && published ? registerBefore(loaded, published.seq) : loaded;
  // A register with no event (before the batch, for a published one) knows nothing of what is public: nothing is checked
  // against it, as compile checks nothing (docs/decisions.md "An empty register/ folder").
  if (against && ctx.workspace && against.events.length > 0) {
    const requests = check.departments.flatMap((d) => d.removalRequests);
    const planned = planWithAwaiting(
      ctx.workspace,
      {
        records: sortRecords(check.records, ctx.matrix),
        today: published ? published.on : ctx.today,
        quarterEnd: quarterEnd(batch.quarter),
        requests,
      },
      against,
    );
    for (const f of planned.findings) ctx.collector.add(f.diagnostic, f.department, ctx.matrix.departmentRank(f.department));
    // What is still awaited belongs to the next batch, not to one already published.
    if (!published) awaiting = planned.awaiting;
    plan = planned.plan;
  }
  // With a register: the objections open past their deadline today, and those whose deadline is pending — data
  // (counts and findings at info), never status's exit code (objections.md OBJECTION_OVERDUE). Whatever the batch:
  // an overdue objection is today's fact, not the quarter's. The calendar is loaded only when one is open.
  const hasOpen = loaded !== undefined && [...loaded.state.objections.values()].some((o) => o.resolvedOn === null);
  const objections = loaded
    ? hasOpen
      ? (await import('../objections/open-now.js')).openObjectionsNow(ctx, loaded.state)
      : { byDepartment: new Map(), total: { objectionsOverdue: 0, objectionsPending: 0 }, findings: [] }
    : undefined;
  for (const f of objections?.findings ?? []) ctx.collector.add(f.diagnostic, f.department, ctx.matrix.departmentRank(f.department), true);
  const report = makeReport(ctx, 'status', check.files, check.rows, check.label);
  const summary = quarterSummary(
    check,
    ctx.matrix.departments,
    ctx.config.submission.deadline,
    countedFindings(report),
    ctx.config.publication.maskRule,
    plan,
    // While collecting a supplementary batch, a department something is awaited from keeps its line (what it owes).
    new Set(Object.entries(awaiting ?? {}).flatMap(([name, a]) => (a.removals.length + a.corrections.length > 0 ? [name] : []))),
  );
  // 补报: a department missing from a regular batch whose list came in a supplementary batch of the quarter is
  // told so, as supervise and the report tell it (api/reports/sent-late.ts), not left as a bare 未报送.
  // Its PACKAGE_SUBMISSION_MISSING names the batch too (nameSentLate): one screen, one name.
  // Read (and its module loaded) only when a department of a regular batch is unsent.
  const late =
    batch.n === 1 && ctx.workspace !== undefined && summary.departments.some((d) => !d.submitted)
      ? await import('../reports/sent-late.js')
      : undefined;
  const sentLate = late ? await late.sentLateIn(options, batch.quarter) : undefined;
  return {
    report: late ? late.nameSentLate(report, sentLate) : report,
    summary,
    ...(awaiting ? { awaiting } : {}),
    ...(published !== undefined ? { published } : {}),
    ...(sentLate && sentLate.size > 0 ? { sentLate } : {}),
    ...(objections ? { objections } : {}),
  };
}
