// A quarter not yet due, in every view (truth.md "one figure, every view"): the year report's JSON counted
// 监察科's unsent 2026Q3 nowhere before its deadline, but the timeliness chart still drew it a hatched 未报送
// mark and the tables called it 未报送. Now the chart's marks, the report's JSON, supervise's 科室统计 and
// the rows of the report and of the 督查 view say the same: 未到截止日期 before the deadline, 未报送 after.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cases.js';

let tmp = '';
let ws = '';

beforeAll(() => {
  tmp = tempDir('not-due-views');
  ws = join(tmp, 'ws');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  // 监察科 has not sent 2026Q3 (deadline 2026-10-10).
  rmSync(join(ws, 'submissions', '2026Q3', '监察科'), { recursive: true, force: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Views {
  json: { timeliness: { missing: number }; quarters: { batch: string; due: boolean }[] };
  /** data-missing of each department's row in the chart's table, and the hatched marks drawn. */
  dataMissing: Record<string, number>;
  marks: number;
  /** The year table's cell of 监察科 and 2026Q3. */
  cell: string;
  superviseText: string;
  sheetStatus: string;
  tallyMissing: number;
}

async function views(today: string): Promise<Views> {
  const out = join(tmp, `report-${today}.html`);
  const rep = await runCli(['report', '2026', '-w', ws, '--format', 'json', '--today', today, '--out', out], ws);
  expect(rep.code, rep.stderr).toBe(0);
  const html = readFileSync(out, 'utf8');
  const chart = /<svg id="chart-timeliness"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
  const dataMissing = Object.fromEntries(
    [...html.matchAll(/data-department="([^"]+)" data-days-late="\d+" data-missing="(\d+)"/g)].map((m) => [m[1], Number(m[2])]),
  );
  const section = /<section id="timeliness">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  const row = /<tr data-department="监察科"[\s\S]*?<\/tr>/.exec(section)?.[0] ?? '';
  const cell = /<td data-label="2026年第三季度">([^<]*)<\/td>/.exec(row)?.[1] ?? '';
  const xlsx = join(tmp, `督查-${today}.xlsx`);
  const sup = await runCli(['supervise', '2026', '-w', ws, '--today', today, '--xlsx', xlsx], ws);
  expect(sup.code, sup.stderr).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const rows = wb.getWorksheet('督查明细')!;
  let sheetStatus = '';
  rows.eachRow((r) => {
    if (r.getCell(1).value === '监察科' && r.getCell(2).value === '2026Q3') sheetStatus = String(r.getCell(3).value);
  });
  let tallyMissing = 0;
  const counts = wb.getWorksheet('科室统计')!;
  const col = (counts.getRow(1).values as unknown[]).indexOf('未报送');
  counts.eachRow((r, n) => {
    if (n > 1) tallyMissing += Number(r.getCell(col).value);
  });
  return {
    json: JSON.parse(rep.stdout),
    dataMissing,
    marks: [...chart.matchAll(/<rect class="missing"/g)].length,
    cell,
    superviseText: sup.stdout,
    sheetStatus,
    tallyMissing,
  };
}

const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);

function expectNotDue(v: Views): void {
  // Before: one hatched mark (data-missing 1) while the JSON said 0.
  expect(v.marks).toBe(0);
  expect(v.dataMissing['监察科']).toBe(0);
  expect(v.json.timeliness.missing).toBe(0);
  expect(v.json.quarters.find((q) => q.batch === '2026Q3')?.due).toBe(false);
  expect(sum(v.dataMissing)).toBe(v.json.timeliness.missing);
  expect(v.tallyMissing).toBe(v.json.timeliness.missing);
  expect(v.cell).toBe('未到截止日期');
  expect(v.sheetStatus).toBe('未到截止日期');
  expect(v.superviseText).toMatch(/监察科\s*│\s*2026Q3\s*│\s*未到截止日期/);
  expect(v.superviseText).not.toMatch(/监察科\s*│\s*2026Q3\s*│\s*未报送/);
}

function expectMissing(v: Views): void {
  expect(v.json.quarters.find((q) => q.batch === '2026Q3')?.due).toBe(true);
  expect(v.json.timeliness.missing).toBe(1);
  expect(v.dataMissing['监察科']).toBe(1);
  expect(v.marks).toBe(1);
  expect(sum(v.dataMissing)).toBe(1);
  expect(v.tallyMissing).toBe(1);
  expect(v.cell).toBe('未报送');
  expect(v.sheetStatus).toBe('未报送');
  expect(v.superviseText).toMatch(/监察科\s*│\s*2026Q3\s*│\s*未报送/);
}

describe('a quarter not yet due, in every view', () => {
  it('before the deadline: no hatched mark, 0 未报送 everywhere, and 未到截止日期 in the rows', async () => {
    expectNotDue(await views('2026-10-05'));
  });

  it('after it: one 未报送, the same in the chart, the JSON, the 科室统计 and the rows', async () => {
    expectMissing(await views('2026-10-20'));
  });

  // Read from the package once the quarter is compiled before its deadline, the quarter was due whatever the
  // date (summary.ts: overdue for every regular package): 未报送 and a 通报 lapse the day after compile, while the
  // same quarter read from its covers was not due. The package and the covers give one answer.
  it('compiled before the deadline: still not due until the deadline, 未报送 after it', async () => {
    // The covers are signed on 10-08 and 10-09; the deadline is 10-10.
    const compiled = await runCli(['compile', '2026Q3', '-w', ws, '--today', '2026-10-09'], ws);
    expect(compiled.code, compiled.stdout + compiled.stderr).toBe(0);
    expectNotDue(await views('2026-10-09'));
    const sup = await runCli(['supervise', '2026', '-w', ws, '--today', '2026-10-09', '--format', 'json'], ws);
    const lapses = (JSON.parse(sup.stdout) as { lapses: { department: string; kind: string }[] }).lapses;
    expect(lapses.filter((l) => l.kind === 'missing')).toEqual([]);
    expectMissing(await views('2026-10-20'));
  });
});
