// The annotator's copy of a sheet with `<row …>` text in a comment (and a processing instruction)
// inside <sheetData>: the highlight lands on the real row, and LibreOffice opens the copy (to CSV, the
// cells; to xlsx again, the fill on the right cell). Before, the comment's text was taken for the row.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { annotateXlsx, type AnnotatePlan } from '../../../dist/io/annotate/xlsx-annotate.js';
import { DEFAULT_LIMITS } from '../../../dist/schemas/config.js';
import { SHEET_HEAD, oneSheetXlsx } from '../../helpers/sheet-zip.js';

const dir = mkdtempSync(join(tmpdir(), 'hrss-row-comment-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hasSoffice = spawnSync('soffice', ['--version']).status === 0;

const cell = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const SHEET =
  `${SHEET_HEAD}<row r="1">${cell('A1', '主体名称')}${cell('B1', '统一社会信用代码')}</row>` +
  `<row r="2">${cell('A2', '甲公司')}${cell('B2', 'X1')}</row>` +
  `<!-- 旧行 <row r="3">${cell('B3', '旧')}</row> -->` +
  `<?note <row r="3"> ?>` +
  `<row r="3">${cell('A3', '乙公司')}${cell('B3', 'X2')}</row>` +
  '</sheetData></worksheet>';

const plan: AnnotatePlan = {
  marks: new Map([['黑名单', [{ row: 3, col: 1, kind: 'error', note: '代码校验位不对' }]]]),
  summary: {
    sheetName: '检查结果',
    headers: ['位置', '级别', '代码', '问题', '建议'],
    rows: [
      {
        location: '黑名单!B3',
        severity: '错误',
        kind: 'error',
        code: 'E1',
        message: '代码错',
        hint: '改',
        target: { sheet: '黑名单', ref: 'B3' },
      },
    ],
    footer: ['说明'],
    author: '检查工具',
    title: '标题',
  },
};

const argb = (c: ExcelJS.Cell): string | undefined => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

async function annotated(): Promise<string> {
  const src = join(dir, 'list.xlsx');
  writeFileSync(src, await oneSheetXlsx(SHEET));
  const out = join(dir, 'list.检查结果.xlsx');
  await annotateXlsx(src, out, plan, { limits: DEFAULT_LIMITS, instant: new Date('2026-10-15T01:30:00Z') });
  return out;
}

describe('a comment holding row text inside sheetData', () => {
  it('keeps the comment as it was and fills the real row 3', async () => {
    const out = await annotated();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('黑名单')!;
    expect(ws.getCell('B3').value).toBe('X2');
    expect(argb(ws.getCell('B3'))).toBe('FFFFC7CE');
    expect(argb(ws.getCell('B2'))).toBeUndefined();
  });

  it.skipIf(!hasSoffice)(
    'opens in LibreOffice with the highlight on row 3 [needs libreoffice-calc-nogui]',
    async () => {
      const out = await annotated();
      const lo = [`-env:UserInstallation=file://${join(dir, 'lo')}`, '--headless'];
      // The list sheet is the second (检查结果 first): CSV of every sheet, then the list's own file.
      execFileSync(
        'soffice',
        [
          ...lo,
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
          '--outdir',
          join(dir, 'csv'),
          out,
        ],
        { stdio: 'ignore' },
      );
      const csv = readFileSync(join(dir, 'csv', 'list.检查结果-黑名单.csv'), 'utf8');
      expect(csv.trim().split(/\r?\n/)).toEqual(['主体名称,统一社会信用代码', '甲公司,X1', '乙公司,X2']);
      execFileSync('soffice', [...lo, '--convert-to', 'xlsx', '--outdir', join(dir, 'lo-xlsx'), out], { stdio: 'ignore' });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, 'lo-xlsx', 'list.检查结果.xlsx'));
      const ws = wb.getWorksheet('黑名单')!;
      expect(argb(ws.getCell('B3'))).toBe('FFFFC7CE');
      expect(argb(ws.getCell('B2'))).toBeUndefined();
      expect(argb(ws.getCell('A3'))).toBeUndefined();
    },
    120_000,
  );
});
