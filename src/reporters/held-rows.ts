/**
 * Rows of a table of aligned columns kept as bytes until every row is known (their columns' widths are the widest
 * cell's), then written as the terminal's bytes: diff's table (register-views.ts diffPieces), whose rows wait in a
 * temporary file. A row is kept as its cells' UTF-8 text made terminal-safe (sink.ts terminalSafe, cell by cell),
 * each cell's display width (of the cell as given, as alignedLine pads it) and byte length before it; read back,
 * each cell's bytes are copied and padded with spaces. The text is alignedLine's, through the sink: terminalSafe
 * of a line is the cells' terminalSafe joined, since the spaces and the line feed between them are safe and none
 * of our own escapes (`\r\x1b[K`, `\x1b[…m`) can hold a space or a line feed.
 *
 * Kept as lines of cells joined by NUL (decoded, split, measured and joined again when read back), a province's
 * diff over many batches (700,000 rows) cost 1.2× the CPU of drawing its whole document in memory.
 */
import { charWidth } from './wrap.js';
import { terminalSafe } from './sink.js';

// What terminalSafe changes (sink.ts UNSAFE): a row with none of it is kept as given.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/** A piece of the rows' bytes given back by `aligned`. */
const OUT_PIECE = 1 << 16;

/** The UTF-8 length of `s` as Buffer.write makes it (a lone surrogate: U+FFFD, 3 bytes). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** wrap.ts displayWidth, and the UTF-8 length into `bytes[k]` (one pass over the cell). */
function measure(s: string, bytes: number[], k: number): number {
  let w = 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      w += 1;
      n += 1;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      w += charWidth(((c - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00) + 0x10000);
      n += 4;
      i++;
    } else {
      w += charWidth(c);
      n += c < 0x800 ? 2 : 3;
    }
  }
  bytes[k] = n;
  return w;
}

/** The rows of one table, encoded as they come (`row`) and handed on in pieces (`take`). */
export class HeldRows {
  private buf = Buffer.allocUnsafe(OUT_PIECE);
  private pos = 0;
  private readonly widths: number[] = [];
  private readonly bytes: number[] = [];

  /** `colour`: whether the sink keeps our colour codes (sink.ts terminalSafe). */
  constructor(private readonly colour: boolean) {}

  /** Bytes not yet taken. */
  get size(): number {
    return this.pos;
  }

  /** Keeps a row; its cells' display widths (reused: read them before the next row). */
  row(cells: readonly string[]): readonly number[] {
    if (this.plainRow(cells)) return this.widths;
    const { widths, bytes } = this;
    const n = cells.length;
    widths.length = n;
    bytes.length = n;
    for (let i = 0; i < n; i++) widths[i] = measure(cells[i] as string, bytes, i);
    let safe = cells;
    let text = cells.join('');
    if (UNSAFE.test(text)) {
      safe = cells.map((c) => terminalSafe(c, this.colour));
      for (let i = 0; i < n; i++) bytes[i] = utf8Length(safe[i] as string);
      text = safe.join('');
    }
    // A number is at most 5 bytes (7 bits a byte); the text at most 3 bytes a UTF-16 unit.
    this.room(5 + 10 * n + 3 * text.length);
    this.varint(n);
    for (let i = 0; i < n; i++) {
      this.varint(widths[i] as number);
      this.varint(bytes[i] as number);
    }
    let total = 0;
    for (let i = 0; i < n; i++) total += bytes[i] as number;
    const at = this.pos;
    this.pos += this.buf.write(text, at, 'utf8');
    if (this.pos - at !== total) {
      // A cell ending in a lone high surrogate met the next one's low surrogate: one character joined, 4 bytes
      // where each cell alone has 3 (U+FFFD). Each cell written alone.
      this.pos = at;
      for (let i = 0; i < n; i++) this.pos += this.buf.write(safe[i] as string, this.pos, 'utf8');
    }
    return widths;
  }

  /**
   * A row none of whose cells holds what terminalSafe changes, kept in one pass over its characters: each cell
   * measured (measure's widths) and encoded by hand (as Buffer.write encodes a cell alone: a lone surrogate as
   * U+FFFD) at the row's end, the numbers then written before the text (the text moved up when they take fewer bytes
   * than room was left for). False, and nothing kept, at the first character terminalSafe changes (`row` keeps it).
   * The cells were measured, joined, tested with an expression and encoded again: a province's long diff, 700,000 rows.
   */
  private plainRow(cells: readonly string[]): boolean {
    const { widths, bytes } = this;
    const n = cells.length;
    let chars = 0;
    for (let i = 0; i < n; i++) chars += (cells[i] as string).length;
    // The numbers at most 5 bytes each (7 bits a byte), the text at most 3 bytes a UTF-16 unit.
    const head = 5 + 10 * n;
    this.room(head + 3 * chars);
    const buf = this.buf;
    const start = this.pos + head;
    let p = start;
    widths.length = n;
    bytes.length = n;
    for (let k = 0; k < n; k++) {
      const s = cells[k] as string;
      const at = p;
      let w = 0;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x80) {
          // C0 but tab and line feed, DEL: the sink's.
          if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || c === 0x7f) return false;
          buf[p++] = c;
          w += 1;
        } else if (c < 0x800) {
          // C1, U+061C (a bidi mark): the sink's.
          if (c <= 0x9f || c === 0x61c) return false;
          buf[p++] = 0xc0 | (c >> 6);
          buf[p++] = 0x80 | (c & 0x3f);
          w += charWidth(c);
        } else if (c >= 0xd800 && c <= 0xdfff) {
          const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
          if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
            const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
            buf[p++] = 0xf0 | (cp >> 18);
            buf[p++] = 0x80 | ((cp >> 12) & 0x3f);
            buf[p++] = 0x80 | ((cp >> 6) & 0x3f);
            buf[p++] = 0x80 | (cp & 0x3f);
            w += charWidth(cp);
            i++;
          } else {
            // A lone surrogate: U+FFFD (EF BF BD), measured as itself (measure's width).
            buf[p++] = 0xef;
            buf[p++] = 0xbf;
            buf[p++] = 0xbd;
            w += charWidth(c);
          }
        } else {
          // Bidi marks, embeddings, isolates and U+2028/2029: the sink's.
          if (c >= 0x200e && c <= 0x2069 && (c <= 0x200f || (c >= 0x2028 && c <= 0x202e) || c >= 0x2066)) return false;
          buf[p++] = 0xe0 | (c >> 12);
          buf[p++] = 0x80 | ((c >> 6) & 0x3f);
          buf[p++] = 0x80 | (c & 0x3f);
          w += charWidth(c);
        }
      }
      widths[k] = w;
      bytes[k] = p - at;
    }
    const text = p - start;
    this.varint(n);
    for (let i = 0; i < n; i++) {
      this.varint(widths[i] as number);
      this.varint(bytes[i] as number);
    }
    if (this.pos < start) buf.copyWithin(this.pos, start, start + text);
    this.pos += text;
    return true;
  }

  /** The bytes kept so far, each piece ending after a row. */
  take(): Buffer {
    const out = Buffer.from(this.buf.subarray(0, this.pos));
    this.pos = 0;
    return out;
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  private varint(v: number): void {
    while (v >= 0x80) {
      this.buf[this.pos++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.pos++] = v;
  }
}

/**
 * The rows `pieces` hold (HeldRows's bytes, in order, cut anywhere), as alignedLine's lines (each cell but the last
 * padded to its column's width, two spaces between, a line feed after) in UTF-8, in pieces of about 64 KiB, each
 * ending after a line.
 */
export function* alignedRows(pieces: Iterable<Uint8Array>, columns: readonly number[]): Generator<Buffer> {
  let out = Buffer.allocUnsafe(OUT_PIECE);
  let o = 0;
  let data: Uint8Array = new Uint8Array(0);
  let at = 0;
  // A varint at data[p…] (-1: cut off); its end in `end`.
  let end = 0;
  const varint = (p: number): number => {
    let v = 0;
    let scale = 1;
    for (; p < data.length; p++) {
      const b = data[p] as number;
      v += (b & 0x7f) * scale;
      if (b < 0x80) {
        end = p + 1;
        return v;
      }
      scale *= 0x80;
    }
    return -1;
  };
  const widths: number[] = [];
  const bytes: number[] = [];
  // A row cut off at a piece's end, copied here before the next piece is asked (pieces may be lent), the next after it.
  let carry = Buffer.allocUnsafe(0);
  for (const piece of pieces) {
    // What was cut off lies at the front of `carry` (below).
    const rest = data.length - at;
    if (rest > 0) {
      if (carry.length < rest + piece.length) {
        const bigger = Buffer.allocUnsafe(Math.max(2 * carry.length, rest + piece.length));
        bigger.set(carry.subarray(0, rest), 0);
        carry = bigger;
      }
      carry.set(piece, rest);
      data = carry.subarray(0, rest + piece.length);
    } else data = piece;
    at = 0;
    for (;;) {
      // One row: its count, widths and lengths, then its text; left for the next piece when cut off.
      const n = varint(at);
      if (n < 0) break;
      let p = end;
      let text = 0;
      let whole = true;
      for (let i = 0; i < n && whole; i++) {
        const w = varint(p);
        const b = w < 0 ? -1 : varint(end);
        if (b < 0) whole = false;
        else {
          widths[i] = w;
          bytes[i] = b;
          text += b;
          p = end;
        }
      }
      if (!whole || p + text > data.length) break;
      let size = text + 1;
      for (let i = 0; i < n - 1; i++) size += (columns[i] as number) - (widths[i] as number) + 2;
      if (o + size > out.length) {
        if (o > 0) yield out.subarray(0, o);
        out = Buffer.allocUnsafe(Math.max(OUT_PIECE, size));
        o = 0;
      }
      for (let i = 0; i < n; i++) {
        // Byte by byte: a cell is a few dozen bytes, and a view of each to copy from cost more than the copy.
        for (let e = p + (bytes[i] as number); p < e; ) out[o++] = data[p++] as number;
        if (i === n - 1) break;
        const pad = (columns[i] as number) - (widths[i] as number) + 2;
        out.fill(0x20, o, o + pad);
        o += pad;
      }
      out[o++] = 0x0a;
      at = p;
    }
    // The row cut off, to the front of `carry` (it may lie in `carry` already: set copies as if through a copy).
    if (at < data.length) {
      const cut = data.subarray(at);
      if (carry.length < cut.length + OUT_PIECE) {
        const bigger = Buffer.allocUnsafe(Math.max(2 * carry.length, cut.length + OUT_PIECE));
        bigger.set(cut, 0);
        carry = bigger;
      } else carry.set(cut, 0);
      data = carry.subarray(0, cut.length);
      at = 0;
    }
  }
  if (at < data.length) throw new Error('alignedRows: a held row cut off');
  if (o > 0) yield out.subarray(0, o);
}
