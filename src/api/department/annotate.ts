/**
 * `validate --annotate [DIR]` (department.md "Feedback in the department's own file"): validate,
 * then write for each list workbook or CSV checked a copy `<name>.检查结果.xlsx` into DIR with
 * every finding on its cell and a first sheet 检查结果 listing them. Never into a department
 * folder, never over the original.
 */
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { CollectedDiagnostic } from '../../diagnostics/collector.js';
import { DEFAULT_MASK_RULE, type MaskRule } from '../../domain/mask.js';
import { gateFor, publicReader } from '../../domain/privacy.js';
import { columnIndex, columnLetter, visible } from '../../domain/text.js';
import { isCoverName, isFeedbackCopyName } from '../../io/workspace/folder.js';
import { displayPath } from '../../io/paths.js';
import { removeOnInterrupt } from '../../io/cleanup.js';
import { openWorkbook } from '../../io/sniff.js';
import {
  annotateXlsx,
  csvWorkbook,
  ensureFolder,
  removeFile,
  type AnnotatePlan,
  type CellMark,
  type SummaryRow,
} from '../../io/annotate/xlsx-annotate.js';
import { cellText, scoreRows } from '../../table/header.js';
import { makeContext } from '../context.js';
import { messagesFor, renderMessage, type Lang } from '../../messages/index.js';
import { DEFAULT_LIMITS, type Limits } from '../../schemas/config.js';
import { ToolError } from '../../diagnostics/tool-error.js';
import { validate, type ValidateOptions } from './validate.js';
import type { Report } from '../../diagnostics/report.js';
import { TOOL_NAME, TOOL_VERSION } from '../../version.js';
import { defaultFeedbackDir, insideQuarterFolder, isInsideReal, realPathOf } from '../../io/annotate/annotate-place.js';
import type { IoPort } from '../../io/port.js';

export const FEEDBACK_SUFFIX = '.检查结果.xlsx';
export const DEFAULT_FEEDBACK_DIR = '检查结果';

export interface AnnotateOptions extends ValidateOptions {
  /** The folder for the copies, relative to cwd; absent: where annotate-place.ts puts them by default. */
  annotate?: string;
  lang: Lang;
  /** Seconds since the epoch (SOURCE_DATE_EPOCH): the timestamp inside the copies. */
  sourceDateEpoch?: number;
  /** The tool's own folder: no copy is written into it (OUTPUT_IN_TOOL_FOLDER, people.md). */
  toolDir?: string;
}

export interface AnnotateResult {
  report: Report;
  /** Copies written, relative to cwd. */
  written: { source: string; path: string; marked: number; omitted: number }[];
  /** Inputs that get no copy by rule, and why: a zip's lists (they are read from a private temporary copy). */
  notAnnotated: { source: string; reason: 'zip' }[];
}

interface ListInput {
  path: string;
  display: string;
  /** Named on the command line (not found in a folder): its copy goes beside it by default. */
  lone: boolean;
}

const LIST_EXT = new Set(['.xlsx', '.xlsm', '.csv', '.txt']);

/** The cell a finding is marked on: its own; a row's first cell; a sheet's A1. */
function markCell(d: CollectedDiagnostic): { row: number; col: number } {
  // A header finding (SHEET_COLUMN_UNKNOWN, SHEET_COLUMN_DUPLICATE) is located at its header cell like any other
  // (table/list-sheet.ts): the location's column is the cell's.
  const letters = d.location.column;
  const col = letters ? columnIndex(letters) : 0;
  return { row: d.location.row ?? 1, col: col < 0 ? 0 : col };
}

/** A sheet name Excel accepts for a CSV file's one sheet. */
function csvSheetName(file: string): string {
  const stem = basename(file, extname(file))
    .replace(/[[\]:*?/\\]/g, '_')
    .slice(0, 31);
  return stem || 'Sheet1';
}

export async function validateAndAnnotate(paths: readonly string[], options: AnnotateOptions): Promise<AnnotateResult> {
  const inputs: ListInput[] = [];
  const zips: string[] = [];
  const departmentFolders: string[] = [];
  // The config's limits, mask rule and matrix (validate loads the same config for its own run).
  const ctx = makeContext(options, paths[0]);
  const config = ctx.config;
  const maskRule: MaskRule = config.publication.maskRule ?? DEFAULT_MASK_RULE;
  const limits: Limits = config.limits ?? DEFAULT_LIMITS;
  const report = await validate(paths, {
    ...options,
    onDepartment: (res, target) => {
      options.onDepartment?.(res, target);
      // A zip submission's lists are read from a private copy: they get no feedback copy (inputs: the zip),
      // and the clerk is told so, with the way to get one (as the self-check page tells a department).
      if (target.isFolder === 'zip') zips.push(res.display);
      if (target.isFolder === true) departmentFolders.push(resolve(res.folder));
      // A single file's folder is a department folder when its own name says so (not --department).
      else if (target.isFolder === false && ctx.matrix.resolveDepartment(basename(res.folder))) departmentFolders.push(resolve(res.folder));
      for (const i of res.inputs) {
        const name = basename(i.path);
        if (isCoverName(name) || isFeedbackCopyName(name) || !LIST_EXT.has(extname(name).toLowerCase())) continue;
        inputs.push({ path: i.path, display: i.display, lone: target.isFolder === false });
      }
    },
  });
  const cwd = resolve(options.cwd);
  // Each list's folder for its copy; compared as real paths, so that a link, a junction or `..`
  // cannot lead the copies into a department folder or a submissions quarter folder.
  const outDirOf = (i: ListInput): string =>
    options.annotate !== undefined ? resolve(cwd, options.annotate) : defaultFeedbackDir(i.path, i.lone, cwd, DEFAULT_FEEDBACK_DIR);
  const outDirs = new Set(inputs.map(outDirOf));
  if (options.annotate !== undefined) outDirs.add(resolve(cwd, options.annotate));
  for (const outDir of outDirs) {
    if (options.toolDir !== undefined && isInsideReal(outDir, options.toolDir))
      throw new ToolError('OUTPUT_IN_TOOL_FOLDER', { path: resolve(options.toolDir) });
    const unsafe = departmentFolders.find(
      (f) => isInsideReal(outDir, f) && !(options.annotate === undefined && inputs.some((i) => i.lone && outDirOf(i) === outDir)),
    );
    if (unsafe) throw new ToolError('ANNOTATE_DIR_UNSAFE', { path: displayPath(cwd, unsafe) });
    if (insideQuarterFolder(outDir)) throw new ToolError('ANNOTATE_DIR_UNSAFE', { path: displayPath(cwd, outDir), where: 'quarter' });
    for (const i of inputs) if (realPathOf(i.path) === realPathOf(outDir)) throw new ToolError('ANNOTATE_DIR_UNSAFE', { path: i.display });
  }

  const m = messagesFor(options.lang);
  const instant = options.sourceDateEpoch !== undefined ? new Date(options.sourceDateEpoch * 1000) : ctx.now;

  // The same gate as the findings' locations (diagnostics/collector.ts): a file is found by its shown name.
  const safe = gateFor(publicReader(maskRule));
  const written: AnnotateResult['written'] = [];
  const usedNames = new Set<string>();
  for (const input of inputs) {
    const outDir = outDirOf(input);
    const shown = safe(input.display);
    const found = report.diagnostics.filter((d) => d.location.file === shown);
    // Findings beyond limits.maxFindingsPerCode were counted, not kept: they cannot be marked.
    const omitted = (report.dropped ?? []).filter((d) => d.file === shown || d.file === input.display).reduce((n, d) => n + d.dropped, 0);
    // A file that could not be read at all cannot be copied either: its findings are in the report.
    if (found.some((d) => d.code === 'FILE_UNREADABLE' || d.code === 'FILE_UNSUPPORTED')) continue;
    const csv = /\.(csv|txt)$/i.test(input.path);
    const csvSheet = csv ? csvSheetName(input.path) : undefined;
    // The counts of the file, those not kept (limits.maxFindingsPerCode) included.
    const count = (sev: string): number =>
      found.filter((d) => d.severity === sev).length +
      (report.dropped ?? [])
        .filter((d) => (d.file === shown || d.file === input.display) && d.severity === sev)
        .reduce((n, d) => n + d.dropped, 0);
    const plan: AnnotatePlan = {
      marks: new Map(),
      sheetShown: safe,
      summary: {
        sheetName: m.ui.forms.annotate.sheet,
        headers: [m.ui.columns.location, m.ui.columns.severity, m.ui.columns.code, m.ui.columns.message, m.ui.columns.hint],
        rows: [],
        footer: [],
        author: TOOL_NAME,
        title: m.ui.forms.annotate.title(visible(basename(input.display)), beijingTime(instant), `${TOOL_NAME} ${TOOL_VERSION}`),
        overview: m.ui.forms.annotate.overview(count('error'), count('warning'), count('info')),
      },
    };
    let marked = 0;
    for (const d of found) {
      const { message, hint } = renderMessage(m, d);
      const sheet = d.location.sheet ?? csvSheet;
      const header = d.location.field ? m.ui.fieldNames[d.location.field] : undefined;
      const where = m.ui.sheetRow(d.location.sheet, d.location.row, d.location.column, header) || visible(basename(input.display));
      const row: SummaryRow = {
        location: where,
        severity: m.ui.severity[d.severity],
        kind: d.severity,
        code: d.code,
        message: safe(message),
        hint: safe(hint),
      };
      if (sheet !== undefined) {
        const cell = markCell(d);
        const mark: CellMark = { ...cell, kind: d.severity, note: safe(`${message}\n${m.ui.hintPrefix}${hint}`) };
        const list = plan.marks.get(sheet) ?? [];
        list.push(mark);
        plan.marks.set(sheet, list);
        row.target = { sheet, ref: `${columnLetter(cell.col)}${cell.row}` };
        marked++;
      }
      plan.summary.rows.push(row);
    }
    if (found.length === 0) plan.summary.footer.push(m.ui.forms.annotate.none);
    if (omitted > 0) plan.summary.footer.push(m.ui.forms.annotate.omitted(omitted));

    const stem = basename(input.path, extname(input.path));
    let name = `${stem}${FEEDBACK_SUFFIX}`;
    if (usedNames.has(join(outDir, name).toLowerCase())) name = `${basename(dirname(input.path))}_${stem}${FEEDBACK_SUFFIX}`;
    for (let n = 2; usedNames.has(join(outDir, name).toLowerCase()); n++)
      name = `${basename(dirname(input.path))}_${stem} (${n})${FEEDBACK_SUFFIX}`;
    usedNames.add(join(outDir, name).toLowerCase());
    const dest = join(outDir, name);
    if (realPathOf(dest) === realPathOf(input.path)) throw new ToolError('ANNOTATE_DIR_UNSAFE', { path: input.display });
    try {
      await ensureFolder(outDir, ctx.io);
      if (csv) {
        const base = `${dest}.${process.pid}.csv.tmp`;
        // Ctrl-C meanwhile removes it too (io/cleanup.ts), as the copy's own temporary file.
        const forget = removeOnInterrupt(base);
        try {
          await csvWorkbook(base, csvSheet!, await readCsvRows(input.path, limits, ctx.io), instant, ctx.io);
          await annotateXlsx(base, dest, plan, { limits, instant, io: ctx.io });
        } finally {
          await removeFile(base, ctx.io);
          forget();
        }
      } else await annotateXlsx(input.path, dest, plan, { limits, instant, io: ctx.io });
    } catch (err) {
      if (err instanceof ToolError) throw err;
      const e = err as NodeJS.ErrnoException;
      // A file-system error while the copy is written (a full disk reports ENOSPC with no path) is a
      // failure to write, never "no copy, 检查通过": the original was read whole by validate already.
      if (e.code && /^E[A-Z]+$/.test(e.code)) throw new ToolError('WRITE_FAILED', { problem: e.code, path: displayPath(cwd, dest) });
      // A workbook we cannot patch (damaged in a way the reader tolerated): no copy, the report stands.
      continue;
    }
    // The copy's name is the list's: an ID in it is shown masked, as in the findings' locations.
    written.push({ source: shown, path: safe(displayPath(cwd, dest)), marked, omitted });
  }
  return { report, written, notAnnotated: zips.map((z) => ({ source: safe(z), reason: 'zip' as const })) };
}

/** 2026-10-15 09:30, the instant in Beijing time (UTC+8, no daylight saving). */
function beijingTime(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** A CSV file's rows as the reader decodes them, each cell as text. */
async function readCsvRows(path: string, limits: Limits, io: IoPort): Promise<{ number: number; cells: string[] }[]> {
  const wb = await openWorkbook(path, basename(path, extname(path)), { limits, score: scoreRows, io });
  const rows: { number: number; cells: string[] }[] = [];
  try {
    for (const sheet of wb.sheets) {
      await sheet.read((r) => {
        rows.push({
          number: r.number,
          cells: r.cells.map((c) => (c === null || c === undefined ? '' : typeof c === 'string' ? c : cellText(c))),
        });
      });
    }
  } finally {
    await wb.close();
  }
  return rows;
}
