/**
 * CSV and "Unicode 文本" (.txt) as Chinese Excel and WPS save them (submission.md "Formats"): a BOM
 * decides the encoding; otherwise the bytes up to the header row do (UTF-8 if valid, else GB18030).
 * The delimiter is the one that gives the header the most known columns.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { Worker } from 'node:worker_threads';
import { Readable } from 'node:stream';
import { nodePort } from '../node-port.js';
import type { IoPort } from '../port.js';
import {
  Recode,
  FIELD_SEP,
  RECORD_SEP,
  RECORD_DELIMITERS,
  CSV_MAX_FIELDS,
  watchColumns,
  watchUtf8,
  type CsvEncoding,
} from './csv-decode.js';
import type { CsvWorkerInput, CsvWorkerMessage } from './csv-worker.js';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import type { Limits } from '../../schemas/config.js';
import type { RowHandler, SheetRow, WorkbookSource } from '../../table/cells.js';
import { ioProblem, unreadable } from '../errors.js';

export type { CsvEncoding };

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
    return parseSync(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      record_delimiter: RECORD_DELIMITERS,
      to: 10,
      skip_records_with_error: true,
    }) as string[][];
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

export async function readSample(path: string, bytes = SAMPLE_BYTES, io: IoPort = nodePort): Promise<Buffer> {
  if (io !== nodePort) {
    try {
      const head = await io.readHead(path, bytes);
      return Buffer.from(head.buffer, head.byteOffset, head.byteLength);
    } catch (err) {
      throw ioProblem(err);
    }
  }
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

/** Files at least this large are parsed in a worker thread, beside the checks (two cores at work). */
let workerMinBytes = 8 * 1024 * 1024;

/** For tests: parse files of any size (0) or of none (Infinity) in the worker. */
export function setCsvWorkerThreshold(bytes: number): void {
  workerMinBytes = bytes;
}

let workerRuns = 0;
/** For tests: how many CSV files a worker thread has parsed to their end in this process. */
export function csvWorkerRuns(): number {
  return workerRuns;
}

export async function openCsv(
  path: string,
  sheetName: string,
  limits: Limits,
  score: HeaderScorer,
  io: IoPort = nodePort,
): Promise<WorkbookSource> {
  const sample = await readSample(path, SAMPLE_BYTES, io);
  const { encoding, bomLength, delimiter } = sniffCsv(sample, score);
  const decodeState = { dirty: false };
  // The seam of the port (io/port.ts): a file on a disk is streamed from it (and a large one parsed
  // in a worker thread that reads it itself); a file the port holds as bytes is streamed from them.
  const disk = io.diskPath(path);
  let size = 0;
  try {
    size = (await io.stat(path)).size;
  } catch (err) {
    throw ioProblem(err);
  }
  const maxRecordSize = limits.maxCellChars * 4;
  // Fields per record, counted before csv-parse builds the record; trailing empty fields up to
  // this many are allowed (Excel and WPS pad rows with separators), see deliver().
  const maxFields = Math.max(limits.maxColumns, CSV_MAX_FIELDS);
  const tooManyFields = (fields: number, rows: number): unknown =>
    unreadable({ reason: 'limit', limit: 'maxColumns', max: limits.maxColumns, actual: fields }, rows + 1);

  /** Limits, then the row to the table; returns a problem, false to stop, or true. */
  let n = 0;
  const deliver = (record: string[], onRow: RowHandler): unknown => {
    n++;
    if (n > limits.maxRows) return unreadable({ reason: 'limit', limit: 'maxRows', max: limits.maxRows, actual: n }, n);
    if (record.length > limits.maxColumns) {
      let last = record.length - 1;
      while (last >= 0 && (record[last] as string).length === 0) last--;
      if (last >= limits.maxColumns)
        return unreadable({ reason: 'limit', limit: 'maxColumns', max: limits.maxColumns, actual: last + 1 }, n);
    }
    for (let i = 0; i < record.length; i++) {
      if ((record[i] as string).length > limits.maxCellChars) {
        return unreadable({ reason: 'limit', limit: 'maxCellChars', max: limits.maxCellChars, actual: (record[i] as string).length }, n);
      }
    }
    const row: SheetRow = { number: n, hidden: false, cells: record };
    return onRow(row) !== false;
  };
  const parseProblem = (code: string, rows: number, fields?: number): unknown =>
    code === 'MAX_FIELDS'
      ? tooManyFields(fields ?? maxFields + 1, rows)
      : code === 'CSV_MAX_RECORD_SIZE'
        ? unreadable({ reason: 'limit', limit: 'maxCellChars', max: limits.maxCellChars }, rows + 1)
        : /^E[A-Z]+$/.test(code)
          ? unreadable({ reason: 'io', detail: code })
          : unreadable({ reason: 'damaged', detail: code }, rows + 1);

  const readInThread = (onRow: RowHandler): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const source: Readable = disk !== undefined ? createReadStream(disk, { highWaterMark: 256 * 1024 }) : bytesStream(io, path);
      const parser = parse({
        delimiter,
        bom: encoding === 'utf-8',
        relax_column_count: true,
        relax_quotes: true,
        record_delimiter: RECORD_DELIMITERS,
        max_record_size: maxRecordSize,
      });
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
        const r = deliver(record, onRow);
        if (r === false) finish();
        else if (r !== true) finish(r);
      });
      parser.on('error', (err: Error & { code?: string }) => finish(parseProblem(err.code ?? err.message, n)));
      parser.on('end', () => finish());
      source.on('error', (err) => finish(ioProblem(err)));
      const overflow = (fields: number): void => finish(tooManyFields(fields, n));
      if (encoding === 'utf-8') {
        watchUtf8(source, decodeState);
        watchColumns(source, delimiter, maxFields, overflow);
        source.pipe(parser);
      } else {
        const recode = new Recode(encoding, bomLength, decodeState);
        watchColumns(recode, delimiter, maxFields, overflow);
        source.pipe(recode).pipe(parser);
      }
    });

  const readInWorker = (onRow: RowHandler): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      // UTF-8 files are read by the worker itself. For GB18030 and UTF-16 the decoding is done here and
      // the UTF-8 chunks are handed over (transferred, not copied), so that the worker only parses.
      const fed = encoding !== 'utf-8';
      const input: CsvWorkerInput = { path, fed, delimiter, maxRecordSize, maxFields };
      const worker = new Worker(new URL('./csv-worker.js', import.meta.url), { workerData: input });
      const file = fed ? createReadStream(path, { highWaterMark: 256 * 1024 }) : undefined;
      let done = false;
      const finish = (err?: unknown): void => {
        if (done) return;
        done = true;
        file?.destroy();
        void worker.terminate();
        if (err) reject(err);
        else resolve();
      };
      let unacked = 0;
      let recode: Recode | undefined;
      if (file) {
        recode = new Recode(encoding, bomLength, decodeState);
        const r = recode;
        file.on('error', (err) => finish(ioProblem(err)));
        r.on('data', (buf: Buffer) => {
          const copy = new Uint8Array(buf.length);
          copy.set(buf);
          worker.postMessage({ type: 'chunk', data: copy }, [copy.buffer]);
          if (++unacked >= 2) r.pause();
        });
        r.on('end', () => worker.postMessage({ type: 'chunk-end' }));
        file.pipe(r);
      }
      worker.on('message', (m: CsvWorkerMessage) => {
        if (done) return;
        if (m.type === 'chunk-ack') {
          unacked--;
          if (recode && unacked < 2 && recode.isPaused()) recode.resume();
        } else if (m.type === 'batch') {
          if (m.dirty) decodeState.dirty = true;
          const records = m.records ?? (m.text as string).split(RECORD_SEP).map((r) => r.split(FIELD_SEP));
          for (const record of records) {
            const r = deliver(record, onRow);
            if (r === false) return finish();
            if (r !== true) return finish(r);
          }
          worker.postMessage({ type: 'ack' });
        } else if (m.type === 'error') finish(parseProblem(m.code, m.rows, m.fields));
        else {
          workerRuns++;
          finish();
        }
      });
      worker.on('error', (err) => finish(unreadable({ reason: 'damaged', detail: err.message })));
      worker.on('exit', () => finish());
    });

  const sheet = {
    name: sheetName,
    index: 0,
    hidden: false,
    merges: [],
    read(onRow: RowHandler): Promise<void> {
      n = 0;
      return size >= workerMinBytes && disk !== undefined ? readInWorker(onRow) : readInThread(onRow);
    },
  };
  return { kind: 'csv', sheets: [sheet], encoding, decodeState, close: async () => {} };
}

/** A file the port holds as bytes, as a stream of 256 KB chunks (what createReadStream gives). */
function bytesStream(io: IoPort, path: string): Readable {
  async function* chunks(): AsyncGenerator<Buffer> {
    const bytes = await io.readFile(path);
    const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < all.length; i += 256 * 1024) yield all.subarray(i, i + 256 * 1024);
  }
  return Readable.from(chunks(), { objectMode: false });
}
