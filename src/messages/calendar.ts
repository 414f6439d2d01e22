/** The working-day calendar's words, in both languages (kept apart: the main catalogues are long). */
import type { CalendarSource } from '../domain/working-days.js';

export interface CalendarUiText {
  title(year: number): string;
  source(s: CalendarSource): string;
  holidays: string;
  workdays: string;
  none: string;
  range(from: string, to: string, days: number): string;
  weekdays: readonly string[];
  workingDays(n: number): string;
  coverage(builtin: string, local: string): string;
  notCovered(year: number): string;
  badYear(value: string): string;
}

/** The shape of a calendar file, shown wherever the clerk is told to write one. */
export function calendarExample(year: number | string): string {
  // Pasteable as it stands (valid JSON, valid on load): 元旦 is a holiday every year; the notice's other ranges
  // and 调休 days are added the same way (the hint says so).
  return `{"year": ${year}, "source": "国务院办公厅关于${year}年部分节假日安排的通知", "holidays": [["${year}-01-01", "${year}-01-01"]], "workdays": []}`;
}

type Args = Record<string, string | number>;

const PROBLEM_ZH: Record<string, (a: Args) => string> = {
  date: (a) => `“${a.value}”不是有效的日期，请写作 YYYY-MM-DD`,
  outsideYear: (a) => `日期 ${a.value} 不在本文件的年份内`,
  rangeOrder: (a) => `放假区间 ${a.value} 的结束日期早于开始日期`,
  holidayAndWorkday: (a) => `${a.value} 既在放假日（holidays）中又在调休上班日（workdays）中`,
  workdayNotWeekend: (a) => `${a.value} 不是星期六或星期日，不会是调休上班日`,
  yearMismatch: (a) => `year 为 ${a.value}，与文件名的年份 ${a.expected} 不符`,
  duplicateYear: (a) => `${a.value} 年已由 ${a.other} 给出，同一年只能有一个日历文件`,
  fileName: () => '文件名应为“年份.json”，如 2027.json',
  json: (a) => `不是有效的 JSON（${a.detail ?? ''}）`,
  shape: (a) => `格式不符（${a.detail ?? ''}）`,
  notFile: () => '不是普通文件（是文件夹、快捷方式或链接）',
  tooLarge: (a) => `文件过大（超过 ${a.max ?? ''} 字节），不像是一年的节假日安排`,
  ENOENT: () => '文件不存在',
};

const PROBLEM_EN: Record<string, (a: Args) => string> = {
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
};

const SHAPE_PROBLEMS = new Set(['shape', 'json', 'fileName', 'ENOENT']);

export function calendarFileInvalidZh(a: Args): string {
  const problem = String(a.problem);
  const text = Object.hasOwn(PROBLEM_ZH, problem) ? (PROBLEM_ZH[problem] as (a: Args) => string)(a) : `无法读取（${problem}）`;
  const shape = SHAPE_PROBLEMS.has(problem) ? `；格式应为 ${calendarExample(2027)}` : '';
  return `日历文件 ${a.file} 有误：${a.key}：${text}${shape}`;
}

export function calendarFileInvalidEn(a: Args): string {
  const problem = String(a.problem);
  const text = Object.hasOwn(PROBLEM_EN, problem) ? (PROBLEM_EN[problem] as (a: Args) => string)(a) : `cannot be read (${problem})`;
  const shape = SHAPE_PROBLEMS.has(problem) ? `; the shape is ${calendarExample(2027)}` : '';
  return `calendar file ${a.file} is invalid: ${a.key}: ${text}${shape}`;
}

const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

export const zhCalendarUi: CalendarUiText = {
  title: (y) => `${y} 年节假日安排`,
  source: (s) =>
    s.kind === 'builtin' ? `来源：内置数据 ${s.package} ${s.version}` : `来源：${s.path}${s.source ? `（${s.source}）` : ''}`,
  holidays: '放假：',
  workdays: '调休上班：',
  none: '（无）',
  range: (from, to, days) => (from === to ? `${from}（1 天）` : `${from} 至 ${to}（${days} 天）`),
  weekdays: WEEKDAYS_ZH,
  workingDays: (n) => `全年工作日 ${n} 天`,
  coverage: (builtin, local) => `日历覆盖：内置 ${builtin} 年${local ? `；工作目录 calendar/ 另有 ${local} 年` : ''}`,
  notCovered: (y) => `${y} 年不在工作日日历中。`,
  badYear: (v) => `无法识别的年份“${v}”；请写作四位数字，如 2027`,
};

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
