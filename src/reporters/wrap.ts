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

/**
 * Breaks each line of `text` so that no line is wider than `width` columns: Chinese anywhere,
 * latin text at the last space when there is one in the second half of the line.
 */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let cur = '';
    let w = 0;
    for (const ch of line) {
      const cw = charWidth(ch.codePointAt(0) as number);
      if (w + cw > width && cur.length > 0) {
        const space = cur.lastIndexOf(' ');
        if (ch !== ' ' && /[\x21-\x7e]/.test(ch) && space > 0 && displayWidth(cur.slice(0, space)) > width / 2) {
          out.push(cur.slice(0, space));
          cur = cur.slice(space + 1);
          w = displayWidth(cur);
        } else {
          out.push(cur);
          cur = ch === ' ' ? '' : '';
          w = 0;
          if (ch === ' ') continue;
        }
      }
      cur += ch;
      w += cw;
    }
    out.push(cur);
  }
  return out;
}
