// row-patcher.ts: a sheet streamed through SheetPatcher, asserted on the bytes it writes.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { collectBaseStyles, groupMarks, SheetPatcher } from '../../../dist/io/annotate/row-patcher.js';
import type { CellMark } from '../../../dist/io/annotate/plan.js';

const HEAD = '<?xml version="1.0"?><worksheet xmlns="urn:main"><sheetData>';
const TAIL = '</sheetData><tableParts count="1"><tablePart r:id="rId9"/></tableParts></worksheet>';
const m = (row: number, col: number, kind: CellMark['kind']): CellMark => ({ row, col, kind, note: 'n' });
/** error → base*10+1, warning → base*10+2: the base style shows in the result. */
const styleFor = (base: number, kind: string): number => base * 10 + (kind === 'error' ? 1 : 2);

async function patch(xml: string, marks: CellMark[], legacyId?: string, chunk = 7): Promise<string> {
  const pieces: Buffer[] = [];
  const bytes = Buffer.from(xml, 'utf8');
  for (let i = 0; i < bytes.length; i += chunk) pieces.push(bytes.subarray(i, i + chunk));
  const out: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    const p = Readable.from(pieces).pipe(new SheetPatcher(groupMarks(marks), styleFor, legacyId));
    p.on('data', (b: Buffer) => out.push(b));
    p.on('end', resolve);
    p.on('error', reject);
  });
  return Buffer.concat(out).toString('utf8');
}

describe('groupMarks', () => {
  it('sorts rows and keeps the worst kind of a cell flagged twice', () => {
    const g = groupMarks([m(5, 1, 'warning'), m(2, 0, 'info'), m(5, 1, 'error'), m(5, 1, 'warning'), m(2, 0, 'warning')]);
    expect(g.map((r) => r.row)).toEqual([2, 5]);
    expect(g[0]!.cells.get(0)).toEqual({ kind: 'warning' });
    expect(g[1]!.cells.get(1)).toEqual({ kind: 'error' });
  });
});

describe('SheetPatcher', () => {
  const rows =
    '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="3" t="s"><v>1</v></c></row>' +
    '<row r="2" spans="1:3"><c r="A2" s="4"><v>7</v></c><c r="C2"><v>8</v></c></row>' +
    '<row r="4"><c r="A4"><v>9</v></c></row>';

  it('gives a flagged cell its marked style and leaves unflagged rows byte for byte', async () => {
    const out = await patch(HEAD + rows + TAIL, [m(1, 1, 'error')]);
    expect(out).toContain('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="31" t="s"><v>1</v></c></row>');
    expect(out).toContain('<row r="2" spans="1:3"><c r="A2" s="4"><v>7</v></c><c r="C2"><v>8</v></c></row>');
    expect(out.startsWith(HEAD)).toBe(true);
    expect(out.endsWith(TAIL)).toBe(true);
  });

  it('inserts a missing flagged cell in column order, and a missing row between its neighbours', async () => {
    const out = await patch(HEAD + rows + TAIL, [m(2, 1, 'warning'), m(3, 2, 'error'), m(2, 0, 'info')]);
    expect(out).toContain('<row r="2"><c r="A2" s="4"><v>7</v></c><c r="B2" s="2"/><c r="C2"><v>8</v></c></row>');
    expect(out).toContain('</row><row r="3"><c r="C3" s="1"/></row><row r="4">');
  });

  it('finds the end of a row start tag past a `>` inside a quoted attribute value (valid XML), whatever the chunking', async () => {
    const odd = '<row r="1" x14ac:note="a>b" spans="1:3"><c r="A1"><v>0</v></c><c r="B1" s="3"><v>1</v></c></row>';
    for (const chunk of [1, 7, 4096]) {
      const out = await patch(HEAD + odd + TAIL, [m(1, 1, 'error')], undefined, chunk);
      // Before: the tag was cut at the quoted `>` and the cells written inside the attribute value.
      expect(out).toContain('<c r="B1" s="31"><v>1</v></c></row>');
      expect(out).toContain('x14ac:note="a>b"');
      expect(out).not.toContain('note="a><c');
      expect(out.endsWith(TAIL)).toBe(true);
    }
  });

  it('writes marked rows past the last row and into an empty sheetData', async () => {
    const out = await patch(HEAD + rows + TAIL, [m(9, 0, 'error')]);
    expect(out).toContain('<c r="A4"><v>9</v></c></row><row r="9"><c r="A9" s="1"/></row></sheetData>');
    const empty = await patch('<worksheet xmlns="urn:main"><sheetData/></worksheet>', [m(1, 0, 'warning')]);
    expect(empty).toBe('<worksheet xmlns="urn:main"><sheetData><row r="1"><c r="A1" s="2"/></row></sheetData></worksheet>');
  });

  it('numbers cells and rows that had no reference before marking one', async () => {
    const xml = `${HEAD}<row r="1"><c><v>1</v></c></row><row><c t="s"><v>2</v></c><c><v>3</v></c></row>${TAIL}`;
    const out = await patch(xml, [m(2, 1, 'error')]);
    expect(out).toContain('<row r="2"><c t="s" r="A2"><v>2</v></c><c r="B2" s="1"><v>3</v></c></row>');
  });

  it('adds the legacyDrawing before tableParts, and follows a prefixed sheet', async () => {
    const out = await patch(HEAD + rows + TAIL, [m(1, 0, 'error')], 'rIdHrss1');
    expect(out).toContain(
      '</sheetData><legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdHrss1"/><tableParts',
    );
    const x = '<x:worksheet xmlns:x="urn:main"><x:sheetData><x:row r="1"><x:c r="A1"/></x:row></x:sheetData></x:worksheet>';
    const px = await patch(x, [m(1, 0, 'warning')], 'rIdHrss2', 3);
    expect(px).toContain('<x:row r="1"><x:c r="A1" s="2"/></x:row>');
    expect(px).toMatch(/<\/x:sheetData><x:legacyDrawing [^>]*r:id="rIdHrss2"\/><\/x:worksheet>$/);
  });

  it('refuses a sheet without sheetData', async () => {
    await expect(patch('<worksheet xmlns="urn:main"></worksheet>', [m(1, 0, 'error')])).rejects.toMatchObject({});
  });
});

describe('collectBaseStyles', () => {
  it('reports the original style of each flagged cell with its kinds, missing cells as 0', async () => {
    const xml = `${HEAD}<row r="1"><c r="A1" s="3"/><c r="B1" s="5"/></row><row r="2"><c r="A2" s="3"/></row>${TAIL}`;
    const bases = await collectBaseStyles(
      Readable.from([Buffer.from(xml)]),
      groupMarks([m(1, 0, 'error'), m(2, 0, 'warning'), m(1, 1, 'info'), m(2, 4, 'error')]),
    );
    expect([...bases.entries()].map(([s, k]) => [s, [...k].sort()])).toEqual([
      [3, ['error', 'warning']],
      [0, ['error']],
    ]);
  });
});

describe('SheetPatcher: only real tags are rows', () => {
  // Seen: `<row …>` text in a comment within <sheetData> was taken for that row; the highlight landed
  // in the comment and the real row stayed plain. The tokenizer (xml-edit.ts) skips what is not a tag.
  const row3 = '<row r="3"><c r="A3"><v>5</v></c><c r="B3"><v>6</v></c></row>';
  const before = '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>';
  const cases: [string, string][] = [
    ['a comment', '<!-- <row r="3"><c r="B3"><v>0</v></c></row> -->'],
    ['CDATA', '<![CDATA[<row r="3"><c r="B3"><v>0</v></c></row>]]>'],
    ['a processing instruction', '<?note <row r="3"><c r="B3"><v>0</v></c></row> ?>'],
    ['a comment holding </sheetData>', '<!-- </sheetData><row r="3"><c r="B3"/></row> -->'],
  ];
  for (const [what, odd] of cases)
    it(`leaves row text inside ${what} as it is and marks the real row, whatever the chunking`, async () => {
      for (const chunk of [1, 7, 4096]) {
        const out = await patch(HEAD + before + odd + row3 + TAIL, [m(3, 1, 'error')], undefined, chunk);
        expect(out).toBe(`${HEAD}${before}${odd}<row r="3"><c r="A3"><v>5</v></c><c r="B3" s="1"><v>6</v></c></row>${TAIL}`);
      }
    });

  it('finds the end of a row past a comment inside it that holds </row>, and marks the next row', async () => {
    const odd = '<row r="2"><!-- </row><row r="3"> --><c r="A2"><v>2</v></c></row>';
    for (const chunk of [1, 7, 4096]) {
      const out = await patch(`${HEAD}${odd}${row3}${TAIL}`, [m(2, 0, 'warning'), m(3, 1, 'error')], undefined, chunk);
      expect(out).toBe(
        `${HEAD}<row r="2"><c r="A2" s="2"><v>2</v></c><!-- </row><row r="3"> --></row><row r="3"><c r="A3"><v>5</v></c><c r="B3" s="1"><v>6</v></c></row>${TAIL}`,
      );
    }
  });
});
