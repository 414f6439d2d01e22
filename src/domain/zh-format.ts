/**
 * How people read numbers, dates and batches in the documents they sign and read (people.md
 * "Documents people sign and read"): 成文日期 after GB/T 9704-2012 §7.3.5.3 (Arabic numerals, the year
 * in full, month and day without a leading zero: 2026年10月10日), batches as 2026年第三季度, counts with
 * thousands separators. Pure: no locale of the machine is consulted (Intl's grouping differs by ICU).
 */
import { parseBatch } from './quarter.js';

const QUARTER_CN = ['一', '二', '三', '四'];

/** 2026-10-10 → 2026年10月10日; anything that is not an ISO date is returned as it is. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/**
 * An instant as a clerk reads it on the clock in Xinxiang (Asia/Shanghai, no daylight saving: UTC+8):
 * `2026-10-15T09:30:00+08:00` → 2026年10月15日 09:30 (`zh`) or 2026-10-15 09:30 (`en`). Anything that is
 * not an instant is returned as it is.
 */
export function clockTime(at: string, lang: 'zh' | 'en' = 'zh'): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(at)) return at;
  const t = Date.parse(at);
  if (Number.isNaN(t)) return at;
  const d = new Date(t + 8 * 3_600_000);
  const two = (n: number): string => String(n).padStart(2, '0');
  const hm = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  return lang === 'zh'
    ? `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hm}`
    : `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${hm}`;
}

/** 2026Q3 → 2026年第三季度, 2026Q3-2 → 2026年第三季度第2批; anything else as it is. */
export function batchTitle(batch: string): string {
  if (!/^\d{4}Q[1-4](?:-\d{1,2})?$/.test(batch)) return batch;
  const b = parseBatch(batch);
  if (!b) return batch;
  const q = `${b.quarter.year}年第${QUARTER_CN[b.quarter.q - 1]}季度`;
  return b.n > 1 ? `${q}第${b.n}批` : q;
}

/** 12345 → 12,345 (integers; the sign kept; a non-integer is shown as String does). */
export function groupThousands(n: number): string {
  if (!Number.isInteger(n)) return String(n);
  const s = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${s}` : s;
}
