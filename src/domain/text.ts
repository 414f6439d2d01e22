/**
 * Text folding and cleaning. Names are kept as written; identifiers, headers, codes and department
 * names are matched after folding (submission.md "Values", workspace.md "Departments").
 */

const FULL_WIDTH_START = 0xff01;
const FULL_WIDTH_END = 0xff5e;
const NEEDS_HALF_WIDTH = /[\uff01-\uff5e\u3000]/;

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their half-width forms. */
export function toHalfWidth(value: string): string {
  if (!NEEDS_HALF_WIDTH.test(value)) return value;
  let out = '';
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (code >= FULL_WIDTH_START && code <= FULL_WIDTH_END) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

// Excel writes a carriage return inside a shared string as _x000D_; WPS and web pages leave
// zero-width and non-breaking spaces behind. What /_x000[dD]_|[\u200b-\u200d\u2060\ufeff\u00a0\t\r\n]| {2}|^ | $/
// finds, found by a character loop (every cell of a list passes here; issue 22 item 3).
function isDirty(value: string): boolean {
  const n = value.length;
  if (n === 0) return false;
  if (value.charCodeAt(0) === 32 || value.charCodeAt(n - 1) === 32) return true;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c > 0x7f) {
      if (c === 0xa0 || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) return true;
    } else if (c === 32) {
      if (value.charCodeAt(i + 1) === 32) return true;
    } else if (c === 9 || c === 10 || c === 13) return true;
    else if (
      c === 95 &&
      value.charCodeAt(i + 1) === 120 &&
      value.startsWith('000', i + 2) &&
      (value.charCodeAt(i + 5) | 32) === 100 &&
      value.charCodeAt(i + 6) === 95
    )
      return true;
  }
  return false;
}

/** Trims, removes invisible characters and collapses inner runs of spaces; keeps line breaks. */
export function cleanText(value: string): string {
  if (!isDirty(value)) return value;
  return value
    .replace(/_x000[dD]_/g, '')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

// What the folding below gives back as it is: digits, latin capitals, CJK ideographs (no case, no width, no space).
// Tested first: a province's verify folds 10⁶ names (twice: the name's key and the weak subject key).
const FOLDED_KEY = /^[0-9A-Z\u4e00-\u9fff]*$/;

/** Folding used to match headers, keys and enum labels: no spaces at all, half-width, upper case latin. */
export function foldKey(value: string): string {
  if (FOLDED_KEY.test(value)) return value;
  return toHalfWidth(value)
    .replace(/_x000[dD]_/g, '')
    .replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff]+/g, '')
    .toUpperCase();
}

const LEADING_ORDINAL = /^(?:\d{1,3}[.、\-_ ]*|[一二三四五六七八九十]{1,3}[、.．]|\(\d{1,3}\)|\([一二三四五六七八九十]{1,3}\))/;

/** Department-name folding: trim, half-width, a leading ordinal such as `01`, `1.`, `一、` removed. */
export function foldDepartment(value: string): string {
  const folded = foldKey(value);
  const stripped = folded.replace(LEADING_ORDINAL, '');
  return stripped.length > 0 ? stripped : folded;
}

/** Column letters as Excel shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Inverse of columnLetter: A → 0, AA → 26. Returns -1 for anything that is not letters. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i);
    const v = c >= 97 ? c - 96 : c - 64;
    if (v < 1 || v > 26) return -1;
    n = n * 26 + v;
  }
  return n - 1;
}

/** Text a spreadsheet would run as a formula (OWASP CSV injection list). */
export function isFormulaLike(value: string): boolean {
  if (value.length === 0) return false;
  const c = value.charCodeAt(0);
  return c === 61 /* = */ || c === 43 /* + */ || c === 45 /* - */ || c === 64 /* @ */ || c === 9 || c === 13;
}

/**
 * A copy of a string that does not keep a larger one alive. Strings split out of a big batch of
 * CSV records point into it; what outlives the row (findings, records, memo keys) is detached.
 */
export function detach(value: string): string {
  // biome-ignore lint/style/useTemplate: the concatenation is the point: it makes V8 copy the characters out of the parent string
  return value.length < 13 ? value : (' ' + value).slice(1);
}

// XML 1.0 §2.2 Char: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF. Anything else
// (other C0 controls, U+FFFE, U+FFFF, a surrogate without its pair) makes an xlsx part not
// well-formed: Excel "repairs" the workbook and strict readers refuse it.
const XML_INVALID =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const XML_INVALID_ONE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// Any surrogate at all, or a forbidden character (the class [\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]),
// by a character loop; only a text it finds (rare) pays for the exact expression above.
function isXmlSuspect(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 ? c !== 9 && c !== 10 && c !== 13 : c >= 0xd800 && (c <= 0xdfff || c >= 0xfffe)) return true;
  }
  return false;
}

/** The characters of a text that XML 1.0 forbids, as code points written U+FFFE (first seen first, once each). */
export function invalidXmlChars(value: string): string[] {
  if (!isXmlSuspect(value) || !XML_INVALID_ONE.test(value)) return [];
  const out = new Set<string>();
  for (const m of value.matchAll(XML_INVALID)) out.add(`U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  return [...out];
}

/** Replaces every character XML 1.0 forbids by U+FFFD, the replacement character. */
export function toXmlSafe(value: string): string {
  return isXmlSuspect(value) && XML_INVALID_ONE.test(value) ? value.replace(XML_INVALID, '\ufffd') : value;
}

/** A name as it may be shown on a terminal: control characters (a newline, ESC) as `\u001b`. */
export function visible(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
