// The merge scan (xlsx.ts, merge-tail.ts) carries 256 characters from one 16 KB unit to the next. A
// <mergeCell> whose ref comes more than that after the tag's start (a long foreign attribute first;
// Excel writes ref first) was missed when the tag straddled a unit: the tail had lost the tag's name.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openXlsx } from '../../../src/io/xlsx/xlsx.js';
import { INFLATE_UNIT } from '../../../src/io/zip/inflate.js';
import { DEFAULT_LIMITS } from '../../../src/schemas/config.js';
import { SHEET_HEAD, oneSheetXlsx, sheetRows as rows } from '../../helpers/sheet-zip.js';

const dir = mkdtempSync(join(tmpdir(), 'hrss-merge-straddle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The sheet with `<mergeCell x:note="…" ref="E5:E9"/>` starting `before` bytes ahead of a unit's end. */
function sheet(before: number, note: number | string, prefix = '', extra = ''): string {
  const body = `${SHEET_HEAD}${rows(300)}</sheetData><mergeCells count="2"><mergeCell ref="A1:B1"/>`;
  const at = Buffer.byteLength(body) + '<!---->'.length; // where the tag would start
  const pad = (((INFLATE_UNIT - before - at) % INFLATE_UNIT) + INFLATE_UNIT) % INFLATE_UNIT;
  const text = typeof note === 'number' ? '说'.repeat(note) : note;
  const tag = `<${prefix}mergeCell x:note="${text}"${extra} ref="E5:E9"/>`;
  const xml = `${body}<!--${' '.repeat(pad)}-->${tag}</mergeCells></worksheet>`;
  expect(Buffer.from(xml).indexOf(`<${prefix}mergeCell x:note`) % INFLATE_UNIT).toBe(INFLATE_UNIT - before);
  return xml;
}

async function mergesOf(xml: string, name: string): Promise<unknown> {
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, await oneSheetXlsx(xml));
  const wb = await openXlsx(file, DEFAULT_LIMITS);
  const merges = wb.sheets[0]?.merges;
  await wb.close();
  return merges;
}

const BOTH = [
  { top: 1, bottom: 1, left: 0, right: 1 },
  { top: 5, bottom: 9, left: 4, right: 4 },
];

describe('a mergeCell tag cut by a 16 KB unit, its ref far after its start', () => {
  it('gives the merges a file where the tag does not straddle gives', async () => {
    // 200 Chinese characters: 600 bytes of attribute before ref. The tag well inside a unit first.
    expect(await mergesOf(sheet(4000, 200), 'inside')).toEqual(BOTH);
    for (const before of [1, 12, 100, 255, 256, 300, 599])
      expect(await mergesOf(sheet(before, 200), `cut-${before}`), `${before}`).toEqual(BOTH);
  });

  it('finds it when the attribute spans more than a whole unit, and with a prefixed tag name', async () => {
    // 7,000 characters: 21,000 bytes, the tag starting in one unit and its ref two units later.
    expect(await mergesOf(sheet(50, 7000), 'long')).toEqual(BOTH);
    expect(await mergesOf(sheet(40, 200, 'x:'), 'prefixed')).toEqual(BOTH);
  });

  it('does not take an xref attribute cut at the carried end for the ref', async () => {
    // The tag starts 600 bytes before a unit's end; the "x" of xref is the last byte before the 256
    // carried, "ref=" the first carried; the real ref comes in the next unit. The middle dropped must
    // keep \bref as the whole part had it.
    const note = 'a'.repeat(600 - 257 - '<mergeCell x:note="'.length - '" '.length);
    const xml = sheet(600, note, '', ` xref="C3:D4" x:more="${'b'.repeat(300)}"`);
    expect(Buffer.from(xml).indexOf('xref') % INFLATE_UNIT).toBe(INFLATE_UNIT - 257);
    expect(await mergesOf(xml, 'xref')).toEqual(BOTH);
  });
});
