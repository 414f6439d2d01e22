/**
 * The one sanitising sink every terminal line goes through (docs/decisions.md "One sink for the
 * terminal"): `run()` wraps stdout and stderr in it, so the pretty reporter, every command's printed
 * line, usage errors and JSON alike pass here. Text from files, the register, options (`--by`), the
 * host name or a calendar file is shown, never obeyed:
 *
 * - C0 controls (except line feed and tab) and DEL become Control Pictures (ESC → ␛);
 * - C1 controls, bidi embeddings/overrides/isolates/marks (RLO …) and U+2028/2029 become the text
 *   `\u202e`: inside a JSON string that is the JSON escape of the same character, so a JSON document
 *   still parses to the same data, while the terminal shows it instead of obeying it;
 * - our own escapes survive only in the forms we write: colour (SGR of colours, bold, dim, reset —
 *   and only when colour is on) and the progress line's `\r` + erase-line (`\r\x1b[K`).
 *
 * `writeBytes` (CliIo.stdout) passes by: only JSON made by reporters/json-bytes.ts, which applies
 * terminalSafe to each value itself (docs/decisions.md "list and diff: JSON written as bytes").
 */

// eslint-disable-next-line no-control-regex
const OURS = /\r\x1b\[K|\x1b\[[0-9;]*m/g;
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
/** SGR parameters chalk writes at level 1: reset, bold, dim, their end, colours and their end. */
const COLOUR_PARAM = /^(?:0|1|2|22|3[0-79]|39|4[0-79]|49|9[0-7]|10[0-7])$/;

function standIn(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 0x20) return String.fromCharCode(0x2400 + c);
  if (c === 0x7f) return '\u2421';
  return `\\u${c.toString(16).padStart(4, '0')}`;
}

function neutral(text: string): string {
  return text.replace(UNSAFE, standIn);
}

function isOurs(seq: string, colour: boolean): boolean {
  if (seq === '\r\x1b[K') return true;
  if (!colour) return false;
  const params = seq.slice(2, -1);
  return params === '' || params.split(';').every((p) => COLOUR_PARAM.test(p));
}

/** `text` as it may reach a terminal: see above. `colour`: whether our own colour codes are kept. */
export function terminalSafe(text: string, colour: boolean): string {
  // Fast path: nothing to look at (the common case of plain Chinese text).
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/.test(text)) return text;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(OURS)) {
    if (!isOurs(m[0], colour)) continue;
    out += neutral(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + neutral(text.slice(last));
}

/** A writer whose every string goes through `terminalSafe`. */
export function sanitisingSink<W extends { write(s: string): unknown }>(w: W, colour: () => boolean): W {
  return new Proxy(w, {
    get(target, prop, receiver) {
      if (prop === 'write') return (s: string) => target.write(typeof s === 'string' ? terminalSafe(s, colour()) : s);
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
