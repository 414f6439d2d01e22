/** The clerk's view: a table per file, colours by severity, a summary and the next step. */
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { Report } from '../api/report.js';
import type { CollectedDiagnostic } from '../diagnostics/collector.js';
import { renderMessage, type Messages } from '../messages/index.js';
import { wrapText } from './wrap.js';

export interface PrettyOptions {
  chalk: ChalkInstance;
  ascii: boolean;
  quiet: boolean;
  width: number;
}

export const ASCII_CHARS = {
  top: '-', 'top-mid': '+', 'top-left': '+', 'top-right': '+', bottom: '-', 'bottom-mid': '+', 'bottom-left': '+',
  'bottom-right': '+', left: '|', 'left-mid': '+', mid: '-', 'mid-mid': '+', right: '|', 'right-mid': '+', middle: '|',
};

export function makeTable(head: string[], o: PrettyOptions, colWidths?: number[]): Table.Table {
  return new Table({
    head,
    style: { head: o.chalk.level > 0 ? ['bold'] : [], border: [], compact: false },
    ...(o.ascii ? { chars: ASCII_CHARS } : {}),
    ...(colWidths ? { colWidths } : {}),
  });
}

function colour(o: PrettyOptions, severity: string, text: string): string {
  const c = o.chalk;
  return severity === 'error' ? c.red(text) : severity === 'warning' ? c.yellow(text) : c.cyan(text);
}

export function formatLocation(d: CollectedDiagnostic, m: Messages): string {
  const field = d.location.field;
  const header = field ? m.ui.fieldNames[field] : undefined;
  return m.ui.sheetRow(d.location.sheet, d.location.row, d.location.column, d.location.column ? header : undefined) || (header ?? '—');
}

export function formatDiagnostics(report: Report, m: Messages, o: PrettyOptions): string {
  const shown = o.quiet ? report.diagnostics.filter((d) => d.severity === 'error') : report.diagnostics;
  const out: string[] = [];
  const groups = new Map<string, CollectedDiagnostic[]>();
  for (const d of shown) {
    const key = `${d.department ?? ''}\u0000${d.location.file ?? ''}`;
    const list = groups.get(key) ?? [];
    list.push(d);
    groups.set(key, list);
  }
  const width = Math.max(80, Math.min(o.width, 160));
  const locW = Math.floor(width * 0.22);
  const sevW = 10;
  const codeW = Math.max(12, ...shown.map((d) => d.code.length)) + 2;
  const msgW = Math.max(20, width - locW - sevW - codeW - 6);
  for (const [key, list] of groups) {
    const [dept, file] = key.split('\u0000');
    out.push(o.chalk.bold(`■ ${[dept, file].filter(Boolean).join(' · ')}`));
    const table = makeTable([m.ui.columns.location, m.ui.columns.severity, m.ui.columns.code, m.ui.columns.message], o, [locW, sevW, codeW, msgW]);
    for (const d of list) {
      const { message, hint } = renderMessage(m, d);
      const wrap = (t: string, w: number): string => wrapText(t, w - 2).join('\n');
      const hintLines = wrapText(m.ui.hintPrefix + hint, msgW - 2).map((l) => o.chalk.dim(l)).join('\n');
      table.push([wrap(formatLocation(d, m), locW), colour(o, d.severity, m.ui.severity[d.severity]), wrap(d.code, codeW), `${wrap(message, msgW)}\n${hintLines}`]);
    }
    out.push(table.toString());
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

export function formatSummary(report: Report, m: Messages, o: PrettyOptions): string {
  const line = m.ui.summary(report.stats);
  const verdict = report.valid ? o.chalk.green(m.ui.valid) : o.chalk.red(m.ui.invalid);
  return `${line}\n${report.diagnostics.length === 0 ? `${m.ui.noFindings}\n` : ''}${verdict}\n`;
}
