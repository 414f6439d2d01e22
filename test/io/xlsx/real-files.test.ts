// Files saved by LibreOffice, gnumeric, openpyxl and Chinese Excel (made by scripts/make-real-files.sh).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, project, runCli } from '../../helpers/cases.js';

const REAL = join(ROOT, 'fixtures', 'real');

describe.each(readdirSync(REAL).sort())('%s', (name) => {
  it('gives exactly the findings a clerk expects', async () => {
    const spec = JSON.parse(readFileSync(join(REAL, name, 'expect.json'), 'utf8'));
    const file = readdirSync(join(REAL, name)).find((f) => f !== 'expect.json') as string;
    const res = await runCli(
      [
        'validate',
        join(REAL, name, file),
        '--department',
        spec.department,
        '--quarter',
        '2026Q3',
        '--today',
        '2026-10-15',
        '--format',
        'json',
      ],
      ROOT,
    );
    expect(JSON.parse(res.stdout).diagnostics.map(project)).toEqual(spec.expect);
    expect(res.code).toBe(spec.expect.length > 0 ? 1 : 0);
  });
});

describe('large CSV files are parsed in a worker thread, with the same findings', async () => {
  const { setCsvWorkerThreshold, csvWorkerRuns } = await import('../../../dist/io/csv/csv.js');
  const { loadCases, buildCase, tempDir, cleanup, TODAY } = await import('../../helpers/cases.js');
  const csvCases = loadCases().filter((c) => c.target?.endsWith('.csv') || c.target?.endsWith('.txt'));
  it.each(csvCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const dir = tempDir('worker');
    try {
      const target = await buildCase(c, dir);
      const args = [
        'validate',
        target,
        '--today',
        TODAY,
        '--format',
        'json',
        ...(c.options?.department ? ['--department', c.options.department] : []),
      ];
      setCsvWorkerThreshold(0);
      const before = csvWorkerRuns();
      const inWorker = await runCli(args, dir);
      const afterWorker = csvWorkerRuns();
      setCsvWorkerThreshold(Number.POSITIVE_INFINITY);
      const inThread = await runCli(args, dir);
      // A worker parsed the file to its end, and the in-thread run started none.
      expect(afterWorker - before).toBe(1);
      expect(csvWorkerRuns()).toBe(afterWorker);
      expect(JSON.parse(inWorker.stdout).diagnostics.map(project)).toEqual(c.expect);
      expect(inWorker.stdout).toBe(inThread.stdout);
    } finally {
      setCsvWorkerThreshold(8 * 1024 * 1024);
      cleanup(dir);
    }
  });
});
