/** Chinese words of the working-day calendar (the shape: ../types.ts CalendarUiText). */
import { CALENDAR_SHAPE_PROBLEMS, calendarExample, type CalendarArgs } from '../calendar.js';
import type { CalendarUiText } from '../types.js';

const PROBLEM_ZH: Record<string, (a: CalendarArgs) => string> = {
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
  encoding: () => '既不是 UTF-8 也不是 GB18030 编码的文本；请另存为 UTF-8',
};

export function zhCalendarFileInvalid(a: CalendarArgs): string {
  const problem = String(a.problem);
  const text = Object.hasOwn(PROBLEM_ZH, problem) ? (PROBLEM_ZH[problem] as (a: CalendarArgs) => string)(a) : `无法读取（${problem}）`;
  const shape = CALENDAR_SHAPE_PROBLEMS.has(problem) ? `；格式应为 ${calendarExample(2027)}` : '';
  return `日历文件 ${a.file} 有误：${a.key}：${text}${shape}`;
}

const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

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
