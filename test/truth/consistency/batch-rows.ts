// Two facts every view of a batch must tell alike (docs/decisions.md "Who is in a supplementary batch", "A 撤销
// belongs to the batch that carries it"): which departments are in the batch — the same set in status, compile,
// the manifest, 报送情况.xlsx, supervise (JSON and 督查明细) and the report; status may add a department that
// something is still awaited from — and, for a published batch, that every removal its row counts (移出条数) is
// 已移出 in that same row, in supervise's JSON and in 督查明细 (a 撤销 is not split off to the quarter of its day).
import ExcelJS from 'exceljs';
import type { Problem } from './checks.js';
import type { World } from './world.js';

type Removals = Record<string, number>;
/** A 督查 row as supervise's JSON gives it (the keys read here). */
export type OwnedRow = { department: string; batch: string; removals: Removals; removalsAccepted: number | null };
/** A 督查 row's figures (from the package) beside the register's facts of the same publication. */
export type PublishedRow = OwnedRow & {
  red: number;
  black: number;
  unchanged: number;
  published: { red: number; black: number } | null;
  resubmittedUnchanged: number | null;
};

const sum = (r: Removals): number => Object.values(r).reduce((n, x) => n + x, 0);

/** The departments of each view (a Map per view) are one set; status may add departments something is awaited from. */
export function membersAgree(label: string, views: Record<string, ReadonlyMap<string, unknown>>, awaited: ReadonlySet<string>): Problem[] {
  const sets = Object.entries(views).map(([view, m]) => [view, [...m.keys()].sort()] as const);
  const others = sets.filter(([view]) => view !== 'status');
  const base = others[0]?.[1];
  if (base === undefined) return [];
  const status = sets.find(([view]) => view === 'status')?.[1] ?? base;
  const agree =
    others.every(([, s]) => s.join(',') === base.join(',')) &&
    base.every((x) => status.includes(x)) &&
    status.every((x) => base.includes(x) || awaited.has(x));
  return agree ? [] : [{ check: 'members-agree', detail: `${label}: ${sets.map(([view, s]) => `${view}=[${s.join(',')}]`).join(' ')}` }];
}

/** Published batches' rows: 已移出 is the row's 移出条数 (the figure), no more, no less. */
export function removalsOwned(rows: readonly OwnedRow[], published: ReadonlySet<string>, where: string): Problem[] {
  const problems: Problem[] = [];
  for (const r of rows) {
    if (!published.has(r.batch) || r.removalsAccepted === null) continue;
    if (r.removalsAccepted !== sum(r.removals))
      problems.push({
        check: 'removals-owned',
        detail: `${where} ${r.batch} ${r.department}: 移出条数 ${sum(r.removals)}, 已移出 ${r.removalsAccepted}`,
      });
  }
  return problems;
}

/**
 * Published batches' rows: what the register says the publication carried for the department (已发布 red and
 * black, 重复报送未变 of the register) is what the row's figures say the package held (本批发布, 重复报送未变).
 */
export function publishedAgrees(rows: readonly PublishedRow[], published: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  for (const r of rows) {
    if (!published.has(r.batch) || r.published === null || r.resubmittedUnchanged === null) continue;
    const figures = `red ${r.red} black ${r.black} unchanged ${r.unchanged}`;
    const facts = `red ${r.published.red} black ${r.published.black} unchanged ${r.resubmittedUnchanged}`;
    if (figures !== facts)
      problems.push({ check: 'published-agrees', detail: `supervise ${r.batch} ${r.department}: figures ${figures}, register ${facts}` });
  }
  return problems;
}

/** 督查明细 read back: each row's batch, department, 移出条数 (as the removals' sum) and 已移出. */
export async function ownedRowsOfSheet(world: World, file: string): Promise<OwnedRow[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await world.io.readFile(file)) as never);
  const sheet = wb.getWorksheet('督查明细');
  if (!sheet) throw new Error('督查情况表: no sheet 督查明细');
  const header = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
  const col = (name: string): number => header.indexOf(name);
  const out: OwnedRow[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const v = Array.from(row.values as unknown[]);
    const accepted = v[col('已移出')];
    out.push({
      department: String(v[col('科室')] ?? ''),
      batch: String(v[col('批次')] ?? ''),
      removals: { all: Number(v[col('移出条数')] ?? 0) },
      // "—" while the register is unknown.
      removalsAccepted: typeof accepted === 'number' ? accepted : null,
    });
  });
  return out;
}
