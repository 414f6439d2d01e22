/**
 * Working days and objection deadlines (objections.md "The deadline"), pure: the calendar comes in
 * as data (src/io/workspace/calendar.ts loads it), nothing here touches the disk or the clock.
 *
 * A working day is a Monday–Friday that is not a holiday of the State Council's yearly notice
 * (国务院办公厅关于某年部分节假日安排的通知), plus the weekend days that notice turns into working
 * days (调休). Only the notice knows either, so a day of a year no notice covers is never guessed:
 * every count that needs one answers `{ notCovered: year }` (the coverage guard).
 */
import { daysToIso, isoToDays, type IsoDate } from './dates.js';

/** Where a year's schedule comes from: the pinned `chinese-days` package, or a workspace file. */
export type CalendarSource = { kind: 'builtin'; package: string; version: string } | { kind: 'file'; path: string; source?: string };

/** A holiday's or 调休 day's festival, in Chinese and (built-in data only) English. */
export interface DayName {
  zh: string;
  en?: string;
}

export interface YearSchedule {
  year: number;
  /** Days off (weekends inside a holiday included), keyed by date; the festival when known. */
  holidays: ReadonlyMap<IsoDate, DayName | undefined>;
  /** Weekend days that are working days (调休 上班). */
  workdays: ReadonlyMap<IsoDate, DayName | undefined>;
  source: CalendarSource;
}

export interface Calendar {
  /** Every covered year; a year missing here is not covered. */
  years: ReadonlyMap<number, YearSchedule>;
}

export type DeadlineResult = { deadline: IsoDate } | { notCovered: number };
export type CountResult = { days: number } | { notCovered: number };

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 (day 0) was a Thursday. */
export function weekday(date: IsoDate): number {
  return (((isoToDays(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

export function isCovered(cal: Calendar, year: number): boolean {
  return cal.years.has(year);
}

/** true / false for a covered day; `undefined` for a day of an uncovered year (never a guess). */
export function isWorkingDay(date: IsoDate, cal: Calendar): boolean | undefined {
  const year = cal.years.get(yearOf(date));
  if (!year) return undefined;
  if (year.workdays.has(date)) return true;
  if (year.holidays.has(date)) return false;
  return !isWeekend(date);
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working-day count must be a positive integer, got ${n}`);
}

/**
 * The Nth working day after the day of receipt (objections.md): the day of receipt is not counted
 * (民法典 第二百零一条), and one received on a holiday or a weekend starts counting from the next
 * day all the same. Needing any day of an uncovered year → `{ notCovered: year }`.
 */
export function deadline(received: IsoDate, n: number, cal: Calendar): DeadlineResult {
  checkCount(n);
  let day = isoToDays(received);
  let found = 0;
  // Terminates: the covered years are finite, so either n working days are found or an uncovered year is reached.
  for (;;) {
    day++;
    const date = daysToIso(day);
    const working = isWorkingDay(date, cal);
    if (working === undefined) return { notCovered: yearOf(date) };
    if (working && ++found === n) return { deadline: date };
  }
}

/** Working days d with from < d ≤ to (0 when to ≤ from); an uncovered day in between → notCovered. */
export function countWorkingDays(from: IsoDate, to: IsoDate, cal: Calendar): CountResult {
  const end = isoToDays(to);
  let days = 0;
  for (let day = isoToDays(from) + 1; day <= end; day++) {
    const date = daysToIso(day);
    const working = isWorkingDay(date, cal);
    if (working === undefined) return { notCovered: yearOf(date) };
    if (working) days++;
  }
  return { days };
}

/** Past its deadline: a plain date comparison, so it holds even when the calendar has run out. */
export function isOverdue(today: IsoDate, due: IsoDate): boolean {
  return today > due;
}

/**
 * Working days left before a deadline, for `objection list`:
 * - on or before the deadline: the working days after today up to and including the deadline, so
 *   the day of receipt shows N and the deadline itself 0 ("due today");
 * - after it: minus the working days since the deadline up to and including today, and at least −1,
 *   so a weekend just after a Friday deadline already shows overdue.
 * `null` while the deadline itself is pending or the span touches an uncovered year (objections.md:
 * `"workingDaysLeft"` is null likewise).
 */
export function workingDaysLeft(today: IsoDate, due: IsoDate | null, cal: Calendar): number | null {
  if (due === null) return null;
  if (!isOverdue(today, due)) {
    const r = countWorkingDays(today, due, cal);
    return 'days' in r ? r.days : null;
  }
  const r = countWorkingDays(due, today, cal);
  return 'days' in r ? -Math.max(1, r.days) : null;
}

export interface HolidayRange {
  from: IsoDate;
  to: IsoDate;
  days: number;
  name?: DayName;
}

/** A year's holidays as runs of consecutive days with the same festival, in date order. */
export function holidayRanges(year: YearSchedule): HolidayRange[] {
  const dates = [...year.holidays.keys()].sort();
  const out: HolidayRange[] = [];
  for (const date of dates) {
    const name = year.holidays.get(date);
    const last = out[out.length - 1];
    if (last && isoToDays(date) === isoToDays(last.to) + 1 && last.name?.zh === name?.zh) {
      last.to = date;
      last.days++;
    } else out.push({ from: date, to: date, days: 1, ...(name ? { name } : {}) });
  }
  return out;
}

/** The number of working days in a covered year (undefined when not covered). */
export function workingDaysInYear(cal: Calendar, year: number): number | undefined {
  if (!isCovered(cal, year)) return undefined;
  const r = countWorkingDays(`${String(year - 1).padStart(4, '0')}-12-31`, `${year}-12-31`, cal);
  return 'days' in r ? r.days : undefined;
}
