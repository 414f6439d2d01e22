// A workspace's calendar/<year>.json: validated on load, wins over the built-in data for its year.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '../../../src/io/workspace/calendar.js';
import { ToolError } from '../../../src/diagnostics/tool-error.js';
import { deadline, isWorkingDay } from '../../../src/domain/working-days.js';
import { ConfigSchema } from '../../../src/io/workspace/workspace.js';
import { cleanup, tempDir } from '../../helpers/cases.js';

let tmp: string;
let n = 0;
beforeAll(() => {
  tmp = tempDir('calendar');
});
afterAll(() => cleanup(tmp));

/** A fresh workspace with these files under calendar/ (objects are written as JSON). */
function workspace(files: Record<string, unknown>): string {
  const ws = join(tmp, `ws${n++}`);
  mkdirSync(join(ws, 'calendar'), { recursive: true });
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(ws, 'calendar', name), typeof content === 'string' ? content : JSON.stringify(content));
  return ws;
}

function failure(fn: () => unknown): { code: string; args: Record<string, string | number> } {
  try {
    fn();
  } catch (err) {
    if (err instanceof ToolError) return { code: err.code, args: err.args };
    throw err;
  }
  throw new Error('no error');
}

const Y2027 = {
  year: 2027,
  source: '国办发明电〔2026〕测试号',
  holidays: [['2027-01-01', '2027-01-03'], ['2027-02-05', '2027-02-12', '春节'], '2027-04-05'],
  workdays: ['2027-02-14'],
};

describe('calendar/<year>.json', () => {
  it('covers its year: deadlines across New Year are computed', () => {
    const ws = workspace({ '2027.json': Y2027 });
    const cal = loadCalendar({ cwd: ws, workspace: ws });
    expect(cal.localYears).toEqual([2027]);
    expect(cal.years.get(2027)?.source).toEqual({ kind: 'file', path: 'calendar/2027.json', source: '国办发明电〔2026〕测试号' });
    expect(deadline('2026-12-30', 3, cal)).toEqual({ deadline: '2027-01-05' });
    expect(isWorkingDay('2027-02-14', cal)).toBe(true);
    expect(isWorkingDay('2027-04-05', cal)).toBe(false);
    expect(cal.years.get(2027)?.holidays.get('2027-02-08')).toEqual({ zh: '春节' });
  });

  it('wins over the built-in data for its year', () => {
    // A (fictitious) amended 2026: 10-08 made a holiday too.
    const ws = workspace({ '2026.json': { year: 2026, holidays: [['2026-10-01', '2026-10-08']], workdays: ['2026-10-10'] } });
    const cal = loadCalendar({ cwd: ws, workspace: ws });
    expect(cal.years.get(2026)?.source.kind).toBe('file');
    expect(isWorkingDay('2026-10-08', cal)).toBe(false);
    // Only this file's days count for 2026 now: 2-16 (春节 in the built-in data) is a working Monday.
    expect(isWorkingDay('2026-02-16', cal)).toBe(true);
    expect(deadline('2026-09-30', 3, cal)).toEqual({ deadline: '2026-10-12' });
    expect(cal.years.get(2025)?.source.kind).toBe('builtin');
  });

  it('ignores files that are not .json and reads config calendar.extraFile', () => {
    const ws = workspace({ 'notice.txt': 'x' });
    writeFileSync(join(ws, 'calendar-2027.json'), JSON.stringify(Y2027));
    const cal = loadCalendar({ cwd: ws, workspace: ws, extraFile: 'calendar-2027.json' });
    expect(cal.localYears).toEqual([2027]);
    expect(cal.years.get(2027)?.source).toMatchObject({ kind: 'file', path: 'calendar-2027.json' });
  });

  it('treats __proto__ as a date key like any other, never as the prototype', () => {
    const ws = workspace({ '2027.json': '{"year":2027,"holidays":[],"workdays":[],"__proto__":{"x":1}}' });
    expect(failure(() => loadCalendar({ cwd: ws, workspace: ws }))).toMatchObject({
      code: 'CALENDAR_FILE_INVALID',
      args: { file: 'calendar/2027.json', key: '__proto__', problem: 'shape' },
    });
  });

  it.each([
    ['a date outside the year', { ...Y2027, holidays: [['2026-12-31', '2027-01-01']] }, 'holidays[0][0]', 'outsideYear'],
    ['a range ending before it starts', { ...Y2027, holidays: [['2027-01-03', '2027-01-01']] }, 'holidays[0]', 'rangeOrder'],
    ['a day both holiday and workday', { ...Y2027, workdays: ['2027-02-14', '2027-02-06'] }, 'workdays[1]', 'holidayAndWorkday'],
    ['a 调休 day on a weekday', { ...Y2027, workdays: ['2027-02-15'] }, 'workdays[0]', 'workdayNotWeekend'],
    ['a year that is not the file name', { ...Y2027, year: 2028, holidays: [], workdays: [] }, 'year', 'yearMismatch'],
    ['a date that does not exist', { ...Y2027, workdays: ['2027-02-30'] }, 'workdays[0]', 'date'],
    ['a date written otherwise', { ...Y2027, holidays: [['2027/1/1', '2027-01-03']] }, 'holidays[0][0]', 'date'],
    ['an unknown key', { ...Y2027, holiday: [] }, 'holiday', 'shape'],
    ['no holidays key', { year: 2027, workdays: [] }, 'holidays', 'shape'],
    ['text that is not JSON', '{"year": 2027,', '(JSON)', 'json'],
  ])('%s is CALENDAR_FILE_INVALID naming the file and the key', (_what, content, key, problem) => {
    const ws = workspace({ '2027.json': content });
    expect(failure(() => loadCalendar({ cwd: ws, workspace: ws }))).toMatchObject({
      code: 'CALENDAR_FILE_INVALID',
      args: { file: 'calendar/2027.json', key, problem },
    });
  });

  it('refuses a .json whose name is not a year, a folder, a link and an oversized file', () => {
    let ws = workspace({ '2027年.json': Y2027 });
    expect(failure(() => loadCalendar({ cwd: ws, workspace: ws }))).toMatchObject({
      args: { file: 'calendar/2027年.json', key: '(file name)', problem: 'fileName' },
    });
    ws = workspace({});
    mkdirSync(join(ws, 'calendar', '2027.json'));
    expect(failure(() => loadCalendar({ cwd: ws, workspace: ws }))).toMatchObject({ args: { problem: 'notFile' } });
    ws = workspace({});
    writeFileSync(join(ws, 'real.json'), JSON.stringify(Y2027));
    symlinkSync(join(ws, 'real.json'), join(ws, 'calendar', '2027.json'));
    expect(failure(() => loadCalendar({ cwd: ws, workspace: ws }))).toMatchObject({ args: { problem: 'notFile' } });
    ws = workspace({ '2027.json': `${JSON.stringify(Y2027)}${' '.repeat(1_048_577)}` });
    expect(failure(() => loadCalendar({ cwd: ws, workspace: ws }))).toMatchObject({ args: { problem: 'tooLarge' } });
  });

  it('refuses two files for one year; a missing extraFile is left out (CONFIG_FILE_MISSING is the context’s)', () => {
    const ws = workspace({ '2027.json': Y2027 });
    writeFileSync(join(ws, 'extra.json'), JSON.stringify(Y2027));
    expect(failure(() => loadCalendar({ cwd: ws, workspace: ws, extraFile: 'extra.json' }))).toMatchObject({
      args: { file: 'extra.json', problem: 'duplicateYear', other: 'calendar/2027.json' },
    });
    // Since round 31 (house33, test/config-file-missing.test.ts) a missing file is a warning, not an exit 2: the
    // rest of the calendar stands.
    expect(loadCalendar({ cwd: ws, workspace: ws, extraFile: 'nope.json' }).years.has(2027)).toBe(true);
  });
});

describe('config objections', () => {
  it('defaults to 3 and 7 working days, and takes other values', () => {
    expect(ConfigSchema.parse({}).objections).toEqual({ workingDays: 3, providerCheckDays: 7, letterNumber: '新人社函〔{year}〕{n}号' });
    expect(ConfigSchema.parse({ objections: { providerCheckDays: 10 } }).objections).toEqual({
      workingDays: 3,
      providerCheckDays: 10,
      letterNumber: '新人社函〔{year}〕{n}号',
    });
    expect(() => ConfigSchema.parse({ objections: { providerCheckDays: 0 } })).toThrow();
  });
});
