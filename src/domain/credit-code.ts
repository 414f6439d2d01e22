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

function charValue(ch: string): number {
  return CREDIT_CODE_CHARSET.indexOf(ch);
}

/** GB 11714 check character for an 8-character body (digits and A–Z, A = 10). */
export function orgCodeCheck(body: string): string | undefined {
  if (!/^[0-9A-Z]{8}$/.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body.charCodeAt(i);
    const v = c <= 57 ? c - 48 : c - 55;
    sum += v * (ORG_WEIGHTS[i] as number);
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/** GB 32100 check character for the first 17 characters. */
export function creditCodeCheck(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = charValue(first17[i] as string);
    if (v < 0) return undefined;
    sum += v * (CREDIT_WEIGHTS[i] as number);
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/** Folds what a clerk typed: half-width, no spaces or hyphens, upper case. */
export function normaliseCreditCode(raw: string): string {
  return toHalfWidth(raw)
    .replace(/[\s\u00a0-]+/g, '')
    .toUpperCase();
}

export type CreditCodeCheck =
  | { ok: true; value: string }
  | { ok: false; kind: 'format'; value: string }
  | { ok: false; kind: 'checksum'; value: string; position: 17 | 18; expected: string };

/** Checks a normalised code. `allow` holds legitimately issued codes that fail the check (pilot era). */
export function checkCreditCode(value: string, allow: ReadonlySet<string> = new Set()): CreditCodeCheck {
  if (value.length !== 18) return { ok: false, kind: 'format', value };
  for (let i = 0; i < 18; i++) if (charValue(value[i] as string) < 0) return { ok: false, kind: 'format', value };
  if (allow.has(value)) return { ok: true, value };
  const org = orgCodeCheck(value.slice(8, 16));
  if (org !== undefined && org !== value[16]) {
    return { ok: false, kind: 'checksum', value, position: 17, expected: org };
  }
  const expected = creditCodeCheck(value.slice(0, 17)) as string;
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
