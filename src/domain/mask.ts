/**
 * Personal information (package.md "Personal information"): the ID mask of publication.maskRule,
 * the phone mask, and the one scanner that finds ID- and mobile-shaped numbers inside any text.
 * What counts as "shaped" is written down in docs/decisions.md.
 */
import { checkCreditCode } from './credit-code.js';
import { isValidYmd } from './dates.js';
import { idCheckDigit } from './id-number.js';
import { toHalfWidth } from './text.js';

export interface MaskRule {
  keepStart: number;
  keepEnd: number;
}

export const DEFAULT_MASK_RULE: MaskRule = { keepStart: 6, keepEnd: 4 };

/**
 * Masks an identifier: 15 characters or more keep `keepStart` and `keepEnd`; shorter ones show
 * only their last 2 (workspace.md, `maskRule`).
 */
export function maskIdentifier(value: string, rule: MaskRule = DEFAULT_MASK_RULE): string {
  const chars = [...value];
  const n = chars.length;
  if (n === 0) return '';
  if (n < 15) return '*'.repeat(Math.max(0, n - 2)) + chars.slice(-2).join('');
  const keepStart = Math.min(rule.keepStart, n);
  const keepEnd = Math.min(rule.keepEnd, n - keepStart);
  return chars.slice(0, keepStart).join('') + '*'.repeat(n - keepStart - keepEnd) + (keepEnd > 0 ? chars.slice(n - keepEnd).join('') : '');
}

/** A mainland mobile number keeps its first 3 and last 4 digits: 138****5678 (package.md). */
export function maskMobile(digits: string): string {
  return digits.length === 11 ? `${digits.slice(0, 3)}****${digits.slice(7)}` : maskIdentifier(digits);
}

/**
 * A fixed-line number with its area code (0373-3012345, (0373)3012345, 010 12345678): keeps the area
 * code and the last 4 digits (privacy.md: "a mobile or landline phone number is masked").
 */
export function maskLandline(digits: string): string {
  const area = /^0(?:10|2\d)/.test(digits) ? 3 : 4;
  return digits.length > area + 4
    ? `${digits.slice(0, area)}${'*'.repeat(digits.length - area - 4)}${digits.slice(-4)}`
    : maskIdentifier(digits);
}

export type PersonalInfoKind = 'idNumber' | 'mobile' | 'landline';

export interface PersonalInfoMatch {
  /** UTF-16 offsets in the text as given (full-width digits count as one, like half-width ones). */
  start: number;
  end: number;
  kind: PersonalInfoKind;
  /** The number alone: half-width digits, no separators, upper-case X. */
  value: string;
}

// The boundary is "no digit on either side", not \b: an ID next to a Latin letter (ID4107…),
// an underscore (file_4107…) or a CJK character (身份证4107…) is still an ID; one inside a longer
// run of digits (a bank account, an order number) is not. Matching runs on the half-width fold of
// the text, so full-width digits (４１０７…) are found too; the fold keeps every offset.
// A space or hyphen is allowed where people group the digits when they type them by hand.
const SEP = '[ -]?';
const DATE8 = '(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';
const DATE6 = '\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';
const ID_18 = new RegExp(`(?<!\\d)[1-9]\\d{5}${SEP}${DATE8}${SEP}\\d{3}[\\dXx](?!\\d)`, 'g');
const ID_15 = new RegExp(`(?<!\\d)[1-9]\\d{5}${SEP}${DATE6}${SEP}\\d{3}(?!\\d)`, 'g');
// 18 characters grouped any other way (4107 1119 9204 1806 43, as a phone shows it; 410-711-…): any one space or
// hyphen between two of them, no digit grouped on before or after (a bank card's 19 digits are no ID). So free a
// grouping is taken only with the ID's own check digit (matchPersonalInfo), beside the date ID_18 asks for.
const ID_GROUPED = /(?<!\d[ -]?)[1-9](?:[ -]?\d){16}[ -]?[\dXx](?![ -]?[\dXx])/g;
// An 18-digit ID that lost its check digit (Excel keeps 15 significant digits and a typist drops the last; a
// column cut short): the first 17 still name the person, so they are masked like an ID.
const ID_17 = new RegExp(`(?<!\\d)[1-9]\\d{5}${SEP}${DATE8}${SEP}\\d{3}(?![\\dXx])`, 'g');
// +86 glued to the number (+8613812345678) is a prefix, not a longer run of digits: the number is what is masked.
const MOBILE = /(?<!\d)(?:\+?86[ -]?)?(?<n>1[3-9]\d[ -]?\d{4}[ -]?\d{4})(?!\d)/dg;
// A fixed line needs its area code (without one, 7 or 8 digits are any number): 010 and 02X take
// 8 local digits, the 4-digit codes (0373 新乡) 7 or 8; a local number never starts with 0 or 1.
// 12 digits in one run (a 4-digit code and 8 local digits) need the separator people type: a record
// id (12 hex digits) may be all digits, and is no phone.
const AREA_LOCAL = '(?:0(?:10|2\\d)[)]?[ -]?[2-9]\\d{7}|0[3-9]\\d{2}[)]?[ -]?[2-9]\\d{6}|0[3-9]\\d{2}(?:[)][ -]?|[ -])[2-9]\\d{7})';
const LANDLINE = new RegExp(`(?<!\\d)[(]?${AREA_LOCAL}(?!\\d)`, 'g');
const ANY_RUN = /\d{3}[ -]?\d{3}/;
// Any of the five at all (one test, no match made): most texts with a long run of digits (a 统一社会信用代码, a
// 认定文书号) hold none, and matchAll copies each expression before it looks (a province's list: ~0.5 s).
const ANY_MATCH = new RegExp([ID_18, ID_17, ID_15, ID_GROUPED, MOBILE, LANDLINE].map((re) => re.source.replace('(?<n>', '(?:')).join('|'));

/**
 * Whether 15 or 18 half-width characters (no separators) have the shape of a citizen ID number:
 * a plausible birth date, and not an all-digit 统一社会信用代码 whose own check holds.
 */
export function isIdNumberShaped(value: string): boolean {
  const shape = value.length === 18 ? /^[1-9]\d{16}[\dX]$/ : /^[1-9]\d{14}$/;
  if (!shape.test(value)) return false;
  return isIdShaped(value);
}

function isIdShaped(value: string): boolean {
  const long = value.length >= 17;
  const ymd = long ? value.slice(6, 14) : `19${value.slice(6, 12)}`;
  if (!isValidYmd(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)), Number(ymd.slice(6, 8)))) return false;
  // An all-digit 统一社会信用代码 whose GB 32100 check holds and whose ID check does not is a code.
  if (value.length === 18 && idCheckDigit(value.slice(0, 17)) !== value[17] && checkCreditCode(value).ok) return false;
  return true;
}

/**
 * Whether a text has 11 digits (half- or full-width) with nothing between them but spaces and hyphens:
 * the least any ID or mobile number needs. Most free text has none, and this loop allocates nothing,
 * where the fold and the expressions below would run on every cell of a million-row file.
 */
export function mayHoldNumber(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) {
      if (++run >= 11) return true;
    } else if (c !== 0x20 && c !== 0x2d && c !== 0xff0d && c !== 0x3000 && c !== 0x29 && c !== 0xff09) run = 0;
  }
  return false;
}

/**
 * mayHoldNumber of the text UTF-8 `bytes[start, end)` decode to, asked of the bytes (register list: a province's
 * 575,000 names read from the checkpoint's columns, most of them decoded only to be found free of numbers). The same
 * characters, as their UTF-8: a digit is 0x30–0x39 or EF BC 90–99 (U+FF10–FF19); a space, `-` or `)`, U+FF0D
 * (EF BC 8D), U+3000 (E3 80 80) or U+FF09 (EF BC 89) keeps a run; any other byte ends it (a character's other bytes
 * and a malformed byte, which decodes to U+FFFD, too). A lead byte EF or E3 is never part of another character,
 * so a malformed sequence before one changes nothing (test/domain/personal-info.test.ts holds the two equal on any
 * bytes).
 */
export function mayHoldNumberUtf8(bytes: Uint8Array, start: number, end: number): boolean {
  let run = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i] as number;
    if (c < 0x80) {
      if (c >= 0x30 && c <= 0x39) {
        if (++run >= 11) return true;
      } else if (c !== 0x20 && c !== 0x2d && c !== 0x29) run = 0;
      continue;
    }
    if (c === 0xef && i + 2 < end && bytes[i + 1] === 0xbc) {
      const d = bytes[i + 2] as number;
      if (d >= 0x90 && d <= 0x99) {
        i += 2;
        if (++run >= 11) return true;
        continue;
      }
      if (d === 0x8d || d === 0x89) {
        i += 2;
        continue;
      }
    } else if (c === 0xe3 && i + 2 < end && bytes[i + 1] === 0x80 && bytes[i + 2] === 0x80) {
      i += 2;
      continue;
    }
    run = 0;
  }
  return false;
}

/** A character as the fold (text.ts toHalfWidth) makes it: full-width ASCII half-width, U+3000 a space. */
function halfWidth(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  return c === 0x3000 ? 0x20 : c;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** What the five expressions allow between digits (their `[ -]` and `[)]`). */
const isGap = (c: number): boolean => c === 0x20 || c === 0x2d || c === 0x29;

/**
 * Whether any of the five expressions could match in `text`: each match begins at a digit no digit precedes
 * (their `(?<!\d)`, before `+` or `(` or at the digit), takes digits and `[ -)]` only from there, and needs
 * from there at least 15 digits beginning 1–9 (an ID), or 11 beginning 0 (a fixed line), 13 beginning 86 or 11
 * beginning 1 and 3–9 (a mobile). A 统一社会信用代码 (9141070000000U1P3G: 13 digits from a 9) is then passed over
 * without the fold and the expressions (a province's list: one for each of 600,000 records). A necessary test only:
 * what passes goes to the expressions (test/domain/personal-info.test.ts holds it against them).
 */
function mayStartNumber(text: string): boolean {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigit(halfWidth(text.charCodeAt(i)))) {
      i++;
      continue;
    }
    // A stretch of digits and gaps from i (its first digit no digit precedes): its digits counted, then each
    // digit no digit precedes in it tested with the digits from it to the stretch's end.
    let digits = 0;
    let end = i;
    for (; end < n; end++) {
      const c = halfWidth(text.charCodeAt(end));
      if (isDigit(c)) digits++;
      else if (!isGap(c)) break;
    }
    // Every test below needs 11 digits from its start: a shorter stretch (a credit code's last digits) is passed over.
    if (digits >= 11) {
      let before = 0;
      // Whether the character before j is a digit (none precedes i: the stretch begins there).
      let afterDigit = false;
      for (let j = i; j < end; j++) {
        const c = halfWidth(text.charCodeAt(j));
        if (!isDigit(c)) {
          afterDigit = false;
          continue;
        }
        if (!afterDigit) {
          const left = digits - before;
          const next = j + 1 < n ? halfWidth(text.charCodeAt(j + 1)) : 0;
          if (left >= 15 && c !== 0x30) return true;
          if (left >= 11 && (c === 0x30 || (c === 0x31 && next >= 0x33 && next <= 0x39))) return true;
          if (left >= 13 && c === 0x38 && next === 0x36) return true;
        }
        afterDigit = true;
        before++;
      }
    }
    i = end;
  }
  return false;
}

/**
 * mayStartNumber of the ASCII text `bytes[start, end)` are, asked of the bytes (a 统一社会信用代码 as the checkpoint's
 * column holds it: register list and diff show ~500,000, most with a run of 13–15 digits that mayHoldNumber lets
 * through). Any byte past ASCII: true (not asked here; the caller decodes the text and asks the gate). For ASCII the
 * fold changes nothing, so this is mayStartNumber's loop on the bytes (test/domain/personal-info.test.ts: false only
 * where the expressions find nothing).
 */
export function mayStartNumberAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((bytes[i] as number) >= 0x80) return true;
  let i = start;
  while (i < end) {
    if (!isDigit(bytes[i] as number)) {
      i++;
      continue;
    }
    let digits = 0;
    let stop = i;
    for (; stop < end; stop++) {
      const c = bytes[stop] as number;
      if (isDigit(c)) digits++;
      else if (!isGap(c)) break;
    }
    if (digits >= 11) {
      let before = 0;
      let afterDigit = false;
      for (let j = i; j < stop; j++) {
        const c = bytes[j] as number;
        if (!isDigit(c)) {
          afterDigit = false;
          continue;
        }
        if (!afterDigit) {
          const left = digits - before;
          const next = j + 1 < end ? (bytes[j + 1] as number) : 0;
          if (left >= 15 && c !== 0x30) return true;
          if (left >= 11 && (c === 0x30 || (c === 0x31 && next >= 0x33 && next <= 0x39))) return true;
          if (left >= 13 && c === 0x38 && next === 0x36) return true;
        }
        afterDigit = true;
        before++;
      }
    }
    i = stop;
  }
  return false;
}

/** Every ID-number- and mobile-shaped number in a text, in order, never overlapping (IDs first). */
export function findPersonalInfo(text: string): PersonalInfoMatch[] {
  if (text.length < 11 || !mayHoldNumber(text) || !mayStartNumber(text)) return [];
  return matchPersonalInfo(text);
}

/**
 * findPersonalInfo without its quick tests before the fold (length, mayHoldNumber, mayStartNumber). Exported for
 * the test that those pass over no text the expressions would match.
 */
export function matchPersonalInfo(text: string): PersonalInfoMatch[] {
  const folded = toHalfWidth(text);
  if (!ANY_RUN.test(folded) || !ANY_MATCH.test(folded)) return [];
  const found: PersonalInfoMatch[] = [];
  const overlaps = (s: number, e: number): boolean => found.some((m) => s < m.end && e > m.start);
  for (const re of [ID_18, ID_17, ID_15]) {
    for (const m of folded.matchAll(re)) {
      const value = m[0].replace(/[ -]/g, '').toUpperCase();
      const start = m.index;
      const end = start + m[0].length;
      if (isIdShaped(value) && !overlaps(start, end)) found.push({ start, end, kind: 'idNumber', value });
    }
  }
  for (const m of folded.matchAll(ID_GROUPED)) {
    const value = m[0].replace(/[ -]/g, '').toUpperCase();
    const start = m.index;
    const end = start + m[0].length;
    if (idCheckDigit(value.slice(0, 17)) === value[17] && isIdShaped(value) && !overlaps(start, end))
      found.push({ start, end, kind: 'idNumber', value });
  }
  for (const m of folded.matchAll(MOBILE)) {
    const [start, end] = m.indices?.groups?.n ?? [m.index, m.index + m[0].length];
    if (!overlaps(start, end)) found.push({ start, end, kind: 'mobile', value: (m.groups?.n ?? m[0]).replace(/[ -]/g, '') });
  }
  for (const m of folded.matchAll(LANDLINE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!overlaps(start, end)) found.push({ start, end, kind: 'landline', value: m[0].replace(/[ ()-]/g, '') });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The masked form of one match: ID by the mask rule, mobile 138****5678. */
export function maskMatch(m: PersonalInfoMatch, rule: MaskRule = DEFAULT_MASK_RULE): string {
  if (m.kind === 'idNumber') return maskIdentifier(m.value, rule);
  return m.kind === 'mobile' ? maskMobile(m.value) : maskLandline(m.value);
}

/** Replaces the matches of the given kinds by their masked form. */
export function maskPersonalInfo(
  text: string,
  rule: MaskRule = DEFAULT_MASK_RULE,
  kinds: readonly PersonalInfoKind[] = ['idNumber', 'mobile', 'landline'],
): string {
  const found = findPersonalInfo(text);
  // Most text holds none: no second array made for it.
  if (found.length === 0) return text;
  const matches = found.filter((m) => kinds.includes(m.kind));
  if (matches.length === 0) return text;
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.start) + maskMatch(m, rule);
    at = m.end;
  }
  return out + text.slice(at);
}

/**
 * Masks every citizen ID number inside a text (a value typed in the wrong column, a file, sheet or
 * folder name, a cover field): the safety net under "no full ID number in any report or terminal
 * output". Every text written for anyone but the 共享 audience passes through here.
 */
export function redactIdNumbers(text: string, rule: MaskRule = DEFAULT_MASK_RULE): string {
  return maskPersonalInfo(text, rule, ['idNumber']);
}
