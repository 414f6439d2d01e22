// truth.md "Documents, typed once": every version of a document the tool has written is still read.
// fixtures/old-packages/ holds packages compiled by earlier commits (see its README); each is verified,
// exported for both audiences, supervised, reported on and diffed by today's tool, and its documents
// parse with today's schemas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, tempDir } from './helpers/cases.js';
import { ManifestAnySchema, manifestFigures } from '../dist/schemas/documents/manifest.js';
import { parseRecordsFile, RecordsFileAnySchema } from '../dist/schemas/documents/records.js';
import { ReportDocumentSchema } from '../dist/schemas/documents/report.js';
import { SuperviseDocumentSchema } from '../dist/schemas/documents/supervise.js';
import { ReportViewDocumentSchema } from '../dist/schemas/documents/report-view.js';

const OLD = join(ROOT, 'fixtures', 'old-packages');
let tmp: string;
beforeAll(() => {
  tmp = tempDir('old-documents');
  cpSync(OLD, tmp, { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const read = (ws: string, file: string): unknown => JSON.parse(readFileSync(join(tmp, ws, 'packages', '2026Q3', file), 'utf8'));

describe.each([
  { ws: 'records-v1', records: 1, manifest: 1 },
  { ws: 'records-v2-register', records: 2, manifest: 1 },
])('a package of $ws', ({ ws, records, manifest }) => {
  const cli = (args: string[]) => runCli([...args, '-w', join(tmp, ws), '--today', '2026-10-20'], tmp, { SOURCE_DATE_EPOCH: '1790000000' });

  it("its documents parse with today's schemas, as the version they are", () => {
    const r = RecordsFileAnySchema.parse(read(ws, 'records.json'));
    expect(r.schemaVersion).toBe(records);
    // Read into today's version: ids computed for version 1, removals/unchanged kept, corrected empty.
    const now = parseRecordsFile(read(ws, 'records.json'));
    expect(now.schemaVersion).toBe(3);
    expect(now.records.every((x) => /^[0-9a-f]{12}$/.test(x.id))).toBe(true);
    expect(now.corrected).toEqual([]);
    if (records === 2) expect(now.unchanged).toEqual(['458483766165']);
    const m = ManifestAnySchema.parse(read(ws, 'manifest.json'));
    expect(m.schemaVersion).toBe(manifest);
    ReportDocumentSchema.parse(read(ws, 'report.json'));
  });

  it('verifies, and exports both audiences', async () => {
    expect((await cli(['verify', join(tmp, ws, 'packages', '2026Q3')])).code).toBe(0);
    for (const audience of ['public', 'sharing']) {
      const res = await cli(['export', '2026Q3', '--to', join(tmp, `${ws}-${audience}`), '--audience', audience, '--format', 'json']);
      expect(res.code, res.stdout).toBe(0);
    }
  });

  it('supervise and report read its figures from the old manifest (rows = red + black where it did not say)', async () => {
    const m = ManifestAnySchema.parse(read(ws, 'manifest.json'));
    const sup = SuperviseDocumentSchema.parse(JSON.parse((await cli(['supervise', '2026', '--format', 'json'])).stdout));
    const rep = await cli(['report', '2026Q3', '--format', 'json', '--out', join(tmp, `${ws}.html`)]);
    expect(rep.code, rep.stdout).toBe(0);
    const doc = ReportViewDocumentSchema.parse(JSON.parse(rep.stdout));
    for (const d of doc.departments) {
      const f = manifestFigures(m, d.department);
      const { department: _d, ...figures } = d;
      expect(figures).toEqual(f);
      const { red, black, rows } = sup.rows.find((r) => r.department === d.department && r.batch === '2026Q3') as {
        red: number;
        black: number;
        rows: number;
      };
      expect({ red, black, rows }).toEqual({ red: f.red, black: f.black, rows: f.red + f.black });
    }
  });
});

it('diff compares a version 1 package with a version 2 one', async () => {
  const res = await runCli(
    [
      'diff',
      join(tmp, 'records-v1', 'packages', '2026Q3'),
      join(tmp, 'records-v2-register', 'packages', '2026Q3'),
      '--format',
      'json',
      '-w',
      join(tmp, 'records-v2-register'),
      '--today',
      '2026-10-20',
    ],
    tmp,
  );
  expect(res.code, res.stdout).toBe(0);
  expect(JSON.parse(res.stdout)).toMatchObject({ command: 'diff' });
});
