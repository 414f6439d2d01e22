/** English words of the working-day calendar (the shape: ../types.ts CalendarUiText). */
import { CALENDAR_SHAPE_PROBLEMS, calendarExample, type CalendarArgs } from '../calendar.js';
import type { CalendarUiText } from '../types.js';

const PROBLEM_EN: Record<string, (a: CalendarArgs) => string> = {
  date: (a) => `"${a.value}" is not a date written YYYY-MM-DD`,
  outsideYear: (a) => `the date ${a.value} is not in the file's year`,
  rangeOrder: (a) => `the holiday range ${a.value} ends before it starts`,
  holidayAndWorkday: (a) => `${a.value} is both a holiday (holidays) and a make-up working day (workdays)`,
  workdayNotWeekend: (a) => `${a.value} is not a Saturday or Sunday, so it cannot be a make-up working day`,
  yearMismatch: (a) => `year is ${a.value} but the file name says ${a.expected}`,
  duplicateYear: (a) => `${a.value} is already given by ${a.other}; one calendar file per year`,
  fileName: () => 'the file name must be the year, e.g. 2027.json',
  json: (a) => `not valid JSON (${a.detail ?? ''})`,
  shape: (a) => `wrong shape (${a.detail ?? ''})`,
  notFile: () => 'not a regular file (a folder, shortcut or link)',
  tooLarge: (a) => `too large (over ${a.max ?? ''} bytes) for one year's holidays`,
  ENOENT: () => 'the file does not exist',
  encoding: () => 'neither UTF-8 nor GB18030 text; save it as UTF-8',
};

export function enCalendarFileInvalid(a: CalendarArgs): string {
  const problem = String(a.problem);
  const text = Object.hasOwn(PROBLEM_EN, problem) ? (PROBLEM_EN[problem] as (a: CalendarArgs) => string)(a) : `cannot be read (${problem})`;
  const shape = CALENDAR_SHAPE_PROBLEMS.has(problem) ? `; the shape is ${calendarExample(2027)}` : '';
  return `calendar file ${a.file} is invalid: ${a.key}: ${text}${shape}`;
}

const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

export const enCalendarUi: CalendarUiText = {
  title: (y) => `Holidays and working days of ${y}`,
  source: (s) =>
    s.kind === 'builtin' ? `source: built-in data ${s.package} ${s.version}` : `source: ${s.path}${s.source ? ` (${s.source})` : ''}`,
  holidays: 'Holidays:',
  workdays: 'Make-up working days (调休):',
  none: '(none)',
  range: (from, to, days) => (from === to ? `${from} (1 day)` : `${from} to ${to} (${days} days)`),
  weekdays: WEEKDAYS_EN,
  workingDays: (n) => `${n} working days in the year`,
  coverage: (builtin, local) => `calendar covers: built-in ${builtin}${local ? `; workspace calendar/ adds ${local}` : ''}`,
  notCovered: (y) => `${y} is not in the working-day calendar.`,
  badYear: (v) => `cannot read the year "${v}"; write four digits, e.g. 2027`,
};
