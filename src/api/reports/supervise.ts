/**
 * `hrss-credit supervise <year>` (reports.md, §五(四)): the 督查 record — one row per department and
 * regular batch of the year, and the lapses a 通报 would name. Lapses are data: this never fails on them.
 */
import type { Quarter } from '../../domain/quarter.js';
import { makeContext, type CommonOptions } from '../context.js';
import { requireWorkspace } from '../quarter/quarter.js';
import { heldBatches, heldSupplementary } from '../../io/package/package-read.js';
import type { RegisterFacts } from '../register/register-facts.js';
import type { DepartmentTally, Lapse, SuperviseRow } from '../../schemas/documents/supervise.js';
import { workspaceRegisterFacts } from '../register/register-facts-load.js';
import { summarizeBatch, type BatchSummary, type DepartmentFacts } from './summary.js';
import { inBatch } from '../../schemas/documents/in-batch.js';
import { firstSentIn } from './sent-late.js';
import { distinctTallies } from './distinct.js';

import type { LapseKind } from '../../schemas/states.js';
import { rowTimeliness } from '../../schemas/documents/timeliness-kind.js';
import { lateness } from '../../domain/lateness.js';
export type { LapseKind };

/** One row of the 督查 record and a lapse: their one schema is schemas/documents/supervise.ts. */
export type { Lapse, SuperviseRow };

/** Per department over the year: its one schema's type (schemas/documents/supervise.ts DepartmentTallySchema). */
export type { DepartmentTally };

export interface SuperviseResult {
  year: number;
  batches: BatchSummary[];
  rows: SuperviseRow[];
  lapses: Lapse[];
  departments: DepartmentTally[];
  registerKnown: boolean;
  /** The year's red and black, each record once (distinct.ts): 科室统计's, and the year report's (made once). */
  distinct?: ReturnType<typeof distinctTallies>;
}

export function parseYear(raw: string): number | undefined {
  return /^[1-9]\d{3}$/.test(raw.trim()) ? Number(raw.trim()) : undefined;
}

/**
 * The regular batches of a year that the workspace holds, and those it does not hold whose deadline
 * has passed since the workspace's first batch (before it, the tool was not in use: not a lapse).
 */
export async function yearBatches(options: CommonOptions, year: number, register: RegisterFacts): Promise<BatchSummary[]> {
  const ctx = makeContext(options);
  const workspace = requireWorkspace(ctx);
  const first = heldBatches(workspace, ctx.io)[0];
  const out: BatchSummary[] = [];
  // A quarter the workspace holds nothing of yet still has a row when objections were received (or 撤销 took effect) in it.
  const active = register.activeBatches?.() ?? new Set<string>();
  for (const q of [1, 2, 3, 4] as const) {
    const quarter: Quarter = { year, q };
    const { summary, present } = await summarizeBatch(options, quarter, register);
    if (present || (summary.overdue && first !== undefined && summary.batch > first) || active.has(summary.batch)) out.push(summary);
    // Its supplementary batches (truth.md): a row for each department that sent one, never a lapse for the others.
    for (const b of heldSupplementary(workspace, ctx.io).filter((x) => x.quarter.year === year && x.quarter.q === q)) {
      const extra = (await summarizeBatch(options, quarter, register, b.n)).summary;
      // A department that sent nothing to it is no lapse and no 未报送 (a supplementary batch is not due from
      // everyone: overdue false), but the removals the batch lists for it (an objection's 撤销 since the
      // last batch, listed at once) are counted here, as the batch's own report counts them.
      out.push({
        ...extra,
        overdue: false,
        departments: extra.departments.filter((d) => inBatch({ submitted: d.status !== 'missing', removals: d.removals }, true)),
      });
    }
  }
  return out;
}

export function toRow(d: DepartmentFacts): SuperviseRow {
  const { errors: _errors, register, ...facts } = d;
  return { ...facts, ...register };
}

/** The lapses of one row, in the order a 通报 names them. */
export function lapsesOf(row: SuperviseRow, overdue: boolean): Lapse[] {
  const base = { department: row.department, batch: row.batch };
  const out: Lapse[] = [];
  // Before the deadline a department that has not submitted yet is not behind.
  if (row.status === 'missing' && row.sentIn !== undefined) {
    // 补报: sent in a supplementary batch of the quarter — late when after this batch's deadline, never 未报送.
    if (row.daysLate !== null && row.daysLate > 0) out.push({ ...base, kind: 'late', daysLate: row.daysLate, sentIn: row.sentIn });
  } else if (row.status === 'missing') {
    if (overdue) out.push({ ...base, kind: 'missing' });
  } else {
    if (row.daysLate !== null && row.daysLate > 0) out.push({ ...base, kind: 'late', daysLate: row.daysLate });
    if (!row.signedOff) out.push({ ...base, kind: 'unsigned' });
  }
  if (row.objectionsOverdue) out.push({ ...base, kind: 'objection-overdue', count: row.objectionsOverdue });
  if (row.objectionsResolvedLate) out.push({ ...base, kind: 'objection-late', count: row.objectionsResolvedLate });
  if (row.correctionsAwaited) out.push({ ...base, kind: 'correction-awaited', count: row.correctionsAwaited });
  return out;
}

/** `register`: the workspace's own (register/events.jsonl) unless given. */
export async function supervise(
  yearArg: number,
  options: CommonOptions,
  given?: RegisterFacts,
  /** A batch's report reads rows only: the year's distinct records (a pass over every id of the year) are not made. */
  tally = true,
): Promise<SuperviseResult> {
  const ctx = makeContext(options);
  const register = given ?? (await workspaceRegisterFacts(ctx, requireWorkspace(ctx)));
  const batches = await yearBatches(options, yearArg, register);
  const names: string[] = ctx.matrix.departments.map((d) => d.name);
  for (const b of batches) for (const d of b.departments) if (!names.includes(d.department)) names.push(d.department);
  const rows: SuperviseRow[] = [];
  const lapses: Lapse[] = [];
  const departments: DepartmentTally[] = [];
  // 补报: a department's first submission to a supplementary batch of a quarter (its list or 无信息报告).
  const supplied = firstSentIn(batches);
  for (const name of names) {
    const t: DepartmentTally = {
      department: name,
      batches: 0,
      submitted: 0,
      nil: 0,
      missing: 0,
      onTime: 0,
      late: 0,
      unknown: 0,
      unsigned: 0,
      red: 0,
      black: 0,
      warnings: 0,
      lapses: 0,
    };
    for (const b of batches) {
      const d = b.departments.find((x) => x.department === name);
      if (!d) continue;
      let row = toRow(d);
      const late = row.status === 'missing' && !b.batch.includes('-') ? supplied.get(`${b.batch}|${name}`) : undefined;
      if (late) row = { ...row, sentIn: late.batch, sentOn: late.sentOn, daysLate: lateness(late.sentOn, row.deadline) };
      rows.push(row);
      const found = lapsesOf(row, b.overdue);
      lapses.push(...found);
      t.batches++;
      // Not sent to a batch not due yet (or to a supplementary one): not 未报送, as lapsesOf names no lapse for it.
      if (row.status === 'missing' && row.sentIn !== undefined) {
        // 补报: its submission counts in the supplementary batch's row; here only its timeliness, never 未报送.
        const kind = rowTimeliness(row);
        if (kind === 'noDate') t.unknown++;
        else if (kind === 'onTime' || kind === 'late') t[kind]++;
      } else if (row.status === 'missing') {
        if (b.overdue) t.missing++;
      } else {
        t[row.status === 'nil' ? 'nil' : 'submitted']++;
        const kind = rowTimeliness(row);
        // A batch without a deadline (a supplementary one): neither on time, late nor unknown.
        if (kind === 'noDate') t.unknown++;
        else if (kind === 'onTime' || kind === 'late') t[kind]++;
        if (!row.signedOff) t.unsigned++;
      }
      t.red += row.red;
      t.black += row.black;
      t.warnings += row.warnings;
      t.lapses += found.length;
    }
    if (t.batches > 0) departments.push(t);
  }
  // 科室统计's 红名单/黑名单 for the year: each record once, as the report's (a record corrected or resent in a later
  // quarter was counted in each quarter's row: 市社保中心 黑名单 5 here, 3 in the report; docs/decisions.md).
  if (!tally) return { year: yearArg, batches, rows, lapses, departments, registerKnown: register.known };
  const domainOrder = [...new Set([...ctx.matrix.departments.flatMap((d) => d.domains), ...ctx.matrix.domains.map((d) => d.name)])];
  const distinct = distinctTallies(batches, [...names], domainOrder);
  for (const t of departments) {
    const d = distinct.byDepartment.find((x) => x.department === t.department);
    t.red = d?.red ?? 0;
    t.black = d?.black ?? 0;
  }
  return { year: yearArg, batches, rows, lapses, departments, registerKnown: register.known, distinct };
}
