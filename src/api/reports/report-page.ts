/**
 * `hrss-credit report <batch|year>` (reports.md): the model of the one HTML page for leaders, from the
 * quarter summaries (the same facts supervise shows). Rendering is src/reporters/html.ts.
 */
import { join, resolve } from 'node:path';
import { todayInShanghai } from '../../domain/dates.js';
import { formatBatch, type Quarter } from '../../domain/quarter.js';
import { REPORT_FILE } from '../../io/package/package-read.js';
import { makeContext, type CommonOptions } from '../context.js';
import { ToolError } from '../../diagnostics/tool-error.js';
import { parseBatchArg, requireWorkspace } from '../quarter/quarter.js';
import type { RegisterFacts } from '../register/register-facts.js';
import { workspaceRegisterFacts } from '../register/register-facts-load.js';
import { parseYear, supervise, toRow, type SuperviseResult, type SuperviseRow } from './supervise.js';
import { summarizeBatch, type BatchSummary, type FindingGroup } from './summary.js';
import { addFigures } from '../../schemas/documents/figures.js';
import { inBatch } from '../../schemas/documents/in-batch.js';
import type { ReportModel } from '../../schemas/documents/report-view.js';
import { distinctTallies, sumTallies } from './distinct.js';
import { rowTimeliness } from '../../schemas/documents/timeliness-kind.js';

/** The page's view model: its one schema is schemas/documents/report-view.ts (`report --format json` prints it). */
export type { ReportModel };

export interface ReportTarget {
  kind: 'batch' | 'year';
  year: number;
  quarter?: Quarter;
  /** The batch of the quarter: 1 regular, 2… supplementary. */
  n?: number;
  label: string;
}

export function parseReportTarget(options: CommonOptions, raw: string): ReportTarget {
  const year = parseYear(raw);
  if (year !== undefined) return { kind: 'year', year, label: String(year) };
  // A supplementary batch (2026Q3-2) is reported on like its quarter's regular one (truth.md).
  const batch = parseBatchArg(makeContext(options), raw);
  return { kind: 'batch', year: batch.quarter.year, quarter: batch.quarter, n: batch.n, label: formatBatch(batch) };
}

function mergeFindings(batches: BatchSummary[]): FindingGroup[] {
  const m = new Map<string, FindingGroup>();
  for (const b of batches) {
    for (const f of b.findings) {
      const g = m.get(f.code);
      if (!g) m.set(f.code, { ...f, departments: [...f.departments] });
      else {
        g.count += f.count;
        for (const d of f.departments) if (!g.departments.includes(d)) g.departments.push(d);
      }
    }
  }
  return [...m.values()].sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
}

/** truth.md's figures of some 督查 rows, per department in `order` (departments without a row left out). */
function departmentFigures(rows: readonly SuperviseRow[], order: readonly string[]): ReportModel['departments'] {
  const names = [...order, ...rows.map((r) => r.department).filter((d) => !order.includes(d))];
  return names
    .filter((n) => rows.some((r) => r.department === n))
    .map((department) => ({ department, ...addFigures(rows.filter((r) => r.department === department)) }));
}

export async function reportModel(
  options: CommonOptions,
  target: ReportTarget,
  sourceDateEpoch: number | undefined,
  given?: RegisterFacts,
): Promise<ReportModel> {
  const ctx = makeContext(options);
  const workspace = requireWorkspace(ctx);
  const register = given ?? (await workspaceRegisterFacts(ctx, workspace));
  let batches: BatchSummary[];
  let rows: SuperviseRow[];
  let yearDistinct: SuperviseResult['distinct'];
  if (target.kind === 'batch') {
    // A supplementary batch is not one of the year's regular batches: summarised on its own.
    const sup = (target.n ?? 1) > 1 ? undefined : await supervise(target.year, options, register, false);
    const summary = sup
      ? sup.batches.find((b) => b.batch === target.label)
      : (await summarizeBatch(options, target.quarter as Quarter, register, target.n)).summary;
    if (!summary || summary.source === 'none') throw new ToolError('QUARTER_NOT_FOUND', { quarter: target.label });
    batches = [summary];
    // A department that sent nothing to a supplementary batch is not 未报送 (the batch is not due from
    // everyone), but its removals the batch records (an objection's 撤销 since the last one) stay counted.
    rows = sup
      ? sup.rows.filter((r) => r.batch === target.label)
      : summary.departments.map(toRow).filter((r) => inBatch({ submitted: r.status !== 'missing', removals: r.removals }, true));
  } else {
    const sup = await supervise(target.year, options, register);
    batches = sup.batches;
    rows = sup.rows;
    yearDistinct = sup.distinct;
  }
  const labels = batches.map((b) => b.batch);
  // A year counts department-batches (科室·季度), a batch departments: the page says which (truth.md).
  const timeliness = {
    unit: target.kind === 'year' ? ('department-batch' as const) : ('department' as const),
    onTime: 0,
    late: 0,
    missing: 0,
    noDate: 0,
  };
  // A quarter whose deadline is still ahead (after --today) is not due: a department that has not sent it yet is
  // not 未报送 — supervise names no lapse for it either (lapsesOf) — so it is not counted at all.
  const due = new Set(batches.filter((b) => b.overdue).map((b) => b.batch));
  const supplementary = target.kind === 'batch' && (target.n ?? 1) > 1;
  for (const r of rows) {
    if (r.status === 'missing' && (supplementary || !due.has(r.batch))) continue;
    const kind = rowTimeliness(r);
    // A batch without a deadline (a supplementary one) counts in no timeliness figure.
    if (kind !== 'noDeadline') timeliness[kind]++;
  }
  const deptOrder = ctx.matrix.departments.map((d) => d.name);
  const domainOrder = [...new Set([...ctx.matrix.departments.flatMap((d) => d.domains), ...ctx.matrix.domains.map((d) => d.name)])];
  // Every figure from the 督查 rows (the batches' figures, api/quarter/figures.ts); a year's red and black once per record.
  let departments = departmentFigures(rows, deptOrder);
  let totals = addFigures(departments);
  let byDomain = sumTallies(
    'domain',
    batches.map((b) => b.counts.byDomain),
    domainOrder,
  );
  if (target.kind === 'year') {
    // Made once, by supervise (its 科室统计 shows the same figure); the domains in the matrix's order either way.
    const distinct = yearDistinct ?? distinctTallies(batches, deptOrder, domainOrder);
    departments = departments.map((d) => {
      const t = distinct.byDepartment.find((x) => x.department === d.department) ?? { red: 0, black: 0 };
      return { ...d, red: t.red, black: t.black };
    });
    totals = { ...totals, red: distinct.totals.red, black: distinct.totals.black };
    byDomain = distinct.byDomain;
  }
  return {
    kind: target.kind,
    target: target.label,
    bureau: ctx.config.bureau.name,
    madeOn: sourceDateEpoch !== undefined ? todayInShanghai(new Date(sourceDateEpoch * 1000)) : ctx.today,
    source:
      batches.length === 1
        ? (batches[0] as BatchSummary).source
        : batches.some((b) => b.source === 'submissions')
          ? 'submissions'
          : batches.length
            ? 'package'
            : 'none',
    totals,
    timeliness,
    departments,
    quarters: batches.map((b) => ({
      batch: b.batch,
      source: b.source,
      due: due.has(b.batch),
      ...addFigures(rows.filter((r) => r.batch === b.batch)),
    })),
    byDomain,
    rows,
    findings: mergeFindings(batches),
    removals: register.removals(labels),
    objections: register.objections(labels),
    registerKnown: register.known,
  };
}

/** Where the page goes: --out, else packages/<batch>/报告.html for a compiled batch, else the current folder. */
export function reportPath(options: CommonOptions, model: ReportModel, out: string | undefined): string {
  const ctx = makeContext(options);
  if (out) return resolve(ctx.cwd, out);
  if (model.kind === 'batch' && model.source === 'package') return join(requireWorkspace(ctx), 'packages', model.target, REPORT_FILE);
  // Into the workspace, never the folder the prompt happens to be in (the tool's own: people.md).
  return resolve(ctx.workspace ?? ctx.cwd, `信用红黑名单报告_${model.target}.html`);
}
