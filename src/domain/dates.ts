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

export function isValidYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
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
  const t = new Date(days * DAY_MS);
  return formatYmd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return daysToIso(isoToDays(date) + n);
}

/** Adds calendar months; a day that does not exist in the target month becomes its last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = splitIso(date);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return formatYmd(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Whole months from `from` to `to`, rounded up: the fewest months m with from + m months ≥ to. */
export function monthsBetweenCeil(from: IsoDate, to: IsoDate): number {
  if (to <= from) return 0;
  const [fy, fm] = splitIso(from);
  const [ty, tm] = splitIso(to);
  let m = Math.max(0, (ty - fy) * 12 + (tm - fm) - 1);
  while (addMonths(from, m) < to) m++;
  return m;
}

// Excel serial numbers: day 1 = 1900-01-01 with the phantom 1900-02-29 (serial 60), so from
// serial 61 on, serial 25569 is 1970-01-01. In the 1904 system serial 0 = 1904-01-01.
const EPOCH_1900_OFFSET = 25569;
const EPOCH_1904_OFFSET = 24107;

export function serialToIso(serial: number, date1904 = false): IsoDate | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const whole = Math.floor(serial + 1e-9);
  if (!date1904 && whole < 61) {
    if (whole < 1) return undefined;
    if (whole === 60) return '1900-02-29';
    return daysToIso(whole - 1 + isoToDays('1900-01-01'));
  }
  const days = whole - (date1904 ? EPOCH_1904_OFFSET : EPOCH_1900_OFFSET);
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
  new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})日${MIDNIGHT}$`),
];

export type DateParse = { ok: true; date: IsoDate } | { ok: false; reason: 'format' | 'nonexistent' };

/**
 * Reads a date typed as text: `2026-08-03`, `2026/8/3`, `2026.08.03`, `20260803`, `2026年8月3日`,
 * each optionally followed by a midnight time, or a date serial in 1990–2100 (submission.md "Values").
 */
export function parseDateText(raw: string): DateParse {
  // The common case first: an ISO date as exported by most systems, returned as it is.
  if (raw.length === 10 && raw.charCodeAt(4) === 45 && raw.charCodeAt(7) === 45 && /^\d{4}-\d{2}-\d{2}$/.test(raw)) {
    const y = Number(raw.slice(0, 4));
    const m = Number(raw.slice(5, 7));
    const d = Number(raw.slice(8, 10));
    return isValidYmd(y, m, d) ? { ok: true, date: raw } : { ok: false, reason: 'nonexistent' };
  }
  const text = toHalfWidth(raw).trim();
  for (const re of DATE_PATTERNS) {
    const m = re.exec(text);
    if (m) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      return isValidYmd(y, mo, d) ? { ok: true, date: formatYmd(y, mo, d) } : { ok: false, reason: 'nonexistent' };
    }
  }
  if (/^\d{5}(?:\.0+)?$/.test(text)) return parseDateSerial(Number(text));
  return { ok: false, reason: 'format' };
}

export function parseDateSerial(n: number, date1904 = false): DateParse {
  if (Number.isInteger(n) && n >= 19000101 && n <= 21001231) return parseDateText(String(n));
  const serial = date1904 ? n + 1462 : n;
  if (isPlausibleSerial(Math.floor(serial)) && Number.isInteger(n)) {
    const iso = serialToIso(n, date1904);
    if (iso) return { ok: true, date: iso };
  }
  return { ok: false, reason: 'format' };
}

/** Today's calendar date in Asia/Shanghai (workspace.md "Today"). */
export function todayInShanghai(now: Date = new Date()): IsoDate {
  return daysToIso(Math.floor((now.getTime() + 8 * 3_600_000) / DAY_MS));
}

export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** ISO-8601 day durations as used by `submission.deadline` (P10D, P2W, P1M). */
export function addIsoDuration(date: IsoDate, duration: string): IsoDate | undefined {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(duration);
  if (!m || duration === 'P') return undefined;
  let out = addMonths(date, Number(m[1] ?? 0) * 12 + Number(m[2] ?? 0));
  out = addDays(out, Number(m[3] ?? 0) * 7 + Number(m[4] ?? 0));
  return out;
}
