/**
 * A workspace's `calendar/<year>.json` (objections.md "The calendar"): one year of the State
 * Council's holiday notice, for a year the built-in data does not know yet.
 *   { "year": 2027, "source": "国办发明电〔2026〕…号",
 *     "holidays": [["2027-01-01", "2027-01-03"], …], "workdays": ["2027-02-14"] }
 * A holiday range may carry the festival as a third element (["2027-02-05", "2027-02-12", "春节"]);
 * a one-day holiday may be written as a plain date.
 */
import { z } from 'zod';
import { daysToIso, isIsoDate, isoToDays, type IsoDate } from '../domain/dates.js';
import { isWeekend } from '../domain/working-days.js';

/** What is wrong with a key, as data; the catalogues say it in words (CALENDAR_FILE_INVALID). */
export type CalendarProblem = 'date' | 'outsideYear' | 'rangeOrder' | 'holidayAndWorkday' | 'yearMismatch' | 'workdayNotWeekend';

const isoDate = z.string().superRefine((value, ctx) => {
  if (!isIsoDate(value)) ctx.addIssue({ code: 'custom', message: 'date', params: { problem: 'date' satisfies CalendarProblem, value } });
});

const holidayEntry = z.union([isoDate, z.tuple([isoDate, isoDate]), z.tuple([isoDate, isoDate, z.string().trim().min(1)])]);

export const CalendarFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    year: z.number().int().min(1000).max(9999),
    source: z.string().trim().min(1).optional(),
    holidays: z.array(holidayEntry),
    workdays: z.array(isoDate).default([]),
  })
  .superRefine((file, ctx) => {
    const problem = (path: PropertyKey[], p: CalendarProblem, value: string): void => {
      ctx.addIssue({ code: 'custom', path, message: p, params: { problem: p, value } });
    };
    const inYear = (d: IsoDate): boolean => Number(d.slice(0, 4)) === file.year;
    const off = new Set<IsoDate>();
    for (const [i, entry] of file.holidays.entries()) {
      const [from, to] = typeof entry === 'string' ? [entry, entry] : [entry[0], entry[1]];
      if (!inYear(from)) problem(['holidays', i, 0], 'outsideYear', from);
      else if (!inYear(to)) problem(['holidays', i, 1], 'outsideYear', to);
      else if (to < from) problem(['holidays', i], 'rangeOrder', `${from}..${to}`);
      else for (let d = isoToDays(from); d <= isoToDays(to); d++) off.add(daysToIso(d));
    }
    for (const [i, date] of file.workdays.entries()) {
      if (!inYear(date)) problem(['workdays', i], 'outsideYear', date);
      else if (off.has(date)) problem(['workdays', i], 'holidayAndWorkday', date);
      // A 调休 working day is always a Saturday or Sunday: a weekday here is a typing slip.
      else if (!isWeekend(date)) problem(['workdays', i], 'workdayNotWeekend', date);
    }
  });

export type CalendarFile = z.infer<typeof CalendarFileSchema>;
