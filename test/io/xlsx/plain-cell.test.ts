// A worksheet's plain cell, `<c …><v>TEXT</v></c>`, read in one call (xml.ts XmlHandlers.cell, issue 22
// item 3): the reader gives the rows, values and failures it gives when the same cells are read event by
// event. The same sheet is written twice: plainly, and with `</v ></c>` (white space saxes allows) so
// that no cell is plain and every one is read tag by tag.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { FileProblem } from '../../../src/io/errors.js';
import { sheetSink } from '../../../src/io/xlsx/sheet-xml.js';
import { type FlatAttrs, parseXmlStream } from '../../../src/io/xlsx/xml.js';
import { openXlsx } from '../../../src/io/xlsx/xlsx.js';
import { type Limits, DEFAULT_LIMITS } from '../../../src/schemas/config.js';
import type { SheetRow } from '../../../src/table/cells.js';
import { SHEET_HEAD, oneSheetXlsx } from '../../helpers/sheet-zip.js';

const dir = mkdtempSync(join(tmpdir(), 'hrss-plain-cell-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Cells of every kind a list holds, plain ones and others beside them; `end` closes each `<v>`. */
function sheet(end: string): string {
  const v = (t: string) => `<v>${t}${end}`;
  return (
    `${SHEET_HEAD}` +
    `<row r="1"><c r="A1" t="str">${v('序号')}<c r="B1" t="str">${v('主体名称')}<c r="C1" t="str">${v('认定日期')}</row>` +
    `<row r="2" hidden="1"><c r="A2">${v('1')}<c r="B2" t="str">${v('新乡市测试一有限公司')}<c r="C2" t="str">${v('2026-08-01')}</row>` +
    `<row r="3"><c r="A3" s="0">${v('2.5')}<c t="str">${v('a\tb\nc')}<c r="D3" t="b">${v('1')}<c r="E3" t="e">${v('#N/A')}</row>` +
    `<row r="5"><c r="A5" t="str">${v('1&amp;2')}<c r="B5" t="str">${v('x]y')}<c r="C5"><f>A2*2</f>${v('2')}` +
    `<c r="D5" t="d">${v('2026-07-01T00:00:00')}<c r="E5" t="inlineStr"><is><t>张三</t></is></c><c r="F5">${v('')}</row>` +
    `<row><c r="$B$6" t="str">${v('第六行')}<c r="ZZZZ6">${v('7')}<c x:r="C6" t="str">${v('前缀')}</row>` +
    '</sheetData></worksheet>'
  );
}

async function rowsOf(xml: string, limits: Limits = DEFAULT_LIMITS): Promise<SheetRow[] | FileProblem> {
  const file = join(dir, `s${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(file, await oneSheetXlsx(xml));
  const wb = await openXlsx(file, limits);
  const rows: SheetRow[] = [];
  try {
    await (wb.sheets[0] as { read(h: (r: SheetRow) => void): Promise<void> }).read((r) => void rows.push(r));
    return rows;
  } catch (err) {
    if (err instanceof FileProblem) return err;
    throw err;
  } finally {
    await wb.close();
  }
}

describe('a plain cell read in one call', () => {
  it('the tokenizer gives the plain cells to cell() and the others tag by tag', async () => {
    const seen: string[] = [];
    await parseXmlStream(
      Readable.from([Buffer.from(sheet('</v></c>'))]),
      {
        open: (name) => seen.push(`open ${name}`),
        openFlat: (name) => seen.push(`open ${name}`),
        close: () => {},
        text: () => {},
        cell: (f: FlatAttrs, value: string) => seen.push(`cell ${f.names.slice(0, f.count).join(' ')} ${JSON.stringify(value)}`),
      },
      undefined,
      undefined,
      undefined,
      sheetSink,
    );
    const cells = seen.filter((s) => s.startsWith('cell'));
    // Not plain: an entity, a bracket, a formula, an inline string, an empty value.
    expect(cells).toHaveLength(14);
    expect(cells).toContain('cell t "a\\tb\\nc"');
    expect(cells).toContain('cell x:r t "前缀"');
    expect(seen.filter((s) => s === 'open c')).toHaveLength(5);
  });

  it('gives the rows the cells read tag by tag give', async () => {
    const plain = await rowsOf(sheet('</v></c>'));
    const tagged = await rowsOf(sheet('</v ></c>'));
    expect(plain).toEqual(tagged);
    expect(plain).not.toBeInstanceOf(FileProblem);
    const rows = plain as SheetRow[];
    expect(rows.map((r) => [r.number, r.hidden])).toEqual([
      [1, false],
      [2, true],
      [3, false],
      [5, false],
      [6, false],
    ]);
    expect(rows[1]?.cells).toEqual([1, '新乡市测试一有限公司', '2026-08-01']);
    expect(rows[2]?.cells).toEqual([2.5, 'a\tb\nc', undefined, true, expect.objectContaining({ value: '#N/A' })]);
    // $B$6 is column B; ZZZZ6 is no reference (the next column); x:r is no `r`.
    expect(rows[4]?.cells).toEqual([undefined, '第六行', 7, '前缀']);
  });

  it('a value over maxCellChars fails as it does tag by tag', async () => {
    const limits = { ...DEFAULT_LIMITS, maxCellChars: 5 };
    const plain = await rowsOf(sheet('</v></c>'), limits);
    const tagged = await rowsOf(sheet('</v ></c>'), limits);
    expect(plain).toBeInstanceOf(FileProblem);
    expect((plain as FileProblem).args).toEqual({ reason: 'limit', limit: 'maxCellChars', max: 5, actual: 10 });
    expect((plain as FileProblem).args).toEqual((tagged as FileProblem).args);
    expect((plain as FileProblem).message).toBe((tagged as FileProblem).message);
  });
});
