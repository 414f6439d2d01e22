// A 台账's sheet deflated as pieces (io/xlsx/sheet-thread.ts; decisions.md "A province's 台账 on two cores"): the
// rows' cells written as bytes, their XML made from them a chunk at a time (sheet-cells.ts cellsXml) and each chunk
// deflated on its own, ended by a sync flush, the pieces one deflate stream once an empty last block follows them. The
// workbook's parts must be those the one stream writes, byte for byte, its CRC-32s combined right, and the stream
// whole (inflated alone, it ends). Then the real second thread (dist/): the same file whether it made every piece, or
// failed or stalled after its first (HRSS_CREDIT_FAULT=ledger-thread-fail|stall), which --debug says.
import { inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { afterEach, describe, expect, it } from 'vitest';
import { crc32Js } from '../../../src/register/crc32.js';
import { cellsXml } from '../../../src/io/xlsx/sheet-cells.js';
import { rawPiece } from '../../../src/io/xlsx/sheet-piece.js';
import { type PiecesMaker, type StreamedSheetSpec, workbookBuffer, workbookTo } from '../../../src/io/xlsx/xlsx-writer.js';

const instant = new Date(Date.UTC(2026, 8, 30, 23, 59, 59));
const LEVEL = 2;

/** Rows of every kind of cell: numbers (NaN), none, shared texts repeated and not, inline texts to escape, spaces kept. */
function rowsOf(n: number): (string | number | null)[][] {
  const long = (k: number, unit: string): string => unit.repeat(Math.ceil(k / unit.length)).slice(0, k);
  const rows: (string | number | null)[][] = [];
  for (let i = 0; i < n; i++) {
    rows.push([
      i + 1,
      `b${i.toString(16).padStart(11, '0')}`,
      i % 3 === 0 ? '红名单' : '黑名单',
      // A text longer than a chunk of cells (1 MiB) once; escapes that make a text six times as long.
      i === 4321 ? long(1_200_000, '新乡&') : `新乡市测试${i}有限公司${i % 7 === 0 ? '𠮷' : ''}`,
      i % 300 === 7 ? long(5_000, '"<>&') : `A&B ${i}`,
      i % 13 === 0 ? ' 前后空格 ' : i % 17 === 0 ? '两行\n文字' : `😀é\u00a0${i}`,
      i % 19 === 0 ? '\ud800 lone' : i % 23 === 0 ? null : i % 29 === 0 ? Number.NaN : 0.5 * i,
      i % 5 === 0 ? '' : `批次${i % 7}`,
      i % 11 === 0 ? null : '2026-10-15',
    ]);
  }
  return rows;
}

/** A sheet streamed (SheetRows), as the 台账's. */
function sheetOf(rows: (string | number | null)[][]): StreamedSheetSpec {
  return {
    name: '台账',
    title: '标题',
    headers: ['序号', '编号', '类型', '名称', '备注', '文字', '数', '批次', '日期'],
    widths: [6, 14],
    rows: { length: rows.length, width: 9, [Symbol.iterator]: () => rows[Symbol.iterator]() },
    inline: [1, 3, 4, 5, 6],
  };
}

/** Each entry's bytes inflated, its CRC-32 as written, and its deflated bytes inflated alone by zlib (which needs the end). */
async function entries(buf: Buffer): Promise<Map<string, { data: Buffer; crc: number; whole: Buffer }>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out = new Map<string, { data: Buffer; crc: number; whole: Buffer }>();
      zip.on('entry', (e: yauzl.Entry) => {
        zip.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2);
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => {
            const at = e.relativeOffsetOfLocalHeader;
            const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
            try {
              const whole = inflateRawSync(buf.subarray(start, start + e.compressedSize));
              out.set(e.fileName, { data: Buffer.concat(chunks), crc: e.crc32, whole });
              zip.readEntry();
            } catch (err3) {
              reject(err3);
            }
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

async function written(sheet: StreamedSheetSpec, pieces: PiecesMaker): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await workbookTo([sheet], instant, 'hrss-credit', { write: (b) => chunks.push(Buffer.from(b)) }, LEVEL, { pieces });
  return Buffer.concat(chunks);
}

describe('a sheet deflated as pieces', () => {
  it("is the one stream's workbook, part for part: every cell's bytes, its CRC-32s, a stream that ends", async () => {
    const rows = rowsOf(20_000);
    let chunks = 0;
    // The pieces made here, by the functions the second thread runs.
    const here: PiecesMaker = async function* (head, cells, tail, letters, level) {
      yield rawPiece(head, level);
      for (const c of cells) {
        chunks++;
        yield rawPiece(cellsXml(c, letters), level);
      }
      yield rawPiece(tail, level);
    };
    const pieces = await written(sheetOf(rows), here);
    const stream = await workbookBuffer([sheetOf(rows)], instant, 'hrss-credit');
    // Several chunks (~1 MiB of cells each), the long text's alone past a chunk's size.
    expect(chunks).toBeGreaterThanOrEqual(4);
    expect(pieces.equals(stream)).toBe(false);
    const a = await entries(pieces);
    const b = await entries(stream);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, e] of a) {
      expect(e.data.equals((b.get(name) as { data: Buffer }).data), name).toBe(true);
      expect(e.whole.equals(e.data), name).toBe(true);
      expect(e.crc, name).toBe(crc32Js(e.data));
    }
    expect((a.get('xl/worksheets/sheet1.xml') as { data: Buffer }).data.length).toBeGreaterThan(8 << 20);
  }, 60_000);
});

describe('a sheet deflated as pieces on the second thread (dist/)', () => {
  const fault = process.env.HRSS_CREDIT_FAULT;
  afterEach(() => {
    if (fault === undefined) delete process.env.HRSS_CREDIT_FAULT;
    else process.env.HRSS_CREDIT_FAULT = fault;
  });

  it('writes the same file whether the thread makes every piece, fails or stalls after its first; either is said', async () => {
    const writer = (await import('../../../dist/io/xlsx/xlsx-writer.js')) as unknown as { workbookTo: typeof workbookTo };
    const thread = await import('../../../dist/io/xlsx/sheet-thread.js');
    const { takeUnexpected } = await import('../../../dist/diagnostics/unexpected.js');
    const rows = rowsOf(20_000);
    const make = async (): Promise<{ bytes: Buffer; byThread: number; noted: string[][] }> => {
      const before = thread.ledgerThreadPieces();
      const chunks: Buffer[] = [];
      const out = { write: (b: Uint8Array) => chunks.push(Buffer.from(b)) };
      await writer.workbookTo([sheetOf(rows)], instant, 'hrss-credit', out, LEVEL, { pieces: thread.piecesOf });
      const noted = takeUnexpected().map((u) => [u.where, u.code, u.message]);
      return { bytes: Buffer.concat(chunks), byThread: thread.ledgerThreadPieces() - before, noted };
    };
    delete process.env.HRSS_CREDIT_FAULT;
    const both = await make();
    process.env.HRSS_CREDIT_FAULT = 'ledger-thread-fail';
    const failed = await make();
    process.env.HRSS_CREDIT_FAULT = 'ledger-thread-stall';
    const stalled = await make();
    // The thread made every chunk's piece, or the first only (it fails at its second): this thread made the rest.
    expect(both.byThread).toBeGreaterThanOrEqual(4);
    expect(failed.byThread).toBe(1);
    expect(stalled.byThread).toBe(1);
    expect(failed.bytes.equals(both.bytes)).toBe(true);
    expect(stalled.bytes.equals(both.bytes)).toBe(true);
    expect(both.noted).toEqual([]);
    expect(failed.noted).toEqual([['ledger thread', 'THREAD_FAILED', 'ledger-thread-fail']]);
    expect(stalled.noted).toEqual([['ledger thread', 'THREAD_STALLED', 'nothing for 10000 ms']]);
    const stream = await entries(await workbookBuffer([sheetOf(rows)], instant, 'hrss-credit'));
    for (const [name, e] of await entries(both.bytes)) expect(e.data.equals((stream.get(name) as { data: Buffer }).data), name).toBe(true);
  }, 60_000);
});

describe("a province's 台账 is one file whoever makes its pieces (ledgerPieces, dist/)", () => {
  it('from LEDGER_THREAD_ROWS rows: pieces on one processor as on two, the same bytes; below it, one stream', async () => {
    const thread = await import('../../../dist/io/xlsx/sheet-thread.js');
    const writer = (await import('../../../dist/io/xlsx/xlsx-writer.js')) as unknown as { workbookTo: typeof workbookTo };
    const rows = rowsOf(2_000);
    const write = async (env: NodeJS.ProcessEnv): Promise<Buffer> => {
      const maker = thread.ledgerPieces(rows.length, env);
      const chunks: Buffer[] = [];
      const out = { write: (b: Uint8Array) => chunks.push(Buffer.from(b)) };
      await writer.workbookTo([sheetOf(rows)], instant, 'hrss-credit', out, LEVEL, maker ? { pieces: maker } : {});
      return Buffer.concat(chunks);
    };
    // Below the threshold and not asked: one stream, no pieces.
    expect(thread.ledgerPieces(thread.LEDGER_THREAD_ROWS - 1, {})).toBeUndefined();
    expect(thread.ledgerPieces(thread.LEDGER_THREAD_ROWS, { HRSS_CREDIT_LEDGER_THREAD: 'off' })).toBeDefined();
    const before = thread.ledgerThreadPieces();
    const twoThreads = await write({ HRSS_CREDIT_LEDGER_THREAD: 'on' });
    expect(thread.ledgerThreadPieces()).toBeGreaterThan(before);
    // A 台账 of this size when the thread is not wanted (one processor, or off) is still deflated as pieces: here.
    const maker = thread.ledgerPieces(thread.LEDGER_THREAD_ROWS, { HRSS_CREDIT_LEDGER_THREAD: 'off' });
    const chunks: Buffer[] = [];
    const mid = thread.ledgerThreadPieces();
    await writer.workbookTo([sheetOf(rows)], instant, 'hrss-credit', { write: (b: Uint8Array) => chunks.push(Buffer.from(b)) }, LEVEL, {
      pieces: maker as NonNullable<typeof maker>,
    });
    expect(thread.ledgerThreadPieces()).toBe(mid);
    expect(Buffer.concat(chunks).equals(twoThreads)).toBe(true);
    // One stream (below the threshold, not asked) is another file with the same parts.
    expect((await write({})).equals(twoThreads)).toBe(false);
  }, 60_000);
});
