/** Quarters: `2026Q3` is canonical; the CLI and folder names accept the spellings of workspace.md. */
import { formatYmd, daysInMonth, splitIso, isIsoDate, MIN_YEAR, MAX_YEAR, type IsoDate } from './dates.js';
import { toHalfWidth } from './text.js';

export interface Quarter {
  year: number;
  q: 1 | 2 | 3 | 4;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

export function formatQuarter(q: Quarter): string {
  return `${q.year}Q${q.q}`;
}

/** Parses a quarter naming a year: 2026Q3, 2026-Q3, 2026q3, 2026 Q3, 2026年第三季度, 2026年第3季度. */
export function parseQuarter(raw: string): Quarter | undefined {
  const q = parseQuarterAnyYear(raw);
  return q && inCalendar(q) ? q : undefined;
}

/** Years outside the tool's calendar (1900–2999) name no quarter. */
function inCalendar(q: Quarter): boolean {
  return q.year >= MIN_YEAR && q.year <= MAX_YEAR;
}

function parseQuarterAnyYear(raw: string): Quarter | undefined {
  const text = toHalfWidth(raw).trim();
  let m = /^(\d{4})\s*[-_ ]?\s*[Qq]([1-4])$/.exec(text);
  if (m) return { year: Number(m[1]), q: Number(m[2]) as Quarter['q'] };
  m =
    /^(\d{4})\s*(?:年\s*第?|第)\s*([一二三四1-4])\s*(?:季度?)?$/.exec(text) ?? /^(\d{4})\s*年?\s*第?\s*([一二三四1-4])\s*季度$/.exec(text);
  if (m) return { year: Number(m[1]), q: CN_DIGITS[m[2] as string] as Quarter['q'] };
  return undefined;
}

export function quarterOf(date: IsoDate): Quarter {
  const [y, m] = splitIso(date);
  return { year: y, q: (Math.floor((m - 1) / 3) + 1) as Quarter['q'] };
}

/**
 * The quarter being collected on a day: the last quarter that has ended. A quarter's lists are of the
 * decisions made in it and are sent after its last day (by `submission.deadline`), so all through
 * October the departments fill in 2026Q3, not 2026Q4 (decisions.md "The quarter a command takes by default").
 */
export function collectedQuarter(today: IsoDate): Quarter {
  const { year, q } = quarterOf(today);
  return q === 1 ? { year: year - 1, q: 4 } : { year, q: (q - 1) as Quarter['q'] };
}

/**
 * Parses what a user types: a full quarter, or `Q3` / `第三季度` meaning the most recent third
 * quarter that has begun by today.
 */
export function resolveQuarter(raw: string, today: IsoDate): Quarter | undefined {
  const full = parseQuarter(raw);
  if (full) return full;
  const text = toHalfWidth(raw).trim();
  const m = /^[Qq]([1-4])$/.exec(text) ?? /^第?([一二三四1-4])季度$/.exec(text);
  if (!m) return undefined;
  if (!isIsoDate(today)) return undefined;
  const q = CN_DIGITS[m[1] as string] as Quarter['q'];
  const now = quarterOf(today);
  const out: Quarter = { year: q <= now.q ? now.year : now.year - 1, q };
  return inCalendar(out) ? out : undefined;
}

/** The last quarter's first and last days, asked once a row by the rules (formatted anew each time before). */
let lastYear = Number.NaN;
let lastQ = 0;
let lastStart = '';
let lastEnd = '';

function bounds(q: Quarter): void {
  if (q.year === lastYear && q.q === lastQ) return;
  const m = q.q * 3;
  lastStart = formatYmd(q.year, m - 2, 1);
  lastEnd = formatYmd(q.year, m, daysInMonth(q.year, m));
  lastYear = q.year;
  lastQ = q.q;
}

export function quarterStart(q: Quarter): IsoDate {
  bounds(q);
  return lastStart;
}

export function quarterEnd(q: Quarter): IsoDate {
  bounds(q);
  return lastEnd;
}

export function sameQuarter(a: Quarter, b: Quarter): boolean {
  return a.year === b.year && a.q === b.q;
}

/**
 * A batch (register.md "Batches"): the quarter's regular batch `2026Q3` (n = 1), or a supplementary
 * batch of the same quarter `2026Q3-2`, `2026Q3-3`… (also spelt `2026年第三季度第2批`). Date checks
 * and covers use its quarter; it has its own submissions folder and package.
 */
export interface Batch {
  quarter: Quarter;
  n: number;
}

const CN_COUNT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export function formatBatch(b: Batch): string {
  return b.n > 1 ? `${formatQuarter(b.quarter)}-${b.n}` : formatQuarter(b.quarter);
}

/** Splits a batch suffix off: `-2`, `第2批`, `第二批` (1 to 99; `-1` and 第1批 are the regular batch). */
function splitBatch(raw: string): { rest: string; n: number } | undefined {
  const text = toHalfWidth(raw).trim();
  let m = /^(.*?)\s*[-_]\s*(\d{1,2})$/.exec(text);
  if (m && /(?:[Qq]\s*[1-4]|季度?)$/.test(m[1] as string)) return { rest: m[1] as string, n: Number(m[2]) };
  m = /^(.*?)\s*第\s*(\d{1,2}|[一二三四五六七八九十])\s*批(?:次)?$/.exec(text);
  if (m) return { rest: m[1] as string, n: CN_COUNT[m[2] as string] ?? Number(m[2]) };
  return undefined;
}

/** Parses a batch naming a year: 2026Q3, 2026Q3-2, 2026年第三季度第2批. */
export function parseBatch(raw: string): Batch | undefined {
  const split = splitBatch(raw);
  if (split && split.n < 1) return undefined;
  const quarter = parseQuarter(split ? split.rest : raw);
  return quarter ? { quarter, n: split?.n ?? 1 } : undefined;
}

/** What a user types: a batch, or `Q3` / `Q3-2` meaning the most recent third quarter begun by today. */
export function resolveBatch(raw: string, today: IsoDate): Batch | undefined {
  const split = splitBatch(raw);
  if (split && split.n < 1) return undefined;
  const quarter = resolveQuarter(split ? split.rest : raw, today);
  return quarter ? { quarter, n: split?.n ?? 1 } : undefined;
}
