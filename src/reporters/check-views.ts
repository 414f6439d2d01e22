/**
 * The terminal layouts of the checking side's documents (reporters/registry.ts): validate's and
 * compile's findings and compile's table of truth.md's figures, calendar, matrix. Each draws the
 * document the command's --format json prints, and the few facts of the clerk's screen that the JSON
 * contract leaves out (registry.ts `Views`).
 */
import { parseBatch } from '../domain/quarter.js';
import { removalsOnly } from '../schemas/documents/removals-only.js';
import { figureCells } from './figure-cells.js';
import type { ValidateDocument, CalendarDocument, MatrixDocument } from '../schemas/documents/commands-check.js';
import type { CompileDocument } from '../schemas/documents/commands.js';
import type { PrettyOptions } from './pretty.js';
import { makeTable } from './pretty.js';
import { findingChunks, findingSummary } from './findings-view.js';
import { visible } from './visible.js';
import { screenPath, viewPlatform } from './screen-path.js';
import { displayWidth } from './wrap.js';
import { commandLine, nativePath, shellFor } from '../domain/shell-line.js';
import type { RenderContext } from './render-context.js';

/** The findings tables' options: the chosen `--quiet`, `--strict` and `--max-findings`. */
export function findingOptions(ctx: RenderContext): PrettyOptions {
  return {
    chalk: ctx.chalk,
    ascii: ctx.ascii,
    quiet: ctx.quiet ?? false,
    strict: ctx.strict ?? false,
    width: ctx.width,
    ...(ctx.maxFindings ? { maxFindings: ctx.maxFindings } : {}),
    ...(ctx.platform ? { platform: ctx.platform } : {}),
  };
}

/** `validate`: the findings per file (piece by piece), the summary, each marked-up copy written. */
export function* validateView(doc: ValidateDocument, ctx: RenderContext): Generator<string> {
  const o = findingOptions(ctx);
  yield* findingChunks(doc, ctx.m, o);
  let out = findingSummary(doc, ctx.m, o);
  // On the screen with the platform's separators (the document keeps `/`).
  const shown = (p: string): string => screenPath(p, viewPlatform(ctx));
  for (const a of doc.annotated ?? []) out += `${ctx.m.ui.forms.annotate.written(shown(a.path))}\n`;
  for (const z of doc.notAnnotated ?? []) out += `${ctx.chalk.yellow(ctx.m.ui.forms.annotate.zipNoCopy(shown(z.source)))}\n`;
  yield out;
}

/** What compile's screen says beyond its document: a dry run, and the shell the next step is written for. */
export interface CompileView {
  dryRun: boolean;
  platform: string;
}

/**
 * `compile`: the findings, then one line per department and the 汇总 row with the same figures
 * (truth.md: rows received, red/black published, unchanged), the summary and what was written with the
 * next step, ready to paste into this platform's shell.
 */
export function* compileView(doc: CompileDocument, ctx: RenderContext, view: CompileView): Generator<string> {
  const c = ctx.m.ui.compile;
  const o = findingOptions(ctx);
  yield* findingChunks(doc, ctx.m, o);
  let out = '';
  if (!o.quiet) {
    const table = makeTable([c.department, c.submitted, c.rows, c.red, c.black, c.unchanged, c.corrected, c.removals], o);
    const supplementary = (parseBatch(doc.quarter ?? '')?.n ?? 1) > 1;
    for (const s of doc.departments)
      table.push([
        visible(s.name),
        s.submitted ? (s.nilReport ? c.nil : c.submitted) : removalsOnly(s, supplementary) ? c.removalsOnly : ctx.chalk.yellow(c.missing),
        ...figureCells(s),
      ]);
    table.push([c.counts, '', ...figureCells(doc.totals)]);
    out += `${table.toString()}\n`;
  }
  out += findingSummary(doc, ctx.m, o);
  // Paths in the clerk's view are shown, never obeyed (control characters made visible).
  if (view.dryRun) out += `${c.dryRun}\n`;
  else if (doc.written && doc.package !== undefined) {
    const dir = visible(doc.package);
    // The lines a clerk reads and copies use the platform's separators, as the next step below does (the
    // document keeps `/`): on Windows `packages\2026Q3`, as 使用手册 shows it, not `packages/2026Q3`.
    const shell = shellFor(view.platform);
    const native = (p: string): string => screenPath(p, view.platform);
    out += `${ctx.chalk.green(c.written(native(doc.package)))}\n`;
    if (doc.zip !== undefined) out += `${c.zip(native(doc.zip))}\n`;
    if (doc.replaced !== undefined) out += `${c.replaced(native(doc.replaced))}\n`;
    if (doc.manifestSha256) out += `${c.manifestHash(doc.manifestSha256, native(doc.manifestHashFile ?? ''))}\n`;
    const summaryPath = nativePath(`${dir}/报送情况.xlsx`, shell);
    out += `${c.next(summaryPath, commandLine(['hrss-credit', 'verify', { path: dir }], shell))}\n`;
  } else {
    const published = onlyPublished(doc) ? nextOf(doc) : undefined;
    const line = published !== undefined ? c.notWrittenPublished(published) : onlyExists(doc) ? c.notWrittenExists : c.notWritten;
    out += `${ctx.chalk.red(line)}\n`;
  }
  yield out;
}

/**
 * Refused because the register says the batch was published (with or without its package there): the advice
 * is a later batch, not a new submission nor --force.
 */
function onlyPublished(doc: { diagnostics: readonly { code: string; severity: string }[] }): boolean {
  const errors = doc.diagnostics.filter((d) => d.severity === 'error');
  return (
    errors.some((d) => d.code === 'REGISTER_BATCH_PUBLISHED') &&
    errors.every((d) => d.code === 'REGISTER_BATCH_PUBLISHED' || d.code === 'PACKAGE_EXISTS')
  );
}

/** The batch REGISTER_BATCH_PUBLISHED advises instead (its `next`). */
function nextOf(doc: { diagnostics: readonly { code: string; args?: Record<string, unknown> }[] }): string {
  const next = doc.diagnostics.find((d) => d.code === 'REGISTER_BATCH_PUBLISHED')?.args?.next;
  return typeof next === 'string' ? next : '';
}

/** Refused only because the package is there already: the advice is --force, not a new submission. */
function onlyExists(doc: { diagnostics: readonly { code: string; severity: string }[] }): boolean {
  const errors = doc.diagnostics.filter((d) => d.severity === 'error');
  return errors.length > 0 && errors.every((d) => d.code === 'PACKAGE_EXISTS');
}

/** 2004, 2005, …, 2026, 2028 → "2004–2026、2028". */
function yearRanges(years: readonly number[], sep: string): string {
  const out: string[] = [];
  let start: number | undefined;
  let prev: number | undefined;
  for (const y of [...years, Number.NaN]) {
    if (prev !== undefined && y === prev + 1) {
      prev = y;
      continue;
    }
    if (start !== undefined && prev !== undefined) out.push(start === prev ? String(start) : `${start}–${prev}`);
    start = y;
    prev = y;
  }
  return out.join(sep);
}

/** `calendar`: the year's holidays and 调休 working days and where they come from; or that the year is not covered. */
export function calendarView(doc: CalendarDocument, ctx: RenderContext): string {
  const c = ctx.m.ui.calendar;
  const calendar = doc.calendar;
  const en = ctx.m.lang === 'en';
  const sep = en ? ', ' : '、';
  const out: string[] = [];
  const coverage = c.coverage(yearRanges(calendar.coverage.builtin.years, sep), yearRanges(calendar.coverage.local, sep));
  if (!calendar.covered || !calendar.source) {
    out.push(ctx.chalk.red(c.notCovered(calendar.year)));
    for (const d of doc.diagnostics) out.push(`${d.code}: ${d.message}`, ctx.chalk.dim(ctx.m.ui.hintPrefix + d.hint));
    out.push(coverage);
    return `${out.join('\n')}\n`;
  }
  out.push(ctx.chalk.bold(c.title(calendar.year)), c.source(calendar.source), c.holidays);
  const names = calendar.holidays.map((h) => (en ? (h.nameEn ?? h.name) : h.name) ?? '');
  const w = Math.max(0, ...names.map(displayWidth));
  calendar.holidays.forEach((h, i) => {
    const name = names[i] ?? '';
    out.push(`  ${name}${' '.repeat(w - displayWidth(name))}  ${c.range(h.from, h.to, h.days)}`);
  });
  if (calendar.holidays.length === 0) out.push(`  ${c.none}`);
  out.push(c.workdays);
  for (const d of calendar.workdays) {
    const name = (en ? (d.nameEn ?? d.name) : d.name) ?? '';
    out.push(`  ${d.date} ${c.weekdays[d.weekday] ?? ''}${name ? `  ${name}` : ''}`);
  }
  if (calendar.workdays.length === 0) out.push(`  ${c.none}`);
  if (calendar.workingDays !== null) out.push(c.workingDays(calendar.workingDays));
  out.push(coverage);
  // A config finding (CONFIG_FILE_MISSING: calendar.extraFile not there) is why the coverage is what it is.
  for (const d of doc.diagnostics) out.push(ctx.chalk.yellow(`${d.code}: ${d.message}`), ctx.chalk.dim(ctx.m.ui.hintPrefix + d.hint));
  return `${out.join('\n')}\n`;
}

/** What matrix's screen says beyond its document: the bureau (the authority of a department that names none). */
export interface MatrixView {
  bureau: string;
}

/** `matrix`: the departments in order with their aliases and domains, the domains with theirs, the bureau. */
export function matrixView(doc: MatrixDocument, ctx: RenderContext, view: MatrixView): string {
  const t = ctx.m.ui.matrix;
  const o = { chalk: ctx.chalk, ascii: ctx.ascii, quiet: false, width: ctx.width };
  const table = makeTable(['#', t.department, t.aliases, t.domains], o);
  for (const [i, d] of doc.departments.entries()) table.push([String(i + 1), d.name, d.aliases.join('、'), d.domains.join('、')]);
  const domains = makeTable([t.domains, t.domainAliases], o);
  for (const d of doc.domains) domains.push([d.name, d.aliases.join('、')]);
  return `${table.toString()}\n${domains.toString()}\n${t.authority}: ${view.bureau}\n`;
}

/**
 * compile's line on stderr naming the replaced packages it removed (packages.keepReplaced), each with the
 * platform's separators as the lines under it (round 31: it showed `packages/2026Q3.replaced-…` on Windows).
 */
export function compilePrunedLine(pruned: readonly string[], ctx: RenderContext): string {
  return `${ctx.chalk.yellow(ctx.m.ui.compile.pruned(pruned.map((p) => screenPath(p, viewPlatform(ctx)))))}\n`;
}
