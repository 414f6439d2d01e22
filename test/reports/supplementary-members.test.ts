// Who is in a supplementary batch, one answer in every view (docs/decisions.md "Who is in a supplementary
// batch"). 2026Q1-2 asks only the departments that have something to add: 劳动关系科 is in it for its two 撤销
// (仅移出), 就业办 sent nothing and the batch records nothing for it, so it is not in the batch. supervise and
// the report left it out, while compile's table and JSON, the manifest, 报送情况.xlsx and status showed it as
// 未报送 (a supplementary batch is owed by nobody). The history is test/truth/supplementary-removals.test.ts's.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVOKED_THEN_SUPPLEMENTARY } from '../truth/consistency/history.js';
import { WORKSPACES, type World, worldAfter } from '../truth/consistency/world.js';

const HISTORY = REVOKED_THEN_SUPPLEMENTARY;

const ws = mkdtempSync(join(WORKSPACES, 'hrss-supp-members-'));
afterAll(() => rmSync(ws, { recursive: true, force: true }));
let world: World;
const BATCH = '2026Q1-2';
const IN = '劳动关系科';
const OUT = '就业办';

beforeAll(async () => {
  world = await worldAfter(ws, HISTORY);
  expect(world.played.at(-1)?.label).toBe(BATCH);
  expect(world.played.at(-1)?.written).toBe(true);
});

type Named = { name?: string; department?: string; batch?: string };
const names = (list: Named[]): string[] => list.map((d) => d.name ?? d.department ?? '');

async function sheetNames(file: string, sheet: string, column: number, skip: number): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  wb.getWorksheet(sheet)?.eachRow((r, n) => {
    if (n > skip) out.push(String((r.values as unknown[])[column] ?? ''));
  });
  return out;
}

describe('a supplementary batch holds only the departments that have something to add', () => {
  it('compile (table and JSON), the manifest and 报送情况.xlsx name 劳动关系科 only', async () => {
    const json = await world.json<{ departments: Named[]; totals: { removals: { revoked: number } } }>(['compile', BATCH, '--dry-run']);
    expect(names(json.departments)).toEqual([IN]);
    expect(json.totals.removals.revoked).toBe(2);
    const table = (await world.cli(['compile', BATCH, '--dry-run'])).stdout;
    expect(table).toMatch(new RegExp(`${IN}\\s*│\\s*仅移出`));
    expect(table).not.toContain(OUT);
    const pkg = join(ws, 'packages', BATCH);
    const manifest = JSON.parse(readFileSync(join(pkg, 'manifest.json'), 'utf8')) as {
      departments: Named[];
      counts: { byDepartment: Record<string, unknown> };
    };
    expect(names(manifest.departments)).toEqual([IN]);
    expect(Object.keys(manifest.counts.byDepartment)).toEqual([IN]);
    // 报送情况: a title row and the header, then 序号 | 科室 | 报送状态 …
    expect(await sheetNames(join(pkg, '报送情况.xlsx'), '报送情况', 2, 2)).toEqual([IN]);
    expect((await world.cli(['verify', pkg])).code).toBe(0);
  });

  it('status, supervise (JSON, screen, 督查明细) and the batch report name the same one', async () => {
    const status = await world.json<{ departments: Named[] }>(['status', BATCH]);
    expect(names(status.departments)).toEqual([IN]);
    const statusTable = (await world.cli(['status', BATCH])).stdout;
    expect(statusTable).not.toContain(OUT);
    const xlsx = join(ws, '督查.xlsx');
    const sup = await world.json<{ rows: Named[] }>(['supervise', '2026', '--xlsx', xlsx]);
    expect(names(sup.rows.filter((r) => r.batch === BATCH))).toEqual([IN]);
    const detail = await sheetNames(xlsx, '督查明细', 1, 1);
    const batches = await sheetNames(xlsx, '督查明细', 2, 1);
    expect(detail.filter((_, i) => batches[i] === BATCH)).toEqual([IN]);
    const report = await world.json<{ rows: Named[] }>(['report', BATCH]);
    expect(names(report.rows)).toEqual([IN]);
    // The regular batch is owed by everyone: 就业办 is there, 未报送, in every view.
    const regular = await world.json<{ departments: (Named & { submitted: boolean })[] }>(['status', '2026Q1']);
    expect(regular.departments.find((d) => d.name === OUT)?.submitted).toBe(false);
  });
});
