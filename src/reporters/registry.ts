/**
 * One registry of reporters (truth.md, issue 17): a command builds its view model — the document its
 * schema in src/schemas/documents/ types — and the CLI renders it by (document kind, format). JSON is
 * one renderer for every kind (the document itself, one on stdout); every command's terminal layout is
 * registered here (small ones in this file, the others by area: check-views.ts, register-views.ts,
 * objection-views.ts, supervise-view.ts), never built in its command file. `report`'s and `page`'s views
 * are HTML pages (html.ts, page-html.ts); their terminal line says where the page went.
 *
 * A layout draws its document, and — for the few kinds whose screen shows what the JSON contract leaves
 * out (a dry run, the bureau, whether a register exists, an objection's masked identifier) — a small
 * typed view of those facts (`Views`), which the command passes beside the document.
 */
import type { z } from 'zod';
import type { DOCUMENTS, DocumentName } from '../schemas/documents/index.js';
import { schemaUi } from '../messages/schema-ui.js';
import { parseBatch } from '../domain/quarter.js';
import { removalsOnly } from '../schemas/documents/removals-only.js';
import { figureCells } from './figure-cells.js';
import { pageText } from '../messages/page.js';
import { formatJson } from '../diagnostics/report-document.js';
import { formatLocation, makeTable, type PrettyOptions } from './pretty.js';
import { wrapText } from './wrap.js';
import { visible } from './visible.js';
import { findingTables } from './findings-view.js';
import type { RenderContext, Format } from './render-context.js';
import { calendarView, compileView, matrixView, validateView, type CompileView, type MatrixView } from './check-views.js';
import {
  diffView,
  publishView,
  registerImportView,
  registerListView,
  registerNoteView,
  registerRepairView,
  registerShowView,
  registerVerifyView,
} from './register-views.js';
import {
  objectionAddView,
  objectionLetterView,
  objectionListView,
  objectionResolveView,
  type ObjectionListView,
  type ObjectionWriteView,
} from './objection-views.js';
import { superviseView, type SuperviseView } from './supervise-view.js';
import { screenPath, viewPlatform } from './screen-path.js';

export type { RenderContext, Format };

/** The document of a kind, as its schema types it. */
export type DocumentOf<K extends DocumentName> = z.output<Extract<(typeof DOCUMENTS)[number], { name: K }>['schema']>;

/** The facts a kind's screen shows beyond its document (none for most kinds). */
export interface Views {
  compile: CompileView;
  matrix: MatrixView;
  supervise: SuperviseView;
  'objection-add': ObjectionWriteView;
  'objection-resolve': ObjectionWriteView;
  'objection-list': ObjectionListView;
}
export type ViewOf<K extends DocumentName> = K extends keyof Views ? Views[K] : undefined;

/** A layout: the whole text, or its pieces (drawn a piece at a time so that Ctrl-C is handled in between). */
type PrettyRenderer<K extends DocumentName> = (doc: DocumentOf<K>, ctx: RenderContext, view: ViewOf<K>) => string | Iterable<string>;

const options = (ctx: RenderContext): PrettyOptions => ({ chalk: ctx.chalk, ascii: ctx.ascii, quiet: false, width: ctx.width });

/** `rules`: code, severity (fixed or not), meaning and fix, wrapped to the terminal's width. */
const rules: PrettyRenderer<'rules'> = (doc, ctx) => {
  const r = ctx.m.ui.rules;
  const w = Math.max(80, Math.min(ctx.width, 160));
  const widths = [32, 17, Math.floor((w - 55) * 0.35), Math.floor((w - 55) * 0.65)];
  const table = makeTable([r.code, r.severity, r.meaning, r.fix], options(ctx), widths);
  const wrap = (t: string, i: number): string => wrapText(t, (widths[i] as number) - 2).join('\n');
  for (const row of doc.rules)
    table.push([row.code, wrap(ctx.m.ui.severity[row.severity] + (row.fixed ? r.fixed : ''), 1), wrap(row.title, 2), wrap(row.hint, 3)]);
  return `${table.toString()}\n`;
};

/** `measures`: one line per entry (list, domain, department or all, items, basis), or that there are none. */
const measures: PrettyRenderer<'measures'> = (doc, ctx) => {
  const t = ctx.m.ui.forms.measures;
  if (doc.measures.length === 0) return `${t.none}\n`;
  const table = makeTable([t.list, t.domain, t.department, t.items, t.basis], options(ctx));
  for (const e of doc.measures)
    table.push([e.list === 'red' ? t.red : t.black, e.domain, e.department ?? t.all, e.items.join('\n'), e.basis ?? '']);
  return `${table.toString()}\n`;
};

/** `schema` without NAME: the documents and what each is, then how to print one. */
const schema: PrettyRenderer<'schema'> = (doc, ctx) => {
  const t = schemaUi(ctx.m.lang);
  const table = makeTable([t.name, t.about], options(ctx));
  for (const d of doc.documents) table.push([d.name, d.description]);
  return `${table.toString()}\n${t.next}\n`;
};

/** `export`: its warnings (a removed record not found), then how many files went where, one per line. */
const exported: PrettyRenderer<'export'> = (doc, ctx) => {
  const warnings = doc.diagnostics.length ? findingTables(doc, ctx.m, options(ctx)) : '';
  const shown = (p: string): string => screenPath(p, viewPlatform(ctx));
  return `${warnings}${ctx.m.ui.exported(doc.files.length, shown(doc.dir))}\n${doc.files.map((f) => `  ${shown(f)}`).join('\n')}\n`;
};

/** `verify`: the manifest's own hash, each file changed, missing or added, each count that disagrees, then the verdict. */
const verify: PrettyRenderer<'verify'> = (doc, ctx) => {
  const v = ctx.m.ui.verify;
  const { chalk } = ctx;
  // The package's files and the hash file with the platform's separators (the document keeps `/`).
  const shown = (p: string): string => screenPath(p, viewPlatform(ctx));
  let out = '';
  if (doc.manifestInvalid) out += `${chalk.red(doc.manifestInvalid.message)}\n`;
  if (doc.manifest.ok === false && doc.manifest.expected === 'unreadable')
    out += `${chalk.red(v.manifestHashUnreadable(doc.manifest.sha256, shown(doc.manifest.hashFile)))}\n`;
  else if (doc.manifest.ok === false)
    out += `${chalk.red(v.manifestMismatch(doc.manifest.sha256, doc.manifest.expected ?? '', shown(doc.manifest.hashFile)))}\n`;
  else if (doc.manifest.ok === null) out += `${chalk.yellow(v.manifestUnchecked(doc.manifest.sha256, shown(doc.manifest.hashFile)))}\n`;
  for (const f of doc.changed) out += `${chalk.red(v.changed)}  ${shown(f)}\n`;
  for (const f of doc.missing) out += `${chalk.red(v.missing)}  ${shown(f)}\n`;
  for (const f of doc.added) out += `${chalk.red(v.added)}  ${shown(f)}\n`;
  for (const k of doc.inconsistent) out += `${chalk.red(v.inconsistent)}  ${k}\n`;
  out += doc.valid ? `${chalk.green(v.ok(doc.checked))}\n` : `${chalk.red(v.bad(doc.stats.errors))}\n`;
  return out;
};

/** `template`: each form written, each skipped because the file exists (in yellow). */
const template: PrettyRenderer<'template'> = (doc, ctx) => {
  const f = ctx.m.ui.forms;
  // On the screen with the platform's separators (the document keeps `/`).
  const shown = (p: string): string => screenPath(p, viewPlatform(ctx));
  return [
    ...doc.written.map((w) => `${f.written(shown(w.path))}\n`),
    ...doc.skipped.map((s) => `${ctx.chalk.yellow(f.skipped(shown(s.path)))}\n`),
  ].join('');
};

/**
 * `status`: one line per department (truth.md's figures, findings, sign-offs), the quarter level and the
 * 合计; what is awaited; whether the batch is published.
 */
const status: PrettyRenderer<'status'> = (doc, ctx) => {
  const s = ctx.m.ui.status;
  const { chalk } = ctx;
  // Objections open past their deadline or pending (with a register): two more columns and a line, only then.
  const objections = (doc.objectionsOverdue ?? 0) + (doc.objectionsPending ?? 0) > 0;
  const table = makeTable(objections ? [...s.columns, ...s.objectionColumns] : s.columns, options(ctx));
  const objectionCells = (d: { objectionsOverdue?: number | undefined; objectionsPending?: number | undefined }): string[] =>
    objections ? [d.objectionsOverdue ? chalk.red(String(d.objectionsOverdue)) : '0', String(d.objectionsPending ?? 0)] : [];
  const yn = (b: boolean): string => (b ? s.yes : s.no);
  // A supplementary batch's department there for its removals only is 仅移出, as compile's table, 报送情况.xlsx
  // and supervise say (docs/decisions.md "仅移出 in a supplementary batch"), not 否.
  const supplementary = (parseBatch(doc.quarter ?? '')?.n ?? 1) > 1;
  for (const d of doc.departments) {
    table.push([
      d.known ? visible(d.name) : chalk.red(s.unknown(visible(d.name))),
      d.submitted
        ? s.yes
        : d.sentIn !== undefined
          ? // 补报 (decisions.md): its list came in the quarter's supplementary batch, as supervise and the report say.
            chalk.yellow(ctx.m.ui.reports.sentLateIn(d.sentIn))
          : removalsOnly(d, supplementary)
            ? ctx.m.ui.compile.removalsOnly
            : chalk.yellow(s.no),
      yn(d.nilReport),
      ...figureCells(d),
      d.errors > 0 ? chalk.red(String(d.errors)) : '0',
      String(d.warnings),
      d.reviewer ? visible(`${d.reviewer} ${d.reviewedOn}`) : s.none,
      d.approver ? visible(`${d.approver} ${d.approvedOn}`) : s.none,
      String(d.caseFiles.length),
      ...objectionCells(d),
    ]);
  }
  const q = doc.quarterLevel;
  if (q.errors + q.warnings > 0)
    table.push([
      s.quarterLevel,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      q.errors > 0 ? chalk.red(String(q.errors)) : '0',
      String(q.warnings),
      '',
      '',
      '',
      ...(objections ? ['', ''] : []),
    ]);
  const t = doc.totals;
  table.push([s.total, '', '', ...figureCells(t), String(t.errors), String(t.warnings), '', '', '', ...objectionCells(doc)]);
  // With a register: what each department still has to send, one line each.
  const lines = doc.departments
    .filter((d) => d.awaiting !== undefined && d.awaiting.removals.length + d.awaiting.corrections.length > 0)
    .map((d) => `${visible(s.awaiting({ department: d.name, ...(d.awaiting as { removals: string[]; corrections: string[] }) }))}\n`)
    .join('');
  const publishedLine = doc.published ? `${visible(s.published(doc.published))}\n` : '';
  const below = `${statusFindings(doc, ctx)}${lines}${objectionsLine(doc, ctx)}${publishedLine}`;
  return `${table.toString()}\n${below}${ctx.m.ui.summary(doc.stats)}\n`;
};

/** Under status's table: the overdue and pending objections by number (their findings are info: data, not the exit). */
function objectionsLine(doc: DocumentOf<'status'>, ctx: RenderContext): string {
  const numbers = (code: string): string[] =>
    doc.diagnostics.filter((d) => d.code === code).map((d) => String((d.args as { number: string }).number));
  const overdue = numbers('OBJECTION_OVERDUE');
  const pending = numbers('OBJECTION_DEADLINE_PENDING');
  if (overdue.length + pending.length === 0) return '';
  const files = [
    ...new Set(
      doc.diagnostics.filter((d) => d.code === 'OBJECTION_DEADLINE_PENDING').map((d) => String((d.args as { file: string }).file)),
    ),
  ].sort();
  return `${ctx.chalk.red(visible(ctx.m.ui.status.objections({ overdue, pending, files })))}\n`;
}

/** How many findings status names under its table (cli.md: status is the overview; compile --dry-run lists them all). */
const STATUS_FINDINGS = 5;

/**
 * Under status's table, which findings its 错误/警告 counts are: the first few, errors first (warnings only
 * without --quiet), each with its department, place, code and message, then the command that lists them all with
 * their fixes. Nothing when there is none.
 */
function statusFindings(doc: DocumentOf<'status'>, ctx: RenderContext): string {
  const s = ctx.m.ui.status;
  const quiet = ctx.quiet ?? false;
  const all = doc.diagnostics.filter((d) => d.severity === 'error' || (!quiet && d.severity === 'warning'));
  if (all.length === 0) return '';
  const first = [...all.filter((d) => d.severity === 'error'), ...all.filter((d) => d.severity === 'warning')].slice(0, STATUS_FINDINGS);
  let out = `${s.findingsHead(first.length, all.length)}\n`;
  for (const d of first) {
    const place = formatLocation(d, ctx.m);
    const where = [d.department ?? '', d.location.file ?? '', place === '—' ? '' : place]
      .filter((p) => p !== '')
      .map((p) => visible(p))
      .join(' ');
    const severity = ctx.m.ui.severity[d.severity];
    const mark = d.severity === 'error' ? ctx.chalk.red(severity) : ctx.chalk.yellow(severity);
    out += `  ${mark}  ${where}${where ? '  ' : ''}${d.code}  ${visible(d.message)}\n`;
  }
  return `${out}${s.findingsAll(`hrss-credit compile ${doc.quarter ?? ''} --dry-run`)}\n`;
}

/** `report`: the page is the view (html.ts); the terminal says where it went. */
const reportView: PrettyRenderer<'report-view'> = (doc, ctx) =>
  `${ctx.chalk.green(ctx.m.ui.reports.reportWritten(screenPath(doc.path, viewPlatform(ctx))))}\n`;

/** `page`: where the self-check page went and its size in KB. */
const page: PrettyRenderer<'page'> = (doc, ctx) =>
  `${ctx.chalk.green(pageText(ctx.m.lang).written(screenPath(doc.path, viewPlatform(ctx)), Math.ceil(doc.bytes / 1024)))}\n`;

const PRETTY: { [K in DocumentName]?: PrettyRenderer<K> } = {
  rules,
  measures,
  schema,
  export: exported,
  verify,
  template,
  status,
  validate: validateView,
  compile: compileView,
  calendar: calendarView,
  matrix: matrixView,
  supervise: superviseView,
  publish: publishView,
  'register-import': registerImportView,
  'register-note': registerNoteView,
  'register-verify': registerVerifyView,
  'register-repair': registerRepairView,
  'register-list': registerListView,
  'register-show': registerShowView,
  diff: diffView,
  'objection-add': objectionAddView,
  'objection-resolve': objectionResolveView,
  'objection-list': objectionListView,
  'objection-letter': objectionLetterView,
  'report-view': reportView,
  page,
};

/** Whether a kind's terminal layout is registered here. */
export function hasPretty(kind: DocumentName): boolean {
  return PRETTY[kind] !== undefined;
}

/** The text of a command's document in the chosen format, a piece at a time: the document itself as JSON, or its registered layout. */
export function* renderChunks<K extends DocumentName>(
  kind: K,
  format: Format,
  doc: DocumentOf<K>,
  ctx: RenderContext,
  view?: ViewOf<K>,
): Generator<string> {
  if (format === 'json') {
    yield formatJson(doc);
    return;
  }
  const pretty = PRETTY[kind] as PrettyRenderer<K> | undefined;
  if (!pretty) throw new Error(`no terminal layout registered for ${kind}`);
  const text = pretty(doc, ctx, view as ViewOf<K>);
  if (typeof text === 'string') yield text;
  else yield* text;
}

/** The text of a command's document in the chosen format: the document itself as JSON, or its registered layout. */
export function renderDocument<K extends DocumentName>(
  kind: K,
  format: Format,
  doc: DocumentOf<K>,
  ctx: RenderContext,
  view?: ViewOf<K>,
): string {
  let out = '';
  for (const part of renderChunks(kind, format, doc, ctx, view)) out += part;
  return out;
}
