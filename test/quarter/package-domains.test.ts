// 报送情况.xlsx's 分领域条数 was one text cell per department (劳务派遣：红0 黑2): nothing a clerk could sum. It is
// now its own sheet, a row per department and domain with 红 and 黑 as number cells, and the same figures as
// status (departments[].byDomain), summary.json (the package's runs) and the report (byDomain) give.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cases.js';
import { loadWorkbook } from '../helpers/workbook.js';

let tmp = '';
let ws = '';
const TODAY = ['--today', '2026-10-15'];
beforeAll(async () => {
  tmp = tempDir('package-domains');
  ws = join(tmp, '新乡 人社', '信用 红黑名单');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  const res = await runCli(['compile', '2026Q3', ...TODAY, '--lang', 'en'], ws);
  expect(res.code, res.stdout + res.stderr).toBe(0);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Tally = { red: number; black: number };
const key = (department: string, domain: string): string => `${department}/${domain}`;

describe('报送情况.xlsx 分领域条数', () => {
  it('numbers per department and domain, summing to the 报送情况 row and equal to status, summary.json and the report', async () => {
    const pkg = join(ws, 'packages', '2026Q3');
    const wb = await loadWorkbook(readFileSync(join(pkg, '报送情况.xlsx')));
    const main = wb.getWorksheet('报送情况');
    const sheet = wb.getWorksheet('分领域条数');
    if (!main || !sheet) throw new Error('报送情况.xlsx: sheets missing');
    const mainHeader = (main.getRow(2).values as unknown[]).map((v) => String(v ?? ''));
    expect(mainHeader).not.toContain('分领域条数');
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['序号', '科室', '领域', '本批发布红名单条数', '本批发布黑名单条数']);
    const cells = new Map<string, Tally>();
    const perDepartment = new Map<string, Tally>();
    sheet.eachRow((row, n) => {
      if (n <= 2) return;
      const [, no, department, domain, red, black] = row.values as unknown[];
      expect([typeof no, typeof red, typeof black], `row ${n}`).toEqual(['number', 'number', 'number']);
      expect(no).toBe(n - 2);
      cells.set(key(String(department), String(domain)), { red: red as number, black: black as number });
      const d = perDepartment.get(String(department)) ?? { red: 0, black: 0 };
      perDepartment.set(String(department), { red: d.red + (red as number), black: d.black + (black as number) });
    });
    expect(cells.size).toBeGreaterThan(3);
    // The rows of a department add up to its 本批发布 红/黑 in 报送情况.
    const col = (h: string): number => mainHeader.indexOf(h);
    main.eachRow((row, n) => {
      if (n <= 2) return;
      const v = row.values as unknown[];
      const name = String(v[col('科室')]);
      const expected = { red: v[col('本批发布红名单条数')], black: v[col('本批发布黑名单条数')] };
      expect(perDepartment.get(name) ?? { red: 0, black: 0 }, name).toEqual(expected);
    });
    // status: departments[].byDomain, the same pairs and numbers (and in the same order: the matrix's).
    const status = JSON.parse((await runCli(['status', '2026Q3', ...TODAY, '--format', 'json'], ws)).stdout);
    const fromStatus = new Map<string, Tally>();
    for (const d of status.departments as { name: string; byDomain: Record<string, Tally> }[])
      for (const [dom, c] of Object.entries(d.byDomain)) fromStatus.set(key(d.name, dom), { red: c.red, black: c.black });
    expect(new Map([...fromStatus].sort())).toEqual(new Map([...cells].sort()));
    // summary.json: the package's records as runs of department, domain and list.
    const summary = JSON.parse(readFileSync(join(pkg, 'summary.json'), 'utf8'));
    const fromSummary = new Map<string, Tally>();
    for (const r of summary.records.runs as { department: string; domain: string; listType: 'red' | 'black'; count: number }[]) {
      const t = fromSummary.get(key(r.department, r.domain)) ?? { red: 0, black: 0 };
      t[r.listType] += r.count;
      fromSummary.set(key(r.department, r.domain), t);
    }
    expect(new Map([...fromSummary].sort())).toEqual(new Map([...cells].sort()));
    // The report: byDomain over the departments, the sheet's column sums.
    const report = JSON.parse((await runCli(['report', '2026Q3', ...TODAY, '--format', 'json'], ws)).stdout);
    const byDomain = new Map<string, Tally>();
    for (const [k, c] of cells) {
      const dom = k.slice(k.indexOf('/') + 1);
      const t = byDomain.get(dom) ?? { red: 0, black: 0 };
      byDomain.set(dom, { red: t.red + c.red, black: t.black + c.black });
    }
    const fromReport = new Map((report.byDomain as ({ domain: string } & Tally)[]).map((d) => [d.domain, { red: d.red, black: d.black }]));
    expect(new Map([...fromReport].sort())).toEqual(new Map([...byDomain].sort()));
  });
});

// The sheet came without the title row and the print settings of its sibling (round 31): both sheets now have a
// title naming the bureau and the batch and print as the 督查情况表 does (A4 landscape, one page wide, title and
// header repeated, page numbers).
describe('报送情况.xlsx: both sheets titled and set for printing', () => {
  it('a title row over the header, A4 landscape, rows 1–2 repeated, page numbers', async () => {
    const wb = await loadWorkbook(readFileSync(join(ws, 'packages', '2026Q3', '报送情况.xlsx')));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['报送情况', '分领域条数']);
    for (const sheet of wb.worksheets) {
      expect(String(sheet.getCell('A1').value), sheet.name).toBe(`新乡市人社局信用红黑名单${sheet.name}（2026年第三季度）`);
      expect(String(sheet.getCell('A2').value), sheet.name).toBe('序号');
      const p = sheet.pageSetup;
      expect([p.paperSize, p.orientation, p.fitToPage, p.fitToWidth, p.fitToHeight], sheet.name).toEqual([9, 'landscape', true, 1, 0]);
      expect(p.printTitlesRow, sheet.name).toBe('1:2');
      expect(sheet.headerFooter.oddFooter, sheet.name).toContain('&P');
    }
  });
});
