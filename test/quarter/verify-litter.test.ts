// What a system leaves in a package folder someone opened is not a file added to the package (submission.md's
// litter: "Office lock files (~$…), Thumbs.db, desktop.ini, .DS_Store"). compile says "check 报送情况.xlsx"; with it
// still open in Excel, `~$报送情况.xlsx` lay in the package, and verify failed it and publish refused it
// (REGISTER_PACKAGE_CHANGED) though no file of the package had changed.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanup, runCli, tempDir, TODAY } from '../helpers/cases.js';

let tmp: string;
let ws: string;
let pkg: string;

beforeAll(async () => {
  tmp = tempDir('verify-litter');
  ws = join(tmp, 'ws');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  expect((await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY], ROOT)).code).toBe(0);
  pkg = join(ws, 'packages', '2026Q3');
});
afterAll(() => cleanup(tmp));

const LITTER = [
  '~$报送情况.xlsx',
  '公示/.~lock.红名单.csv#',
  '典型案例/就业办/Thumbs.db',
  '公示/desktop.ini',
  '.DS_Store',
  '共享/._x.xlsx',
];

describe('verify and publish of a package folder with system litter in it', () => {
  it('the litter is not "added": verify passes, and a real file added is still found (exit 1)', async () => {
    for (const rel of LITTER) writeFileSync(join(pkg, rel), 'x');
    const r = await runCli(['verify', pkg, '--format', 'json'], tmp);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: true, added: [], changed: [], missing: [] });
    expect(r.code).toBe(0);
    writeFileSync(join(pkg, '公示', '另一份.csv'), 'x');
    const extra = await runCli(['verify', pkg, '--format', 'json'], tmp);
    expect(JSON.parse(extra.stdout)).toMatchObject({ valid: false, added: ['公示/另一份.csv'] });
    expect(extra.code).toBe(1);
  });

  it('publish records the package with the workbook still open in Excel (it was REGISTER_PACKAGE_CHANGED, exit 1)', async () => {
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), join(tmp, 'ws2'), { recursive: true });
    const ws2 = join(tmp, 'ws2');
    expect((await runCli(['compile', '2026Q3', '-w', ws2, '--today', TODAY], ROOT)).code).toBe(0);
    writeFileSync(join(ws2, 'packages', '2026Q3', '~$报送情况.xlsx'), 'x');
    const r = await runCli(['publish', '2026Q3', '-w', ws2, '--today', TODAY, '--by', '王五', '--format', 'json'], ROOT);
    expect(JSON.parse(r.stdout)).toMatchObject({ command: 'publish', outcome: 'published', batch: '2026Q3' });
    expect(r.code).toBe(0);
  });
});
