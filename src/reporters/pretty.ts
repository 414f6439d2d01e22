/** The clerk's view: a table per file, colours by severity, a summary and the next step. */
import { createRequire } from 'node:module';
import type Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { Report } from '../diagnostics/report.js';
import type { CollectedDiagnostic, DroppedFindings } from '../diagnostics/collector.js';
import { renderMessage, type Messages } from '../messages/render.js';
import { displayWidth, wrapText } from './wrap.js';
import { visible, visibleArgs } from './visible.js';
import { screenArgs, screenPath } from './screen-path.js';

export interface PrettyOptions {
  chalk: ChalkInstance;
  ascii: boolean;
  quiet: boolean;
  /** `--strict`: warnings count as errors, so `--quiet` still shows them. */
  strict?: boolean;
  width: number;
  /** Table lines per file (`--max-findings`, default DEFAULT_MAX_FINDINGS). */
  maxFindings?: number;
  /** The platform the file titles are written for (reporters/screen-path.ts); POSIX without it. */
  platform?: string;
}

export const ASCII_CHARS = {
  top: '-',
  'top-mid': '+',
  'top-left': '+',
  'top-right': '+',
  bottom: '-',
  'bottom-mid': '+',
  'bottom-left': '+',
  'bottom-right': '+',
  left: '|',
  'left-mid': '+',
  mid: '-',
  'mid-mid': '+',
  right: '|',
  'right-mid': '+',
  middle: '|',
};

let tableClass: typeof Table | undefined;

/**
 * cli-table3 (with string-width and its regexes, ~12 CommonJS files) is required when the first table is
 * drawn, not when a command starts: `publish`, `--format json` and the other layouts draw none (issue 22,
 * decisions.md "A command loads what it uses"). Synchronous, as the layouts are. The release bundle
 * requires its lib/cli-table3.cjs here instead (scripts/release.mjs).
 */
function tables(): typeof Table {
  tableClass ??= createRequire(import.meta.url)('cli-table3') as typeof Table;
  return tableClass;
}

export function makeTable(head: string[], o: PrettyOptions, colWidths?: number[]): Table.Table {
  const Table = tables();
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

/**
 * A finding in a text file that is not a list (the config, a template: JSON) has lines, not rows: its
 * `location.row` is the line, and the screen says so (a CSV list's row stays a row, as Excel shows it).
 */
function onTextLine(d: Pick<CollectedDiagnostic, 'location'>): boolean {
  const { file, sheet, column, row } = d.location;
  return row !== undefined && sheet === undefined && column === undefined && file !== undefined && /\.(?:json|jsonc|txt)$/i.test(file);
}

export function formatLocation(d: Pick<CollectedDiagnostic, 'location'>, m: Messages): string {
  if (onTextLine(d)) return m.ui.textLine(d.location.row as number);
  const field = d.location.field;
  const header = field ? m.ui.fieldNames[field] : undefined;
  const sheet = d.location.sheet !== undefined ? visible(d.location.sheet) : undefined;
  return m.ui.sheetRow(sheet, d.location.row, d.location.column, d.location.column ? header : undefined) || (header ?? '—');
}

/** The default of `--max-findings`: table lines per file. */
export const DEFAULT_MAX_FINDINGS = 200;
/** Row ranges named in a grouped line before "…". */
const RANGES_SHOWN = 3;
/** Table lines drawn between two chances for Ctrl-C (writeDiagnostics). */
const ROWS_PER_CHUNK = 100;

/** One line of the table: a finding, or the same finding on several rows. */
interface Line {
  first: CollectedDiagnostic;
  message: string;
  count: number;
  ranges: Array<[number, number]>;
  moreRanges: boolean;
}

const BOX = {
  top: '─',
  topMid: '┬',
  topLeft: '┌',
  topRight: '┐',
  bottom: '─',
  bottomMid: '┴',
  bottomLeft: '└',
  bottomRight: '┘',
  left: '│',
  leftMid: '├',
  mid: '─',
  midMid: '┼',
  right: '│',
  rightMid: '┤',
  middle: '│',
};
const ASCII_BOX = {
  top: '-',
  topMid: '+',
  topLeft: '+',
  topRight: '+',
  bottom: '-',
  bottomMid: '+',
  bottomLeft: '+',
  bottomRight: '+',
  left: '|',
  leftMid: '+',
  mid: '-',
  midMid: '+',
  right: '|',
  rightMid: '+',
  middle: '|',
};

interface Cell {
  lines: string[];
  style?: (s: string) => string;
  /** Lines from this index on are drawn with `tailStyle` (the hint under a message). */
  tailFrom?: number;
  tailStyle?: (s: string) => string;
}

/**
 * The findings table, drawn line by line in linear time (cli-table3 lays a whole table out at once,
 * which took minutes for thousands of rows). Same look as makeTable's tables.
 */
class Drawer {
  private readonly b: typeof BOX;
  constructor(
    private readonly widths: number[],
    ascii: boolean,
  ) {
    this.b = ascii ? ASCII_BOX : BOX;
  }
  rule(left: string, mid: string, right: string, fill: string): string {
    return `${left}${this.widths.map((w) => fill.repeat(w)).join(mid)}${right}\n`;
  }
  top(): string {
    return this.rule(this.b.topLeft, this.b.topMid, this.b.topRight, this.b.top);
  }
  between(): string {
    return this.rule(this.b.leftMid, this.b.midMid, this.b.rightMid, this.b.mid);
  }
  bottom(): string {
    return this.rule(this.b.bottomLeft, this.b.bottomMid, this.b.bottomRight, this.b.bottom);
  }
  row(cells: Cell[]): string {
    let height = 0;
    for (const c of cells) height = Math.max(height, c.lines.length);
    let out = '';
    for (let i = 0; i < height; i++) {
      const parts = cells.map((c, j) => {
        const text = c.lines[i] ?? '';
        const pad = ' '.repeat(Math.max(0, (this.widths[j] as number) - 2 - displayWidth(text)));
        const style = c.tailStyle && c.tailFrom !== undefined && i >= c.tailFrom ? c.tailStyle : c.style;
        return ` ${text && style ? style(text) : text}${pad} `;
      });
      out += `${this.b.left}${parts.join(this.b.middle)}${this.b.right}\n`;
    }
    return out;
  }
}

function severityStyle(o: PrettyOptions, severity: string): (s: string) => string {
  return (t) => colour(o, severity, t);
}

/**
 * Groups the (sorted) findings of one file: the same code with the same message in one column of
 * one sheet (or on whole rows) is one line, with its rows.
 */
function linesOf(list: CollectedDiagnostic[], m: Messages, platform = 'linux'): Line[] {
  const lines: Line[] = [];
  const byKey = new Map<string, Line>();
  for (const d of list) {
    const { message } = renderMessage(m, { code: d.code, args: screenArgs(d.args, platform) });
    const row = d.location.row;
    if (row === undefined || onTextLine(d)) {
      lines.push({ first: d, message, count: 1, ranges: [], moreRanges: false });
      continue;
    }
    const key = `${d.location.sheet ?? ''}\u0000${d.location.column ?? ''}\u0000${d.code}\u0000${message}`;
    const line = byKey.get(key);
    if (!line) {
      const fresh: Line = { first: d, message, count: 1, ranges: [[row, row]], moreRanges: false };
      byKey.set(key, fresh);
      lines.push(fresh);
      continue;
    }
    line.count++;
    if (line.moreRanges) continue;
    const last = line.ranges[line.ranges.length - 1] as [number, number];
    if (row <= last[1] + 1) last[1] = Math.max(last[1], row);
    else if (line.ranges.length < RANGES_SHOWN) line.ranges.push([row, row]);
    else line.moreRanges = true;
  }
  return lines;
}

function lineLocation(line: Line, m: Messages): string {
  const d = line.first;
  if (line.count === 1) return formatLocation(d, m);
  const field = d.location.field;
  const header = d.location.column !== undefined && field ? m.ui.fieldNames[field] : undefined;
  const column = d.location.column !== undefined ? visible(d.location.column) : undefined;
  const sheet = d.location.sheet !== undefined ? visible(d.location.sheet) : undefined;
  return m.ui.rowRanges(sheet, column, line.ranges, line.moreRanges, line.count, header);
}

/**
 * The findings in pretty form, one piece at a time (a file's heading and its first table lines,
 * then the next lines …), so that the caller can let Ctrl-C in between (writeDiagnostics).
 * Per file: findings grouped (linesOf), at most `maxFindings` table lines, then how many more, then
 * the codes whose findings were only counted (limits.maxFindingsPerCode).
 */
export function* diagnosticChunks(report: Report, m: Messages, o: PrettyOptions): Generator<string> {
  // `--quiet` hides what does not fail the run: warnings too, unless `--strict` makes them fail it.
  const hidden = (severity: string): boolean => o.quiet && severity !== 'error' && !(o.strict && severity === 'warning');
  const shown = o.quiet ? report.diagnostics.filter((d) => !hidden(d.severity)) : report.diagnostics;
  const dropped = new Map<string, DroppedFindings[]>();
  for (const x of report.dropped ?? []) {
    if (hidden(x.severity)) continue;
    const key = `${x.department ?? ''}\u0000${x.file ?? ''}`;
    const list = dropped.get(key) ?? [];
    list.push(x);
    dropped.set(key, list);
  }
  const widths = columnWidths(shown, m, o.width);
  const [, , , msgW] = widths as [number, number, number, number];
  const draw = new Drawer(widths, o.ascii);
  const max = o.maxFindings ?? DEFAULT_MAX_FINDINGS;
  const head = (t: string): Cell => ({ lines: [t], ...(o.chalk.level > 0 ? { style: (s: string) => o.chalk.bold(s) } : {}) });
  const headRow = draw.row([head(m.ui.columns.location), head(m.ui.columns.severity), head(m.ui.columns.code), head(m.ui.columns.message)]);

  let i = 0;
  while (i < shown.length) {
    const d0 = shown[i] as CollectedDiagnostic;
    const key = `${d0.department ?? ''}\u0000${d0.location.file ?? ''}`;
    let j = i;
    while (j < shown.length && `${shown[j]?.department ?? ''}\u0000${shown[j]?.location.file ?? ''}` === key) j++;
    const lines = linesOf(shown.slice(i, j), m, o.platform);
    i = j;
    // The file with the platform's separators, as every path on the screen (the JSON keeps `/`).
    const title = [d0.department ? visible(d0.department) : '', d0.location.file ? screenPath(d0.location.file, o.platform ?? 'linux') : '']
      .filter(Boolean)
      .join(' · ');
    // Findings about no file (objections, the register) have no heading: no empty "■ " line.
    let chunk = `${title ? `${o.chalk.bold(`■ ${title}`)}\n` : ''}${draw.top()}${headRow}`;
    let rows = 0;
    let hidden = 0;
    for (const line of lines) {
      if (rows >= max) {
        hidden += line.count;
        continue;
      }
      const d = line.first;
      const { hint } = renderMessage(m, { code: d.code, args: screenArgs(d.args, o.platform ?? 'linux') });
      const messageLines = wrapText(line.message, msgW - 2);
      chunk += draw.between();
      chunk += draw.row([
        { lines: wrapText(lineLocation(line, m), (widths[0] as number) - 2) },
        { lines: [m.ui.severity[d.severity]], style: severityStyle(o, d.severity) },
        { lines: wrapText(d.code, (widths[2] as number) - 2) },
        {
          lines: [...messageLines, ...wrapText(m.ui.hintPrefix + hint, msgW - 2)],
          tailFrom: messageLines.length,
          tailStyle: (l) => o.chalk.dim(l),
        },
      ]);
      rows++;
      if (rows % ROWS_PER_CHUNK === 0) {
        yield chunk;
        chunk = '';
      }
    }
    chunk += draw.bottom();
    if (hidden > 0) chunk += `${m.ui.moreFindings(hidden)}\n`;
    for (const x of dropped.get(key) ?? []) chunk += `${colour(o, x.severity, m.ui.droppedFindings(x.code, x.dropped, x.kept))}\n`;
    yield chunk;
  }
}

/** Location, severity, code, message: the message gets the room; codes break after `_` when narrow. */
function columnWidths(shown: CollectedDiagnostic[], m: Messages, termWidth: number): number[] {
  const width = Math.max(80, Math.min(termWidth, 160));
  const narrow = width < 100;
  let longest = displayWidth(m.ui.columns.code);
  for (const d of shown) if (d.code.length > longest) longest = d.code.length;
  let sev = displayWidth(m.ui.columns.severity);
  for (const s of Object.values(m.ui.severity)) sev = Math.max(sev, displayWidth(s));
  const sevW = sev + 2;
  const locW = narrow ? 16 : Math.min(32, Math.floor(width * 0.2));
  const codeW = narrow ? 15 : Math.min(longest + 2, 31);
  const msgW = Math.max(20, width - locW - sevW - codeW - 5);
  return [locW, sevW, codeW, msgW];
}

export function formatDiagnostics(report: Report, m: Messages, o: PrettyOptions): string {
  let out = '';
  for (const chunk of diagnosticChunks(report, m, o)) out += chunk;
  return out;
}

/**
 * Writes the findings piece by piece, letting the event loop run in between: a Ctrl-C (bin/) is
 * handled within one piece however many findings there are.
 */
export async function writeDiagnostics(report: Report, m: Messages, o: PrettyOptions, write: (s: string) => unknown): Promise<void> {
  for (const chunk of diagnosticChunks(report, m, o)) {
    write(chunk);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

export function formatSummary(report: Report, m: Messages, o: PrettyOptions): string {
  const line = m.ui.summary(report.stats);
  const verdict = report.valid ? o.chalk.green(m.ui.valid) : o.chalk.red(m.ui.invalid);
  return `${line}\n${report.diagnostics.length === 0 ? `${m.ui.noFindings}\n` : ''}${verdict}\n`;
}

/** A file's findings as the tables above group them, as data (the self-check page draws them as HTML). */
export interface FindingGroup {
  title: string;
  lines: {
    location: string;
    severity: CollectedDiagnostic['severity'];
    severityLabel: string;
    code: string;
    message: string;
    hint: string;
    count: number;
  }[];
  dropped: string[];
}

/** The findings grouped per department and file, and within a file per code, sheet and column (linesOf). */
export function findingGroups(report: Report, m: Messages): FindingGroup[] {
  const groups: FindingGroup[] = [];
  const shown = report.diagnostics;
  const keyOf = (d: { department?: string; location: { file?: string } }): string => `${d.department ?? ''}\u0000${d.location.file ?? ''}`;
  let i = 0;
  while (i < shown.length) {
    const d0 = shown[i] as CollectedDiagnostic;
    const key = keyOf(d0);
    let j = i;
    while (j < shown.length && keyOf(shown[j] as CollectedDiagnostic) === key) j++;
    const title = [d0.department, d0.location.file]
      .filter(Boolean)
      .map((t) => visible(t as string))
      .join(' · ');
    groups.push({
      title,
      lines: linesOf(shown.slice(i, j), m).map((line) => ({
        location: lineLocation(line, m),
        severity: line.first.severity,
        severityLabel: m.ui.severity[line.first.severity],
        code: line.first.code,
        message: line.message,
        hint: renderMessage(m, { code: line.first.code, args: visibleArgs(line.first.args) }).hint,
        count: line.count,
      })),
      dropped: (report.dropped ?? [])
        .filter((x) => `${x.department ?? ''}\u0000${x.file ?? ''}` === key)
        .map((x) => m.ui.droppedFindings(x.code, x.dropped, x.kept)),
    });
    i = j;
  }
  return groups;
}
