// Reports from summaries (issue 22 item 2; docs/decisions.md "Reports from summaries"): compile writes
// summary.json, hashed in the manifest; report and supervise read it instead of records.json and
// report.json, and give the same figures as those files do — also for a package written before it
// existed, and for one whose summary does not match its hash (read from records.json, never believed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { ROOT, runCli, tempDir } from '../helpers/cases.js';
import { EPOCH, EXAMPLE, Q2_COVERS } from '../helpers/reports-workspace.js';
import { ManifestAnySchema } from '../../dist/schemas/documents/manifest.js';
import { parseRecordsFile } from '../../dist/schemas/documents/records.js';
import { ReportDocumentSchema } from '../../dist/schemas/documents/report.js';
import { eachRecord, PackageSummarySchema } from '../../dist/schemas/documents/package-summary.js';
import { readPackage } from '../../dist/io/package/package-read.js';

let ws: string;
let pkg: string;
const cli = (args: string[], dir = ws) => runCli([...args, '-w', dir, '--today', '2026-10-20'], dir, { SOURCE_DATE_EPOCH: EPOCH });
const json = (file: string): unknown => JSON.parse(readFileSync(join(pkg, file), 'utf8'));

beforeAll(async () => {
  // The example workspace with one department that did not submit (a finding the summary counts), compiled;
  // 2026Q2 still being collected.
  ws = tempDir('package-summary');
  cpSync(EXAMPLE, ws, { recursive: true });
  rmSync(join(ws, 'submissions', '2026Q3', '监察科'), { recursive: true });
  const res = await runCli(['compile', '2026Q3', '--today', '2026-10-20'], ws, { SOURCE_DATE_EPOCH: EPOCH });
  if (res.code !== 0) throw new Error(`compile failed: ${res.stdout}${res.stderr}`);
  for (const [folder, text] of Object.entries(Q2_COVERS)) {
    mkdirSync(join(ws, 'submissions', '2026Q2', folder), { recursive: true });
    writeFileSync(join(ws, 'submissions', '2026Q2', folder, '报送单.csv'), text);
  }
  pkg = join(ws, 'packages', '2026Q3');
});
afterAll(() => {
  rmSync(ws, { recursive: true, force: true });
  rmSync(`${ws}.report.html`, { force: true });
});

/** report 2026 and supervise 2026 as JSON (the page written outside the workspace, so that its path is the same). */
async function views(dir = ws): Promise<{ report: string; supervise: string }> {
  const report = await cli(['report', '2026', '--format', 'json', '--out', `${ws}.report.html`], dir);
  const supervise = await cli(['supervise', '2026', '--format', 'json'], dir);
  expect(report.code, report.stdout + report.stderr).toBe(0);
  expect(supervise.code, supervise.stdout + supervise.stderr).toBe(0);
  return { report: report.stdout, supervise: supervise.stdout };
}

/** Runs `body` with the package's summary.json replaced by `text` (or taken away), then puts it back. */
async function withSummary<T>(text: string | undefined, body: () => Promise<T>): Promise<T> {
  const path = join(pkg, 'summary.json');
  renameSync(path, `${path}.kept`);
  try {
    if (text !== undefined) writeFileSync(path, text);
    return await body();
  } finally {
    rmSync(path, { force: true });
    renameSync(`${path}.kept`, path);
  }
}

describe('summary.json of a compiled package', () => {
  it('is listed in the manifest with its hash, as internal, and holds records.json ids in order and report.json findings counted', () => {
    const bytes = readFileSync(join(pkg, 'summary.json'));
    const manifest = ManifestAnySchema.parse(json('manifest.json'));
    const listed = manifest.outputs.find((o) => o.path === 'summary.json');
    expect(listed).toMatchObject({ audience: 'internal', bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    const summary = PackageSummarySchema.parse(JSON.parse(bytes.toString('utf8')));
    expect(summary.batch).toBe('2026Q3');
    const records = parseRecordsFile(json('records.json')).records;
    const seen: string[] = [];
    eachRecord(summary, (id, run) => {
      const r = records[seen.length];
      seen.push(id);
      expect({ id, department: run.department, domain: run.domain, listType: run.listType }).toEqual({
        id: r?.id,
        department: r?.department,
        domain: r?.domain,
        listType: r?.listType,
      });
    });
    expect(seen).toHaveLength(records.length);
    const report = ReportDocumentSchema.parse(json('report.json'));
    const total = report.diagnostics.length + report.dropped.reduce((n, d) => n + d.dropped, 0);
    expect(summary.findings.reduce((n, f) => n + f.count, 0)).toBe(total);
    expect(total).toBeGreaterThan(0);
  });

  it('is what report and supervise read: records.json and report.json are not opened', async () => {
    expect(readPackage(join(ws, 'packages'), '2026Q3')?.summaryFrom).toBe('summary');
    const before = await views();
    // Both taken away: a report that still works read neither.
    for (const f of ['records.json', 'report.json']) renameSync(join(pkg, f), join(pkg, `${f}.kept`));
    try {
      expect(await views()).toEqual(before);
    } finally {
      for (const f of ['records.json', 'report.json']) renameSync(join(pkg, `${f}.kept`), join(pkg, f));
    }
  });

  it('gives the same report and supervise as records.json and report.json (a package written before summaries)', async () => {
    const fromSummary = await views();
    await withSummary(undefined, async () => {
      expect(readPackage(join(ws, 'packages'), '2026Q3')?.summaryFrom).toBe('records');
      expect(await views()).toEqual(fromSummary);
    });
  });

  it('is not believed when it does not match the hash the manifest lists: the figures come from records.json', async () => {
    const fromSummary = await views();
    const summary = PackageSummarySchema.parse(json('summary.json'));
    // Every record moved to another department and list: a year's figures would change if this were read.
    const edited = {
      ...summary,
      records: { ...summary.records, runs: summary.records.runs.map((r) => ({ ...r, department: '考试中心', listType: 'red' as const })) },
    };
    await withSummary(`${JSON.stringify(edited)}\n`, async () => {
      expect(readPackage(join(ws, 'packages'), '2026Q3')?.summaryFrom).toBe('records');
      expect(await views()).toEqual(fromSummary);
      // verify names it as changed (exit 1).
      const v = await cli(['verify', pkg, '--format', 'json']);
      expect(v.code).toBe(1);
      expect(JSON.parse(v.stdout).changed).toEqual(['summary.json']);
    });
  });
});

describe('a package written before summary.json (fixtures/old-packages)', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = tempDir('summary-old');
    cpSync(join(ROOT, 'fixtures', 'old-packages'), tmp, { recursive: true });
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it.each(['records-v1', 'records-v2-register'])('%s: a year report counts its records from records.json', async (name) => {
    const dir = join(tmp, name);
    expect(readPackage(join(dir, 'packages'), '2026Q3')?.summaryFrom).toBe('records');
    const res = await cli(['report', '2026', '--format', 'json', '--out', join(tmp, `${name}.html`)], dir);
    expect(res.code, res.stdout).toBe(0);
    const doc = JSON.parse(res.stdout) as { totals: { red: number; black: number } };
    const records = parseRecordsFile(JSON.parse(readFileSync(join(dir, 'packages', '2026Q3', 'records.json'), 'utf8'))).records;
    expect(doc.totals.red).toBe(records.filter((r) => r.listType === 'red').length);
    expect(doc.totals.black).toBe(records.filter((r) => r.listType === 'black').length);
    expect(doc.totals.red + doc.totals.black).toBeGreaterThan(0);
  });
});
