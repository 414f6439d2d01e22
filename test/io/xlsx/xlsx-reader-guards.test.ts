// The xlsx reader's guards (issue 18, "guards that a mutation slips past"): both spellings of an XML
// boolean (xs:boolean: "1"/"true", "0"/"false") decide workbookPr/@date1904 and row/@hidden, as
// Excel, LibreOffice and openpyxl write them. Workbooks built by the package writer, then patched.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkbook } from '../../../src/io/sniff.js';
import { normaliseZip, workbookBuffer } from '../../../src/io/xlsx/xlsx-writer.js';
import { DEFAULT_LIMITS } from '../../../src/schemas/config.js';
import { scoreRows } from '../../../src/table/header.js';
import { DateCell } from '../../../src/table/cells.js';

const dir = mkdtempSync(join(tmpdir(), 'hrss-xlsx-reader-guards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const instant = new Date(Date.UTC(2026, 8, 30));
const SERIAL = 45000;
const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
/** The serial's date in each system, from the epochs of ECMA-376 part 1, 18.17.4.1. */
const IN_1900 = iso(Date.UTC(1899, 11, 30) + SERIAL * DAY);
const IN_1904 = iso(Date.UTC(1904, 0, 1) + SERIAL * DAY);

/** A one-sheet workbook: a header, a row holding SERIAL as a date (numFmtId 14), and `hidden` on row 2 when given. */
async function book(name: string, date1904: string | undefined, hidden: string | undefined): Promise<string> {
  const plain = await workbookBuffer([{ name: '黑名单', headers: ['认定日期', '主体名称'], rows: [[SERIAL, '示例公司']] }], instant, 'x');
  const buf = await normaliseZip(plain, instant, (part, data) => {
    let xml = data.toString('utf8');
    if (part === 'xl/workbook.xml' && date1904 !== undefined)
      xml = xml.replace('<bookViews>', `<workbookPr date1904="${date1904}"/><bookViews>`);
    // The writer's number format (cellXfs index 4) becomes the built-in date format 14.
    if (part === 'xl/styles.xml')
      xml = xml.replace(
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
        '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
      );
    if (part === 'xl/worksheets/sheet1.xml' && hidden !== undefined) xml = xml.replace('<row r="2">', `<row r="2" hidden="${hidden}">`);
    return Buffer.from(xml, 'utf8');
  });
  const file = join(dir, name);
  writeFileSync(file, buf);
  return file;
}

async function secondRow(file: string): Promise<{ hidden: boolean; date: string | undefined }> {
  const wb = await openWorkbook(file, 'x.xlsx', { limits: DEFAULT_LIMITS, score: scoreRows });
  let out = { hidden: false, date: undefined as string | undefined };
  await wb.sheets[0]!.read((r) => {
    if (r.number === 2) out = { hidden: r.hidden, date: r.cells[0] instanceof DateCell ? r.cells[0].iso : undefined };
  });
  await wb.close();
  return out;
}

describe('the xlsx reader', () => {
  it.each([
    ['absent', undefined, IN_1900],
    ['"0"', '0', IN_1900],
    ['"false"', 'false', IN_1900],
    ['"1"', '1', IN_1904],
    ['"true"', 'true', IN_1904],
  ])('reads dates with date1904 %s in the right system', async (_label, value, expected) => {
    expect(IN_1904).not.toBe(IN_1900);
    expect((await secondRow(await book(`d-${value}.xlsx`, value, undefined))).date).toBe(expected);
  });

  it.each([
    ['absent', undefined, false],
    ['"0"', '0', false],
    ['"false"', 'false', false],
    ['"1"', '1', true],
    ['"true"', 'true', true],
  ])('reads a row with hidden %s as hidden: %s', async (_label, value, expected) => {
    expect((await secondRow(await book(`h-${value}.xlsx`, undefined, value))).hidden).toBe(expected);
  });
});
