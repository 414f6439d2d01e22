// Files saved by LibreOffice, gnumeric, openpyxl and Chinese Excel (made by scripts/make-real-files.sh).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, project, runCli } from '../helpers/cases.js';

const REAL = join(ROOT, 'fixtures', 'real');

describe.each(readdirSync(REAL).sort())('%s', (name) => {
  it('gives exactly the findings a clerk expects', async () => {
    const spec = JSON.parse(readFileSync(join(REAL, name, 'expect.json'), 'utf8'));
    const file = readdirSync(join(REAL, name)).find((f) => f !== 'expect.json') as string;
    const res = await runCli(['validate', join(REAL, name, file), '--department', spec.department, '--quarter', '2026Q3', '--today', '2026-10-15', '--format', 'json'], ROOT);
    expect(JSON.parse(res.stdout).diagnostics.map(project)).toEqual(spec.expect);
    expect(res.code).toBe(spec.expect.length > 0 ? 1 : 0);
  });
});
