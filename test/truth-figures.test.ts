// truth.md "Figures, named once" and "Documents, typed once": on the example's story (2026Q2 imported,
// 2026Q3 compiled against the register: a resent row, a removal request, an expiry) and on a
// supplementary batch (2026Q3-2: 就业办 sends its list again after 2026Q3 was published), the same
// figures — rows, red, black, unchanged, corrected, removals — in status, compile, the manifest,
// 报送情况.xlsx, supervise and the report; every document parsed with its one schema; export, report,
// template, status and supervise accept the supplementary batch.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { copyWithin, MEM_ROOT, memoryWorkspace, runCliOn } from './helpers/memory-workspace.js';
import type { MemoryPort } from '../src/io/memory-port.js';
import { ManifestSchema } from '../dist/schemas/documents/manifest.js';
import { RecordsFileSchema } from '../dist/schemas/documents/records.js';
import { ReportDocumentSchema } from '../dist/schemas/documents/report.js';
import { CompileDocumentSchema, StatusDocumentSchema } from '../dist/schemas/documents/commands.js';
import { SuperviseDocumentSchema } from '../dist/schemas/documents/supervise.js';
import { ReportViewDocumentSchema } from '../dist/schemas/documents/report-view.js';
import { type Figures, FiguresSchema, removalTotal } from '../dist/schemas/documents/figures.js';
import { loadWorkbook } from './helpers/workbook.js';
import { EXAMPLE_2026Q2_IMPORT } from './helpers/cases.js';

/** 报送情况.xlsx shows the removals' total only (the other views their types). */
type SheetFigures = Omit<Figures, 'removals'> & { removals: { total: number } };
const KEYS = ['rows', 'red', 'black', 'unchanged', 'corrected', 'removals'] as const;
const pick = (o: Record<string, unknown>): Figures => FiguresSchema.parse(Object.fromEntries(KEYS.map((k) => [k, o[k]])));

// The workspace is held in memory (every command here runs on the file-system port, issue 20): the subject is
// the figures, not the disk.
let tmp: string;
let ws: string;
let io: MemoryPort;
const bytes = (path: string): Buffer => Buffer.from(io.readFileSync(path));
const text = (path: string): string => bytes(path).toString('utf8');
const env = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_USER: '测试' };
const cli = (args: string[]) => runCliOn(io, [...args, '-w', ws, '--today', '2026-10-15'], tmp, env);
const json = async (args: string[]): Promise<Record<string, unknown>> => {
  const res = await cli([...args, '--format', 'json']);
  expect(res.code, `${args.join(' ')}: ${res.stdout}${res.stderr}`).toBe(0);
  return JSON.parse(res.stdout) as Record<string, unknown>;
};

/** 报送情况.xlsx read back: per department, the figures under their Chinese headers. */
async function statusSheet(batch: string): Promise<Map<string, SheetFigures>> {
  const wb = await loadWorkbook(bytes(join(ws, 'packages', batch, '报送情况.xlsx')));
  const rows = (wb.worksheets[0] as ExcelJS.Worksheet).getSheetValues().filter(Array.isArray) as unknown[][];
  const header = rows.find((r) => r.includes('科室')) as unknown[];
  const col = (name: string): number => {
    const i = header.indexOf(name);
    expect(i, name).toBeGreaterThan(0);
    return i;
  };
  const out = new Map<string, SheetFigures>();
  for (const r of rows.slice(rows.indexOf(header) + 1)) {
    out.set(r[col('科室')] as string, {
      rows: r[col('报送条数')] as number,
      red: r[col('本批发布红名单条数')] as number,
      black: r[col('本批发布黑名单条数')] as number,
      unchanged: r[col('重复报送未变条数')] as number,
      corrected: r[col('其中更正条数')] as number,
      // The sheet shows the removals' total; the others their types.
      removals: { total: r[col('移出条数')] as number },
    });
  }
  return out;
}

/** Every view's figures of one batch, per department, asserted equal; returns the compile JSON's. */
async function sameFiguresEverywhere(
  batch: string,
  compileDoc: { departments: Record<string, unknown>[]; totals: Record<string, unknown>; counts: unknown },
): Promise<Map<string, Figures>> {
  const compiled = new Map(compileDoc.departments.map((d) => [d.name as string, pick(d)]));
  // compile's 汇总 (totals) is the sum of its lines.
  const sum = [...compiled.values()].reduce(
    (a, f) => {
      a.rows += f.rows;
      a.red += f.red;
      a.black += f.black;
      a.unchanged += f.unchanged;
      return a;
    },
    { rows: 0, red: 0, black: 0, unchanged: 0 },
  );
  expect(pick(compileDoc.totals)).toMatchObject(sum);
  expect(compileDoc.counts).toEqual({ red: sum.red, black: sum.black });

  const manifest = ManifestSchema.parse(JSON.parse(text(join(ws, 'packages', batch, 'manifest.json'))));
  const sheet = await statusSheet(batch);
  const sup = SuperviseDocumentSchema.parse(await json(['supervise', batch.slice(0, 4)]));
  const report = ReportViewDocumentSchema.parse(await json(['report', batch, '--out', join(tmp, `report-${batch}.html`)]));
  const reportRows = new Map(report.departments.map((d) => [d.department, pick(d)]));
  for (const [name, f] of compiled) {
    expect(manifest.counts.byDepartment[name], `manifest ${name}`).toEqual(f);
    const s = sheet.get(name) as SheetFigures;
    expect({ ...s, removals: undefined }, `报送情况 ${name}`).toEqual({ ...f, removals: undefined });
    expect(s.removals.total, `报送情况 移出 ${name}`).toBe(removalTotal(f.removals));
    const row = sup.rows.find((r) => r.department === name && r.batch === batch);
    const reportRow = reportRows.get(name);
    if (batch.includes('-') && f.rows === 0) {
      // Nobody is missing from a supplementary batch: no row for a department that sent nothing.
      expect(row).toBeUndefined();
      continue;
    }
    expect(pick(row as Record<string, unknown>), `supervise ${name}`).toEqual(f);
    expect(reportRow, `report ${name}`).toEqual(f);
  }
  return compiled;
}

beforeAll(async () => {
  tmp = join(MEM_ROOT, 'truth-figures');
  ({ io, ws } = memoryWorkspace('truth-figures/example-workspace'));
  const history = join(ws, 'history', '2026Q2');
  const lists = io
    .readdirSync(history)
    .map((e) => e.name)
    .sort()
    .map((f) => join(history, f));
  const imported = await cli(['register', 'import', ...lists, ...EXAMPLE_2026Q2_IMPORT]);
  expect(imported.code, imported.stdout + imported.stderr).toBe(0);
});

describe('a batch compiled against the register (the example story)', () => {
  let compiled: Map<string, Figures>;

  it('status, compile, manifest, 报送情况.xlsx, supervise and report show the same figures per department', async () => {
    const status = StatusDocumentSchema.parse(await json(['status', '2026Q3']));
    const compileDoc = CompileDocumentSchema.parse(await json(['compile', '2026Q3']));
    compiled = await sameFiguresEverywhere('2026Q3', compileDoc);
    for (const d of status.departments) if (compiled.has(d.name)) expect(pick(d), `status ${d.name}`).toEqual(compiled.get(d.name));
    // The story's figures: 劳动关系科 sent 2 rows, 1 resent unchanged (not published again), 1 black
    // published; its removal request and an expiry are its removals.
    expect(compiled.get('劳动关系科')).toEqual({
      rows: 2,
      red: 0,
      black: 1,
      unchanged: 1,
      corrected: 0,
      removals: { violation: 1, early: 0, revoked: 0, corrected: 0, expired: 1 },
    });
    expect(compiled.get('就业办')).toMatchObject({ rows: 3, red: 2, black: 1, unchanged: 0 });
  });

  it("the compile table's department lines add up to its 汇总 row (rows resent are not counted on one and left off the other)", async () => {
    const res = await cli(['compile', '2026Q3', '--dry-run']);
    const line = (name: string): string[] =>
      (res.stdout.split('\n').find((l) => new RegExp(`^│ ${name}\\s+│`).test(l)) ?? '')
        .split('│')
        .map((c) => c.trim())
        .filter(Boolean);
    // Then 其中更正 and 移出条数 (a new user's trial: the screen left out the corrections and removals the JSON,
    // 报送情况.xlsx and 督查明细 give); 劳动关系科's 2 removals are diff's 移出 2.
    expect(line('劳动关系科')).toEqual(['劳动关系科', '已报送', '2', '0', '1', '1', '0', '2']);
    expect(line('汇总')).toEqual(['汇总', '17', '6', '10', '1', '0', '2']);
  });

  it('records.json is version 3 with removals, unchanged and an empty corrected; export writes both audiences from it', async () => {
    const file = RecordsFileSchema.parse(JSON.parse(text(join(ws, 'packages', '2026Q3', 'records.json'))));
    expect(file.unchanged).toHaveLength(1);
    expect(file.removals.map((r) => r.type)).toEqual(['violation', 'expired']);
    expect(file.corrected).toEqual([]);
    // Before: `records.json 的 removals：不认识的键` (exit 2) for every package compiled with a register.
    for (const audience of ['public', 'sharing']) {
      const res = await cli(['export', '2026Q3', '--to', join(tmp, `export-${audience}`), '--audience', audience, '--format', 'json']);
      expect(res.code, res.stdout).toBe(0);
      expect(io.readdirSync(join(tmp, `export-${audience}`)).length).toBeGreaterThan(0);
    }
  });

  it('a year report counts department-quarters for timeliness and says so', async () => {
    const doc = ReportViewDocumentSchema.parse(await json(['report', '2026', '--out', join(tmp, 'year.html')]));
    expect(doc.timeliness.unit).toBe('department-batch');
    const batchDoc = ReportViewDocumentSchema.parse(await json(['report', '2026Q3', '--out', join(tmp, 'batch.html')]));
    expect(batchDoc.timeliness.unit).toBe('department');
    const html = text(join(tmp, 'year.html'));
    expect(html).toContain('按时报送（科室·季度）');
    expect(html).not.toContain('按时报送科室');
    expect(text(join(tmp, 'batch.html'))).toContain('按时报送科室');
  });
});

describe('a supplementary batch (2026Q3-2)', () => {
  beforeAll(async () => {
    const published = await cli(['publish', '2026Q3', '--on', '2026-10-15']);
    expect(published.code, published.stdout).toBe(0);
    copyWithin(io, join(ws, 'submissions', '2026Q3', '就业办'), join(ws, 'submissions', '2026Q3-2', '就业办'));
  });

  it("status, compile, manifest, 报送情况.xlsx, supervise and report agree on it; 就业办's resent list is unchanged", async () => {
    const status = StatusDocumentSchema.parse(await json(['status', '2026Q3-2']));
    const compileDoc = CompileDocumentSchema.parse(await json(['compile', '2026Q3-2']));
    const compiled = await sameFiguresEverywhere('2026Q3-2', compileDoc);
    expect(compiled.get('就业办')).toEqual({
      rows: 3,
      red: 0,
      black: 0,
      unchanged: 3,
      corrected: 0,
      removals: { violation: 0, early: 0, revoked: 0, corrected: 0, expired: 0 },
    });
    expect(pick(status.departments.find((d) => d.name === '就业办') as Record<string, unknown>)).toEqual(compiled.get('就业办'));
  });

  it('every document written on the way reads back through verify, diff and register list', async () => {
    for (const batch of ['2026Q3', '2026Q3-2']) {
      expect((await cli(['verify', join(ws, 'packages', batch)])).code, batch).toBe(0);
      RecordsFileSchema.parse(JSON.parse(text(join(ws, 'packages', batch, 'records.json'))));
      ReportDocumentSchema.parse(JSON.parse(text(join(ws, 'packages', batch, 'report.json'))));
    }
    const diff = await json(['diff', '2026Q3', '2026Q3-2']);
    expect(diff.command).toBe('diff');
    const published = await cli(['publish', '2026Q3-2', '--on', '2026-10-16']);
    expect(published.code, published.stdout).toBe(0);
    const listed = await json(['register', 'list']);
    expect(listed.command).toBe('register list');
  });

  it('report, export and template --quarter accept it', async () => {
    const report = await cli(['report', '2026Q3-2', '--format', 'json']);
    expect(report.code, report.stdout).toBe(0);
    expect(JSON.parse(report.stdout)).toMatchObject({ target: '2026Q3-2', kind: 'batch' });
    expect(io.exists(join(ws, 'packages', '2026Q3-2', '报告.html'))).toBe(true);
    const exported = await cli(['export', '2026Q3-2', '--to', join(tmp, 'export-q3-2'), '--format', 'json']);
    expect(exported.code, exported.stdout).toBe(0);
    const form = await cli(['template', '就业办', '--quarter', '2026Q3-2', '--out', join(tmp, 'form.xlsx'), '--format', 'json']);
    expect(form.code, form.stdout).toBe(0);
    expect(io.exists(join(tmp, 'form.xlsx'))).toBe(true);
    const all = await cli(['template', '--all', '--quarter', '2026Q3-2', '--format', 'json']);
    expect(all.code, all.stdout).toBe(0);
    expect(io.exists(join(ws, 'submissions', '2026Q3-2', '监察科', '监察科_2026Q3-2_信用红黑名单.xlsx'))).toBe(true);
  });
});
