// The 督查情况表 is printed and handed to leaders: each sheet on A4 landscape, all its columns on the page's
// width, the header row repeated on every page (read back by ExcelJS as Excel would apply them).
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cases.js';
import { loadWorkbook } from '../helpers/workbook.js';

let tmp = '';
let ws = '';
beforeAll(() => {
  tmp = tempDir('supervise-print');
  ws = join(tmp, 'ws');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('督查情况表 print settings', () => {
  it('every sheet: A4 landscape, fit to one page wide, the header row repeated, page numbers', async () => {
    const res = await runCli(['supervise', '2026', '--xlsx', '督查.xlsx', '-w', ws, '--today', '2026-10-20'], ws);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    const wb = await loadWorkbook(readFileSync(join(ws, '督查.xlsx')));
    expect(wb.worksheets.length).toBe(3);
    for (const sheet of wb.worksheets) {
      const p = sheet.pageSetup;
      expect([p.paperSize, p.orientation, p.fitToPage, p.fitToWidth, p.fitToHeight], sheet.name).toEqual([9, 'landscape', true, 1, 0]);
      expect(p.printTitlesRow, sheet.name).toBe('1:1');
      expect(sheet.headerFooter.oddFooter, sheet.name).toContain('&P');
    }
  });
});
