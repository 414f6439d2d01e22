/**
 * `hrss-credit report <batch|year>` (reports.md): the model of the one HTML page for leaders, from the
 * quarter summaries (the same facts supervise shows). Rendering is src/reporters/html.ts.
 */
import { join, resolve } from 'node:path';
import { todayInShanghai } from '../domain/dates.js';
import { formatQuarter, type Quarter } from '../domain/quarter.js';
import { readPackage, REPORT_FILE } from '../io/package-read.js';
import { makeContext, type CommonOptions } from './context.js';
import { ToolError } from '../diagnostics/tool-error.js';
import { parseQuarterArg, requireWorkspace } from './quarter.js';
import type { ObjectionFact, RegisterFacts, RemovalFact } from './register-facts.js';
import { workspaceRegisterFacts } from './register-facts-load.js';
import { parseYear, supervise, type SuperviseRow } from './supervise.js';
import type { BatchSummary, FindingGroup, Tally } from './summary.js';

export interface ReportModel {
  kind: 'batch' | 'year';
  /** 2026Q3 or 2026. */
  target: string;
  bureau: string;
  madeOn: string;
  source: BatchSummary['source'];
  batches: BatchSummary[];
  totals: Tally;
  byDepartment: ({ department: string } & Tally)[];
  byDomain: ({ domain: string } & Tally)[];
  /** Department-batches: on time, late, missing, submitted without a date. */
  timeliness: { onTime: number; late: number; missing: number; noDate: number };
  /** A year: one point per batch. */
  trend: ({ batch: string } & Tally)[];
  rows: SuperviseRow[];
  findings: FindingGroup[];
  removals: RemovalFact[] | null;
  objections: ObjectionFact[] | null;
  registerKnown: boolean;
}

export interface ReportTarget {
  kind: 'batch' | 'year';
  year: number;
  quarter?: Quarter;
  label: string;
}

export function parseReportTarget(options: CommonOptions, raw: string): ReportTarget {
  const year = parseYear(raw);
  if (year !== undefined) return { kind: 'year', year, label: String(year) };
  const quarter = parseQuarterArg(makeContext(options), raw);
  return { kind: 'batch', year: quarter.year, quarter, label: formatQuarter(quarter) };
}

function sumTallies<K extends string>(key: K, lists: ({ [P in K]: string } & Tally)[][], order: string[]): ({ [P in K]: string } & Tally)[] {
  const acc = new Map<string, Tally>();
  for (const list of lists) {
    for (const t of list) {
      const name = t[key] as string;
      if (!order.includes(name)) order.push(name);
      const cur = acc.get(name) ?? { red: 0, black: 0 };
      acc.set(name, { red: cur.red + t.red, black: cur.black + t.black });
    }
  }
  return order.filter((n) => acc.has(n)).map((n) => ({ [key]: n, ...(acc.get(n) as Tally) }) as { [P in K]: string } & Tally);
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

/**
 * A year's totals count each record once (docs/decisions.md): a record resent in a later quarter
 * (published again, unchanged or not) is the same record by its identity id, counted with its latest
 * department, domain and list. Batches still being collected (no package: no ids) add their counts as
 * they are. The trend per quarter keeps what each batch sent.
 */
function distinctTallies(workspace: string, batches: BatchSummary[], deptOrder: string[], domainOrder: string[]): Pick<ReportModel, 'totals' | 'byDepartment' | 'byDomain'> {
  const latest = new Map<string, { department: string; domain: string; listType: 'red' | 'black' }>();
  const byDept: ({ department: string } & Tally)[][] = [];
  const byDom: ({ domain: string } & Tally)[][] = [];
  const totals: Tally = { red: 0, black: 0 };
  let anon = 0;
  for (const b of batches) {
    const pkg = b.source === 'package' ? readPackage(join(workspace, 'packages'), b.batch) : undefined;
    if (!pkg || pkg.records.some((r) => r.id === undefined)) {
      totals.red += b.counts.red;
      totals.black += b.counts.black;
      byDept.push(b.counts.byDepartment);
      byDom.push(b.counts.byDomain);
      continue;
    }
    for (const r of pkg.records) {
      const id = r.id ?? `\u0000${anon++}`;
      latest.delete(id);
      latest.set(id, r);
    }
  }
  const recs = [...latest.values()];
  for (const r of recs) totals[r.listType]++;
  const one = (r: { listType: 'red' | 'black' }): Tally => ({ red: r.listType === 'red' ? 1 : 0, black: r.listType === 'black' ? 1 : 0 });
  byDept.push(recs.map((r) => ({ department: r.department, ...one(r) })));
  byDom.push(recs.map((r) => ({ domain: r.domain, ...one(r) })));
  return { totals, byDepartment: sumTallies('department', byDept, deptOrder), byDomain: sumTallies('domain', byDom, domainOrder) };
}

export async function reportModel(options: CommonOptions, target: ReportTarget, sourceDateEpoch: number | undefined, given?: RegisterFacts): Promise<ReportModel> {
  const ctx = makeContext(options);
  const register = given ?? workspaceRegisterFacts(ctx, requireWorkspace(ctx));
  const sup = await supervise(target.year, options, register);
  let batches: BatchSummary[];
  let rows: SuperviseRow[];
  if (target.kind === 'batch') {
    // The year's supervision already summarised every batch the workspace holds: the same facts.
    const summary = sup.batches.find((b) => b.batch === target.label);
    if (!summary || summary.source === 'none') throw new ToolError('QUARTER_NOT_FOUND', { quarter: target.label });
    batches = [summary];
    rows = sup.rows.filter((r) => r.batch === target.label);
  } else {
    batches = sup.batches;
    rows = sup.rows;
  }
  const labels = batches.map((b) => b.batch);
  const timeliness = { onTime: 0, late: 0, missing: 0, noDate: 0 };
  for (const r of rows) {
    if (r.status === 'missing') timeliness.missing++;
    else if (r.daysLate === null) timeliness.noDate++;
    else if (r.daysLate === 0) timeliness.onTime++;
    else timeliness.late++;
  }
  const deptOrder = ctx.matrix.departments.map((d) => d.name);
  const domainOrder = [...new Set([...ctx.matrix.departments.flatMap((d) => d.domains), ...ctx.matrix.domains.map((d) => d.name)])];
  return {
    kind: target.kind,
    target: target.label,
    bureau: ctx.config.bureau.name,
    madeOn: sourceDateEpoch !== undefined ? todayInShanghai(new Date(sourceDateEpoch * 1000)) : ctx.today,
    source: batches.length === 1 ? (batches[0] as BatchSummary).source : batches.some((b) => b.source === 'submissions') ? 'submissions' : batches.length ? 'package' : 'none',
    batches,
    ...(target.kind === 'year' ? distinctTallies(requireWorkspace(ctx), batches, deptOrder, domainOrder) : {
      totals: { red: batches.reduce((n, b) => n + b.counts.red, 0), black: batches.reduce((n, b) => n + b.counts.black, 0) },
      byDepartment: sumTallies('department', batches.map((b) => b.counts.byDepartment), deptOrder),
      byDomain: sumTallies('domain', batches.map((b) => b.counts.byDomain), domainOrder),
    }),
    timeliness,
    trend: batches.map((b) => ({ batch: b.batch, red: b.counts.red, black: b.counts.black })),
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
