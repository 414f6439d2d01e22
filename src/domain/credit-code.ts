/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set; positions 9–17 are the
 * 组织机构代码 (GB 11714-1997) with its own check character; position 18 checks the first 17.
 */
import { toHalfWidth } from './text.js';

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// GB 32100-2015 §4.2: weight of position i is 3^(i-1) mod 31.
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// GB 11714-1997: weights of the 8 body characters.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Each ASCII character's value in CREDIT_CODE_CHARSET, -1 for the rest (a table: read 35 times a row). */
const CHAR_VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < CREDIT_CODE_CHARSET.length; i++) CHAR_VALUES[CREDIT_CODE_CHARSET.charCodeAt(i)] = i;

function codeValue(c: number): number {
  return c < 128 ? (CHAR_VALUES[c] as number) : -1;
}

/** GB 11714 check character for an 8-character body (digits and A–Z, A = 10). */
export function orgCodeCheck(body: string): string | undefined {
  if (!/^[0-9A-Z]{8}$/.test(body)) return undefined;
  return orgCheckAt(body, 0);
}

/** The GB 11714 check character of the 8 characters of `s` from `from`, each a digit or A–Z. */
function orgCheckAt(s: string, from: number): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = s.charCodeAt(from + i);
    const v = c <= 57 ? c - 48 : c - 55;
    sum += v * (ORG_WEIGHTS[i] as number);
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/** GB 32100 check character for the first 17 characters. */
export function creditCodeCheck(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  return checkOfFirst17(first17);
}

/** The GB 32100 check character of `s`'s first 17 characters (one not in the set: undefined). */
function checkOfFirst17(s: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = codeValue(s.charCodeAt(i));
    if (v < 0) return undefined;
    sum += v * (CREDIT_WEIGHTS[i] as number);
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/** Only 0–9 and A–Z: the folding below would give it back as it is. */
function isFolded(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}

/** Folds what a clerk typed: half-width, no spaces or hyphens, upper case. */
export function normaliseCreditCode(raw: string): string {
  if (isFolded(raw)) return raw;
  return toHalfWidth(raw)
    .replace(/[\s\u00a0-]+/g, '')
    .toUpperCase();
}

export type CreditCodeCheck =
  | { ok: true; value: string }
  | { ok: false; kind: 'format'; value: string }
  | { ok: false; kind: 'checksum'; value: string; position: 17 | 18; expected: string };

/** Checks a normalised code. `allow` holds legitimately issued codes that fail the check (pilot era). */
const NONE_ALLOWED: ReadonlySet<string> = new Set();

export function checkCreditCode(value: string, allow: ReadonlySet<string> = NONE_ALLOWED): CreditCodeCheck {
  if (value.length !== 18) return { ok: false, kind: 'format', value };
  for (let i = 0; i < 18; i++) if (codeValue(value.charCodeAt(i)) < 0) return { ok: false, kind: 'format', value };
  if (allow.has(value)) return { ok: true, value };
  // Positions 9–16, all in the set (so digits and A–Z): the 组织机构代码's body.
  const org = orgCheckAt(value, 8);
  if (org !== undefined && org !== value[16]) {
    return { ok: false, kind: 'checksum', value, position: 17, expected: org };
  }
  const expected = checkOfFirst17(value) as string;
  if (expected !== value[17]) return { ok: false, kind: 'checksum', value, position: 18, expected };
  return { ok: true, value };
}

/** 92… is a 个体工商户 registered by 工商 (GB 32100 table 1: 9 工商 / 2 个体工商户). */
export function isIndividualBusinessCode(value: string): boolean {
  return value.startsWith('92');
}

/** Builds a valid code from the first 8 characters and an 8-character org body (fixtures, tests). */
export function makeCreditCode(prefix8: string, orgBody8: string): string {
  const org = orgCodeCheck(orgBody8);
  if (!org) throw new Error(`bad org body ${orgBody8}`);
  const first17 = prefix8 + orgBody8 + org;
  const check = creditCodeCheck(first17);
  if (!check) throw new Error(`bad credit code body ${first17}`);
  return first17 + check;
}
