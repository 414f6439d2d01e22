/**
 * The quarter summary (STYLE habit 13): one place turns what the workspace holds for a batch — its
 * compiled package, else its submissions — into per-department facts, so that supervise, the HTML
 * report and their tests show the same numbers. The per-department facts themselves (报送日期 against
 * the deadline, sign-offs, counts) are computed once, by quarterSummary() at compile/status time,
 * and read back from the manifest for a compiled batch.
 */
import { join } from 'node:path';
import type { z } from 'zod';
import type { FindingGroupSchema } from '../../schemas/documents/report-view.js';
import { addIsoDuration, isIsoDate } from '../../domain/dates.js';
import { formatBatch, quarterEnd, type Quarter } from '../../domain/quarter.js';
import { readPackage, type ReadPackage } from '../../io/package/package-read.js';
import { makeContext, type CommonOptions, type Context } from '../context.js';
import { ToolError } from '../../diagnostics/tool-error.js';
// A compiled batch is read from its package (manifest, summary.json): the package writer, the submissions' check
// and the register's plan are loaded only for a batch still being collected (decisions.md "A command loads what
// it uses").
import type { DepartmentStatus } from '../quarter/package.js';
import { lateness } from '../../domain/lateness.js';
import { batchFolders, requireWorkspace } from '../quarter/quarter.js';
import type { RegisterFacts } from '../register/register-facts.js';
import { NO_REGISTER } from '../register/register-facts-none.js';
import type { RegisterPlan } from '../register/register-compile.js';
import { manifestFigures } from '../../schemas/documents/manifest.js';
import { noRemovals } from '../../schemas/documents/figures.js';
import type { BatchSummary, DepartmentFacts, Tally } from '../../schemas/documents/batch-summary.js';

import type { SubmissionState } from '../../schemas/states.js';
export type { SubmissionState };

/** One department's facts in a batch, and a red/black tally: their one schema's types (schemas/documents/batch-summary.ts). */
export type { DepartmentFacts, Tally };

/** Findings grouped by code (schemas/documents/report-view.ts). */
export type FindingGroup = z.infer<typeof FindingGroupSchema>;

/** The batch summary: its one schema's type (schemas/documents/batch-summary.ts). */
export type { BatchSummary };

export function dueDate(quarter: Quarter, deadline: string): string | null {
  return addIsoDuration(quarterEnd(quarter), deadline) ?? null;
}

function stateOf(submitted: boolean, nil: boolean): SubmissionState {
  return submitted ? (nil ? 'nil' : 'submitted') : 'missing';
}

/** Findings grouped by code: how many, which departments (in order of first appearance). */
function groupFindings(items: { code: string; severity: string; department?: string | undefined; n: number }[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const it of items) {
    let g = groups.get(it.code);
    if (!g) groups.set(it.code, (g = { code: it.code, severity: it.severity, count: 0, departments: [] }));
    g.count += it.n;
    if (it.department !== undefined && !g.departments.includes(it.department)) g.departments.push(it.department);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

function perDepartment(items: { severity: string; department?: string | undefined; n: number }[], severity: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const it of items)
    if (it.severity === severity && it.department !== undefined) out.set(it.department, (out.get(it.department) ?? 0) + it.n);
  return out;
}

function tallyDomains(byDomain: Map<string, Tally>, matrix: Context['matrix']): ({ domain: string } & Tally)[] {
  return [...byDomain.entries()]
    .sort((a, b) => matrix.domainRank(a[0]) - matrix.domainRank(b[0]) || (a[0] < b[0] ? -1 : 1))
    .map(([domain, t]) => ({ domain, red: t.red, black: t.black }));
}

function fromPackage(ctx: Context, quarter: Quarter, pkg: ReadPackage, register: RegisterFacts, n = 1): BatchSummary {
  const batch = formatBatch({ quarter, n });
  // A supplementary batch has no deadline (register.md "Batches").
  const due = n > 1 ? null : dueDate(quarter, ctx.config.submission.deadline);
  // Counted by code, severity and department when compiled (summary.json), in report.json's order.
  const items = pkg.summary.findings.map((f) => ({ code: f.code, severity: f.severity, department: f.department, n: f.count }));
  const warnings = perDepartment(items, 'warning');
  const errors = perDepartment(items, 'error');
  const m = pkg.manifest;
  const departments = [...m.departments]
    .sort((a, b) => ctx.matrix.departmentRank(a.name) - ctx.matrix.departmentRank(b.name))
    .map((d): DepartmentFacts => {
      const sentOn = d.sentOn ?? null;
      const deadline = d.deadline !== undefined ? d.deadline : due;
      // A package compiled before sentOn was kept: on time is known, the days late are not.
      const daysLate = d.daysLate !== undefined ? d.daysLate : sentOn ? lateness(sentOn, deadline) : d.onTime === true ? 0 : null;
      const signedOff = d.signedOff ?? Boolean(d.reviewer && isIsoDate(d.reviewedOn) && d.approver && isIsoDate(d.approvedOn));
      const f = manifestFigures(m, d.name);
      return {
        department: d.name,
        batch,
        status: stateOf(d.submitted, d.nilReport),
        sentOn,
        deadline,
        daysLate: d.submitted ? daysLate : null,
        signedOff: d.submitted && signedOff,
        rows: f.rows,
        red: f.red,
        black: f.black,
        unchanged: f.unchanged,
        corrected: f.corrected,
        removals: f.removals,
        warnings: warnings.get(d.name) ?? 0,
        errors: errors.get(d.name) ?? 0,
        register: register.forBatch(d.name, batch),
      };
    });
  const byDomain = new Map<string, Tally>(Object.entries(m.counts.byDomain).map(([k, v]) => [k, { red: v.red, black: v.black }]));
  return {
    batch,
    source: 'package',
    deadline: due,
    // Past its deadline (--today), as read from the covers (fromStatuses): a quarter compiled before its deadline
    // is not due yet — a department may still send it — so nothing unsent is 未报送 or a lapse until then.
    overdue: due !== null && ctx.today > due,
    departments,
    counts: {
      red: m.counts.red,
      black: m.counts.black,
      byDepartment: departments.map((d) => ({ department: d.department, red: d.red, black: d.black })),
      byDomain: tallyDomains(byDomain, ctx.matrix),
    },
    findings: groupFindings(items),
    compiledAt: m.generatedAt ?? null,
    records: pkg.summary,
  };
}

function fromStatuses(
  ctx: Context,
  quarter: Quarter,
  statuses: DepartmentStatus[] | undefined,
  items: { code: string; severity: string; department?: string | undefined; n: number }[],
  register: RegisterFacts,
  n = 1,
): BatchSummary {
  const batch = formatBatch({ quarter, n });
  const due = n > 1 ? null : dueDate(quarter, ctx.config.submission.deadline);
  // Findings per department counted as for a package (from its report.json), so both sources agree.
  const warnings = perDepartment(items, 'warning');
  const errors = perDepartment(items, 'error');
  // Nothing of the batch in the workspace: every department of the matrix is missing.
  const rows = statuses ?? ctx.matrix.departments.map((d) => ({ name: d.name }));
  const departments = rows.map(
    (s: Partial<DepartmentStatus> & { name: string }): DepartmentFacts => ({
      department: s.name,
      batch,
      status: stateOf(s.submitted ?? false, s.nilReport ?? false),
      sentOn: s.sentOn ?? null,
      deadline: s.deadline ?? due,
      daysLate: s.submitted ? (s.daysLate ?? null) : null,
      signedOff: (s.submitted ?? false) && (s.signedOff ?? false),
      rows: s.rows ?? 0,
      red: s.red ?? 0,
      black: s.black ?? 0,
      unchanged: s.unchanged ?? 0,
      corrected: s.corrected ?? 0,
      removals: s.removals ?? noRemovals(),
      warnings: warnings.get(s.name) ?? 0,
      errors: errors.get(s.name) ?? 0,
      register: register.forBatch(s.name, batch),
    }),
  );
  const byDomain = new Map<string, Tally>();
  for (const s of statuses ?? []) {
    for (const [dom, t] of Object.entries(s.byDomain)) {
      const cur = byDomain.get(dom) ?? { red: 0, black: 0 };
      byDomain.set(dom, { red: cur.red + t.red, black: cur.black + t.black });
    }
  }
  return {
    batch,
    source: statuses ? 'submissions' : 'none',
    deadline: due,
    overdue: due !== null && ctx.today > due,
    departments,
    counts: {
      red: departments.reduce((n, d) => n + d.red, 0),
      black: departments.reduce((n, d) => n + d.black, 0),
      byDepartment: departments.map((d) => ({ department: d.department, red: d.red, black: d.black })),
      byDomain: tallyDomains(byDomain, ctx.matrix),
    },
    findings: groupFindings(items),
    compiledAt: null,
    records: null,
  };
}

/**
 * One batch: its package when compiled (what was sent), else its submissions checked as `status`
 * does, else every department missing. `present` is false when the workspace holds nothing of it.
 */
export async function summarizeBatch(
  options: CommonOptions,
  quarter: Quarter,
  register: RegisterFacts = NO_REGISTER,
  n = 1,
): Promise<{ summary: BatchSummary; present: boolean }> {
  const ctx = makeContext(options);
  const workspace = requireWorkspace(ctx);
  const batch = formatBatch({ quarter, n });
  const pkg = readPackage(join(workspace, 'packages'), batch, ctx.io);
  if (pkg) return { summary: fromPackage(ctx, quarter, pkg, register, n), present: true };
  // Nothing of the batch in the workspace (a quarter not begun): every department missing, nothing loaded.
  if (batchFolders(ctx, workspace, batch).length === 0)
    return { summary: fromStatuses(ctx, quarter, undefined, [], register, n), present: false };
  const [{ countedFindings, quarterSummary }, { checkQuarter }, { hasRegister, planFromWorkspace }, { loadRegister }, { sortRecords }] =
    await Promise.all([
      import('../quarter/package.js'),
      import('../quarter/quarter.js'),
      import('../register/register-compile.js'),
      import('../../io/register/register-store.js'),
      import('../quarter/records.js'),
    ]);
  try {
    // With a register the batch is planned as status and compile plan it, so the figures are theirs.
    // A register with no event is none (docs/decisions.md "An empty register/ folder"), as compile and status say.
    const loaded = hasRegister(workspace, ctx.io) ? loadRegister(workspace, ctx.io) : undefined;
    const withRegister = loaded !== undefined && loaded.events.length > 0;
    const check = await checkQuarter(ctx, quarter, { collect: withRegister, batch: n });
    let plan: RegisterPlan | undefined;
    if (withRegister) {
      const planned = planFromWorkspace(
        workspace,
        {
          records: sortRecords(check.records, ctx.matrix),
          today: ctx.today,
          quarterEnd: quarterEnd(quarter),
          requests: check.departments.flatMap((d) => d.removalRequests),
        },
        loaded,
      );
      for (const f of planned.findings) ctx.collector.add(f.diagnostic, f.department, ctx.matrix.departmentRank(f.department));
      plan = planned.plan;
    }
    const found = countedFindings({ diagnostics: ctx.collector.sorted(), dropped: ctx.collector.dropped() });
    const statuses = quarterSummary(
      check,
      ctx.matrix.departments,
      ctx.config.submission.deadline,
      found,
      ctx.config.publication.maskRule,
      plan,
    ).departments.filter((s) => s.known);
    const items = [
      ...ctx.collector.sorted().map((d) => ({ code: d.code, severity: d.severity, department: d.department, n: 1 })),
      ...ctx.collector.dropped().map((d) => ({ code: d.code, severity: d.severity, department: d.department, n: d.dropped })),
    ];
    return { summary: fromStatuses(ctx, quarter, statuses, items, register, n), present: true };
  } catch (err) {
    if (!(err instanceof ToolError) || err.code !== 'QUARTER_NOT_FOUND') throw err;
    return { summary: fromStatuses(ctx, quarter, undefined, [], register, n), present: false };
  }
}
