// A Strict Open XML workbook (Excel's "Strict" save) with --annotate: the patcher once looked for a free name
// for a styles part with a name maker that ignored its number, and spun forever at full CPU (SIGTERM unheard).
// Now it ends: the report as validate gives it, and no marked-up copy (the patcher does not mix namespaces).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, ROOT, tempDir } from '../../helpers/cases.js';

const dir = tempDir('hrss-strict-');
afterAll(() => cleanup(dir));

describe('a Strict Open XML workbook', () => {
  it('validate --annotate ends with the findings and writes no copy', () => {
    copyFileSync(join(ROOT, 'fixtures', 'corpus', 'sheetjs-test-files', 'sheet_visibility_strict.xlsx'), join(dir, 'strict.xlsx'));
    // A child process with a deadline: the old loop never returned to the event loop, so only a kill ends it.
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'hrss-credit.js'), 'validate', 'strict.xlsx', '--annotate', '--format', 'json'],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 45_000,
        killSignal: 'SIGKILL',
      },
    );
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.diagnostics.map((d: { code: string }) => d.code)).toContain('FILE_NO_LIST');
    expect(doc.annotated ?? []).toEqual([]);
    expect(
      existsSync(join(dir, '检查结果'))
        ? readdirSync(join(dir, '检查结果'), { recursive: true }).filter((f) => String(f).endsWith('.xlsx'))
        : [],
    ).toEqual([]);
  }, 60_000);
});
