// The merge scan (xlsx.ts) read `<mergeCell ref="…">` out of the sheet's raw text: the same text inside a
// comment, a processing instruction or a CDATA section was taken for a merge, and an empty cell under it
// was filled from the one above (SCHEMA_REQUIRED vanished). An XML parser and Excel see no merge there.
// merge-markup.ts blanks those sections out, carrying one still open (or an opener or closer cut in two)
// from one 16 KB unit to the next.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MarkupMask } from '../../../src/io/xlsx/merge-markup.js';
import { openXlsx } from '../../../src/io/xlsx/xlsx.js';
import { INFLATE_UNIT } from '../../../src/io/zip/inflate.js';
import { DEFAULT_LIMITS } from '../../../src/schemas/config.js';
import { SHEET_HEAD, oneSheetXlsx, sheetRows as rows } from '../../helpers/sheet-zip.js';

const dir = mkdtempSync(join(tmpdir(), 'hrss-merge-markup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REAL = { top: 1, bottom: 1, left: 0, right: 1 }; // A1:B1
const FAKE = { top: 5, bottom: 9, left: 4, right: 4 }; // E5:E9

/**
 * The sheet with `piece` after </sheetData>, its character `anchor` (a byte index into the piece) the
 * `offset`th byte of a 16 KB unit (0: the first byte of a unit, so the cut is just before it), then the
 * real merge A1:B1 in <mergeCells>.
 */
function sheet(piece: string, anchor = 0, offset = 1000): string {
  const body = `${SHEET_HEAD}${rows(300)}</sheetData>`;
  const at = Buffer.byteLength(body) + anchor;
  const pad = (((offset - at) % INFLATE_UNIT) + INFLATE_UNIT) % INFLATE_UNIT;
  const xml = `${body}${' '.repeat(pad)}${piece}<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
  expect((Buffer.byteLength(body) + pad + anchor) % INFLATE_UNIT).toBe(offset);
  return xml;
}

let n = 0;
async function mergesOf(xml: string): Promise<unknown> {
  const file = join(dir, `${n++}.xlsx`);
  writeFileSync(file, await oneSheetXlsx(xml));
  const wb = await openXlsx(file, DEFAULT_LIMITS);
  const merges = wb.sheets[0]?.merges;
  await wb.close();
  return merges;
}

const COMMENT = '<!-- <mergeCell ref="E5:E9"/> -->';
const PI = '<?hrss <mergeCell ref="E5:E9"/> ?>';
const CDATA = '<![CDATA[<mergeCell ref="E5:E9"/>]]>';

describe('mergeCell text in a comment, PI or CDATA section is no merge', () => {
  it('is not taken within a unit; the real merge after it still is', async () => {
    for (const piece of [COMMENT, PI, CDATA]) expect(await mergesOf(sheet(piece)), piece).toEqual([REAL]);
    // The same text outside any section, in a <mergeCells>, is a merge (the scan did not simply stop at the
    // text); outside a <mergeCells> it is none (merge-structure.test.ts).
    expect(await mergesOf(sheet('<mergeCells count="1"><mergeCell ref="E5:E9"/></mergeCells>'))).toEqual([FAKE, REAL]);
  });

  it('is not taken when the opener, the mergeCell text or the closer is cut by a unit boundary', async () => {
    for (const piece of [COMMENT, PI, CDATA]) {
      const open = piece.indexOf('<mergeCell') - (piece === COMMENT || piece === PI ? 1 : 0);
      const close = piece.lastIndexOf(piece === COMMENT ? '-->' : piece === PI ? '?>' : ']]>');
      const cuts = [...Array(open + 1).keys(), ...[3, 9, 15, 22].map((k) => piece.indexOf('<mergeCell') + k)];
      // The closer cut: the real merge right after must still be found (the section was left).
      for (let k = close; k <= piece.length; k++) cuts.push(k);
      for (const cut of cuts) expect(await mergesOf(sheet(piece, cut, 0)), `${piece} cut at ${cut}`).toEqual([REAL]);
    }
  });

  it('is not taken from a section opened units before, in a unit with no other markup', async () => {
    // The comment opens 20,000 bytes before the mergeCell text: its opening unit has no "mergeCell" in it.
    const long = `<!-- ${'x'.repeat(20_000)} <mergeCell ref="E5:E9"/> -->`;
    expect(await mergesOf(sheet(long, 0, INFLATE_UNIT - 100))).toEqual([REAL]);
    const pi = `<?hrss ${'说'.repeat(7000)}<mergeCell ref="E5:E9"/>?>`;
    expect(await mergesOf(sheet(pi, 1, 0))).toEqual([REAL]);
  });

  it('finds a real merge right after a section and between real ones', async () => {
    const xml = `${SHEET_HEAD}${rows(3)}</sheetData><mergeCells count="2"><mergeCell ref="A1:B1"/><!-- <mergeCell ref="C1:D1"/> --><?x <mergeCell ref="C2:D2"/>?><![CDATA[<mergeCell ref="C3:D3"/>]]><mergeCell ref="E5:E9"/></mergeCells></worksheet>`;
    expect(await mergesOf(xml)).toEqual([REAL, FAKE]);
  });
});

describe('MarkupMask', () => {
  const run = (...units: string[]) => {
    const mask = new MarkupMask();
    return units.map((u) => mask.unit(Buffer.from(u, 'latin1')) ?? u).join('|');
  };

  it('blanks sections out, keeping the length, and leaves other text alone', () => {
    expect(run('a<!--b-->c<?d?>e<![CDATA[f]]>g')).toBe(`a${' '.repeat(8)}c${' '.repeat(5)}e${' '.repeat(13)}g`);
    expect(run('<a x="1"/><!DOCTYPE>')).toBe('<a x="1"/><!DOCTYPE>');
  });

  it('ends a section at a closer with its first character repeated', () => {
    expect(run('<!--a--->b')).toBe(`${' '.repeat(9)}b`);
    expect(run('<![CDATA[a]]]>b')).toBe(`${' '.repeat(14)}b`);
    expect(run('<?a??>b')).toBe(`${' '.repeat(6)}b`);
    expect(run('<!--a->b-->c')).toBe(`${' '.repeat(11)}c`);
  });

  it('carries an open section, an opener and a closer across units', () => {
    expect(run('a<', '!--b', '-', '->c')).toBe('a<|    | |  c');
    expect(run('a<![CDA', 'TA[b]', ']>c')).toBe('a<![CDA|     |  c');
    expect(run('<?x', 'y', '?', '>z')).toBe('   | | | z');
    expect(run('a<', 'b<!', 'x')).toBe('a<|b<!|x');
  });
});
