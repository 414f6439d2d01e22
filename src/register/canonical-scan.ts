/**
 * Whether bytes are exactly what canonical.ts writes for one JSON object — judged on the bytes, in
 * one pass, without parsing or serialising anything again (a province's log is ~700 MB). Canonical
 * means: no whitespace anywhere outside strings; object keys strictly increasing in code-unit order
 * (JS `<`, as canonicalJson sorts; so no key twice); strings escaped as JSON.stringify escapes them
 * (`\"` `\\` `\b` `\f` `\n` `\r` `\t`, other control characters and lone surrogates as lower-case
 * `\u00xx`, nothing else — no `\/`, no `\u4e2d`); numbers as JSON.stringify writes them (`1`, not
 * `1.0`, `-0` or `1E2`); valid UTF-8.
 *
 * 'prefix' is for a log's unfinished last line (register repair): the bytes stop before the object
 * closes, and nothing in them could not have been written by our writer. `lenient` reads plain JSON
 * instead (spaces and tabs between tokens, any key order, any escape and number spelling): the
 * unfinished last line of a log another tool wrote (foreign.ts) — still one object, no CR, no U+2028.
 */
import { isUtf8 } from 'node:buffer';

export type CanonicalScan = 'complete' | 'prefix' | 'invalid';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Where a container stands: expecting a key or `}` (first), a key (next), `:`, a value, `,` or the close. */
const enum At {
  ObjectFirst,
  ObjectKey,
  Colon,
  ObjectValue,
  ObjectNext,
  ArrayFirst,
  ArrayValue,
  ArrayNext,
}

function isHexLower(b: number | undefined): boolean {
  return b !== undefined && ((b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66));
}

/** Whether key a (raw bytes, between its quotes) sorts strictly before key b, as decoded strings. */
function keyBefore(buf: Buffer, a0: number, a1: number, b0: number, b1: number): boolean {
  const n = Math.min(a1 - a0, b1 - b0);
  for (let i = 0; i < n; i++) {
    const x = buf[a0 + i] as number;
    const y = buf[b0 + i] as number;
    // An escape or a non-ASCII character before the keys differ: compare them decoded.
    if (x >= 0x80 || y >= 0x80 || x === BACKSLASH || y === BACKSLASH) {
      const a = JSON.parse(buf.toString('utf8', a0 - 1, a1 + 1)) as string;
      const b = JSON.parse(buf.toString('utf8', b0 - 1, b1 + 1)) as string;
      return a < b;
    }
    if (x !== y) return x < y;
  }
  return a1 - a0 < b1 - b0;
}

/** UTF-8 validity; a prefix may stop inside a character's bytes. */
function validUtf8(buf: Buffer, start: number, end: number, prefix: boolean): boolean {
  if (isUtf8(buf.subarray(start, end))) return true;
  if (!prefix) return false;
  for (let cut = 1; cut <= 3 && end - cut > start; cut++) {
    const b = buf[end - cut] as number;
    if (b >= 0xc0) return isUtf8(buf.subarray(start, end - cut));
    if (b < 0x80) return false;
  }
  return false;
}

/**
 * Scans buf[start, end) as the canonical JSON of one object. 'complete': exactly that; 'prefix': a
 * proper beginning of such a text (only when `prefix` is asked for); else 'invalid'.
 */
export function scanCanonical(buf: Buffer, start: number, end: number, prefix = false, lenient = false): CanonicalScan {
  if (!validUtf8(buf, start, end, prefix)) return 'invalid';
  // What each open container expects, and per open object its previous key's bytes (-1 before the first):
  // typed arrays indexed by depth, so that a province's million records allocate nothing here.
  const stack = new Uint8Array(MAX_DEPTH);
  const keyFrom = new Int32Array(MAX_DEPTH);
  const keyTo = new Int32Array(MAX_DEPTH);
  const partial: CanonicalScan = prefix ? 'prefix' : 'invalid';
  let i = start;
  if (lenient) while (i < end && (buf[i] === 0x20 || buf[i] === 0x09)) i++;
  if (buf[i] !== 0x7b) return i >= end ? partial : 'invalid';
  let top = 0;
  stack[0] = At.ObjectFirst;
  keyFrom[0] = -1;
  i++;
  while (top >= 0) {
    if (i >= end) return partial;
    const at = stack[top] as At;
    const c = buf[i] as number;
    if (lenient && (c === 0x20 || c === 0x09)) {
      i++;
      continue;
    }
    switch (at) {
      case At.ObjectFirst:
      case At.ObjectKey: {
        if (at === At.ObjectFirst && c === 0x7d) {
          top--;
          i++;
          if (top >= 0) stack[top] = stack[top] === At.ObjectValue ? At.ObjectNext : At.ArrayNext;
          break;
        }
        if (c !== QUOTE) return 'invalid';
        const s = i + 1;
        const e = scanString(buf, i, end, lenient);
        if (e === -2) return 'invalid';
        if (e === -1) return partial;
        const pf = keyFrom[top] as number;
        if (!lenient && pf >= 0 && !keyBefore(buf, pf, keyTo[top] as number, s, e - 1)) return 'invalid';
        keyFrom[top] = s;
        keyTo[top] = e - 1;
        stack[top] = At.Colon;
        i = e;
        break;
      }
      case At.Colon:
        if (c !== 0x3a) return 'invalid';
        stack[top] = At.ObjectValue;
        i++;
        break;
      case At.ObjectNext:
      case At.ArrayNext:
        if (c === 0x2c) {
          stack[top] = at === At.ObjectNext ? At.ObjectKey : At.ArrayValue;
          i++;
        } else if (c === (at === At.ObjectNext ? 0x7d : 0x5d)) {
          top--;
          i++;
          if (top >= 0) stack[top] = stack[top] === At.ObjectValue ? At.ObjectNext : At.ArrayNext;
        } else return 'invalid';
        break;
      case At.ArrayFirst:
        if (c === 0x5d) {
          top--;
          i++;
          if (top >= 0) stack[top] = stack[top] === At.ObjectValue ? At.ObjectNext : At.ArrayNext;
        } else stack[top] = At.ArrayValue; // then read as a value, at the same byte
        break;
      default: {
        // A value (ObjectValue, ArrayValue): the container's state says which, until the value ends.
        if (c === 0x7b || c === 0x5b) {
          if (top + 1 >= MAX_DEPTH) return 'invalid';
          top++;
          stack[top] = c === 0x7b ? At.ObjectFirst : At.ArrayFirst;
          keyFrom[top] = -1;
          i++;
          break;
        }
        if (c === QUOTE) {
          const e = scanString(buf, i, end, lenient);
          if (e === -2) return 'invalid';
          if (e === -1) return partial;
          i = e;
        } else if (c === 0x74 || c === 0x66 || c === 0x6e) {
          const word = c === 0x74 ? 'true' : c === 0x66 ? 'false' : 'null';
          for (let j = 0; j < word.length; j++) {
            if (i + j >= end) return partial;
            if (buf[i + j] !== word.charCodeAt(j)) return 'invalid';
          }
          i += word.length;
        } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
          let j = i;
          while (j < end && isNumberByte(buf[j] as number)) j++;
          if (j >= end) return partial;
          // A count or row number (most of a log's numbers): its digits are JSON.stringify's, no string made.
          if (!lenient && plainInteger(buf, i, j)) {
            i = j;
            stack[top] = at === At.ObjectValue ? At.ObjectNext : At.ArrayNext;
            break;
          }
          const text = buf.toString('latin1', i, j);
          const n = Number(text);
          if (lenient ? !JSON_NUMBER.test(text) : !Number.isFinite(n) || JSON.stringify(n) !== text) return 'invalid';
          i = j;
        } else return 'invalid';
        stack[top] = at === At.ObjectValue ? At.ObjectNext : At.ArrayNext;
      }
    }
  }
  if (lenient) while (i < end && (buf[i] === 0x20 || buf[i] === 0x09)) i++;
  return i === end ? 'complete' : 'invalid';
}

/** Deeper than any event (records nest three levels): refused rather than grown. */
const MAX_DEPTH = 64;

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * Whether buf[i, j) is a whole number as JSON.stringify writes it: `0`, or a digit 1–9 and at most 14 digits more
 * (below 2^53, so the number prints back as these digits); anything else is left to Number and JSON.stringify.
 */
function plainInteger(buf: Buffer, i: number, j: number): boolean {
  const first = buf[i] as number;
  if (first === 0x30) return j === i + 1;
  if (first < 0x31 || first > 0x39 || j - i > 15) return false;
  for (let k = i + 1; k < j; k++) {
    const b = buf[k] as number;
    if (b < 0x30 || b > 0x39) return false;
  }
  return true;
}

function isNumberByte(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x2b || b === 0x2e || b === 0x65 || b === 0x45;
}

/**
 * The index after the closing quote of the string opening at buf[i]; -1 when the bytes end first,
 * -2 when the string is not as JSON.stringify writes it.
 */
function scanString(buf: Buffer, i: number, end: number, lenient = false): number {
  for (let j = i + 1; j < end; j++) {
    const b = buf[j] as number;
    if (b === QUOTE) return j + 1;
    if (b < 0x20) return -2;
    if (b !== BACKSLASH) continue;
    const x = buf[j + 1];
    if (x === undefined || j + 1 >= end) return -1;
    if (x === QUOTE || x === BACKSLASH || x === 0x62 || x === 0x66 || x === 0x6e || x === 0x72 || x === 0x74 || (lenient && x === 0x2f)) {
      j++;
      continue;
    }
    if (x !== 0x75) return -2;
    if (lenient) {
      for (let k = 2; k < 6; k++) {
        if (j + k >= end) return -1;
        if (!/[0-9a-fA-F]/.test(String.fromCharCode(buf[j + k] as number))) return -2;
      }
      j += 5;
      continue;
    }
    for (let k = 2; k < 6; k++) {
      if (j + k >= end) return -1;
      if (!isHexLower(buf[j + k])) return -2;
    }
    const unit = parseInt(buf.toString('latin1', j + 2, j + 6), 16);
    const short = unit === 0x08 || unit === 0x09 || unit === 0x0a || unit === 0x0c || unit === 0x0d;
    if (!((unit < 0x20 && !short) || (unit >= 0xd800 && unit <= 0xdfff))) return -2;
    // A lone high surrogate escaped must not be followed by an escaped low one (a pair is written as is).
    if (unit >= 0xd800 && unit <= 0xdbff && buf[j + 6] === BACKSLASH && buf[j + 7] === 0x75 && j + 11 < end) {
      const next = parseInt(buf.toString('latin1', j + 8, j + 12), 16);
      if (next >= 0xdc00 && next <= 0xdfff) return -2;
    }
    j += 5;
  }
  return -1;
}
