/** Decoding helpers shared by the CSV reader and its worker thread. */
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** Separators of records sent from the worker thread in one string. */
export const FIELD_SEP = '\u001f';
export const RECORD_SEP = '\u001e';
/**
 * Every line ending a record may end with, in one file: csv-parse's default detects one ending from the first
 * line and keeps it, so a file whose lines mix CRLF and LF (rows pasted in from another file, an editor that
 * writes LF) had its LF lines merged into the cell before them. Longest first; a CR alone is old Mac Excel's.
 */
export const RECORD_DELIMITERS = ['\r\n', '\n', '\r'];

/** Decodes a non-UTF-8 byte stream to UTF-8 bytes for csv-parse; invalid sequences become U+FFFD, found later per row. */
export class Recode extends Transform {
  private readonly decoder: TextDecoder;
  private skip: number;
  constructor(
    encoding: CsvEncoding,
    bomLength: number,
    private readonly state: { dirty: boolean },
  ) {
    super();
    this.decoder = new TextDecoder(encoding);
    this.skip = bomLength;
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    let c = chunk;
    if (this.skip > 0) {
      const n = Math.min(this.skip, c.length);
      c = c.subarray(n);
      this.skip -= n;
    }
    const s = this.decoder.decode(c, { stream: true });
    if (!this.state.dirty && s.includes('\uFFFD')) this.state.dirty = true;
    cb(null, s.length > 0 ? Buffer.from(s, 'utf8') : undefined);
  }
  override _flush(cb: TransformCallback): void {
    const s = this.decoder.decode();
    if (s.includes('\uFFFD')) this.state.dirty = true;
    cb(null, s.length > 0 ? Buffer.from(s, 'utf8') : undefined);
  }
}

/** Where the last complete UTF-8 character of a chunk ends (a chunk may stop inside one). */
export function completeUtf8End(b: Buffer): number {
  const n = b.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const byte = b[n - back] as number;
    if (byte < 0x80) return n;
    if (byte >= 0xc0) {
      const len = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return len > back ? n - back : n;
    }
  }
  return n;
}

/**
 * Invalid UTF-8 turns into U+FFFD inside csv-parse; a cheap check of each chunk of the file tells
 * the table when rows need to be looked at for it. Register before piping the source.
 */
export function watchUtf8(source: Readable, state: { dirty: boolean }): void {
  let carry: Buffer | undefined;
  source.on('data', (chunk: string | Buffer) => {
    if (state.dirty) return;
    const b = carry ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const end = completeUtf8End(b);
    if (!isUtf8(b.subarray(0, end))) state.dirty = true;
    carry = end < b.length ? b.subarray(end) : undefined;
  });
  source.on('end', () => {
    if (carry && !isUtf8(carry)) state.dirty = true;
  });
}

/** Excel's own column count: no CSV that Excel or WPS saves holds more fields in a record. */
export const CSV_MAX_FIELDS = 16_384;

/**
 * Counts the fields of each record as the bytes go by (a quote at the start of a field opens a
 * quoted field; CR and LF end a record outside quotes) and calls `onOverflow` once when a record
 * holds more than `maxFields`: csv-parse would otherwise build the whole record first (a 100 MB
 * line of commas is 100 million empty strings). The chunk that overflows still reaches the parser:
 * at most one chunk's worth of fields. Register before piping the source.
 */
export function watchColumns(source: Readable, delimiter: string, maxFields: number, onOverflow: (fields: number) => void): void {
  const delim = delimiter.charCodeAt(0);
  let fields = 1;
  let quoted = false;
  let closing = false;
  let atStart = true;
  let over = false;
  /** The exact count over b[from, to); false once the limit is passed. */
  const scan = (b: Buffer, from: number, to: number): boolean => {
    for (let i = from; i < to; i++) {
      const c = b[i] as number;
      if (quoted) {
        if (c === 0x22) {
          quoted = false;
          closing = true;
        }
        continue;
      }
      if (closing) {
        closing = false;
        if (c === 0x22) {
          quoted = true;
          continue;
        }
      }
      if (c === delim) {
        atStart = true;
        if (++fields > maxFields) return false;
      } else if (c === 0x0a || c === 0x0d) {
        fields = 1;
        atStart = true;
      } else if (c === 0x22 && atStart) {
        quoted = true;
        atStart = false;
      } else atStart = false;
    }
    return true;
  };
  /**
   * Fast path for a chunk without quotes: a line of L bytes holds at most L + 1 fields, so lines
   * (found by the native indexOf) shorter than the limit need no count; only the last, unfinished
   * line is counted, to carry the state on.
   */
  const quick = (b: Buffer): boolean | undefined => {
    if (quoted || closing || b.indexOf(0x22) >= 0) return undefined;
    let start = 0;
    let carried = fields;
    for (;;) {
      const nl = b.indexOf(0x0a, start);
      if (nl < 0) break;
      if (nl - start + carried > maxFields) return undefined;
      carried = 1;
      start = nl + 1;
    }
    if (start > 0) {
      fields = 1;
      atStart = true;
    }
    return scan(b, start, b.length);
  };
  const onData = (chunk: string | Buffer): void => {
    if (over) return;
    const b = chunk as Buffer;
    const ok = quick(b) ?? scan(b, 0, b.length);
    if (!ok) {
      over = true;
      source.off('data', onData);
      onOverflow(fields);
    }
  };
  source.on('data', onData);
}
