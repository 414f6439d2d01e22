// The xlsx reader made faster (issue 22 item 3) reads what it read before: cell references parsed
// without a regex, a sheet inflated in 256 KB chunks but parsed, checked and scanned for merges a
// 16 KB unit at a time (zip/inflate.ts), the merge scan searching bytes until the first mergeCell.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { afterAll, describe, expect, it } from 'vitest';
import { openXlsx, refColumn } from '../../../src/io/xlsx/xlsx.js';
import { INFLATE_UNIT } from '../../../src/io/zip/inflate.js';
import { DEFAULT_LIMITS } from '../../../src/schemas/config.js';
import { columnIndex } from '../../../src/domain/text.js';
import type { SheetRow } from '../../../src/table/cells.js';
import { oneSheetXlsx as zipOf } from '../../helpers/sheet-zip.js';

const dir = mkdtempSync(join(tmpdir(), 'hrss-xlsx-speed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the reader's regex gave (parseRef's column), the oracle for refColumn. */
function oracle(ref: string): number {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  return m ? columnIndex((m[1] as string).toUpperCase()) : -1;
}

const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';

/** Rows 1..n, two cells each (an inline string of varying text and a number), about 120 bytes a row. */
function rows(n: number): string {
  let s = '';
  for (let r = 1; r <= n; r++)
    s += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>主体${(r * 7919) % 100003}号</t></is></c><c r="C${r}"><v>${r}</v></c></row>`;
  return s;
}

async function read(file: string): Promise<{ merges: unknown; rows: SheetRow[] }> {
  const wb = await openXlsx(file, DEFAULT_LIMITS);
  const sheet = wb.sheets[0];
  if (!sheet) throw new Error('no sheet');
  const got: SheetRow[] = [];
  await sheet.read((r) => {
    got.push(r);
  });
  await wb.close();
  return { merges: sheet.merges, rows: got };
}

describe('refColumn (a cell reference without a regex)', () => {
  it('gives the column the regex gave, or -1 where it matched nothing', () => {
    const fixed = [
      'A1',
      'B7',
      'Z9',
      'AA10',
      'XFD1048576',
      '$A$1',
      '$AB12',
      'AB$12',
      'a1',
      'xfd3',
      'AAAA1',
      'A',
      '1',
      '',
      'A12345678',
      'A1x',
    ];
    fixed.push('$$A1', 'A$$1', 'A1$', '@1', '[1', '`1', '{1', 'Á1', 'A-1', 'A 1', 'A１', '$', 'ZZZ9999999');
    for (const ref of fixed) expect(refColumn(ref), ref).toBe(oracle(ref));
    // And a few thousand made of the characters that matter, deterministic.
    const alphabet = 'ABYZabyz$019@[`{ ';
    let seed = 12345;
    for (let i = 0; i < 5000; i++) {
      let ref = '';
      const len = (seed % 11) + 1;
      for (let j = 0; j < len; j++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        ref += alphabet[seed % alphabet.length];
      }
      expect(refColumn(ref), ref).toBe(oracle(ref));
    }
  });
});

describe('a sheet larger than one inflate chunk', () => {
  it('gives every row and the merges after the rows, deflated or stored alike', async () => {
    const xml = `${HEAD}${rows(12_000)}</sheetData><mergeCells count="2"><mergeCell ref="A11990:A11992"/><mergeCell ref="B2:D2"/></mergeCells></worksheet>`;
    expect(xml.length).toBeGreaterThan(4 * 256 * 1024);
    const deflated = join(dir, 'big.xlsx');
    const stored = join(dir, 'big-stored.xlsx');
    writeFileSync(deflated, await zipOf(xml));
    writeFileSync(stored, await zipOf(xml, false));
    const a = await read(deflated);
    const b = await read(stored);
    expect(a.rows).toHaveLength(12_000);
    expect(a.rows[11_999]).toEqual({ number: 12_000, hidden: false, cells: [`主体${(12_000 * 7919) % 100003}号`, undefined, 12_000] });
    expect(a.merges).toEqual([
      { top: 11990, bottom: 11992, left: 0, right: 0 },
      { top: 2, bottom: 2, left: 1, right: 3 },
    ]);
    expect(b).toEqual(a);
  });

  it.each([1, 4, 8, 9])('finds a mergeCell whose name is cut by a 16 KB unit boundary (%i bytes before it)', async (before) => {
    // The <mergeCells> start tag's name cut, its first <mergeCell> more than a unit later (a comment
    // between): the old scan, a regex over the whole part's text, found the merge, and so must this one
    // (a merge counts only inside <mergeCells>, merge-structure.test.ts: the cut name must be seen).
    const body = `${HEAD}${rows(400)}</sheetData>`;
    // Pad with a comment so that "mergeCell" of the start tag starts `before` bytes ahead of a unit's end.
    const at = Buffer.byteLength(body) + '<!---->'.length + 1; // where "mergeCell" would start
    const pad = (INFLATE_UNIT * 4 - before - at + INFLATE_UNIT * 8) % INFLATE_UNIT;
    // Nothing else spells "mergeCell" within the 256 bytes the scan carries over: only the cut one.
    const gap = `<!--${' '.repeat(INFLATE_UNIT + 4000)}-->`;
    const xml = `${body}<!--${' '.repeat(pad)}--><mergeCells count="1">${gap}<mergeCell ref="E5:E9"/></mergeCells><!--${' '.repeat(1000)}--></worksheet>`;
    expect(Buffer.from(xml).indexOf('mergeCells') % INFLATE_UNIT).toBe(INFLATE_UNIT - before);
    const file = join(dir, `edge-${before}.xlsx`);
    writeFileSync(file, await zipOf(xml));
    expect((await read(file)).merges).toEqual([{ top: 5, bottom: 9, left: 4, right: 4 }]);
  });
});

describe('a sheet that inflates past the size the zip declares', () => {
  it('is refused with the message yauzl gives, naming the same count', async () => {
    const xml = `${HEAD}${rows(3000)}</sheetData></worksheet>`;
    const buf = await zipOf(xml);
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const declared = 100_000;
    for (let i = buf.indexOf(name); i >= 0; i = buf.indexOf(name, i + 1)) {
      if (buf.readUInt32LE(i - 30) === 0x04034b50) buf.writeUInt32LE(declared, i - 30 + 22);
      if (buf.readUInt32LE(i - 46) === 0x02014b50) buf.writeUInt32LE(declared, i - 46 + 24);
    }
    const file = join(dir, 'size-lie.xlsx');
    writeFileSync(file, buf);
    // What yauzl's own inflate says of the same entry.
    const yauzlSays = await new Promise<string>((resolve, reject) => {
      yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, z) => {
        if (err || !z) return reject(err);
        z.on('entry', (e: yauzl.Entry) => {
          if (e.fileName !== 'xl/worksheets/sheet1.xml') return z.readEntry();
          z.openReadStream(e, (err2, s) => {
            if (err2 || !s) return reject(err2);
            s.on('data', () => {});
            s.on('error', (x: Error) => {
              z.close();
              resolve(x.message);
            });
            s.on('end', () => reject(new Error('no error')));
          });
        });
        z.readEntry();
      });
    });
    expect(yauzlSays).toBe(`too many bytes in the stream. expected ${declared}. got at least ${7 * INFLATE_UNIT}`);
    await expect(read(file)).rejects.toMatchObject({ args: { reason: 'damaged', detail: yauzlSays } });
  });
});
