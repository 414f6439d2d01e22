// A list sheet read once, its merges found on the way (api/department/list-once.ts, docs/decisions.md
// "The sheet read once"): the rows are checked as if the sheet had no merge and the guess is kept only when
// the merges found after the rows change nothing; else everything is undone and the sheet read as before.
// Each workbook here is read both ways — as before (merges scanned first) and once — and must give the same
// findings, records, record-index findings and counts; the test also says which way the once-read went.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { HEADER, row } from '../bench/generate.mjs';
import { baseEnv, makeContext } from '../src/api/context.js';
import { checkListSheets, openListFile } from '../src/api/department/list-file.js';
import type { RawDiagnostic } from '../src/diagnostics/diagnostic.js';
import { DEFAULT_LIMITS } from '../src/schemas/config.js';
import { RecordIndex } from '../src/table/record-index.js';
import { ROOT, runCli } from './helpers/cases.js';

const dir = mkdtempSync(join(tmpdir(), 'hrss-merge-once-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Layout {
  /** Rows above the header (a title merged across). */
  title?: boolean;
  rows: number;
  /** Excel ranges to merge, e.g. "C3:C5". */
  merges: string[];
  /** Cells to empty before merging (a merge keeps its top-left value only). */
  blank?: string[];
}

async function workbook(name: string, l: Layout): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  if (l.title) ws.addRow(['新乡市人社局劳务派遣领域红黑名单（2026年第三季度）']);
  ws.addRow(HEADER);
  for (let i = 0; i < l.rows; i++) ws.addRow(row(i));
  for (const ref of l.blank ?? []) ws.getCell(ref).value = null;
  for (const m of l.merges) ws.mergeCells(m);
  const file = join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

interface Outcome {
  diagnostics: RawDiagnostic[];
  records: unknown[];
  index: unknown;
  result: unknown;
  /** How many times the merges were scanned before the rows (once: 0 when the guess held). */
  scans: number;
}

async function read(file: string, once: boolean, limits = DEFAULT_LIMITS): Promise<Outcome> {
  const ctx = makeContext({ cwd: dir, today: '2026-10-15' });
  const env = baseEnv(ctx);
  const diagnostics: RawDiagnostic[] = [];
  const records: unknown[] = [];
  const index = new RecordIndex();
  const sink = { report: (d: RawDiagnostic) => diagnostics.push(d), departmentRank: 0 };
  const wb = await openListFile(file, 'list.xlsx', limits, sink, undefined, once);
  if (!wb) return { diagnostics, records, index: [], result: 'not opened', scans: 0 };
  let scans = 0;
  for (const s of wb.sheets) {
    const o = s.once;
    if (o)
      s.once = {
        read: o.read,
        merges: () => {
          scans++;
          return o.merges();
        },
      };
  }
  try {
    const result = await checkListSheets(wb, 'list.xlsx', env, {
      ...sink,
      index,
      onRecord: (_f, sheet, r) => records.push({ sheet, ...r }),
      ...(once ? { undo: { mark: () => records.length, rollback: (m: unknown) => void (records.length = m as number) } } : {}),
    });
    return { diagnostics, records, index: index.findings(), result, scans };
  } finally {
    await wb.close();
  }
}

/** Both ways the same; returns whether the once-read's guess held and the findings' codes by row. */
async function bothWays(file: string): Promise<{ held: boolean; codes: string[] }> {
  const before = await read(file, false);
  const once = await read(file, true);
  expect(once.diagnostics).toEqual(before.diagnostics);
  expect(once.records).toEqual(before.records);
  expect(once.index).toEqual(before.index);
  expect(once.result).toEqual(before.result);
  expect(before.scans).toBe(0);
  return {
    held: once.scans === 0,
    codes: before.diagnostics.map((d) => `${d.code}@${d.location.row ?? ''}${d.location.column ?? ''}`),
  };
}

describe('a list sheet read once gives what reading it as before gives', () => {
  it('holds the guess with no merge, a merged title, a merge across the header, a merge inside a data row', async () => {
    const plain = await bothWays(await workbook('plain', { rows: 6, merges: [] }));
    expect(plain).toEqual({ held: true, codes: [] });
    const title = await bothWays(await workbook('title', { title: true, rows: 6, merges: ['A1:O1'] }));
    expect(title).toEqual({ held: true, codes: [] });
    // A merge in the title row only: the header is decided the same with it.
    const two = await bothWays(await workbook('two-titles', { title: true, rows: 6, merges: ['A1:H1'] }));
    expect(two).toEqual({ held: true, codes: [] });
    // Across columns in a data row: no column is filled from it (only merges spanning rows are).
    const across = await bothWays(await workbook('across', { rows: 6, merges: ['O4:P4'] }));
    expect(across).toEqual({ held: true, codes: [] });
  });

  it('reads again as before when a merge spans data rows: at the first data row, at the last, a whole column', async () => {
    // 领域 merged over rows 2–4 (the first data rows): rows 3 and 4 take 劳务派遣 from row 2.
    const first = await bothWays(await workbook('first', { rows: 6, merges: ['C2:C4'], blank: ['C3', 'C4'] }));
    expect(first).toEqual({ held: false, codes: [] });
    const last = await bothWays(await workbook('last', { rows: 6, merges: ['C6:C7'], blank: ['C7'] }));
    expect(last).toEqual({ held: false, codes: [] });
    // 领域 typed once and merged down the whole list (the department's fill-down).
    const blank = Array.from({ length: 7 }, (_, i) => `C${i + 4}`);
    const column = await bothWays(await workbook('column', { title: true, rows: 8, merges: ['A1:O1', 'C3:C10'], blank }));
    expect(column).toEqual({ held: false, codes: [] });
    // The same emptied cells without the merge: each an empty required cell, as before.
    const unmerged = await bothWays(await workbook('unmerged', { title: true, rows: 8, merges: ['A1:O1'], blank }));
    expect(unmerged.held).toBe(true);
    expect(unmerged.codes).toEqual(blank.map((c) => `SCHEMA_REQUIRED@${c.slice(1)}C`));
  });

  it('reads again when the header rows’ merges change the header', async () => {
    // 备注 merged across O1:P1: the header of P is 备注 too (a duplicate column, located at P) once the merge is known.
    const across = await bothWays(await workbook('header', { rows: 6, merges: ['O1:P1'] }));
    expect(across.held).toBe(false);
    expect(across.codes).toEqual(['SHEET_COLUMN_DUPLICATE@1P']);
    // A group heading 法定代表人 over H1:I1 and its sub-headings in row 2.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(HEADER.map((h, i) => (i === 7 ? '法定代表人' : i === 8 ? '' : h)));
    ws.addRow(HEADER.map((_h, i) => (i === 7 ? '姓名' : i === 8 ? '证件号码' : '')));
    for (let i = 0; i < 5; i++) ws.addRow(row(i));
    ws.mergeCells('H1:I1');
    const file = join(dir, 'group.xlsx');
    await wb.xlsx.writeFile(file);
    const group = await bothWays(file);
    expect(group.held).toBe(false);
  });

  it('reads a workbook LibreOffice saved, merges and all, the same both ways', async () => {
    const file = join(ROOT, 'fixtures', 'real', 'libreoffice-merged-domain', '名单.xlsx');
    const r = await bothWays(file);
    expect(r.held).toBe(false);
    // Through the command: 领域 filled down in rows 4–9, no empty required cell.
    const cli = await runCli(
      ['validate', file, '--department', '就业办', '--quarter', '2026Q3', '--today', '2026-10-15', '--format', 'json'],
      dir,
    );
    expect(JSON.parse(cli.stdout).diagnostics).toEqual([]);
    expect(cli.code).toBe(0);
  });
});

describe('a part the merge scan cannot read', () => {
  it('makes the file unreadable as when it was opened, and nothing of it is read', async () => {
    // More merged ranges than limits.maxRows: the scan at open refused the file; read once, the file opens,
    // the guess fails and the file is then refused with the same finding, its sheets not read.
    const file = await workbook('many', { rows: 6, merges: ['O2:P2', 'O3:P3', 'O4:P4', 'O5:P5'] });
    const limits = { ...DEFAULT_LIMITS, maxRows: 3 };
    const before = await read(file, false, limits);
    const once = await read(file, true, limits);
    expect(before.result).toBe('not opened');
    expect(once.result).toMatchObject({ openFailed: true, readable: false, rows: 0 });
    expect(once.diagnostics).toEqual(before.diagnostics);
    expect(once.diagnostics.map((d) => d.code)).toEqual(['FILE_UNREADABLE']);
    expect(once.records).toEqual([]);
    expect(once.index).toEqual([]);
  });
});
