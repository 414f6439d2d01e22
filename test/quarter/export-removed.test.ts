// `export` writes the sheets and CSVs of the package's 公示/共享 again, 移出名单 (and 更正名单) included:
// for the example's 2026Q3 (an expiry against the register), before and after its publication, for a
// supplementary batch that only carries a 撤销, and — outside any workspace — with what records.json
// holds and a warning (EXPORT_REMOVED_NOT_FOUND) rather than invented rows (docs/decisions.md).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanup, runCli, tempDir, EXAMPLE_2026Q2_IMPORT } from '../helpers/cases.js';
import { loadWorkbook } from '../helpers/workbook.js';

const ENV = { HRSS_CREDIT_USER: 'tester' };
let tmp: string;
let ws: string;

async function cli(today: string, ...args: string[]): Promise<{ code: number; stdout: string }> {
  const res = await runCli(['-w', ws, '--today', today, ...args], ROOT, ENV);
  return { code: res.code, stdout: res.stdout };
}

/** Every sheet's cell values, by sheet name, in order. */
async function sheets(file: string): Promise<[string, unknown[][]][]> {
  const wb = await loadWorkbook(readFileSync(file));
  return wb.worksheets.map((s) => {
    const rows: unknown[][] = [];
    s.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return [s.name, rows];
  });
}

/** The export of `batch` for `audience` equals the package's folder of that audience: every sheet's cells, each CSV the package has byte for byte. */
async function expectSameAsPackage(batch: string, audience: 'public' | 'sharing', today: string, name: string): Promise<string> {
  const to = join(tmp, name);
  const res = await cli(today, 'export', batch, '--to', to, '--audience', audience, '--format', 'json');
  expect(res.code).toBe(0);
  expect(JSON.parse(res.stdout).diagnostics).toEqual([]);
  const pkg = join(ws, 'packages', batch, audience === 'public' ? '公示' : '共享');
  const xlsx = readdirSync(pkg).find((f) => f.endsWith('.xlsx')) as string;
  const got = await sheets(join(to, xlsx));
  expect(got.map(([n]) => n)).toContain('移出名单');
  expect(got).toEqual(await sheets(join(pkg, xlsx)));
  for (const csv of readdirSync(pkg).filter((f) => f.endsWith('.csv')))
    expect(readFileSync(join(to, csv))).toEqual(readFileSync(join(pkg, csv)));
  return to;
}

beforeAll(async () => {
  tmp = tempDir('export-removed');
  ws = join(tmp, 'ws');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  const history = join(ws, 'history', '2026Q2');
  const csvs = readdirSync(history).map((f) => join(history, f));
  expect((await cli('2026-10-15', 'register', 'import', ...csvs, ...EXAMPLE_2026Q2_IMPORT)).code).toBe(0);
  expect((await cli('2026-10-15', 'compile', '2026Q3')).code).toBe(0);
});
afterAll(() => cleanup(tmp));

describe('export writes 移出名单 as the package holds it', () => {
  it('2026Q3 not yet published: the same sheets, rows and CSVs as the package, public and sharing', async () => {
    const to = await expectSameAsPackage('2026Q3', 'public', '2026-10-15', 'q3-public');
    expect(readFileSync(join(to, '移出名单.csv'), 'utf8').split('\r\n').length).toBeGreaterThan(2);
    const shared = await expectSameAsPackage('2026Q3', 'sharing', '2026-10-15', 'q3-sharing');
    expect(existsSync(join(shared, '移出名单_共享.csv'))).toBe(true);
  });

  it('a supplementary batch carrying only a 撤销, and 2026Q3 once published (the register before its publication)', async () => {
    expect((await cli('2026-10-15', 'publish', '2026Q3', '--on', '2026-10-15')).code).toBe(0);
    expect(
      (
        await cli(
          '2026-10-16',
          'objection',
          'add',
          '--received',
          '2026-10-16',
          '--from',
          '甲',
          '--summary',
          'x',
          '--record',
          'def85c732524',
          '--channel',
          '来函',
        )
      ).code,
    ).toBe(0);
    expect(
      (await cli('2026-10-20', 'objection', 'resolve', 'O2026-001', '--outcome', '撤销', '--opinion', '撤销认定', '--on', '2026-10-20'))
        .code,
    ).toBe(0);
    mkdirSync(join(ws, 'submissions', '2026Q3-2'), { recursive: true });
    expect((await cli('2026-10-22', 'compile', '2026Q3-2')).code).toBe(0);
    const to = await expectSameAsPackage('2026Q3-2', 'public', '2026-10-22', 'q3-2-public');
    const removed = readFileSync(join(to, '移出名单.csv'), 'utf8').split('\r\n');
    expect(removed[1]).toMatch(/^1,def85c732524,黑名单,.+,撤销,2026-10-20,撤销认定,,/);
    await expectSameAsPackage('2026Q3-2', 'sharing', '2026-10-22', 'q3-2-sharing');
    await expectSameAsPackage('2026Q3', 'public', '2026-10-22', 'q3-published-public');
  });

  it('outside any workspace: the removal rows records.json holds, the record columns empty, and a warning', async () => {
    const loose = join(tmp, 'loose');
    cpSync(join(ws, 'packages', '2026Q3-2'), loose, { recursive: true });
    const to = join(tmp, 'loose-out');
    const res = await runCli(['export', loose, '--to', to, '--format', 'json', '--lang', 'en'], tmp, ENV);
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(doc.diagnostics.map((d: { code: string; severity: string; args: unknown }) => [d.code, d.severity, d.args])).toEqual([
      ['EXPORT_NO_REGISTER', 'warning', { quarter: '2026Q3-2', count: 1, ids: ['def85c732524'] }],
    ]);
    // It says there is no register, not that the register lacks the records (round 30).
    expect(doc.diagnostics[0].message).toContain('there is no register here');
    expect(doc.files).toContain('移出名单.csv');
    const lines = readFileSync(join(to, '移出名单.csv'), 'utf8').split('\r\n');
    expect(lines.slice(1)).toEqual(['1,def85c732524,,,,,,,,撤销,2026-10-20,撤销认定,,考试中心', '']);
    const pretty = await runCli(['export', loose, '--to', join(tmp, 'loose-zh')], tmp, ENV);
    expect(pretty.code).toBe(0);
    expect(pretty.stdout).toContain('EXPORT_NO_REGISTER');
    expect(pretty.stdout.replace(/[\s│]/g, '')).toContain('这里没有登记簿');
    expect(pretty.stdout).not.toContain('在登记簿中找不到');
  });
});
