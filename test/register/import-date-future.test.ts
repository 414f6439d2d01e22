// register import --published-on a day after today (round 32): recorded as given, as publish's --on (a list brought in
// was published already, so the day is a slip; a script may still know a date ahead of its machine's clock), and said —
// IMPORT_DATE_FUTURE, a warning, on the screen (zh and en) and in the JSON. It was accepted without a word, and that
// day's register list lacked the batch. On or before today: no word.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCliOn } from '../helpers/memory-workspace.js';
import { readEvents, TODAY } from './helpers.js';
import { publishedSuiteOnPort } from './memory-suite.js';

const env = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '100', HRSS_CREDIT_USER: '测试' };
const { io, files, fresh } = publishedSuiteOnPort('import-future', env);
const imp = (ws: string, on: string, extra: string[] = []) =>
  runCliOn(
    io,
    [
      'register',
      'import',
      join(ws, 'submissions/2026Q3/就业办/劳务派遣红黑名单.xlsx'),
      '--batch',
      '2026Q4',
      '--published-on',
      on,
      '-w',
      ws,
      '--today',
      TODAY,
      ...extra,
    ],
    ws,
    env,
  );

describe('register import --published-on after today', () => {
  it('records it and warns (IMPORT_DATE_FUTURE), zh and en; on today no word', async () => {
    const ws = fresh();
    const res = await imp(ws, '2026-10-16', ['--format', 'json']);
    expect(res.code, res.stdout).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(doc.outcome).toBe('imported');
    expect(
      doc.diagnostics
        .filter((d: { code: string }) => d.code.endsWith('_DATE_FUTURE'))
        .map((d: { code: string; severity: string; args: unknown }) => [d.code, d.severity, d.args]),
    ).toEqual([['IMPORT_DATE_FUTURE', 'warning', { batch: '2026Q4', on: '2026-10-16', today: TODAY }]]);
    expect(readEvents(ws, files).at(-1)).toMatchObject({ type: 'import', batch: '2026Q4', on: '2026-10-16' });

    const zh = await imp(fresh(), '2026-10-16');
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('IMPORT_DATE_FUTURE');
    expect(zh.stdout).toContain('晚于今天');
    const en = await imp(fresh(), '2026-10-16', ['--lang', 'en']);
    expect(en.stdout).toContain('after today');
    // Above what was recorded.
    expect(en.stdout.indexOf('imported: 2026Q4')).toBeGreaterThan(en.stdout.indexOf('IMPORT_DATE_FUTURE'));

    const today = await imp(fresh(), TODAY, ['--format', 'json']);
    expect(JSON.parse(today.stdout).diagnostics.map((d: { code: string }) => d.code)).not.toContain('IMPORT_DATE_FUTURE');
  });
});
