/** `hrss-credit supervise <year> [--xlsx FILE]` */
import { resolve } from 'node:path';
import type { CommandEnv } from '../env.js';
import { ToolError } from '../../diagnostics/tool-error.js';
import { parseYear, supervise, type SuperviseResult, type SuperviseRow } from '../../api/reports/supervise.js';
import { writeOutputFile } from '../write-output.js';
import { shownPath } from '../../io/paths.js';
import type { ReportsUiText } from '../../messages/reports.js';
import { missingNamed, rowCells } from '../../reporters/supervise-view.js';
import { emit } from '../render.js';
import { TOOL_NAME } from '../../version.js';
import type { SuperviseDocument } from '../../schemas/documents/supervise.js';
import { removalTotal } from '../../schemas/documents/figures.js';
import { sourceDateEpoch } from '../env.js';

/**
 * The 督查明细 headers of the workbook: 已发布 split into red and black, each a number; then truth.md's
 * other figures as the status and the manifest show them (报送条数, 重复报送未变, 其中更正, 移出: their sum,
 * as 报送情况.xlsx shows it).
 */
export function workbookRowColumns(r: ReportsUiText): string[] {
  const cols = [...r.rowColumns];
  // 收到异议, 异议逾期办结, 异议超期, 异议期限待定 (after 已发布 is split in two): named by the quarter the objections were
  // received in.
  cols.splice(14, 4, ...r.objectionColumns);
  cols.splice(10, 1, ...r.publishedColumns);
  return [...cols, ...r.figureColumns];
}

/** The 督查明细 row for the workbook: counts as numbers (Excel sums them), unknown as "—"; 已发布 as two numbers, not "2/1". */
export function rowValues(r: ReportsUiText, row: SuperviseRow, due: boolean): (string | number)[] {
  const n = (v: number | null): string | number => (v === null ? r.unknown : v);
  const cells: (string | number)[] = rowCells(r, row, due);
  cells.splice(7, 3, row.red, row.black, row.warnings);
  cells.splice(10, 1, row.published === null ? r.unknown : row.published.red, row.published === null ? r.unknown : row.published.black);
  cells.splice(
    12,
    8,
    n(row.resubmittedUnchanged),
    n(row.removalsRequested),
    n(row.removalsAccepted),
    n(row.objectionsReceived),
    n(row.objectionsResolvedLate),
    n(row.objectionsOverdue),
    n(row.objectionsPending),
    n(row.correctionsAwaited),
  );
  return [...cells, row.rows, row.unchanged, row.corrected, removalTotal(row.removals)];
}

export async function superviseWorkbook(r: ReportsUiText, res: SuperviseResult, instant: Date): Promise<Buffer> {
  const t = res.departments;
  // The workbook writer (and yazl) only for --xlsx: supervise's screen and JSON write no workbook.
  const { workbookBuffer } = await import('../../io/xlsx/xlsx-writer.js');
  return workbookBuffer(
    [
      {
        name: r.sheets.rows,
        print: 'a4-landscape',
        headers: workbookRowColumns(r),
        widths: [20, 9, 12, 12, 12, 12, 10, 8, 8, 8, 14, 14, 10, 10, 8, 10, 14, 10, 14, 8, 10, 16, 12, 8],
        rows: res.rows.map((row) => rowValues(r, row, missingNamed(res.lapses, row))),
      },
      {
        name: r.sheets.lapses,
        print: 'a4-landscape',
        headers: r.lapseColumns,
        widths: [20, 9, 18, 10],
        // 天数/件数 a number; no cell at all for a lapse it does not apply to (未报送, 审核审定不全), not an empty text.
        rows: res.lapses.map((l) => [l.department, l.batch, r.lapse[l.kind], l.daysLate ?? l.count ?? null]),
      },
      {
        name: r.sheets.counts,
        print: 'a4-landscape',
        headers: r.tallyColumns,
        rows: t.map((d) => [
          d.department,
          d.batches,
          d.submitted,
          d.nil,
          d.missing,
          d.onTime,
          d.late,
          d.unknown,
          d.unsigned,
          d.red,
          d.black,
          d.warnings,
          d.lapses,
        ]),
      },
    ],
    instant,
    TOOL_NAME,
  );
}

export async function superviseCommand(env: CommandEnv, yearArg: string, opts: { xlsx?: string }): Promise<number> {
  const r = env.m.ui.reports;
  const year = parseYear(yearArg);
  if (year === undefined) throw new ToolError('USAGE', { detail: r.badYear(yearArg) });
  const epoch = sourceDateEpoch(env.io.env);
  const res = await supervise(year, env.common);
  let xlsxPath: string | undefined;
  if (opts.xlsx) {
    xlsxPath = resolve(env.io.cwd, opts.xlsx);
    const instant = epoch !== undefined ? new Date(epoch * 1000) : new Date(`${year}-12-31T23:59:59Z`);
    const data = await superviseWorkbook(r, res, instant);
    writeOutputFile(xlsxPath, data, opts.xlsx, env.io.fs);
  }
  const doc: SuperviseDocument = { schemaVersion: 1, command: 'supervise', year: res.year, rows: res.rows, lapses: res.lapses };
  emit(env, 'supervise', doc, {
    registerKnown: res.registerKnown,
    ...(xlsxPath !== undefined ? { xlsx: shownPath(env.io.cwd, xlsxPath) } : {}),
  });
  return 0;
}
