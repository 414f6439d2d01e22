// A clone before `npm ci` (no dist/, no node_modules/): bin/ says what to run, exit 2, no stack trace
// (docs/decisions.md "A clone not installed"). Seen by a new user's trial: Node's ERR_MODULE_NOT_FOUND trace.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'hrss not installed '));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function clone(name: string, withDist: boolean): string {
  const dir = join(tmp, name);
  cpSync(join(root, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  if (withDist) cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true });
  return dir;
}

const run = (dir: string, args: string[]) =>
  spawnSync(process.execPath, [join(dir, 'bin', 'hrss-credit.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, HRSS_CREDIT_LANG: '' },
  });

describe('a clone not installed', () => {
  it('no dist/: exit 2, the Chinese sentence naming npm ci and the folder, nothing on stdout, no stack trace', () => {
    const dir = clone('无 dist', false);
    const r = run(dir, ['validate', 'x']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `hrss-credit 尚未安装完整（缺少 dist）：请在 ${dir}${dir.endsWith('/') ? '' : '/'} 中运行 npm ci，完成后再试。\n`,
    );
  });

  it('--format json --lang en: one exit-2 document with error code NOT_INSTALLED', () => {
    const dir = clone('no dist json', false);
    const r = run(dir, ['validate', 'x', '--format', 'json', '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ command: 'validate', valid: false, error: { code: 'NOT_INSTALLED' } });
    expect(doc.error.message).toMatch(/^hrss-credit is not installed completely \(dist is missing\): run npm ci in /);
  });

  it("dist/ but no node_modules/: names the missing package; --debug shows Node's own error", () => {
    const dir = clone('no modules', true);
    const r = run(dir, ['--version']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^hrss-credit 尚未安装完整（缺少 [a-z@][^）]*）：请在 .* 中运行 npm ci，完成后再试。\n$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const debug = run(dir, ['--version', '--debug']);
    expect(debug.stderr).toContain('ERR_MODULE_NOT_FOUND');
  });
});
