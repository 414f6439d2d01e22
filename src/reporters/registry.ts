/**
 * One registry of reporters (truth.md, issue 17): a command builds its view model — the document its
 * schema in src/schemas/documents/ types — and the CLI renders it by (document kind, format). JSON is
 * one renderer for every kind (the document itself, one on stdout); a kind's terminal layout is
 * registered here, not built in its command file. Kinds not yet moved keep their layout in their
 * command (docs/decisions.md lists them).
 */
import type { ChalkInstance } from 'chalk';
import type { z } from 'zod';
import type { DOCUMENTS, DocumentName } from '../schemas/documents/index.js';
import type { Messages } from '../messages/index.js';
import { schemaUi } from '../messages/schema-ui.js';
import { formatJson } from '../diagnostics/report-document.js';
import { makeTable, type PrettyOptions } from './pretty.js';
import { wrapText } from './wrap.js';
import { visible } from './visible.js';

/** The document of a kind, as its schema types it. */
export type DocumentOf<K extends DocumentName> = z.output<Extract<(typeof DOCUMENTS)[number], { name: K }>['schema']>;

export type Format = 'pretty' | 'json';

/** What a terminal layout needs besides the document: the language, colours, borders, width. */
export interface RenderContext {
  m: Messages;
  chalk: ChalkInstance;
  ascii: boolean;
  width: number;
}

type PrettyRenderer<K extends DocumentName> = (doc: DocumentOf<K>, ctx: RenderContext) => string;

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

/** `export`: how many files went where, one per line. */
const exported: PrettyRenderer<'export'> = (doc, ctx) =>
  `${ctx.m.ui.exported(doc.files.length, doc.dir)}\n${doc.files.map((f) => `  ${f}`).join('\n')}\n`;

/** `verify`: the manifest's own hash, each file changed, missing or added, each count that disagrees, then the verdict. */
const verify: PrettyRenderer<'verify'> = (doc, ctx) => {
  const v = ctx.m.ui.verify;
  const { chalk } = ctx;
  let out = '';
  if (doc.manifestInvalid) out += `${chalk.red(doc.manifestInvalid.message)}\n`;
  if (doc.manifest.ok === false)
    out += `${chalk.red(v.manifestMismatch(doc.manifest.sha256, doc.manifest.expected ?? '', doc.manifest.hashFile))}\n`;
  else if (doc.manifest.ok === null) out += `${chalk.yellow(v.manifestUnchecked(doc.manifest.sha256, doc.manifest.hashFile))}\n`;
  for (const f of doc.changed) out += `${chalk.red(v.changed)}  ${f}\n`;
  for (const f of doc.missing) out += `${chalk.red(v.missing)}  ${f}\n`;
  for (const f of doc.added) out += `${chalk.red(v.added)}  ${f}\n`;
  for (const k of doc.inconsistent) out += `${chalk.red(v.inconsistent)}  ${k}\n`;
  out += doc.valid ? `${chalk.green(v.ok(doc.checked))}\n` : `${chalk.red(v.bad(doc.stats.errors))}\n`;
  return out;
};

/** `template`: each form written, each skipped because the file exists (in yellow). */
const template: PrettyRenderer<'template'> = (doc, ctx) => {
  const f = ctx.m.ui.forms;
  return [...doc.written.map((w) => `${f.written(w.path)}\n`), ...doc.skipped.map((s) => `${ctx.chalk.yellow(f.skipped(s.path))}\n`)].join(
    '',
  );
};

/**
 * `status`: one line per department (truth.md's figures, findings, sign-offs), the quarter level and the
 * 合计; what is awaited; whether the batch is published.
 */
const status: PrettyRenderer<'status'> = (doc, ctx) => {
  const s = ctx.m.ui.status;
  const { chalk } = ctx;
  const table = makeTable(s.columns, options(ctx));
  const yn = (b: boolean): string => (b ? s.yes : s.no);
  for (const d of doc.departments) {
    table.push([
      d.known ? visible(d.name) : chalk.red(s.unknown(visible(d.name))),
      d.submitted ? s.yes : chalk.yellow(s.no),
      yn(d.nilReport),
      String(d.rows),
      String(d.red),
      String(d.black),
      String(d.unchanged),
      d.errors > 0 ? chalk.red(String(d.errors)) : '0',
      String(d.warnings),
      d.reviewer ? visible(`${d.reviewer} ${d.reviewedOn}`) : s.none,
      d.approver ? visible(`${d.approver} ${d.approvedOn}`) : s.none,
      String(d.caseFiles.length),
    ]);
  }
  const q = doc.quarterLevel;
  if (q.errors + q.warnings > 0)
    table.push([s.quarterLevel, '', '', '', '', '', '', q.errors > 0 ? chalk.red(String(q.errors)) : '0', String(q.warnings), '', '', '']);
  const t = doc.totals;
  table.push([
    s.total,
    '',
    '',
    String(t.rows),
    String(t.red),
    String(t.black),
    String(t.unchanged),
    String(t.errors),
    String(t.warnings),
    '',
    '',
    '',
  ]);
  // With a register: what each department still has to send, one line each.
  const lines = doc.departments
    .filter((d) => d.awaiting !== undefined && d.awaiting.removals.length + d.awaiting.corrections.length > 0)
    .map((d) => `${visible(s.awaiting({ department: d.name, ...(d.awaiting as { removals: string[]; corrections: string[] }) }))}\n`)
    .join('');
  const publishedLine = doc.published ? `${visible(s.published(doc.published))}\n` : '';
  return `${table.toString()}\n${lines}${publishedLine}${ctx.m.ui.summary(doc.stats)}\n`;
};

const PRETTY: { [K in DocumentName]?: PrettyRenderer<K> } = { rules, measures, schema, export: exported, verify, template, status };

/** Whether a kind's terminal layout is registered here. */
export function hasPretty(kind: DocumentName): boolean {
  return PRETTY[kind] !== undefined;
}

/** The text of a command's document in the chosen format: the document itself as JSON, or its registered layout. */
export function renderDocument<K extends DocumentName>(kind: K, format: Format, doc: DocumentOf<K>, ctx: RenderContext): string {
  if (format === 'json') return formatJson(doc);
  const pretty = PRETTY[kind] as PrettyRenderer<K> | undefined;
  if (!pretty) throw new Error(`no terminal layout registered for ${kind}`);
  return pretty(doc, ctx);
}
