/**
 * A year's red and black counted once per record (truth.md: one figure per fact), for every view of the year: the
 * report's totals, departments and domains, and supervise's 科室统计 (its tally per department).
 */
import { ID_LENGTH } from '../../domain/identity.js';
import type { PackageSummary, RecordRun } from '../../schemas/documents/package-summary.js';
import { IdSet } from './id-set.js';
import type { BatchSummary, Tally } from './summary.js';

export function sumTallies<K extends string>(
  key: K,
  lists: ({ [P in K]: string } & Tally)[][],
  order: string[],
): ({ [P in K]: string } & Tally)[] {
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

/**
 * A year's totals count each record once (docs/decisions.md): a record resent in a later quarter
 * (published again, unchanged or not) is the same record by its identity id, counted with its latest
 * department, domain and list. Batches still being collected (no package: no ids) add their counts as
 * they are. The trend per quarter keeps what each batch sent.
 */
export function distinctTallies(
  batches: BatchSummary[],
  deptOrder: string[],
  domainOrder: string[],
): { totals: Tally; byDepartment: ({ department: string } & Tally)[]; byDomain: ({ domain: string } & Tally)[] } {
  const byDept: ({ department: string } & Tally)[][] = [];
  const byDom: ({ domain: string } & Tally)[][] = [];
  const totals: Tally = { red: 0, black: 0 };
  const compiled: PackageSummary[] = [];
  for (const b of batches) {
    // A compiled batch's records come with its summary (summary.json, or records.json for an older package).
    if (b.source === 'package' && b.records) compiled.push(b.records);
    else {
      totals.red += b.counts.red;
      totals.black += b.counts.black;
      byDept.push(b.counts.byDepartment);
      byDom.push(b.counts.byDomain);
    }
  }
  // Latest first: the first time an id is met is its last sending. Each run (department, domain, list) counts
  // the records whose last sending it holds and is ordered by the earliest such sending, as a forward pass
  // keeping each id's last place would order them.
  // Each summary's records walked backwards run by run (its runs cover its ids in order, eachRecord's order).
  let place = compiled.reduce((n, s) => n + s.records.ids.length / ID_LENGTH, 0);
  const seen = new IdSet(place);
  const perRun = new Map<RecordRun, { n: number; first: number }>();
  for (let i = compiled.length - 1; i >= 0; i--) {
    const summary = compiled[i] as PackageSummary;
    const ids = summary.records.ids;
    const runs = summary.records.runs;
    let end = ids.length / ID_LENGTH;
    place -= end;
    for (let r = runs.length - 1; r >= 0; r--) {
      const run = runs[r] as RecordRun;
      const start = end - run.count;
      // The records of this run met for the first time, and the earliest of them (a forward pass's order).
      let fresh = 0;
      let first = -1;
      for (let k = end - 1; k >= start; k--) {
        if (!seen.addAt(ids, k * ID_LENGTH, ID_LENGTH)) continue;
        fresh++;
        first = k;
      }
      end = start;
      if (fresh === 0) continue;
      const c = perRun.get(run);
      if (c) {
        c.n += fresh;
        c.first = place + first;
      } else perRun.set(run, { n: fresh, first: place + first });
    }
  }
  const runs = [...perRun].sort((a, b) => a[1].first - b[1].first).map(([r, c]) => [r, c.n] as const);
  for (const [r, n] of runs) totals[r.listType] += n;
  const tally = (r: RecordRun, n: number): Tally => ({ red: r.listType === 'red' ? n : 0, black: r.listType === 'black' ? n : 0 });
  byDept.push(runs.map(([r, n]) => ({ department: r.department, ...tally(r, n) })));
  byDom.push(runs.map(([r, n]) => ({ domain: r.domain, ...tally(r, n) })));
  return { totals, byDepartment: sumTallies('department', byDept, deptOrder), byDomain: sumTallies('domain', byDom, domainOrder) };
}
