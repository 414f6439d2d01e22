// The real workbooks of fixtures/corpus (Excel, WPS, LibreOffice, Numbers, gnumeric saves).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../../src/io/sniff.js';
import { DEFAULT_LIMITS } from '../../../src/schemas/config.js';
import { scoreRows } from '../../../src/table/header.js';
import type { CellValue, SheetRow } from '../../../src/table/cells.js';
import { ROOT, runCli } from '../../helpers/cases.js';

const CORPUS = join(ROOT, 'fixtures', 'corpus', 'sheetjs-test-files');
const files = readdirSync(CORPUS)
  .filter((f) => f !== 'LICENSE')
  .sort();
const READ = new Set(['.xlsx', '.xlsm']);

async function rows(file: string, sheet = 0, max = 50): Promise<SheetRow[]> {
  const wb = await openWorkbook(join(CORPUS, file), 'x', { limits: DEFAULT_LIMITS, score: scoreRows });
  const out: SheetRow[] = [];
  await wb.sheets[sheet]?.read((r) => {
    out.push(r);
    return out.length < max;
  });
  await wb.close();
  return out;
}

const iso = (c: CellValue): string | undefined => (c && typeof c === 'object' && 'iso' in c ? c.iso : undefined);

describe('reading real workbooks', () => {
  it('reads dates of a 1904 workbook as the calendar dates Excel shows', async () => {
    const r = await rows('1904_1904.xlsx');
    expect(r.map((x) => iso(x.cells[1]))).toEqual(r.map((x) => x.cells[2]));
    expect(iso(r[0]?.cells[1])).toBe('1904-01-02');
  });
  it('reads dates of a 1900 workbook', async () => {
    const r = await rows('1904_1900.xlsx');
    expect(r.map((x) => iso(x.cells[1]))).toEqual(r.map((x) => x.cells[2]));
  });
  it('reads ISO date cells (t="d")', async () => {
    const r = await rows('xlsx-stream-d-date-cell.xlsx');
    expect(iso(r.find((x) => x.cells[0] === 'Date')?.cells[1])).toBe('2014-02-14');
  });
  it('knows merged ranges before the rows', async () => {
    const wb = await openWorkbook(join(CORPUS, 'merge_cells.xlsx'), 'x', { limits: DEFAULT_LIMITS, score: scoreRows });
    expect(wb.sheets[0]?.merges).toContainEqual({ top: 1, bottom: 2, left: 0, right: 1 });
    await wb.close();
  });
  it('keeps hidden and very hidden sheets apart', async () => {
    const wb = await openWorkbook(join(CORPUS, 'sheet_visibility.xlsx'), 'x', { limits: DEFAULT_LIMITS, score: scoreRows });
    expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Visible', false],
      ['Hidden', true],
      ['VeryHidden', true],
    ]);
    await wb.close();
  });
  it('reads a WPS save', async () => {
    const r = await rows('artifacts_wps_write.xlsx');
    expect(r[2]?.cells).toEqual(['foo', 'bar', { iso: '2014-02-19', time: 0 }, 0.3]);
  });
});

describe.each(files)('validate %s as a 就业办 file', (file) => {
  it('ends in findings or a clean pass with one JSON document, never exit 2', async () => {
    const res = await runCli(
      ['validate', join(CORPUS, file), '--department', '就业办', '--quarter', '2026Q3', '--today', '2026-10-15', '--format', 'json'],
      ROOT,
    );
    expect([0, 1]).toContain(res.code);
    const doc = JSON.parse(res.stdout);
    expect(doc.command).toBe('validate');
    const ext = file.slice(file.lastIndexOf('.'));
    if (!READ.has(ext)) expect(doc.diagnostics.map((d: { code: string }) => d.code)).toContain('FILE_UNSUPPORTED');
    else expect(doc.diagnostics.map((d: { code: string }) => d.code)).not.toContain('FILE_UNREADABLE');
  });
});
