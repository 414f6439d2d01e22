// verify takes a batch name as export, status and report do (`verify 2026Q3-2` → the workspace's
// packages/2026Q3-2/, else packages/2026Q3-2.zip), and still a package folder or zip (cli.md
// `verify <package-dir>`); a name that is neither says what was looked for and how to fix it (exit 2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, tempDir, TODAY } from '../helpers/cases.js';

let tmp: string;
let ws: string;
const cli = (args: string[], cwd = ROOT) => runCli([...args, '--today', TODAY], cwd);
const doc = (stdout: string) => JSON.parse(stdout);

beforeAll(async () => {
  tmp = tempDir('verify-batch');
  ws = join(tmp, 'ws');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  expect((await cli(['compile', '2026Q3', '--zip', '-w', ws])).code).toBe(0);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('verify <batch>', () => {
  it('a batch name is the workspace’s package of that batch (-w, or the workspace around the current folder)', async () => {
    const byName = await cli(['verify', '2026Q3', '-w', ws, '--format', 'json']);
    expect(byName.code).toBe(0);
    expect(doc(byName.stdout)).toMatchObject({ kind: 'folder', valid: true });
    const checked = doc(byName.stdout).checked;
    expect(checked).toBeGreaterThan(3);
    const inside = await cli(['verify', '2026年第三季度', '--format', 'json'], ws);
    expect(inside.code).toBe(0);
    expect(doc(inside.stdout).checked).toBe(checked);
    // A path still names the package itself.
    expect((await cli(['verify', join(ws, 'packages', '2026Q3')])).code).toBe(0);
    expect((await cli(['verify', 'packages/2026Q3'], ws)).code).toBe(0);
  });

  it('a changed file is found through the batch name too (exit 1)', async () => {
    const copy = join(tmp, 'changed');
    cpSync(ws, copy, { recursive: true });
    appendFileSync(join(copy, 'packages', '2026Q3', 'records.json'), ' ');
    expect((await cli(['verify', '2026Q3', '-w', copy])).code).toBe(1);
  });

  it('without the folder, the batch’s zip', async () => {
    const copy = join(tmp, 'zip-only');
    cpSync(ws, copy, { recursive: true });
    rmSync(join(copy, 'packages', '2026Q3'), { recursive: true });
    const r = await cli(['verify', '2026Q3', '-w', copy, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(doc(r.stdout)).toMatchObject({ kind: 'zip', valid: true });
  });

  it('neither a path nor a compiled batch: PACKAGE_NOT_FOUND saying what was looked for and the fix (zh-CN, en)', async () => {
    const zh = await cli(['verify', '2026Q3-2', '-w', ws]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('工作目录里也没有 2026Q3-2 批次的汇总包（packages/2026Q3-2/ 或 packages/2026Q3-2.zip）');
    expect(zh.stderr).toContain('请先汇总（hrss-credit compile 2026Q3-2）');
    const en = await cli(['verify', '2026Q3-2', '-w', ws, '--lang', 'en', '--format', 'json']);
    expect(en.code).toBe(2);
    expect(doc(en.stdout).error.code).toBe('PACKAGE_NOT_FOUND');
    expect(doc(en.stdout).error.message).toContain(
      'the workspace has no package of batch 2026Q3-2 (packages/2026Q3-2/ or packages/2026Q3-2.zip); compile it first',
    );
    const noWorkspace = await cli(['verify', '2026Q3', '--lang', 'en'], tmp);
    expect(noWorkspace.code).toBe(2);
    expect(noWorkspace.stderr).toContain('no workspace was found to look for batch 2026Q3');
    // Not a batch either: the path as given.
    const other = await cli(['verify', 'nosuch', '-w', ws]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('找不到汇总包：nosuch');
  });
});
