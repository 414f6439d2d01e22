/** The working-day calendar's words that belong to no language, and the shape of its texts (words: zh-CN/calendar.ts, en/calendar.ts). */
import type { CalendarUiText } from './types.js';

export type { CalendarUiText };

/** Calendar file problems whose fix is to rewrite the file in its shape: the message shows calendarExample. */
export const CALENDAR_SHAPE_PROBLEMS: ReadonlySet<string> = new Set(['shape', 'json', 'fileName', 'ENOENT']);

export type CalendarArgs = Record<string, string | number>;

/** The shape of a calendar file, shown wherever the clerk is told to write one. */
export function calendarExample(year: number | string): string {
  // Pasteable as it stands (valid JSON, valid on load): 元旦 is a holiday every year; the notice's other ranges
  // and 调休 days are added the same way (the hint says so).
  return `{"year": ${year}, "source": "国务院办公厅关于${year}年部分节假日安排的通知", "holidays": [["${year}-01-01", "${year}-01-01"]], "workdays": []}`;
}
