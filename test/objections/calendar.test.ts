// `hrss-credit calendar [YEAR]`: what the clerk and a script see, with the exit code.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanup, runCli, tempDir } from '../helpers/cases.js';

let tmp: string;
let n = 0;
beforeAll(() => {
  tmp = tempDir('calendar-cli');
});
afterAll(() => cleanup(tmp));

function workspace(calendar: Record<string, unknown> = {}): string {
  const ws = join(tmp, `ws${n++}`);
  mkdirSync(join(ws, 'calendar'), { recursive: true });
  writeFileSync(join(ws, 'hrss-credit.config.json'), '{}');
  for (const [name, content] of Object.entries(calendar))
    writeFileSync(join(ws, 'calendar', name), typeof content === 'string' ? content : JSON.stringify(content));
  return ws;
}

const Y2027 = { year: 2027, source: '国办发明电〔2026〕测试号', holidays: [['2027-01-01', '2027-01-03', '元旦']], workdays: [] };

describe('calendar', () => {
  it('prints the built-in 2026 schedule and where it comes from (JSON, exit 0)', async () => {
    const r = await runCli(['calendar', '2026', '--format', 'json'], workspace());
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, tool: { name: 'hrss-credit' }, command: 'calendar', valid: true, diagnostics: [] });
    expect(doc.calendar).toMatchObject({
      year: 2026,
      covered: true,
      source: { kind: 'builtin', package: 'chinese-days', version: '1.5.7' },
      workingDays: 248,
    });
    expect(doc.calendar.holidays.map((h: { from: string; to: string; name: string }) => [h.from, h.to, h.name])).toEqual([
      ['2026-01-01', '2026-01-03', '元旦'],
      ['2026-02-15', '2026-02-23', '春节'],
      ['2026-04-04', '2026-04-06', '清明'],
      ['2026-05-01', '2026-05-05', '劳动节'],
      ['2026-06-19', '2026-06-21', '端午'],
      ['2026-09-25', '2026-09-27', '中秋'],
      ['2026-10-01', '2026-10-07', '国庆节'],
    ]);
    expect(doc.calendar.workdays.map((d: { date: string; weekday: number }) => [d.date, d.weekday])).toEqual([
      ['2026-01-04', 0],
      ['2026-02-14', 6],
      ['2026-02-28', 6],
      ['2026-05-09', 6],
      ['2026-09-20', 0],
      ['2026-10-10', 6],
    ]);
    expect(doc.calendar.coverage.builtin.years[0]).toBe(2004);
    expect(doc.calendar.coverage.builtin.years.at(-1)).toBe(2026);
  });

  it('prints it for the clerk', async () => {
    const r = await runCli(['calendar', '2026'], workspace());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchSnapshot();
  });

  it('says a year is not covered: CALENDAR_NOT_COVERED, exit 1, with the file to add', async () => {
    const ws = workspace();
    const r = await runCli(['calendar', '2027', '--format', 'json'], ws);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.valid).toBe(false);
    expect(doc.calendar).toMatchObject({ year: 2027, covered: false, source: null, holidays: [], workdays: [], workingDays: null });
    expect(doc.diagnostics.map((d: { code: string; severity: string; args: unknown }) => [d.code, d.severity, d.args])).toEqual([
      ['CALENDAR_NOT_COVERED', 'error', { year: 2027, file: 'calendar/2027.json' }],
    ]);
    const pretty = await runCli(['calendar', '2027'], ws);
    expect(pretty.code).toBe(1);
    expect(pretty.stdout).toContain('calendar/2027.json');
    // Severity policy applies as to any finding.
    expect((await runCli(['calendar', '2027', '--ignore', 'CALENDAR_NOT_COVERED'], ws)).code).toBe(0);
  });

  it('shows a local file as the source of its year', async () => {
    const r = await runCli(['calendar', '2027', '--format', 'json'], workspace({ '2027.json': Y2027 }));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).calendar).toMatchObject({
      covered: true,
      source: { kind: 'file', path: 'calendar/2027.json', source: '国办发明电〔2026〕测试号' },
      holidays: [{ from: '2027-01-01', to: '2027-01-03', days: 3, name: '元旦', nameEn: null }],
      coverage: { local: [2027] },
    });
  });

  it('defaults to the year of --today', async () => {
    const r = await runCli(['calendar', '--today', '2025-06-01', '--format', 'json'], workspace());
    expect(JSON.parse(r.stdout).calendar.year).toBe(2025);
  });

  it('a bad calendar file is exit 2 naming the file and the key, in both languages', async () => {
    const ws = workspace({ '2027.json': { ...Y2027, workdays: ['2027-01-02'] } });
    const json = await runCli(['calendar', '2026', '--format', 'json'], ws);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).error.code).toBe('CALENDAR_FILE_INVALID');
    const zh = await runCli(['calendar', '2026'], ws);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/calendar\/2027\.json.*workdays\[0\]/);
    const en = await runCli(['calendar', '2026', '--lang', 'en'], ws);
    expect(en.stderr).toMatch(/calendar file calendar\/2027\.json is invalid: workdays\[0\]/);
  });

  it('a year that is not four digits is a usage error', async () => {
    const r = await runCli(['calendar', '27', '--format', 'json'], workspace());
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe('USAGE');
  });

  it('rules lists CALENDAR_NOT_COVERED', async () => {
    const r = await runCli(['rules', 'CALENDAR_NOT_COVERED', '--format', 'json'], workspace());
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rules).toMatchObject([{ code: 'CALENDAR_NOT_COVERED', severity: 'error', group: 'calendar' }]);
  });
});

describe('the calendar is loaded lazily', () => {
  /** Every module of dist/ that `from` reaches through static imports (dynamic import() not followed). */
  function staticGraph(from: string): Set<string> {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+'(\.[^']+)'/gms)) visit(resolve(dirname(file), m[1] as string));
    };
    visit(from);
    return seen;
  }
  it('only through the commands that count working days', () => {
    const graph = [...staticGraph(join(ROOT, 'dist', 'cli', 'program.js'))].map((f) => f.slice(ROOT.length + 1).replaceAll('\\', '/'));
    // The walk follows imports through other modules (the calendar's words now come with the language's
    // catalogue, loaded once the language is known: no longer a static import of the program).
    expect(graph).toContain('dist/messages/zh-CN/objections.js');
    expect(graph).not.toContain('dist/io/workspace/calendar.js');
    expect(graph).not.toContain('dist/api/objections/calendar.js');
    expect(staticGraph(join(ROOT, 'dist', 'cli', 'commands', 'calendar.js'))).toContain(
      join(ROOT, 'dist', 'io', 'workspace', 'calendar.js'),
    );
  });
});
