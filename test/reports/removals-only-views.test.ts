// A supplementary batch lists a department that sent it nothing when the batch records removals for it
// (two 撤销 after 2026Q1 was published; 2026Q1-2 got only its untouched form). It owes no rows: every view
// called it 未报送 (the report's rows table, the year's table, supervise's screen and 督查明细, compile's
// table, 报送情况.xlsx). Now each says 仅移出 (en: removals only), catalogued. The history is the one of
// test/truth/supplementary-removals.test.ts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVOKED_THEN_SUPPLEMENTARY } from '../truth/consistency/history.js';
import { WORKSPACES, type World, worldAfter } from '../truth/consistency/world.js';

const HISTORY = REVOKED_THEN_SUPPLEMENTARY;

const ws = mkdtempSync(join(WORKSPACES, 'hrss-removals-only-'));
afterAll(() => rmSync(ws, { recursive: true, force: true }));
let world: World;
const DEPT = '劳动关系科';
const BATCH = '2026Q1-2';

beforeAll(async () => {
  world = await worldAfter(ws, HISTORY);
  expect(world.played.at(-1)?.label).toBe(BATCH);
});

/** The text of a table row (cells joined by |) of the HTML page whose data-department is DEPT. */
function htmlRow(html: string, section: string): string {
  const part = new RegExp(`<section id="${section}">[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
  const row = new RegExp(`<tr data-department="${DEPT}"[\\s\\S]*?</tr>`).exec(part)?.[0] ?? '';
  return [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]).join('|');
}

async function sheetRow(file: string, sheet: string, match: (cells: unknown[]) => boolean): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  let found: unknown[] = [];
  wb.getWorksheet(sheet)?.eachRow((r) => {
    const cells = (r.values as unknown[]).slice(1);
    if (match(cells)) found = cells;
  });
  return found;
}

describe('a department a supplementary batch lists only for its removals', () => {
  it('is 仅移出 in the batch report, the year report, supervise and its 督查明细', async () => {
    const batchPage = join(ws, 'batch.html');
    const yearPage = join(ws, 'year.html');
    expect((await world.cli(['report', BATCH, '--out', batchPage])).code).toBe(0);
    expect((await world.cli(['report', '2026', '--out', yearPage])).code).toBe(0);
    const batchRow = htmlRow(readFileSync(batchPage, 'utf8'), 'timeliness');
    expect(batchRow.split('|').slice(0, 2)).toEqual([DEPT, '仅移出']);
    // The year table: the department, then one cell per batch (2026Q1, 2026Q1-2), then its days late.
    expect(htmlRow(readFileSync(yearPage, 'utf8'), 'timeliness').split('|').slice(0, 3)).toEqual([DEPT, '按时', '仅移出']);
    const xlsx = join(ws, '督查.xlsx');
    const sup = await world.cli(['supervise', '2026', '--xlsx', xlsx]);
    expect(sup.code).toBe(0);
    expect(sup.stdout).toMatch(new RegExp(`${DEPT}\\s*│\\s*${BATCH}\\s*│\\s*仅移出\\s*│`));
    expect((await sheetRow(xlsx, '督查明细', (c) => c[0] === DEPT && c[1] === BATCH))[2]).toBe('仅移出');
    for (const text of [batchRow, sup.stdout]) expect(text).not.toMatch(new RegExp(`${DEPT}[^\\n]*${BATCH}[^\\n]*未报送`));
  });

  it("is 仅移出 in compile's table and in the package's 报送情况.xlsx", async () => {
    const compile = await world.cli(['compile', BATCH, '--dry-run']);
    expect(compile.stdout).toMatch(new RegExp(`${DEPT}\\s*│\\s*仅移出\\s*│`));
    const row = await sheetRow(join(ws, 'packages', BATCH, '报送情况.xlsx'), '报送情况', (c) => c[1] === DEPT);
    expect(row[2]).toBe('仅移出');
  });

  it('报送情况.xlsx of a supplementary batch is titled with its batch (第2批), not as the regular batch', async () => {
    const title = await sheetRow(join(ws, 'packages', BATCH, '报送情况.xlsx'), '报送情况', (c) => String(c[0] ?? '').includes('报送情况'));
    expect(String(title[0])).toMatch(/报送情况（2026年第一季度第2批）$/);
    const regular = await sheetRow(join(ws, 'packages', '2026Q1', '报送情况.xlsx'), '报送情况', (c) =>
      String(c[0] ?? '').includes('报送情况'),
    );
    expect(String(regular[0])).toMatch(/报送情况（2026年第一季度）$/);
  });

  it("is 仅移出 in status's table, not 否 (the same column compile's table fills)", async () => {
    const status = await world.cli(['status', BATCH]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`${DEPT}\\s*│\\s*仅移出\\s*│`));
    const en = await world.cli(['status', BATCH, '--lang', 'en']);
    expect(en.stdout).toMatch(new RegExp(`${DEPT}\\s*│\\s*removals only\\s*│`));
  });

  it('says removals only in English', async () => {
    const sup = await world.cli(['supervise', '2026', '--lang', 'en']);
    expect(sup.stdout).toMatch(new RegExp(`${DEPT}\\s*│\\s*${BATCH}\\s*│\\s*removals only\\s*│`));
    const compile = await world.cli(['compile', BATCH, '--dry-run', '--lang', 'en']);
    expect(compile.stdout).toMatch(new RegExp(`${DEPT}\\s*│\\s*removals only\\s*│`));
  });
});
