// Files that vanish, are folders, or lie where they should not: findings or a clear exit 2.
import { cpSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbook } from '../../../src/io/sniff.js';
import { DEFAULT_LIMITS } from '../../../src/schemas/config.js';
import { scoreRows } from '../../../src/table/header.js';
import { FileProblem } from '../../../src/io/errors.js';
import { ROOT, cleanup, runCli, tempDir } from '../../helpers/cases.js';

let tmp: string;
beforeAll(() => {
  tmp = tempDir('edges');
});
afterAll(() => cleanup(tmp));

async function problemOf(path: string): Promise<FileProblem> {
  try {
    await openWorkbook(path, 'x', { limits: DEFAULT_LIMITS, score: scoreRows });
  } catch (err) {
    return err as FileProblem;
  }
  throw new Error('no problem');
}

describe('the disk under the reader', () => {
  it('a file that vanished is FILE_UNREADABLE (ENOENT), not a crash', async () => {
    const p = await problemOf(join(tmp, 'gone.xlsx'));
    expect(p).toBeInstanceOf(FileProblem);
    expect(p.args).toEqual({ reason: 'io', detail: 'ENOENT' });
  });
  it('a folder named like a workbook is FILE_UNREADABLE', async () => {
    mkdirSync(join(tmp, 'folder.xlsx'));
    const p = await problemOf(join(tmp, 'folder.xlsx'));
    expect(p.code).toBe('FILE_UNREADABLE');
  });
  it('files lying directly in the quarter folder are FILE_LOOSE', async () => {
    const q = join(tmp, 'ws', 'submissions', '2026Q3');
    cpSync(join(ROOT, 'fixtures', 'example-workspace', 'submissions', '2026Q3', '就业办'), join(q, '就业办'), { recursive: true });
    writeFileSync(join(q, '汇总.xlsx'), 'x');
    const res = await runCli(['validate', q, '--today', '2026-10-15', '--format', 'json'], tmp);
    const doc = JSON.parse(res.stdout);
    expect(doc.diagnostics.map((d: { code: string; location: { file: string } }) => [d.code, d.location.file])).toEqual([
      ['FILE_LOOSE', 'ws/submissions/2026Q3/汇总.xlsx'],
    ]);
    expect(res.code).toBe(0);
  });
  it('validate on a workspace checks every department of every quarter', async () => {
    const res = await runCli(['validate', join(ROOT, 'fixtures', 'example-workspace'), '--today', '2026-10-15', '--format', 'json'], tmp);
    const doc = JSON.parse(res.stdout);
    expect(res.code).toBe(0);
    expect(doc.stats.rows).toBe(17);
  });
});

describe('text a spreadsheet would run', () => {
  it('is exported as text: an apostrophe in CSV, a string cell in xlsx', async () => {
    const ws = join(tmp, 'inject');
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
    const iconv = (await import('iconv-lite')).default;
    const csv = join(ws, 'submissions/2026Q3/劳动关系科/劳动关系科信用红黑名单.csv');
    const text = iconv
      .decode(readFileSync(csv), 'gb18030')
      .replace('强迫劳动者超时加班，经责令改正拒不改正', '"=HYPERLINK(""http://x"",""点击"")"');
    writeFileSync(csv, iconv.encode(text, 'gb18030'));
    const res = await runCli(['compile', '2026Q3', '-w', ws, '--today', '2026-10-15'], tmp);
    expect(res.code).toBe(0);
    const out = readFileSync(join(ws, 'packages/2026Q3/公示/黑名单.csv'), 'utf8');
    expect(out).toContain(`"'=HYPERLINK(""http://x"",""点击"")"`);
    const wb = await openWorkbook(join(ws, 'packages/2026Q3/公示/新乡市人社局信用红黑名单_2026Q3.xlsx'), 'x', {
      limits: DEFAULT_LIMITS,
      score: scoreRows,
    });
    const values: unknown[] = [];
    await wb.sheets[1]?.read((r) => {
      values.push(...r.cells);
    });
    await wb.close();
    expect(values).toContain('=HYPERLINK("http://x","点击")');
  });
});
