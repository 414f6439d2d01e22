// Hostile inputs beyond fixtures/broken: out-of-calendar --today and quarters (usage errors), a
// compile over a date serial beyond Excel's calendar (once an endless loop), the compact
// shared-string table, and separator-only CSV records parsed in the worker thread.
import { spawnSync } from 'node:child_process';
import { cpSync, copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanup, runCli, tempDir } from '../../helpers/cases.js';
import { SharedStrings } from '../../../src/io/xlsx/xlsx.js';

const BROKEN = join(ROOT, 'fixtures', 'broken');
let tmp: string;
beforeAll(() => {
  tmp = tempDir('hostile');
});
afterAll(() => cleanup(tmp));

describe('years outside 1900–2999 on the command line', () => {
  it.each([
    [['--today', '1000-01-01', '--quarter', 'Q3'], 'DATE_INVALID'],
    [['--today', '3000-01-01', '--quarter', 'Q3'], 'DATE_INVALID'],
    [['--today', '2026-10-15', '--quarter', '999Q3'], 'QUARTER_INVALID'],
    [['--today', '2026-10-15', '--quarter', '3000Q1'], 'QUARTER_INVALID'],
    [['--today', '1900-02-01', '--quarter', 'Q3'], 'QUARTER_INVALID'],
  ])('%j is a usage error', async (args, code) => {
    const res = await runCli(
      ['validate', join(BROKEN, 'no-r-attributes.xlsx'), '--department', '就业办', ...args, '--format', 'json'],
      tmp,
    );
    expect(res.code).toBe(2);
    expect(JSON.parse(res.stdout).error.code).toBe(code);
  });
});

describe('a date serial beyond the calendar', () => {
  it('compile --dry-run ends with SCHEMA_DATE_INVALID (it once looped forever)', () => {
    const ws = join(tmp, 'ws');
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
    copyFileSync(join(BROKEN, 'date-serial-beyond-calendar.xlsx'), join(ws, 'submissions', '2026Q3', '就业办', '劳务派遣红黑名单.xlsx'));
    // A child process: an endless loop would otherwise hang the test runner itself.
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'hrss-credit.js'), 'compile', '2026Q3', '--dry-run', '-w', ws, '--today', '2026-10-15', '--format', 'json'],
      {
        encoding: 'utf8',
        timeout: 120_000,
        killSignal: 'SIGKILL',
      },
    );
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    const dates = doc.diagnostics.filter((d: { code: string }) => d.code === 'SCHEMA_DATE_INVALID');
    expect(dates.map((d: { location: { row: number } }) => d.location.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});

describe('the compact shared-string table', () => {
  it('gives back every entry, across chunks, empty and long ones included', () => {
    const t = new SharedStrings();
    const all: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const s = i % 7 === 0 ? '' : i % 50 === 1 ? '长'.repeat(30000) : `文本${i}`;
      all.push(s);
      t.push(s);
    }
    t.seal();
    expect(t.length).toBe(all.length);
    for (let i = 0; i < all.length; i++) expect(t.get(i)).toBe(all[i]);
    expect(t.get(-1)).toBeUndefined();
    expect(t.get(10_000)).toBeUndefined();
    expect(t.get(1.5)).toBeUndefined();
    expect(t.get(Number.NaN)).toBeUndefined();
  });
});

describe('separator-only CSV records in the worker thread', async () => {
  const { setCsvWorkerThreshold } = await import('../../../dist/io/csv/csv.js');
  it.each(['黑名单-csv-commas-only.csv', '黑名单-csv-commas-cr-only.csv', '黑名单-csv-commas-gb18030.csv'])(
    '%s names maxColumns',
    async (name) => {
      const file = join(tmp, name);
      copyFileSync(join(BROKEN, name), file);
      setCsvWorkerThreshold(0);
      try {
        const res = await runCli(
          ['validate', file, '--department', '就业办', '--quarter', '2026Q3', '--today', '2026-10-15', '--format', 'json'],
          tmp,
        );
        const doc = JSON.parse(res.stdout);
        expect(res.code).toBe(1);
        expect(doc.diagnostics.map((d: { code: string }) => d.code)).toEqual(['FILE_UNREADABLE']);
        expect(doc.diagnostics[0].args.limit).toBe('maxColumns');
      } finally {
        setCsvWorkerThreshold(8 * 1024 * 1024);
      }
    },
  );
  it('a record padded with separators up to 16,384 fields still reads', async () => {
    const file = join(tmp, '黑名单-padded.csv');
    const head = '序号,领域,主体类别,主体名称,统一社会信用代码,法定代表人,列入事由,认定依据,认定文书号,认定日期';
    writeFileSync(
      file,
      `${head}${','.repeat(16000)}\r\n1,劳务派遣,法人及非法人组织,新乡市红旗区示例建材有限公司,91410702MA46B2QK4T,赵一鸣,事由,依据,新人社监罚〔2026〕101号,2026-08-03${','.repeat(300)}\r\n`,
    );
    const res = await runCli(
      ['validate', file, '--department', '就业办', '--quarter', '2026Q3', '--today', '2026-10-15', '--format', 'json'],
      tmp,
    );
    expect(JSON.parse(res.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual([]);
    expect(res.code).toBe(0);
  });
});

describe('watchColumns', () => {
  it('finds the same overflow however the bytes are chunked', async () => {
    const { watchColumns } = await import('../../../src/io/csv/csv-decode.js');
    const { PassThrough } = await import('node:stream');
    const fc = (await import('fast-check')).default;
    const run = (chunks: Buffer[], max: number): number | undefined => {
      const s = new PassThrough();
      let found: number | undefined;
      watchColumns(s, ',', max, (f) => (found = f));
      for (const c of chunks) s.emit('data', c);
      return found;
    };
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(',', ',', ',', 'a', '"', '\n', '\r', '长'), { maxLength: 300 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 30 }),
        (parts, cuts, max) => {
          const whole = Buffer.from(parts.join(''));
          const chunks: Buffer[] = [];
          let at = 0;
          for (let k = 0; at < whole.length; k++) {
            const n = cuts[k % cuts.length] as number;
            chunks.push(whole.subarray(at, at + n));
            at += n;
          }
          const byByte = run(
            Array.from(whole, (x) => Buffer.from([x])),
            max,
          );
          expect(run(chunks, max) === undefined).toBe(byByte === undefined);
          expect(run([whole], max) === undefined).toBe(byByte === undefined);
        },
      ),
      { numRuns: 500 },
    );
  });
});
