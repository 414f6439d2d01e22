/**
 * A sheet's rows as cells' bytes, and their XML made from those bytes on either thread (a province's 台账 deflated
 * as pieces on a second thread: sheet-thread.ts; docs/decisions.md "A province's 台账 on two cores"). The main thread
 * writes each cell as a tag and its value, its text already escaped and UTF-8 (xlsx-writer.ts CellChunks: ~200
 * bytes a row); the XML around them (~870 bytes a row: the references, the styles, the tags) is made here, then
 * deflated as one piece. The same function makes a piece on the main thread when the second fails: the same bytes.
 */
/** A sheet's rows are given to the zip in pieces of about this many bytes (its writes: zip-write.ts WRITE). */
export const PIECE = 1 << 18;
// Cell formats (styles.xml cellXfs, xlsx-writer.ts): 1 text, 4 a number.
export const XF_TEXT = 1;
export const XF_NUMBER = 4;

/** More than any cell's markup without its text, or a row's tags (a number cell's ~50 bytes). */
export const MARKUP = 96;
export const NUMBER_OPEN = `" s="${XF_NUMBER}"><v>`;
export const NUMBER_EMPTY = `" s="${XF_NUMBER}"/>`;
export const INLINE_OPEN = `" s="${XF_TEXT}" t="inlineStr"><is><t>`;
export const INLINE_SPACE_OPEN = `" s="${XF_TEXT}" t="inlineStr"><is><t xml:space="preserve">`;

/** Bytes written into a buffer at `at`: ASCII, any text as UTF-8, bytes already UTF-8; room is the subclass's rule. */
abstract class Utf8Writer {
  protected at = 0;
  constructor(protected buf: Buffer) {}

  /** A text of ASCII characters (markup, numbers). */
  ascii(s: string): void {
    const b = this.buf;
    let a = this.at;
    for (let i = 0; i < s.length; i++) b[a++] = s.charCodeAt(i);
    this.at = a;
  }

  /** Any text, as UTF-8 (room made for 3 bytes a UTF-16 unit): by the loop while ASCII, else by Buffer's encoder. */
  text(s: string): void {
    const b = this.buf;
    let a = this.at;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.at += b.write(s, this.at, 'utf8');
        return;
      }
      b[a++] = c;
    }
    this.at = a;
  }

  /** Bytes already UTF-8 (`src` from `a` to `b`): room made for them by the caller. */
  bytes(src: Uint8Array, a: number, b: number): void {
    const d = this.buf;
    let at = this.at;
    for (let i = a; i < b; i++) d[at++] = src[i] as number;
    this.at = at;
  }
}

/**
 * A sheet's rows as UTF-8, written into a buffer and handed over a full buffer at a time (each its own: ZipPart's
 * pieces are never reused once given). A province's 台账 (475 MiB of XML) made each row a string, then 64 KiB of
 * them one string to encode, then joined those into the zip's writes: ~2 s of garbage collection and copies.
 */
export class RowBytes extends Utf8Writer {
  constructor() {
    super(Buffer.allocUnsafe(PIECE));
  }

  /** Room for `n` bytes more: if the buffer lacks it, its bytes (if any) are given back and a new one begun. */
  room(n: number): Buffer | undefined {
    if (this.at + n <= this.buf.length) return undefined;
    const full = this.at > 0 ? this.buf.subarray(0, this.at) : undefined;
    this.buf = Buffer.allocUnsafe(Number.isFinite(n) ? Math.max(PIECE, n) : 0);
    this.at = 0;
    return full;
  }
}

/** A cell's tag in the cells' bytes; a value (digits, or a text) follows the tags that have one, ended by a 0 byte. */
export const CELL = {
  /** No cell (null): the column is passed. */
  none: 1,
  /** A number: its digits. */
  number: 2,
  /** A number cell with no value (NaN, Infinity). */
  numberEmpty: 3,
  /** A shared string: its index's digits. */
  shared: 4,
  /** An inline string: its text escaped, UTF-8. */
  inline: 5,
  /** The same, its spaces kept (`xml:space="preserve"`). */
  inlineSpace: 6,
  /** The row's end. */
  rowEnd: 7,
} as const;

/** Rows as cells' bytes: the first row's number, and the bytes (CELL's tags). */
export interface CellChunk {
  row0: number;
  cells: Uint8Array;
}

const SHARED_OPEN = `" s="${XF_TEXT}" t="s"><v>`;

/**
 * A chunk's XML in one buffer, kept for the next chunk's (grown when a chunk needs more): a buffer a chunk, or a piece
 * of one at a time joined, left ~5 MB of garbage a chunk for a thread whose collector seldom runs (its peak ~60 MB up).
 */
export class XmlBytes extends Utf8Writer {
  constructor() {
    super(Buffer.allocUnsafe(8 << 20));
  }

  /** Room for `n` bytes more. */
  room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.at + n));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
  }

  /** What was written since the last `begin` (valid until the next). */
  written(): Buffer {
    return this.buf.subarray(0, this.at);
  }

  begin(): void {
    this.at = 0;
  }
}

/**
 * The XML of a chunk's rows, as xlsx-writer.ts sheetXml writes the same rows (test/io/xlsx/sheet-pieces.test.ts):
 * `letters` the columns' letters; written into `out` (its bytes valid until its next chunk).
 */
export function cellsXml(chunk: CellChunk, letters: readonly string[], out = new XmlBytes()): Buffer {
  const open = letters.map((l) => `<c r="${l}`);
  const src = chunk.cells;
  out.begin();
  let r = chunk.row0;
  let at = 0;
  while (at < src.length) {
    const num = String(r++);
    out.room(MARKUP);
    out.ascii('<row r="');
    out.ascii(num);
    out.ascii('">');
    for (let i = 0; ; i++) {
      const tag = src[at++];
      if (tag === CELL.rowEnd) break;
      if (tag === CELL.none) continue;
      let end = at;
      if (tag !== CELL.numberEmpty) {
        end = src.indexOf(0, at);
        if (end < 0) throw new Error('cells: a value without its end');
      }
      out.room(end - at + MARKUP);
      const o = open[i];
      if (o === undefined) throw new Error(`cells: column ${i} past the sheet's`);
      out.ascii(o);
      out.ascii(num);
      if (tag === CELL.number) {
        out.ascii(NUMBER_OPEN);
        out.bytes(src, at, end);
        out.ascii('</v></c>');
      } else if (tag === CELL.numberEmpty) out.ascii(NUMBER_EMPTY);
      else if (tag === CELL.shared) {
        out.ascii(SHARED_OPEN);
        out.bytes(src, at, end);
        out.ascii('</v></c>');
      } else if (tag === CELL.inline || tag === CELL.inlineSpace) {
        out.ascii(tag === CELL.inline ? INLINE_OPEN : INLINE_SPACE_OPEN);
        out.bytes(src, at, end);
        out.ascii('</t></is></c>');
      } else throw new Error(`cells: tag ${tag}`);
      at = tag === CELL.numberEmpty ? end : end + 1;
    }
    out.ascii('</row>');
  }
  return out.written();
}
