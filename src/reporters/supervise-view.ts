/**
 * The terminal layout of `supervise` (reports.md; reporters/registry.ts), and the cells of its rows and
 * lapses that the 督查情况表 (cli/commands/supervise.ts) shares with it.
 */
import type { Lapse, SuperviseDocument, SuperviseRow } from '../schemas/documents/supervise.js';
import type { ReportsUiText } from '../messages/reports.js';
import { showText } from '../domain/privacy.js';
import { makeTable } from './pretty.js';
import { visible } from './visible.js';
import type { RenderContext } from './render-context.js';
import { screenPath, viewPlatform } from './screen-path.js';
import { shownState, shownStateText } from './row-state.js';
import { rowTimeliness } from '../schemas/documents/timeliness-kind.js';

export function timelinessText(r: ReportsUiText, row: Pick<SuperviseRow, 'status' | 'daysLate' | 'deadline'>): string {
  const kind = rowTimeliness(row);
  if (kind === 'missing') return r.unknown;
  if (kind === 'noDeadline' || kind === 'noDate') return r[kind];
  return kind === 'onTime' ? r.onTime : r.late(row.daysLate ?? 0);
}

/**
 * A row's 是否按时 (逾期天数) cell, in the report's tables and the 督查情况表 alike: a batch never sent reads 未报送
 * once its deadline has passed (not "—", not "0"); 补报 says how late it came and where (api/reports/supervise.ts).
 */
export function timelinessOf(r: ReportsUiText, row: SuperviseRow, due: boolean): string {
  if (row.sentIn !== undefined) return `${timelinessText(r, row)}（${r.sentLateIn(row.sentIn)}）`;
  if (row.status === 'missing') return shownStateText(r, shownState(row, due), row.sentIn);
  return timelinessText(r, row);
}

const num = (r: ReportsUiText, n: number | null): string => (n === null ? r.unknown : String(n));

/**
 * Whether supervise names a row's 未报送 as a lapse: only when its batch is past its deadline (lapsesOf), so a
 * missing row without one is not due (row-state.ts). Read from the document: the screen needs nothing else.
 */
export function missingNamed(lapses: readonly Lapse[], row: Pick<SuperviseRow, 'department' | 'batch'>): boolean {
  return lapses.some((l) => l.kind === 'missing' && l.department === row.department && l.batch === row.batch);
}

/** One row of the 督查明细 sheet (all columns of rowColumns); `due`: its batch is past its deadline (row-state.ts). */
export function rowCells(r: ReportsUiText, row: SuperviseRow, due: boolean): string[] {
  return [
    showText(row.department),
    row.batch,
    shownStateText(r, shownState(row, due), row.sentIn),
    row.sentOn ?? '',
    row.deadline ?? '',
    timelinessOf(r, row, due),
    row.status === 'missing' ? r.unknown : row.signedOff ? r.yes : r.no,
    String(row.red),
    String(row.black),
    String(row.warnings),
    row.published === null ? r.unknown : `${row.published.red}/${row.published.black}`,
    num(r, row.resubmittedUnchanged),
    num(r, row.removalsRequested),
    num(r, row.removalsAccepted),
    num(r, row.objectionsReceived),
    num(r, row.objectionsResolvedLate),
    num(r, row.objectionsOverdue),
    num(r, row.objectionsPending),
    num(r, row.correctionsAwaited),
  ];
}

export function lapseCells(r: ReportsUiText, l: Lapse): string[] {
  return [
    showText(l.department),
    l.batch,
    l.sentIn !== undefined ? `${r.lapse[l.kind]}（${r.sentLateIn(l.sentIn)}）` : r.lapse[l.kind],
    l.daysLate !== undefined ? String(l.daysLate) : l.count !== undefined ? String(l.count) : '',
  ];
}

/** What supervise's screen says beyond reports.md's JSON: whether a register exists, and the 督查情况表 written (as shown). */
export interface SuperviseView {
  registerKnown: boolean;
  xlsx?: string;
}

/** `supervise`: the year's rows (the first ten columns), then the lapses a 通报 names, then the workbook written. */
export function superviseView(doc: SuperviseDocument, ctx: RenderContext, view: SuperviseView): string {
  const r = ctx.m.ui.reports;
  const o = { chalk: ctx.chalk, ascii: ctx.ascii, quiet: false, width: ctx.width };
  const out: string[] = [ctx.chalk.bold(r.superviseTitle(doc.year))];
  if (!view.registerKnown) out.push(r.registerUnknown);
  else if (doc.rows.some((x) => x.objectionsReceived === null)) out.push(r.objectionsUnknown);
  if (doc.rows.length === 0) out.push(r.noBatches(doc.year));
  else {
    const table = makeTable(r.rowColumns.slice(0, 10), o);
    for (const row of doc.rows) {
      const due = missingNamed(doc.lapses, row);
      const cells = rowCells(r, row, due)
        .slice(0, 10)
        .map((c) => visible(c));
      if (shownState(row, due) === 'missing') cells[2] = ctx.chalk.yellow(cells[2] as string);
      if (row.daysLate) cells[5] = ctx.chalk.yellow(cells[5] as string);
      table.push(cells);
    }
    out.push(table.toString());
  }
  out.push(ctx.chalk.bold(r.lapsesTitle));
  if (doc.lapses.length === 0) out.push(r.noLapses);
  else {
    const table = makeTable(r.lapseColumns, o);
    for (const l of doc.lapses) table.push(lapseCells(r, l).map((c) => visible(c)));
    out.push(table.toString());
  }
  if (view.xlsx !== undefined) out.push(ctx.chalk.green(r.xlsxWritten(screenPath(view.xlsx, viewPlatform(ctx)))));
  return `${out.join('\n')}\n`;
}
