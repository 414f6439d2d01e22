/**
 * Text from a file (cell values, headers, sheet and file names) is shown, never obeyed: control
 * characters that a terminal would act on are replaced by a visible stand-in before anything is
 * printed in pretty output (docs/decisions.md "Hostile text in the terminal").
 *
 * - C0 controls and DEL: the Control Pictures symbol (ESC → ␛, LF → ␊, TAB → ␉, DEL → ␡);
 * - C1 controls (U+0080–U+009F), bidi embeddings, overrides and isolates, the line and paragraph
 *   separators: `\u202e`-style escapes, since they have no picture.
 * Everything else (Chinese included) is left as it is.
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const UNSAFE_ALL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

function standIn(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 0x20) return String.fromCharCode(0x2400 + c);
  if (c === 0x7f) return '\u2421';
  return `\\u${c.toString(16).padStart(4, '0')}`;
}

/** `text` with every control character made visible; `keepNewlines` for multi-line text of our own. */
export function visible(text: string, keepNewlines = false): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE_ALL, (ch) => (keepNewlines && ch === '\n' ? ch : standIn(ch)));
}

/** A copy of `args` with every string made visible (numbers and booleans unchanged). */
export function visibleArgs<T extends object>(args: T): T {
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(args)) {
    if (typeof v === 'string' && UNSAFE.test(v)) {
      out ??= { ...(args as Record<string, unknown>) };
      out[k] = visible(v);
    } else if (Array.isArray(v) && v.some((x) => typeof x === 'string' && UNSAFE.test(x))) {
      out ??= { ...(args as Record<string, unknown>) };
      out[k] = v.map((x: unknown) => (typeof x === 'string' ? visible(x) : x));
    }
  }
  return (out ?? args) as T;
}
