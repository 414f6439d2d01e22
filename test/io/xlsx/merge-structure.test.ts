// Only <mergeCell> children of the worksheet's <mergeCells> are merges (merge-scan.ts): a real
// <mergeCell> element elsewhere — in extLst, before or after <mergeCells> — is none, as for Excel.
// Before the fix the scan counted every <mergeCell ref> outside comments, PIs and CDATA.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openXlsx } from '../../../src/io/xlsx/xlsx.js';
import { INFLATE_UNIT } from '../../../src/io/zip/inflate.js';
import { DEFAULT_LIMITS } from '../../../src/schemas/config.js';
import { SHEET_HEAD, oneSheetXlsx, sheetRows } from '../../helpers/sheet-zip.js';

const dir = mkdtempSync(join(tmpdir(), 'hrss-merge-structure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function mergesOf(tail: string, name: string, rows = 20, cells = ''): Promise<unknown> {
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, await oneSheetXlsx(`${SHEET_HEAD}${sheetRows(rows)}${cells}</sheetData>${tail}</worksheet>`));
  const wb = await openXlsx(file, DEFAULT_LIMITS);
  const merges = wb.sheets[0]?.merges;
  await wb.close();
  return merges;
}

const A1B1 = { top: 1, bottom: 1, left: 0, right: 1 };
const C3C5 = { top: 3, bottom: 5, left: 2, right: 2 };
const EXT = (inner: string): string => `<extLst><ext uri="{urn:x}" xmlns:x14="urn:x14">${inner}</ext></extLst>`;

describe('merges are the mergeCell children of the worksheet’s mergeCells', () => {
  it('ignores a mergeCell in extLst, after or without a mergeCells', async () => {
    expect(
      await mergesOf(`<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>${EXT('<x14:mergeCell ref="C3:C5"/>')}`, 'ext'),
    ).toEqual([A1B1]);
    expect(await mergesOf(EXT('<mergeCell ref="C3:C5"/>'), 'ext-only')).toEqual([]);
    expect(await mergesOf(EXT('<x14:mergeCells><x14:mergeCell ref="C3:C5"/></x14:mergeCells>'), 'ext-cells')).toEqual([]);
  });

  it('ignores a mergeCell before or after the mergeCells, and after an empty one', async () => {
    expect(await mergesOf(`<mergeCell ref="C3:C5"/><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>`, 'before')).toEqual([A1B1]);
    expect(await mergesOf(`<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><mergeCell ref="C3:C5"/>`, 'after')).toEqual([A1B1]);
    expect(await mergesOf(`<mergeCells count="0"/><mergeCell ref="C3:C5"/>`, 'empty')).toEqual([]);
  });

  it('still finds the real ones after an extLst inside the rows, and across a unit boundary', async () => {
    const cellExt = `<row r="30"><c r="A30"><v>1</v><extLst><ext uri="{u}"/></extLst></c></row>`;
    expect(
      await mergesOf(`<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="C3:C5"/></mergeCells>`, 'cell-ext', 20, cellExt),
    ).toEqual([A1B1, C3C5]);
    // The mergeCells start tag cut by a unit's end, a long attribute before its ">".
    const head = `${SHEET_HEAD}${sheetRows(300)}</sheetData>`;
    const pad = (((INFLATE_UNIT - 400 - Buffer.byteLength(head)) % INFLATE_UNIT) + INFLATE_UNIT) % INFLATE_UNIT;
    const tail = `${' '.repeat(pad)}<mergeCells x:note="${'a'.repeat(600)}" count="2"><mergeCell ref="A1:B1"/><mergeCell ref="C3:C5"/></mergeCells>`;
    expect((Buffer.byteLength(head) + pad) % INFLATE_UNIT).toBe(INFLATE_UNIT - 400);
    expect(await mergesOf(tail, 'cut', 300)).toEqual([A1B1, C3C5]);
  });
});
