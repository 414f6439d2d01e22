// template's usage errors are catalogued like the other commands' (cli.md "a usage error exits 2"; the
// messages name the fix): not the bare "命令用法错误：--all" / "usage error: department" they were. Nothing is
// written, and JSON carries the same text under error.
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanup, runCli, tempDir } from '../helpers/cases.js';

let tmp = '';
let ws = '';
beforeAll(() => {
  tmp = tempDir('template-usage');
  ws = join(tmp, '新乡 人社', '信用 红黑名单');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
});
afterAll(() => cleanup(tmp));

const TODAY = ['--today', '2026-10-15'];
const cases: Array<[string, string[], string, string]> = [
  [
    '--all with a department',
    ['template', '就业办', '--all', '--quarter', '2026Q3'],
    '科室名称“就业办”和 --all 只能选一个：只要一个科室的填报表，写 hrss-credit template 就业办；要给每个科室各生成一份，写 hrss-credit template --all --quarter 2026Q3',
    'give a department ("就业办") or --all, not both: hrss-credit template 就业办 writes that department\'s form, hrss-credit template --all --quarter 2026Q3',
  ],
  [
    'neither a department nor --all',
    ['template'],
    '请指明要生成哪个科室的填报表，例如 hrss-credit template 就业办；要给每个科室各生成一份，写 hrss-credit template --all --quarter 2026Q3',
    "say which department's form to write, e.g. hrss-credit template 就业办; for one per department, hrss-credit template --all --quarter 2026Q3",
  ],
  [
    '--all without --quarter',
    ['template', '--all'],
    '--all 需要 --quarter：每份填报表放进 submissions/<季度>/<科室>/，请写明季度，例如 hrss-credit template --all --quarter 2026Q3',
    '--all needs --quarter: each form goes into submissions/<quarter>/<department>/; name the quarter, e.g. hrss-credit template --all --quarter 2026Q3',
  ],
  [
    '--all with --out',
    ['template', '--all', '--quarter', '2026Q3', '--out', '表.xlsx'],
    '--all 与 --out 不能同用：--out 指定的是一个文件，--all 会给每个科室各写一份到其文件夹；请去掉 --out',
    '--all and --out do not go together: --out names one file, --all writes one form into each department’s folder; drop --out',
  ],
];

const tree = (): string[] => (readdirSync(ws, { recursive: true }) as string[]).sort();

describe('template: a catalogued usage error, exit 2, nothing written', () => {
  it.each(cases)('%s', async (_name, args, zh, en) => {
    const before = tree();
    const z = await runCli([...args, ...TODAY], ws);
    expect(z.code).toBe(2);
    expect(z.stderr).toContain(zh);
    const e = await runCli([...args, ...TODAY, '--lang', 'en'], ws);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain(en);
    const j = await runCli([...args, ...TODAY, '--format', 'json', '--lang', 'en'], ws);
    expect(j.code).toBe(2);
    const doc = JSON.parse(j.stdout);
    expect(doc.error.code).toBe('USAGE');
    expect(doc.error.message).toContain(en);
    expect(tree()).toEqual(before);
  });
});
