/**
 * Wraps text to a display width, counting CJK and full-width characters as two columns:
 * cli-table3's own wrapping counts characters and cuts Chinese lines short.
 */

export function charWidth(cp: number): number {
  if (cp < 0x1100) return 1;
  if (
    cp <= 0x115f ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch.codePointAt(0) as number);
  return w;
}

// Line-breaking rules (a small part of UAX #14 and of the Chinese 避头尾 habit): a line never starts
// with closing punctuation and never ends with opening punctuation; a run of latin letters, digits and
// `*` (a masked ID number such as 410702********0010, a code, a path) is not broken unless it is wider
// than the line by itself; `_` and `/` end such a run, so codes and paths may break after them.
const CLOSING = new Set([...'，。、；：！？）】》〉」』”’…%,.;:!?)]}']);
const OPENING = new Set([...'（【《〈「『“‘([{']);

function isWordChar(ch: string): boolean {
  return /[\x21-\x7e]/.test(ch) && !CLOSING.has(ch) && !OPENING.has(ch);
}

/** Splits one line into unbreakable pieces. */
function tokens(line: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const ch of line) {
    if (isWordChar(ch)) {
      word += ch;
      if (ch === '_' || ch === '/') {
        out.push(word);
        word = '';
      }
      continue;
    }
    if (word) {
      out.push(word);
      word = '';
    }
    out.push(ch);
  }
  if (word) out.push(word);
  return out;
}

/** Breaks a piece wider than the line by characters. */
function hardSplit(token: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  let w = 0;
  for (const ch of token) {
    const cw = charWidth(ch.codePointAt(0) as number);
    if (w + cw > width && cur) {
      out.push(cur);
      cur = '';
      w = 0;
    }
    cur += ch;
    w += cw;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * Breaks each line of `text` so that no line is wider than `width` columns: between Chinese
 * characters, at spaces, and around latin words, never before closing or after opening punctuation.
 */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  const w = Math.max(2, width);
  for (const line of text.split('\n')) {
    let cur: string[] = [];
    let curW = 0;
    let continued = false;
    const flush = (): void => {
      continued = true;
      while (cur.length > 0 && cur[cur.length - 1] === ' ') cur.pop();
      out.push(cur.join(''));
      cur = [];
      curW = 0;
    };
    for (const tok of tokens(line)) {
      const tw = displayWidth(tok);
      if (curW + tw <= w) {
        if (tok === ' ' && cur.length === 0 && continued) continue;
        cur.push(tok);
        curW += tw;
        continue;
      }
      if (tok === ' ') {
        flush();
        continue;
      }
      // What moves down with this piece: closing punctuation takes the piece before it along, and an
      // opening punctuation mark at the end of the line goes down to what it opens.
      const carried: string[] = [];
      if (CLOSING.has(tok) && cur.length > 0 && cur[cur.length - 1] !== ' ') {
        const last = cur[cur.length - 1] as string;
        if (cur.length > 1) carried.unshift(cur.pop() as string);
        else if ([...last].length > 1) {
          // A word that fills the line alone: its last character goes down with the punctuation.
          const chars = [...last];
          carried.unshift(chars.pop() as string);
          cur[0] = chars.join('');
        }
      }
      while (cur.length > 1 && OPENING.has(cur[cur.length - 1] as string)) carried.unshift(cur.pop() as string);
      if (cur.length > 0) flush();
      for (const c of carried) {
        cur.push(c);
        curW += displayWidth(c);
      }
      if (curW + tw <= w) {
        cur.push(tok);
        curW += tw;
        continue;
      }
      if (cur.length > 0) flush();
      const parts = hardSplit(tok, w);
      for (let i = 0; i < parts.length - 1; i++) out.push(parts[i] as string);
      cur = [parts[parts.length - 1] as string];
      curW = displayWidth(cur[0] as string);
    }
    flush();
  }
  return out;
}
