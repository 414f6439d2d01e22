/**
 * 公民身份号码 (GB 11643-1999): 6-digit area, YYYYMMDD birth date, 3-digit sequence, ISO 7064
 * MOD 11-2 check. 15-digit numbers (GB 11643-1989) are upgraded by inserting 19 and the check.
 * Area codes are not checked against today's divisions: old codes such as 410728 stay valid.
 */
import { formatYmd, isValidYmd, splitIso, type IsoDate } from './dates.js';
import { toHalfWidth } from './text.js';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function idCheckDigit(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11];
}

export function normaliseIdNumber(raw: string): string {
  return toHalfWidth(raw)
    .replace(/[\s\u00a0]+/g, '')
    .toUpperCase();
}

/**
 * A 居民身份证 number typed in groups (`410702-19850312-0156`, as it is read aloud and as forms print it): the
 * hyphens go, as in a 统一社会信用代码 (credit-code.ts), when what is left has an ID's length and characters; anything
 * else is kept as typed, so that its finding shows it (docs/decisions.md "An ID number typed with hyphens").
 */
export function ungroupIdNumber(value: string): string {
  if (!value.includes('-')) return value;
  const bare = value.replace(/-/g, '');
  return /^(?:\d{17}[\dX]|\d{15})$/.test(bare) && !/^-|-$|--/.test(value) ? bare : value;
}

/**
 * A 居民身份证 number as a person typed it (a query, a 移出申请's 证件号码), read as the number it names: folded
 * (normaliseIdNumber) and ungrouped (ungroupIdNumber), as the list's row rule reads it before its check; an old
 * 15-digit number that reads as one is its 18-digit form, as the row rule stores it (the register holds that).
 */
export function typedIdNumber(raw: string): string {
  const value = ungroupIdNumber(normaliseIdNumber(raw));
  if (value.length !== 15) return value;
  const checked = checkIdNumber(value);
  return checked.ok ? checked.value : value;
}

export type IdCheck =
  | { ok: true; value: string; upgradedFrom?: string; birthDate: IsoDate }
  | { ok: false; kind: 'format'; reason: 'length' | 'chars' | 'birthDate' }
  | { ok: false; kind: 'checksum'; expected: string };

function birthOf(y: number, m: number, d: number): IsoDate | undefined {
  return isValidYmd(y, m, d) && y >= 1880 ? formatYmd(y, m, d) : undefined;
}

/** Checks a normalised 居民身份证 number; `today` bounds the birth date. */
export function checkIdNumber(value: string, today?: IsoDate): IdCheck {
  if (value.length === 18) {
    if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, kind: 'format', reason: 'chars' };
    const birth = birthOf(Number(value.slice(6, 10)), Number(value.slice(10, 12)), Number(value.slice(12, 14)));
    if (!birth || (today !== undefined && birth > today)) return { ok: false, kind: 'format', reason: 'birthDate' };
    const expected = idCheckDigit(value.slice(0, 17)) as string;
    if (expected !== value[17]) return { ok: false, kind: 'checksum', expected };
    return { ok: true, value, birthDate: birth };
  }
  if (value.length === 15) {
    if (!/^\d{15}$/.test(value)) return { ok: false, kind: 'format', reason: 'chars' };
    const birth = birthOf(1900 + Number(value.slice(6, 8)), Number(value.slice(8, 10)), Number(value.slice(10, 12)));
    if (!birth) return { ok: false, kind: 'format', reason: 'birthDate' };
    const first17 = `${value.slice(0, 6)}19${value.slice(6)}`;
    return { ok: true, value: first17 + (idCheckDigit(first17) as string), upgradedFrom: value, birthDate: birth };
  }
  return { ok: false, kind: 'format', reason: /^[\dX]*$/.test(value) ? 'length' : 'chars' };
}

/** Age in whole years on a date (a birthday on 29 February counts from 1 March in common years). */
export function ageOn(birth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = splitIso(birth);
  const [y, m, d] = splitIso(on);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

/** Builds a valid 18-digit number (fixtures and tests only: never a real person's). */
export function makeIdNumber(area6: string, birth: IsoDate, sequence3: string): string {
  const first17 = `${area6}${birth.replace(/-/g, '')}${sequence3}`;
  const check = idCheckDigit(first17);
  if (!check) throw new Error(`bad id body ${first17}`);
  return first17 + check;
}

/**
 * Excel keeps 15 significant digits: an 18-digit identifier typed as a number comes back as
 * 4.10702E+17, or with its last three digits zero (410702198001010000).
 */
export function looksPrecisionLost(text: string): boolean {
  const t = text.trim();
  if (/^\d(?:\.\d+)?E\+?\d{1,2}$/i.test(t)) return true;
  // 18 digits whose last three are zero and whose check digit fails: Excel rounded it.
  return /^\d{15}000$/.test(t) && idCheckDigit(t.slice(0, 17)) !== t[17];
}

/** Whether a number read from a cell has more digits than a double keeps exactly (16 or more). */
export function isLossyNumber(n: number): boolean {
  return Number.isFinite(n) && Math.abs(n) >= 1e15;
}

export { toHalfWidth };
