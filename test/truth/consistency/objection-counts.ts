// Overdue and pending objections, one figure each in every view (truth.md "one figure per fact, one name per fact";
// objections.md OBJECTION_OVERDUE "shown by objection list, status and 督查 as data"). objection list is the
// reference: overdue = open with a deadline before today; pending (期限待定) = open with no deadline yet (a year the
// calendar does not cover). status counts every open objection today (whatever quarter it was received in);
// supervise <year> (JSON and the 督查明细 sheet) and the year's report count those received in the year.
// docs/decisions.md "Overdue and pending objections in every view".
import ExcelJS from 'exceljs';
import { type Problem, yearModel } from './checks.js';
import { docOf, type PlayedBatch, type World } from './world.js';

type Listed = { number: string; received: string; deadline: string | null; status: 'open' | 'resolved' };
type Counts = { overdue: number; pending: number };
type SupRow = { objectionsOverdue: number | null; objectionsPending?: number | null };
type Model = { objections: { received: string; overdue: boolean; status: string; deadline: string | null }[] | null };

const text = (c: Counts): string => `overdue ${c.overdue} pending ${c.pending}`;

/** objection list's figures: --overdue's with a deadline are overdue; --all's open without a deadline are pending. */
async function listed(world: World): Promise<{ overdue: Listed[]; pending: Listed[] }> {
  return world.once('objection counts', async () => {
    const all = (await world.json<{ objections: Listed[] }>(['objection', 'list', '--all'])).objections;
    const late = (await world.json<{ objections: Listed[] }>(['objection', 'list', '--overdue'])).objections;
    return {
      overdue: late.filter((o) => o.deadline !== null),
      pending: all.filter((o) => o.status === 'open' && o.deadline === null),
    };
  });
}

const inYear = (os: readonly Listed[], year: number): number => os.filter((o) => o.received.startsWith(`${year}-`)).length;

/** The 督查明细 sheet's 其中至今超期未办结 and 其中期限待定 columns (by the quarter received), summed. */
async function sheetCounts(world: World, file: string): Promise<Counts> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await world.io.readFile(file)) as never);
  const sheet = wb.worksheets[0]!;
  const header = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
  const [o, p] = [header.indexOf('其中至今超期未办结'), header.indexOf('其中期限待定')];
  if (o < 0 || p < 0) throw new Error(`督查明细: no 其中至今超期未办结/其中期限待定 in ${header.join(',')}`);
  const out = { overdue: 0, pending: 0 };
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const v = Array.from(row.values as unknown[]);
    out.overdue += Number(v[o] ?? 0) || 0;
    out.pending += Number(v[p] ?? 0) || 0;
  });
  return out;
}

/**
 * After a batch: status (its JSON, top level and per department), supervise of the batch's year (`rows`, and the
 * 督查明细 `file` when the workbook was written) and the year's report model count what objection list counts.
 */
export async function checkObjectionCounts(
  world: World,
  b: PlayedBatch,
  sup: { rows: SupRow[] },
  model: Model,
  file?: string,
): Promise<Problem[]> {
  if (!world.io.exists(`${world.ws}/register/events.jsonl`)) return [];
  const problems: Problem[] = [];
  const say = (detail: string): void => void problems.push({ check: 'objections-agree', detail: `${b.label}: ${detail}` });
  const l = await listed(world);
  const all = { overdue: l.overdue.length, pending: l.pending.length };
  // status ran on this batch's day, as the checks do (world.today).
  const status = docOf<{ objectionsOverdue?: number; objectionsPending?: number; departments?: SupRow[] }>(b.status);
  if (status.objectionsOverdue !== undefined || all.overdue + all.pending > 0) {
    const top = { overdue: status.objectionsOverdue ?? -1, pending: status.objectionsPending ?? -1 };
    const depts = status.departments ?? [];
    const byDept = {
      overdue: depts.reduce((n, d) => n + (d.objectionsOverdue ?? 0), 0),
      pending: depts.reduce((n, d) => n + (d.objectionsPending ?? 0), 0),
    };
    if (text(top) !== text(all)) say(`status ${text(top)}, objection list ${text(all)}`);
    // A regular batch has a line for every department; a supplementary one only for those in it (decisions.md "Who is
    // in a supplementary batch"), whose lines then count no more than the whole.
    const regular = !/-\d+$/.test(b.label);
    const over = byDept.overdue > all.overdue || byDept.pending > all.pending;
    if (regular ? text(byDept) !== text(all) : over) say(`status's departments ${text(byDept)}, objection list ${text(all)}`);
  }
  // The batch's year (its supervise and model already read by the figures), then every other year an objection
  // was received in (one received in January 2027 has its deadline pending: the calendar ends with 2026).
  const years = new Set([b.year, ...[...l.overdue, ...l.pending].map((o) => Number(o.received.slice(0, 4)))]);
  for (const y of [...years].sort()) {
    const own = y === b.year;
    const rows = own ? sup.rows : (await world.json<{ rows: SupRow[] }>(['supervise', String(y)])).rows;
    let reportOf: Model;
    try {
      reportOf = own ? model : ((await yearModel(world, y)) as unknown as Model);
    } catch (err) {
      say(`report ${y}: ${(err as { code?: string }).code ?? (err as Error).message}`);
      continue;
    }
    const year = { overdue: inYear(l.overdue, y), pending: inYear(l.pending, y) };
    const supervised = {
      overdue: rows.reduce((n, r) => n + (r.objectionsOverdue ?? 0), 0),
      pending: rows.reduce((n, r) => n + (r.objectionsPending ?? 0), 0),
    };
    if (text(supervised) !== text(year)) say(`supervise ${y} ${text(supervised)}, objection list --year ${text(year)}`);
    if (own && file !== undefined) {
      const sheet = await sheetCounts(world, file);
      if (text(sheet) !== text(year)) say(`督查明细 ${y} ${text(sheet)}, objection list --year ${text(year)}`);
    }
    if (reportOf.objections !== null) {
      const os = reportOf.objections;
      const reported = {
        overdue: os.filter((o) => o.overdue).length,
        pending: os.filter((o) => o.status === 'open' && o.deadline === null).length,
      };
      if (text(reported) !== text(year)) say(`report ${y} ${text(reported)}, objection list --year ${text(year)}`);
    }
  }
  return problems;
}
