// Many findings (issues 7.2, 8.2), hostile text in the terminal (8.10) and the table's layout (7.11):
// the collector keeps at most limits.maxFindingsPerCode per file and code and counts the rest, the
// pretty output groups and caps its lines, neutralises control characters and wraps like Chinese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { cleanup, runCli, tempDir, TODAY } from './helpers/cases.js';
import { DiagnosticCollector } from '../src/diagnostics/collector.js';
import { makeDiagnostic, type RawDiagnostic } from '../src/diagnostics/diagnostic.js';
import { formatDiagnostics, writeDiagnostics, type PrettyOptions } from '../src/reporters/pretty.js';
import { displayWidth, wrapText } from '../src/reporters/wrap.js';
import { visible } from '../src/reporters/visible.js';
import { messagesFor } from '../src/messages/index.js';
import type { Report } from '../src/diagnostics/report.js';
import { findingRow, HEADER } from '../bench/generate.mjs';

let tmp: string;
beforeAll(() => {
  tmp = tempDir('reporting');
});
afterAll(() => cleanup(tmp));

const zh = messagesFor('zh-CN');
const plain: PrettyOptions = { chalk: new Chalk({ level: 0 }), ascii: false, quiet: false, width: 120 };

function csv(rows: string[][]): string {
  return `${rows.map((r) => r.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n')}\r\n`;
}

/** A list whose 证件号码 column (I) Excel stored as numbers: SCHEMA_ID_PRECISION_LOST on every row. */
function precisionLostCsv(name: string, rows: number, badDates: string[] = []): string {
  const body: string[][] = [HEADER];
  for (let i = 0; i < rows; i++) body.push(findingRow(i));
  // 认定日期 (column M) that do not exist: one finding each, each with its own message.
  for (const [i, d] of badDates.entries()) (body[i + 1] as string[])[12] = d;
  const path = join(tmp, name);
  writeFileSync(path, csv(body));
  return name;
}

const args = (file: string): string[] => [file, '--department', '就业办', '--quarter', '2026Q3', '--today', TODAY];

function report(diagnostics: RawDiagnostic[], collector = new DiagnosticCollector()): Report {
  for (const d of diagnostics) collector.add(d, '就业办', 0);
  return {
    schemaVersion: 1,
    tool: { name: 'hrss-credit', version: '0' },
    command: 'validate',
    valid: false,
    stats: { files: 1, rows: 0, errors: collector.counts.error, warnings: collector.counts.warning, info: collector.counts.info },
    diagnostics: collector.sorted(),
    dropped: collector.dropped(),
    exitCode: 1,
  };
}

function precisionLost(file: string, row: number, value = '4.10702E+17'): RawDiagnostic {
  return makeDiagnostic(
    'SCHEMA_ID_PRECISION_LOST',
    { field: 'idNumber', value },
    { file, sheet: 'Sheet1', row, column: 'E', field: 'idNumber' },
  );
}

describe('the collector keeps at most maxFindingsPerCode per file and code (issue 8.2)', () => {
  it('counts every finding, keeps the first N of each file and code, reports the rest', () => {
    const c = new DiagnosticCollector({ maxPerCode: 3 });
    for (let r = 2; r < 12; r++) c.add(precisionLost('a.csv', r));
    for (let r = 2; r < 4; r++) c.add(precisionLost('b.csv', r));
    for (let r = 2; r < 7; r++)
      c.add(makeDiagnostic('SCHEMA_REQUIRED', { field: 'subjectName' }, { file: 'a.csv', row: r, column: 'F', field: 'subjectName' }));
    expect(c.counts.error).toBe(17);
    expect(c.size).toBe(3 + 2 + 3);
    expect(c.dropped()).toEqual([
      { file: 'a.csv', code: 'SCHEMA_ID_PRECISION_LOST', severity: 'error', kept: 3, dropped: 7 },
      { file: 'a.csv', code: 'SCHEMA_REQUIRED', severity: 'error', kept: 3, dropped: 2 },
    ]);
    // The kept ones are the first rows.
    expect(
      c
        .sorted()
        .filter((d) => d.location.file === 'a.csv' && d.code === 'SCHEMA_ID_PRECISION_LOST')
        .map((d) => d.location.row),
    ).toEqual([2, 3, 4]);
  });

  it('validate: stats exact, diagnostics capped, `dropped` per file and code; the config sets the cap', async () => {
    const file = precisionLostCsv('many.csv', 1500);
    writeFileSync(join(tmp, 'cap.json'), JSON.stringify({ limits: { maxFindingsPerCode: 40 } }));
    const r = await runCli(['validate', ...args(file), '--format', 'json', '--config', 'cap.json'], tmp);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    const lost = doc.diagnostics.filter((d: { code: string }) => d.code === 'SCHEMA_ID_PRECISION_LOST');
    expect(lost.map((d: { location: { row: number } }) => d.location.row)).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
    expect(doc.dropped).toContainEqual({
      department: '就业办',
      file: 'many.csv',
      code: 'SCHEMA_ID_PRECISION_LOST',
      severity: 'error',
      kept: 40,
      dropped: 1460,
    });
    // Totals count every finding, listed or not.
    let errors = doc.diagnostics.filter((d: { severity: string }) => d.severity === 'error').length;
    for (const x of doc.dropped) if (x.severity === 'error') errors += x.dropped;
    expect(doc.stats.errors).toBe(errors);
    for (const x of doc.dropped) expect(doc.diagnostics.filter((d: { code: string }) => d.code === x.code).length).toBe(x.kept);
    // No finding dropped: the list is there and empty.
    const ok = await runCli(
      ['validate', 'fixtures/example-workspace/submissions/2026Q3/就业办', '--today', TODAY, '--format', 'json'],
      join(import.meta.dirname, '..'),
    );
    expect(JSON.parse(ok.stdout).dropped).toEqual([]);
  });
});

describe('pretty output with many findings (issue 7.2)', () => {
  it('groups one finding on many rows into one line with its row ranges, in linear time and without a stack overflow', () => {
    const many: RawDiagnostic[] = [];
    for (let r = 2; r <= 300_001; r++) if (r !== 10) many.push(precisionLost('big.csv', r));
    const out = formatDiagnostics(report(many, new DiagnosticCollector({ maxPerCode: 1_000_000 })), zh, plain);
    const location = out
      .split('\n')
      .filter((l) => l.startsWith('│'))
      .map((l) => (l.split('│')[1] as string).trim())
      .join('');
    expect(location).toContain('E2:E9、E11:E300001');
    expect(location).toContain('共 299999 处');
    expect(out.split('\n').filter((l) => l.startsWith('├')).length).toBe(1); // one line
  });

  it('--max-findings caps the table lines per file and says how many more; codes beyond the cap are named', async () => {
    const file = precisionLostCsv('capped.csv', 300, ['2026/9/31', '2026/2/30', '2026/4/31', '2026/6/31', '2026/11/31']);
    const all = await runCli(['validate', ...args(file)], tmp);
    // Six lines (a separator above each): I2:I301 grouped, five dates.
    expect(all.stdout.split('\n').filter((l) => l.startsWith('├')).length).toBe(6);
    const r = await runCli(['validate', ...args(file), '--max-findings', '2'], tmp);
    expect(r.code).toBe(1);
    // Two lines.
    expect(r.stdout.split('\n').filter((l) => l.startsWith('├')).length).toBe(2);
    expect(r.stdout).toContain('I2:I301');
    expect(r.stdout).toMatch(/还有 4 处/);
    const json = JSON.parse((await runCli(['validate', ...args(file), '--format', 'json', '--max-findings', '2'], tmp)).stdout);
    expect(json.diagnostics.length).toBeGreaterThan(300);
  });

  it('--max-findings is an option of every command and takes a whole number ≥ 1', async () => {
    expect((await runCli(['rules', 'SCHEMA_REQUIRED', '--max-findings', '5'], tmp)).code).toBe(0);
    expect((await runCli(['matrix', '--max-findings=5'], tmp)).code).toBe(0);
    expect((await runCli(['validate', 'x.csv', '--max-findings', '0'], tmp)).code).toBe(2);
    const bad = await runCli(['validate', 'x.csv', '--max-findings', 'lots', '--format', 'json'], tmp);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).error.code).toBe('USAGE');
  });

  it('writes file by file and lets the event loop (Ctrl-C) in between', async () => {
    const list: RawDiagnostic[] = [];
    for (const f of ['a.csv', 'b.csv', 'c.csv']) for (let r = 2; r < 5; r++) list.push(precisionLost(f, r, `${r}`));
    const events: string[] = [];
    let first = true;
    await writeDiagnostics(report(list), zh, plain, (s) => {
      events.push(`write ${s.length > 0}`);
      if (first) setImmediate(() => events.push('other work'));
      first = false;
    });
    expect(events.indexOf('other work')).toBeGreaterThan(0);
    expect(events.indexOf('other work')).toBeLessThan(events.length - 1);
  });
});

describe('hostile text is shown, not obeyed (issue 8.10)', () => {
  it('visible(): C0, C1, DEL and bidi controls become visible, Chinese stays', () => {
    expect(visible('名单\x1b[2J\x07\x9b\u202e\x7f')).toBe('名单␛[2J␇\\u009b\\u202e␡');
    expect(visible('第一行\n第二行', true)).toBe('第一行\n第二行');
  });

  it('a cell value, a header and a file name with escape sequences reach stdout neutralised; JSON stays exact', async () => {
    const rows: string[][] = [
      [...HEADER, '批注\x1b[5m'],
      [...findingRow(0), ''],
    ];
    (rows[1] as string[])[1] = '黑名单\x1b]0;pwned\x07\u202e';
    const name = 'evil\x1b[31m名单.csv';
    writeFileSync(join(tmp, name), csv(rows));
    const r = await runCli(['validate', ...args(name)], tmp);
    expect(r.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    expect(r.stdout).toContain('evil␛[31m名单.csv');
    expect(r.stdout).toContain('批注␛[5m');
    // (C0 controls in a value are already U+FFFD by the time it is checked; the bidi override is not.)
    expect(r.stdout).toContain('pwned');
    expect(r.stdout).toContain('\\u202e');
    const j = await runCli(['validate', ...args(name), '--format', 'json'], tmp);
    const doc = JSON.parse(j.stdout);
    expect(doc.diagnostics[0].location.file).toBe(name);
    expect(doc.diagnostics.some((d: { args: { header?: string } }) => d.args.header === '批注\x1b[5m')).toBe(true);
    expect(doc.diagnostics.some((d: { args: { value?: string } }) => d.args.value?.endsWith('pwned\ufffd\u202e'))).toBe(true);
  });
});

describe('the table in an 80-column terminal (issue 7.11)', () => {
  it('wrapText never starts a line with closing punctuation nor breaks a masked ID', () => {
    const text = '统一社会信用代码“91410704MA47KD2X8J”校验位错误：最后一位应为 H，证件号码 410702********0010 重复出现，请核对。';
    for (let w = 8; w <= 60; w++) {
      const lines = wrapText(text, w);
      for (const l of lines) {
        expect(displayWidth(l)).toBeLessThanOrEqual(w);
        expect(l).not.toMatch(/^[：，。、；！？）”]/);
      }
      if (w >= 18) expect(lines.some((l) => l.includes('410702********0010'))).toBe(true);
    }
  });

  it('fits 80 columns and gives the message column the room', () => {
    const d = makeDiagnostic(
      'SCHEMA_CREDIT_CODE_CHECKSUM',
      { value: '91410704MA47KD2X8J', position: 18, expected: 'H' },
      { file: 'a.csv', row: 3, column: 'F', field: 'creditCode' },
    );
    const id = makeDiagnostic(
      'SCHEMA_ID_CHECKSUM',
      { field: 'idNumber', value: '410702********0010', expected: '3' },
      {
        file: 'a.csv',
        row: 4,
        column: 'I',
        field: 'idNumber',
      },
    );
    const out = formatDiagnostics(report([d, id]), zh, { ...plain, width: 80 });
    const lines = out.trimEnd().split('\n').slice(1);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    const cols = (lines[0] as string).split('┬').map((s) => displayWidth(s));
    expect(cols[3]).toBeGreaterThan((cols[0] as number) + (cols[2] as number));
    expect(out).toContain('410702********0010');
    // The messages are the real ones (each code's own args), not a column named `undefined` or the 17th-position variant.
    expect(out).toContain('证件号码');
    expect(out).toContain('最后一位应为 H');
    expect(out).not.toContain('undefined');
    for (const l of lines) for (const cell of l.split('│')) expect(cell.trimStart()).not.toMatch(/^[：，。、；！？）”]/);
  });
});
