// Issue 18 "Hangs and half-written files": every output is written to a temporary name and renamed.
// A disk that fills half-way through a file (HRSS_CREDIT_FAULT=enospc-partial@<part>, io/faults.ts)
// leaves the previous file (or none) and no temporary file, exits 2 WRITE_FAILED, and only a package
// write may say "原有的汇总包未受影响"; the rerun then writes the file.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publishedSuite, runCli, ROOT } from './register/helpers.js';
import { withFault } from './helpers/faults.js';

const env = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '100' };
const { fresh } = publishedSuite('atomic', env);
const PACKAGE_PROMISE = /原有的汇总包未受影响|previous package is untouched/;

afterEach(() => {
  delete process.env.HRSS_CREDIT_FAULT;
});

const cli = (ws: string, args: string[]) => runCli([...args, '-w', ws, '--today', '2026-10-15'], ROOT, env);

/** The files of `dir` that look like a temporary file of ours left behind. */
function leftovers(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((n) => /\.tmp/.test(n)) : [];
}

/** Outputs that may replace an earlier file: [name, args given the target path]. */
const REPLACEABLE: [string, string, (ws: string, out: string) => string[]][] = [
  ['report', '报告.html', (_ws, out) => ['report', '2026Q3', '--out', out]],
  ['supervise --xlsx', '督查.xlsx', (_ws, out) => ['supervise', '2026', '--xlsx', out]],
  ['register list --xlsx', '台账.xlsx', (_ws, out) => ['register', 'list', '--xlsx', out]],
];

describe('a full disk half-way through an output leaves the previous file, no temporary file, exit 2', () => {
  it.each(REPLACEABLE)('%s', async (_name, file, args) => {
    const ws = fresh();
    const out = join(ws, 'out', file);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, 'PREVIOUS');
    for (const lang of ['zh-CN', 'en']) {
      const r = await withFault(`enospc-partial@${file}`, () => cli(ws, [...args(ws, out), '--format', 'json', '--lang', lang]));
      expect(r.code).toBe(2);
      const doc = JSON.parse(r.stdout) as { error: { code: string; message: string } };
      expect(doc.error.code).toBe('WRITE_FAILED');
      expect(doc.error.message).toContain('ENOSPC');
      expect(doc.error.message).not.toMatch(PACKAGE_PROMISE);
      expect(readFileSync(out, 'utf8')).toBe('PREVIOUS');
      expect(leftovers(dirname(out))).toEqual([]);
    }
    const again = await cli(ws, args(ws, out));
    expect(again.code).toBe(0);
    expect(readFileSync(out).subarray(0, 8).toString()).not.toBe('PREVIOUS');
  });

  it('objection letter: the letter is whole or absent', async () => {
    const ws = fresh();
    const records = JSON.parse(readFileSync(join(ws, 'packages', '2026Q3', 'records.json'), 'utf8')).records as { id: string }[];
    const added = await runCli(
      [
        'objection',
        'add',
        '--received',
        '2026-09-30',
        '--from',
        '申请人甲',
        '--summary',
        '认定事实有误',
        '--record',
        records[0]!.id,
        '-w',
        ws,
        '--today',
        '2026-10-09',
      ],
      ROOT,
      env,
    );
    expect(added.code).toBe(0);
    expect(
      (
        await runCli(
          [
            'objection',
            'resolve',
            'O2026-001',
            '--outcome',
            '维持',
            '--opinion',
            '经核查认定无误',
            '--by',
            '李四',
            '-w',
            ws,
            '--today',
            '2026-10-09',
          ],
          ROOT,
          env,
        )
      ).code,
    ).toBe(0);
    const out = join(ws, 'letters', '复函.docx');
    const r = await withFault('enospc-partial@复函', () =>
      runCli(['objection', 'letter', 'O2026-001', '--out', out, '-w', ws, '--today', '2026-10-09', '--format', 'json'], ROOT, env),
    );
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe('WRITE_FAILED');
    expect(JSON.parse(r.stdout).error.message).not.toMatch(PACKAGE_PROMISE);
    expect(existsSync(out)).toBe(false);
    expect(leftovers(dirname(out))).toEqual([]);
    expect((await runCli(['objection', 'letter', 'O2026-001', '--out', out, '-w', ws, '--today', '2026-10-09'], ROOT, env)).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('export: no truncated credit-office file, exit 2', async () => {
    const ws = fresh();
    const to = join(ws, 'export');
    const r = await withFault('enospc-partial@.csv', () => cli(ws, ['export', '2026Q3', '--to', to, '--format', 'json']));
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe('WRITE_FAILED');
    expect(JSON.parse(r.stdout).error.message).not.toMatch(PACKAGE_PROMISE);
    for (const f of readdirSync(to, { recursive: true }) as string[]) expect(basename(f)).not.toMatch(/\.csv|\.tmp/);
  });

  it('template: a full disk leaves no truncated form, and the rerun writes it (not "已存在，未覆盖")', async () => {
    const ws = fresh();
    const out = join(ws, 'forms', '就业办.xlsx');
    const r = await withFault('enospc-partial@就业办.xlsx', () =>
      cli(ws, ['template', '就业办', '--quarter', '2026Q4', '--out', out, '--format', 'json']),
    );
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe('WRITE_FAILED');
    expect(JSON.parse(r.stdout).error.message).not.toMatch(PACKAGE_PROMISE);
    expect(existsSync(out)).toBe(false);
    expect(leftovers(dirname(out))).toEqual([]);
    const again = await cli(ws, ['template', '就业办', '--quarter', '2026Q4', '--out', out, '--format', 'json']);
    expect(again.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    // An existing form is still never overwritten.
    const third = await cli(ws, ['template', '就业办', '--quarter', '2026Q4', '--out', out]);
    expect(third.code).toBe(0);
  });

  it('template --all: a full disk on one department leaves none half-written', async () => {
    const ws = fresh();
    const r = await withFault('enospc-partial@劳动关系科', () => cli(ws, ['template', '--all', '--quarter', '2026Q4', '--format', 'json']));
    expect(r.code).toBe(2);
    const folder = join(ws, 'submissions', '2026Q4', '劳动关系科');
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
    expect((await cli(ws, ['template', '--all', '--quarter', '2026Q4'])).code).toBe(0);
    expect(readdirSync(folder).length).toBe(1);
  });

  it('validate --annotate onto a full disk: exit 2 WRITE_FAILED, not 0 "检查通过" with no copy', async () => {
    const ws = fresh();
    const dept = join(ws, 'submissions', '2026Q3', '就业办');
    const fb = join(ws, 'feedback');
    for (const lang of ['zh-CN', 'en']) {
      const r = await withFault('enospc-partial@检查结果', () =>
        runCli(['validate', dept, '--annotate', fb, '--today', '2026-10-15', '--format', 'json', '--lang', lang], ws, env),
      );
      expect(r.code).toBe(2);
      const doc = JSON.parse(r.stdout) as { error: { code: string; message: string } };
      expect(doc.error.code).toBe('WRITE_FAILED');
      expect(doc.error.message).not.toMatch(PACKAGE_PROMISE);
      expect(existsSync(fb) ? readdirSync(fb) : []).toEqual([]);
    }
  });

  it('compile: a package write failure still says the previous package is untouched', async () => {
    const ws = join(fresh(), 'unpublished');
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
    const r = await withFault('enospc-partial@records.json', () => cli(ws, ['compile', '2026Q3', '--format', 'json']));
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe('WRITE_FAILED');
    expect(JSON.parse(r.stdout).error.message).toMatch(PACKAGE_PROMISE);
    expect(existsSync(join(ws, 'packages', '2026Q3'))).toBe(false);
  });
});
