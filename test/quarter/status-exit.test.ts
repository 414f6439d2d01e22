// status's exit code follows cli.md "Exit codes" as validate's and compile's do: 1 when the batch has an
// error-severity finding (or a warning under --strict), 0 otherwise — whatever the format, --quiet, or whether
// the batch is published (truth.md: a published batch that compiled is exit 0; one whose files have since got an
// error is not). The process's own exit code is checked once through bin/ (a pipeline's `$?` is its last
// command's, not status's). docs/decisions.md "status and the exit code".
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanup, runCli, tempDir } from '../helpers/cases.js';

const TODAY = ['--today', '2026-10-15'];
const LIST = join('submissions', '2026Q3', '劳动关系科', '劳动关系科信用红黑名单.csv');
let tmp = '';
let n = 0;
beforeAll(() => {
  tmp = tempDir('status-exit');
});
afterAll(() => cleanup(tmp));

function workspace(): string {
  const ws = join(tmp, '新乡 人社', `ws ${++n}`);
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  return ws;
}

/** A wrong check digit in 劳动关系科's list (its file is GB18030; the code is ASCII). */
function breakCheckDigit(ws: string): void {
  const file = join(ws, LIST);
  const bytes = readFileSync(file, 'latin1');
  expect(bytes).toContain('91410704MA47KD2X8H');
  writeFileSync(file, bytes.replace('91410704MA47KD2X8H', '91410704MA47KD2X8J'), 'latin1');
}

const status = (ws: string, more: string[] = []) => runCli(['status', '2026Q3', ...TODAY, ...more], ws);

describe('status exit codes (cli.md)', () => {
  it('an error-severity finding: exit 1 in the terminal, in JSON (valid: false) and with --quiet; the process too', async () => {
    const ws = workspace();
    breakCheckDigit(ws);
    expect((await status(ws)).code).toBe(1);
    expect((await status(ws, ['--quiet'])).code).toBe(1);
    const j = await status(ws, ['--format', 'json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)).toMatchObject({ valid: false, stats: { errors: 1 } });
    const p = spawnSync(process.execPath, [join(ROOT, 'bin', 'hrss-credit.js'), 'status', '2026Q3', ...TODAY], {
      cwd: ws,
      encoding: 'utf8',
    });
    expect(p.status).toBe(1);
  });

  it('warnings only: exit 0; under --strict exit 1', async () => {
    const ws = workspace();
    // A department that has sent nothing: PACKAGE_SUBMISSION_MISSING, a warning.
    renameSync(join(ws, 'submissions', '2026Q3', '考试中心'), join(ws, '考试中心 (not sent)'));
    const r = await status(ws, ['--format', 'json']);
    expect(JSON.parse(r.stdout).stats).toMatchObject({ errors: 0, warnings: 1 });
    expect(r.code).toBe(0);
    expect((await status(ws, ['--strict'])).code).toBe(1);
  });

  it('a published batch: exit 0 as compiled; exit 1 once one of its files has an error', async () => {
    const ws = workspace();
    expect((await runCli(['compile', '2026Q3', ...TODAY], ws)).code).toBe(0);
    expect((await runCli(['publish', '2026Q3', ...TODAY], ws)).code).toBe(0);
    expect((await status(ws)).code).toBe(0);
    breakCheckDigit(ws);
    const j = await status(ws, ['--format', 'json']);
    expect(JSON.parse(j.stdout).published).toMatchObject({ batch: '2026Q3' });
    expect(j.code).toBe(1);
  });
});
