/**
 * Calendar dates as `YYYY-MM-DD` strings: no time zone ever enters (exceljs issue 486: Beijing
 * dates shift by a day when a Date at UTC midnight is formatted in local time).
 */
import { toHalfWidth } from './text.js';

export type IsoDate = string;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

/**
 * The calendar the tool works in: years 1900–2999. A date outside it is no date of a credit list
 * (a typo, a serial beyond Excel's calendar, a hostile file) and is refused where it enters.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

/** A real day of a 4-digit year (birth dates of ID numbers go back to 1880). */
export function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    y >= 1000 &&
    y <= 9999 &&
    Number.isInteger(m) &&
    m >= 1 &&
    m <= 12 &&
    Number.isInteger(d) &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

/** A real day within the tool's calendar, years 1900–2999. */
export function isCalendarYmd(y: number, m: number, d: number): boolean {
  return isValidYmd(y, m, d) && y >= MIN_YEAR && y <= MAX_YEAR;
}

/** Whether a string is a `YYYY-MM-DD` of any 4-digit year (the shape the arithmetic below needs). */
function isIsoShape(date: string): boolean {
  return typeof date === 'string' && /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/.test(date);
}

function requireIso(date: IsoDate, what: string): void {
  if (!isIsoShape(date)) throw new RangeError(`${what}: not a date: ${String(date).slice(0, 40)}`);
}

export function formatYmd(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function splitIso(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

const DAY_MS = 86_400_000;

export function isoToDays(date: IsoDate): number {
  const [y, m, d] = splitIso(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function daysToIso(days: number): IsoDate {
  if (!Number.isFinite(days)) throw new RangeError(`daysToIso: not a day number: ${days}`);
  const t = new Date(days * DAY_MS);
  const y = t.getUTCFullYear();
  if (!(y >= 0 && y <= 9999)) throw new RangeError(`daysToIso: out of range: ${days}`);
  return formatYmd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * Answers of addDays / addMonths by the number added, then the date: the rules ask the same few dates
 * (a list's decision dates repeat) once a row, and each answer formatted anew was most of the rules'
 * short-lived strings. Bounded, so that a file of distinct dates cannot fill memory.
 */
type DateMemo = Map<number, Map<string, IsoDate>>;
const DAYS_MEMO: DateMemo = new Map();
const MONTHS_MEMO: DateMemo = new Map();
const MEMO_COUNTS = 64;
const MEMO_DATES = 4096;

function remembered(memo: DateMemo, date: IsoDate, n: number): IsoDate | undefined {
  return memo.get(n)?.get(date);
}

function remember(memo: DateMemo, date: IsoDate, n: number, out: IsoDate): IsoDate {
  let byDate = memo.get(n);
  if (byDate === undefined) {
    if (memo.size >= MEMO_COUNTS) return out;
    byDate = new Map();
    memo.set(n, byDate);
  }
  if (byDate.size < MEMO_DATES) byDate.set(date, out);
  return out;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  const hit = remembered(DAYS_MEMO, date, n);
  if (hit !== undefined) return hit;
  requireIso(date, 'addDays');
  return remember(DAYS_MEMO, date, n, daysToIso(isoToDays(date) + n));
}

/** Adds calendar months; a day that does not exist in the target month becomes its last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const hit = remembered(MONTHS_MEMO, date, months);
  if (hit !== undefined) return hit;
  return remember(MONTHS_MEMO, date, months, monthsAdded(date, months));
}

function monthsAdded(date: IsoDate, months: number): IsoDate {
  requireIso(date, 'addMonths');
  if (!Number.isInteger(months) || Math.abs(months) > 12 * 1000) throw new RangeError(`addMonths: ${months}`);
  const [y, m, d] = splitIso(date);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  if (ny < 0 || ny > 9999) throw new RangeError(`addMonths: out of range: ${date} + ${months}`);
  return formatYmd(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Whole months from `from` to `to`, rounded up: the fewest months m with from + m months ≥ to. */
export function monthsBetweenCeil(from: IsoDate, to: IsoDate): number {
  requireIso(from, 'monthsBetweenCeil');
  requireIso(to, 'monthsBetweenCeil');
  if (to <= from) return 0;
  const [fy, fm] = splitIso(from);
  const [ty, tm] = splitIso(to);
  let m = Math.max(0, (ty - fy) * 12 + (tm - fm) - 1);
  // The estimate is at most two months short: the loop is bounded, whatever the input.
  for (let i = 0; i < 3 && addMonths(from, m) < to; i++) m++;
  return m;
}

// Excel serial numbers: day 1 = 1900-01-01 with the phantom 1900-02-29 (serial 60), so from
// serial 61 on, serial 25569 is 1970-01-01. In the 1904 system serial 0 = 1904-01-01.
const EPOCH_1900_OFFSET = 25569;
const EPOCH_1904_OFFSET = 24107;
/** 2999-12-31 as a day number. */
const LAST_DAY = Date.UTC(MAX_YEAR, 11, 31) / DAY_MS;

/** The last serial of Excel's calendar: 9999-12-31. */
export const MAX_EXCEL_SERIAL = 2_958_465;

/** The date of a serial, or undefined outside Excel's calendar and outside years 1900–2999. */
export function serialToIso(serial: number, date1904 = false): IsoDate | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial > MAX_EXCEL_SERIAL) return undefined;
  const iso = serialToIsoUnchecked(serial, date1904);
  // Serial 60 is Excel's phantom 1900-02-29, shown by Excel as such.
  return iso !== undefined && (isIsoDate(iso) || iso === '1900-02-29') ? iso : undefined;
}

function serialToIsoUnchecked(serial: number, date1904: boolean): IsoDate | undefined {
  const whole = Math.floor(serial + 1e-9);
  if (!date1904 && whole < 61) {
    if (whole < 1) return undefined;
    if (whole === 60) return '1900-02-29';
    return daysToIso(whole - 1 + isoToDays('1900-01-01'));
  }
  const days = whole - (date1904 ? EPOCH_1904_OFFSET : EPOCH_1900_OFFSET);
  if (days > LAST_DAY) return undefined;
  return daysToIso(days);
}

/** A plausible date serial for a list (1990–2100): 32874 = 1990-01-01, 73415 = 2100-12-31. */
export function isPlausibleSerial(n: number): boolean {
  return n >= 32874 && n <= 73415;
}

const MIDNIGHT = String.raw`(?:[ T]0{1,2}:00(?::00(?:\.0+)?)?)?`;
const DATE_PATTERNS: RegExp[] = [
  new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${MIDNIGHT}$`),
  new RegExp(String.raw`^(\d{4})/(\d{1,2})/(\d{1,2})${MIDNIGHT}$`),
  new RegExp(String.raw`^(\d{4})\.(\d{1,2})\.(\d{1,2})${MIDNIGHT}$`),
  new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})${MIDNIGHT}$`),
  new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})[日号]${MIDNIGHT}$`),
];

/**
 * `timeOfDay`: a date with a time that is not midnight (a real Excel date-time, a serial with a
 * fraction, or text such as `2026-08-03 10:30`); `shown` is the date and time as `2026-08-03 10:30`.
 */
export type DateParse =
  | { ok: true; date: IsoDate }
  | { ok: false; reason: 'format' | 'nonexistent' }
  | { ok: false; reason: 'timeOfDay'; shown: string };

/** A fraction of a day as `10:30` (or `10:30:15` when there are seconds), to the nearest second. */
export function timeOfDayText(fraction: number): string {
  const secs = Math.min(86399, Math.max(0, Math.round(fraction * 86400)));
  const two = (n: number): string => String(n).padStart(2, '0');
  const hm = `${two(Math.floor(secs / 3600))}:${two(Math.floor((secs % 3600) / 60))}`;
  return secs % 60 === 0 ? hm : `${hm}:${two(secs % 60)}`;
}

const WITH_TIME = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?[ T]*(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?$/;

/**
 * Reads a date typed as text: `2026-08-03`, `2026/8/3`, `2026.08.03`, `20260803`, `2026年8月3日` (or 3号),
 * each optionally followed by a midnight time, or a date serial in 1990–2100 (submission.md "Values").
 */
export function parseDateText(raw: string): DateParse {
  // The common case first: an ISO date as exported by most systems, returned as it is.
  if (raw.length === 10 && raw.charCodeAt(4) === 45 && raw.charCodeAt(7) === 45 && /^\d{4}-\d{2}-\d{2}$/.test(raw)) {
    const y = Number(raw.slice(0, 4));
    const m = Number(raw.slice(5, 7));
    const d = Number(raw.slice(8, 10));
    return isCalendarYmd(y, m, d) ? { ok: true, date: raw } : { ok: false, reason: 'nonexistent' };
  }
  const text = toHalfWidth(raw).trim();
  for (const re of DATE_PATTERNS) {
    const m = re.exec(text);
    if (m) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      return isCalendarYmd(y, mo, d) ? { ok: true, date: formatYmd(y, mo, d) } : { ok: false, reason: 'nonexistent' };
    }
  }
  if (/^\d{5}(?:\.0+)?$/.test(text)) return parseDateSerial(Number(text));
  const t = WITH_TIME.exec(text);
  if (t) {
    const y = Number(t[1]);
    const mo = Number(t[2]);
    const d = Number(t[3]);
    if (!isCalendarYmd(y, mo, d)) return { ok: false, reason: 'nonexistent' };
    return {
      ok: false,
      reason: 'timeOfDay',
      shown: `${formatYmd(y, mo, d)} ${t[4]!.padStart(2, '0')}:${t[5]}${t[6] && t[6] !== '00' ? `:${t[6]}` : ''}`,
    };
  }
  return { ok: false, reason: 'format' };
}

export function parseDateSerial(n: number, date1904 = false): DateParse {
  if (Number.isInteger(n) && n >= 19000101 && n <= 21001231) return parseDateText(String(n));
  const serial = date1904 ? n + 1462 : n;
  if (isPlausibleSerial(Math.floor(serial)) && Number.isInteger(n)) {
    const iso = serialToIso(n, date1904);
    if (iso) return { ok: true, date: iso };
  }
  // A serial with a fraction: a date with a time of day.
  if (Number.isFinite(n) && !Number.isInteger(n) && isPlausibleSerial(Math.floor(serial))) {
    const iso = serialToIso(Math.floor(n), date1904);
    if (iso) return { ok: false, reason: 'timeOfDay', shown: `${iso} ${timeOfDayText(n - Math.floor(n))}` };
  }
  return { ok: false, reason: 'format' };
}

/** Today's calendar date in Asia/Shanghai (workspace.md "Today"). */
export function todayInShanghai(now: Date): IsoDate {
  return daysToIso(Math.floor((now.getTime() + 8 * 3_600_000) / DAY_MS));
}

export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isCalendarYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** ISO-8601 day durations as used by `submission.deadline` (P10D, P2W, P1M). */
export function addIsoDuration(date: IsoDate, duration: string): IsoDate | undefined {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(duration);
  if (!m || duration === 'P' || !isIsoDate(date)) return undefined;
  const months = Number(m[1] ?? 0) * 12 + Number(m[2] ?? 0);
  const days = Number(m[3] ?? 0) * 7 + Number(m[4] ?? 0);
  // A deadline past the calendar is no deadline (P99999Y once printed a five-digit year).
  if (months > 12 * 100 || days > 366 * 100) return undefined;
  const out = addDays(addMonths(date, months), days);
  return isIsoDate(out) ? out : undefined;
}
