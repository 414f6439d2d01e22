/**
 * CSV and "Unicode 文本" (.txt) as Chinese Excel and WPS save them (submission.md "Formats"): a BOM
 * decides the encoding; otherwise the bytes up to the header row do (UTF-8 if valid, else GB18030).
 * The delimiter is the one that gives the header the most known columns.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import type { Limits } from '../schemas/config.js';
import type { RowHandler, SheetRow, WorkbookSource } from './cells.js';
import { ioProblem, unreadable } from './errors.js';

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

const SAMPLE_BYTES = 64 * 1024;
const DELIMITERS = [',', '\t', ';'] as const;

export interface CsvSniff {
  encoding: CsvEncoding;
  bomLength: number;
  delimiter: string;
}

/** Scores a candidate header row: how many known columns it names (supplied by the table layer). */
export type HeaderScorer = (rows: string[][]) => number;

function splitLines(buf: Buffer, max: number): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < buf.length && lines.length < max; i++) {
    if (buf[i] === 0x0a) {
      lines.push(buf.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (lines.length < max && start < buf.length) lines.push(buf.subarray(start));
  return lines;
}

function decodeSample(buf: Buffer, encoding: CsvEncoding): string {
  return new TextDecoder(encoding).decode(buf);
}

function sampleRows(text: string, delimiter: string): string[][] {
  try {
    return parseSync(text, { delimiter, relax_column_count: true, relax_quotes: true, to: 10, skip_records_with_error: true }) as string[][];
  } catch {
    return [];
  }
}

/** Reads the start of the file and decides encoding and delimiter. */
export function sniffCsv(sample: Buffer, score: HeaderScorer): CsvSniff {
  let encoding: CsvEncoding;
  let bomLength = 0;
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) {
    encoding = 'utf-8';
    bomLength = 3;
  } else if (sample[0] === 0xff && sample[1] === 0xfe) {
    encoding = 'utf-16le';
    bomLength = 2;
  } else if (sample[0] === 0xfe && sample[1] === 0xff) {
    encoding = 'utf-16be';
    bomLength = 2;
  } else {
    const lines = splitLines(sample, 10);
    // The last line of a partial sample may end inside a character.
    if (sample.length >= SAMPLE_BYTES && lines.length > 1) lines.pop();
    const firstBad = lines.findIndex((l) => !isUtf8(l));
    if (firstBad < 0) encoding = 'utf-8';
    else {
      // UTF-8 still wins when the header stands, valid, above the first bad line.
      const before = decodeSample(Buffer.concat(lines.slice(0, firstBad)), 'utf-8');
      const found = firstBad > 0 && DELIMITERS.some((d) => score(sampleRows(before, d)) > 0);
      encoding = found ? 'utf-8' : 'gb18030';
    }
  }
  const text = decodeSample(sample.subarray(bomLength), encoding);
  let delimiter: string = ',';
  let best = 0;
  for (const d of DELIMITERS) {
    const s = score(sampleRows(text, d));
    if (s > best) {
      best = s;
      delimiter = d;
    }
  }
  return { encoding, bomLength, delimiter };
}

/** Decodes a non-UTF-8 byte stream to UTF-8 bytes for csv-parse; invalid sequences become U+FFFD, found later per row. */
class Recode extends Transform {
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

export async function readSample(path: string, bytes = SAMPLE_BYTES): Promise<Buffer> {
  let fh;
  try {
    fh = await open(path, 'r');
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } catch (err) {
    throw ioProblem(err);
  } finally {
    await fh?.close();
  }
}

/** Where the last complete UTF-8 character of a chunk ends (a chunk may stop inside one). */
function completeUtf8End(b: Buffer): number {
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

export async function openCsv(path: string, sheetName: string, limits: Limits, score: HeaderScorer): Promise<WorkbookSource> {
  const sample = await readSample(path);
  const { encoding, bomLength, delimiter } = sniffCsv(sample, score);
  const decodeState = { dirty: false };
  const sheet = {
    name: sheetName,
    index: 0,
    hidden: false,
    merges: [],
    read(onRow: RowHandler): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        const source = createReadStream(path, { highWaterMark: 256 * 1024 });
        const parser = parse({
          delimiter,
          bom: encoding === 'utf-8',
          relax_column_count: true,
          relax_quotes: true,
          max_record_size: limits.maxCellChars * 4,
        });
        let n = 0;
        let done = false;
        const finish = (err?: unknown): void => {
          if (done) return;
          done = true;
          source.destroy();
          if (err) reject(err);
          else resolve();
        };
        parser.on('data', (record: string[]) => {
          if (done) return;
          n++;
          if (n > limits.maxRows) {
            finish(unreadable({ reason: 'limit', limit: 'maxRows', max: limits.maxRows, actual: n }, n));
            return;
          }
          if (record.length > limits.maxColumns) {
            let last = record.length - 1;
            while (last >= 0 && (record[last] as string).length === 0) last--;
            if (last >= limits.maxColumns) {
              finish(unreadable({ reason: 'limit', limit: 'maxColumns', max: limits.maxColumns, actual: last + 1 }, n));
              return;
            }
          }
          for (let i = 0; i < record.length; i++) {
            if ((record[i] as string).length > limits.maxCellChars) {
              finish(unreadable({ reason: 'limit', limit: 'maxCellChars', max: limits.maxCellChars, actual: (record[i] as string).length }, n));
              return;
            }
          }
          const row: SheetRow = { number: n, hidden: false, cells: record };
          if (onRow(row) === false) finish();
        });
        parser.on('error', (err: Error & { code?: string; lines?: number }) => {
          if (err.code === 'CSV_MAX_RECORD_SIZE') {
            finish(unreadable({ reason: 'limit', limit: 'maxCellChars', max: limits.maxCellChars }, n + 1));
          } else finish(unreadable({ reason: 'damaged', detail: err.code ?? err.message }, n + 1));
        });
        parser.on('end', () => finish());
        source.on('error', (err) => finish(ioProblem(err)));
        if (encoding === 'utf-8') {
          // Invalid UTF-8 turns into U+FFFD inside csv-parse; a cheap check of each chunk tells
          // the table when rows need to be looked at for it.
          let carry: Buffer | undefined;
          source.on('data', (chunk: string | Buffer) => {
            if (decodeState.dirty) return;
            const b = carry ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
            const end = completeUtf8End(b);
            if (!isUtf8(b.subarray(0, end))) decodeState.dirty = true;
            carry = end < b.length ? b.subarray(end) : undefined;
          });
          source.on('end', () => {
            if (carry && !isUtf8(carry)) decodeState.dirty = true;
          });
          source.pipe(parser);
        } else source.pipe(new Recode(encoding, bomLength, decodeState)).pipe(parser);
      });
    },
  };
  return { kind: 'csv', sheets: [sheet], encoding, decodeState, close: async () => {} };
}
