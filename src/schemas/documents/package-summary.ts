/**
 * A package's summary.json (issue 22; docs/decisions.md "Reports from summaries"): what report and supervise
 * need of a compiled batch beyond its manifest, small enough that a year's report reads four of them and not
 * four records.json and report.json files. The figures stay in the manifest (truth.md: named once); this
 * holds each published record's identity with its department, domain and list (a year counts each record
 * once) and the compile's findings counted by code, severity and department. Written by compile from the
 * same records and report it writes beside it, hashed in the manifest like every output, read back through
 * this schema. A package written before it existed has none: readers fall back to records.json and report.json.
 */
import { z } from 'zod';
import { count } from './primitives.js';
import { ID_LENGTH } from '../../domain/identity.js';

export const PackageFindingCountSchema = z.strictObject({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  department: z.string().optional(),
  /** Findings of this code, severity and department: those report.json lists plus those it counts as dropped. */
  count,
});
export type PackageFindingCount = z.infer<typeof PackageFindingCountSchema>;

/** Consecutive records (records.json's order, sorted by list, domain and department) that share these. */
export const RecordRunSchema = z.strictObject({
  department: z.string(),
  domain: z.string(),
  listType: z.enum(['red', 'black']),
  count: z.number().int().min(1),
});
export type RecordRun = z.infer<typeof RecordRunSchema>;

export const PackageSummarySchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    /** The batch (2026Q3, 2026Q3-2), as the manifest's quarter. */
    batch: z.string(),
    /**
     * The records of records.json in its order: `ids` their ids written one after the other (12 hex digits
     * each, no separator), `runs` their department, domain and list, one entry per stretch of records that
     * share them. So a city quarter's 20,000 records are one string and a few dozen runs, read in milliseconds.
     */
    records: z.strictObject({ ids: z.string().regex(/^[0-9a-f]*$/), runs: z.array(RecordRunSchema) }),
    /** In the order of report.json (its findings, then its dropped counts), one line per code, severity and department. */
    findings: z.array(PackageFindingCountSchema),
  })
  .superRefine((s, ctx) => {
    const n = s.records.runs.reduce((sum, r) => sum + r.count, 0);
    if (n * ID_LENGTH !== s.records.ids.length)
      ctx.addIssue({
        code: 'custom',
        path: ['records', 'runs'],
        message: `runs count ${n} records, ids hold ${s.records.ids.length / ID_LENGTH}`,
      });
  });
export type PackageSummary = z.infer<typeof PackageSummarySchema>;

/** A published record as a year's report counts it. */
export interface RecordTally {
  id: string;
  department: string;
  domain: string;
  listType: 'red' | 'black';
}

/** Each record of the summary, in records.json's order: its id and the run (department, domain, list) it is in. */
export function eachRecord(s: PackageSummary, visit: (id: string, run: RecordRun) => void): void {
  let at = 0;
  const ids = s.records.ids;
  for (const run of s.records.runs) for (let k = 0; k < run.count; k++, at += ID_LENGTH) visit(ids.slice(at, at + ID_LENGTH), run);
}

/**
 * The summary of a package's records and report (what compile writes as summary.json, and what a reader makes
 * of records.json and report.json for a package written before it): one function, so both give the same facts.
 */
export function packageSummaryOf(
  batch: string,
  records: readonly Pick<RecordTally, 'id' | 'department' | 'domain' | 'listType'>[],
  report: {
    diagnostics: readonly { code: string; severity: 'error' | 'warning' | 'info'; department?: string | undefined }[];
    dropped: readonly { code: string; severity: 'error' | 'warning' | 'info'; department?: string | undefined; dropped: number }[];
  },
): PackageSummary {
  const runs: RecordRun[] = [];
  const ids: string[] = [];
  let last: RecordRun | undefined;
  for (const r of records) {
    ids.push(r.id);
    if (last && last.department === r.department && last.domain === r.domain && last.listType === r.listType) last.count++;
    else runs.push((last = { department: r.department, domain: r.domain, listType: r.listType, count: 1 }));
  }
  const findings = new Map<string, PackageFindingCount>();
  const add = (code: string, severity: PackageFindingCount['severity'], dept: string | undefined, n: number): void => {
    const key = `${code}\u0000${severity}\u0000${dept ?? '\u0001'}`;
    const f = findings.get(key);
    if (f) f.count += n;
    else findings.set(key, { code, severity, ...(dept !== undefined ? { department: dept } : {}), count: n });
  };
  for (const d of report.diagnostics) add(d.code, d.severity, d.department, 1);
  for (const d of report.dropped) add(d.code, d.severity, d.department, d.dropped);
  return { schemaVersion: 1, batch, records: { ids: ids.join(''), runs }, findings: [...findings.values()] };
}
