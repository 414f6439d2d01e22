/**
 * Checks every department of a quarter (compile and status): each folder as a submission, then
 * the quarter as a whole — duplicates and red/black conflicts across departments, departments that
 * have not submitted, quarter folders named twice.
 */
import { isFeedbackCopyName, isFeedbackDirName, listQuarterFolder, listSubfolders } from '../../io/workspace/folder.js';
import { join } from 'node:path';
import { formatBatch, parseBatch, resolveBatch, resolveQuarter, type Batch, type Quarter } from '../../domain/quarter.js';
import { makeDiagnostic } from '../../diagnostics/diagnostic.js';
import { displayPath } from '../../io/paths.js';
import { isLitter, isZipName } from '../../io/sniff.js';
import type { CreditRecord } from '../../schemas/record.js';
import type { Context } from '../context.js';
import { showText, publicReader } from '../../domain/privacy.js';
import type { DepartmentResult } from '../department/department.js';
import type { QuarterFacts } from '../../rules/types.js';
import { ToolError } from '../../diagnostics/tool-error.js';

export interface QuarterCheck {
  quarter: Quarter;
  /** 1: the quarter's regular batch; 2, 3…: a supplementary batch (2026Q3-2). */
  batch: number;
  /** The batch as folders and packages name it: 2026Q3, 2026Q3-2. */
  label: string;
  folders: string[];
  departments: DepartmentResult[];
  records: CreditRecord[];
  /** Matrix departments with no folder or no cover. */
  missing: string[];
  files: number;
  rows: number;
}

export interface QuarterOptions {
  onProgress?(done: number, total: number, name: string): void;
  /** Keep canonical records (compile); status needs only counts. */
  collect: boolean;
  /** The batch of the quarter (default 1, the regular batch). */
  batch?: number;
}

export function requireWorkspace(ctx: Context): string {
  if (!ctx.workspace) throw new ToolError('WORKSPACE_NOT_FOUND');
  return ctx.workspace;
}

/** A batch argument: 2026Q3, Q3, 2026Q3-2, 2026年第三季度第2批. */
export function parseBatchArg(ctx: Context, raw: string): Batch {
  const b = resolveBatch(raw, ctx.today);
  if (!b) throw new ToolError('QUARTER_INVALID', { value: raw });
  return b;
}

export function parseQuarterArg(ctx: Context, raw: string): Quarter {
  const q = resolveQuarter(raw, ctx.today);
  if (!q) throw new ToolError('QUARTER_INVALID', { value: raw });
  return q;
}

/** The folders of submissions/ that hold this batch (2026Q3, 2026年第三季度…); none: QUARTER_NOT_FOUND for checkQuarter. */
export function batchFolders(ctx: Context, workspace: string, label: string): string[] {
  let entries: string[];
  try {
    entries = listSubfolders(join(workspace, 'submissions'), ctx.io);
  } catch {
    return [];
  }
  return entries.filter((name) => {
    const b = parseBatch(name);
    return b !== undefined && formatBatch(b) === label;
  });
}

export async function checkQuarter(ctx: Context, quarter: Quarter, options: QuarterOptions): Promise<QuarterCheck> {
  const workspace = requireWorkspace(ctx);
  const batch = options.batch ?? 1;
  const label = formatBatch({ quarter, n: batch });
  const submissions = join(workspace, 'submissions');
  const folders = batchFolders(ctx, workspace, label);
  if (folders.length === 0) throw new ToolError('QUARTER_NOT_FOUND', { quarter: label });
  const collector = ctx.collector;
  // The readers and the rules, imported when a quarter is checked: parseBatchArg and requireWorkspace
  // serve commands that read no list (register show, publish), which must not load them (issue 22).
  const [{ RecordIndex }, { checkDepartment }, { runQuarterRules }, { missingDepartments }, { toCreditRecord }] = await Promise.all([
    import('../../table/record-index.js'),
    import('../department/department.js'),
    import('../../rules/quarter/index.js'),
    import('../../rules/quarter/submission-missing.js'),
    import('./records.js'),
  ]);

  const quarterLabel = formatBatch({ quarter, n: 1 });
  const index = new RecordIndex();
  const records: CreditRecord[] = [];
  const departments: DepartmentResult[] = [];
  const targets: { path: string; zip: boolean }[] = [];
  for (const folder of folders) {
    const dir = join(submissions, folder);
    let listed;
    try {
      listed = listQuarterFolder(dir, ctx.io);
    } catch (err) {
      // The quarter folder itself: nothing of the quarter can be checked (exit 2, naming it).
      throw new ToolError('PATH_UNREADABLE', { path: displayPath(workspace, dir), problem: (err as NodeJS.ErrnoException).code ?? 'EIO' });
    }
    for (const e of listed) {
      // validate --annotate's copies (检查结果/, *.检查结果.xlsx) are no department's submission.
      if (isLitter(e.name) || (e.kind === 'folder' && isFeedbackDirName(e.name)) || (e.kind === 'file' && isFeedbackCopyName(e.name)))
        continue;
      const path = join(dir, e.name);
      if (e.kind === 'folder') targets.push({ path, zip: false });
      // 就业办.zip beside the folders: a department that mailed its folder as a zip.
      else if (e.kind === 'file' && isZipName(e.name)) targets.push({ path, zip: true });
      else collector.add(makeDiagnostic('FILE_LOOSE', { name: e.name }, { file: displayPath(workspace, path) }));
    }
  }
  let files = 0;
  let rows = 0;
  for (const [i, { path, zip }] of targets.entries()) {
    // The progress line names the folder on the terminal: an ID in a folder name is masked there too.
    options.onProgress?.(i + 1, targets.length, showText(displayPath(workspace, path), publicReader(ctx.config.publication.maskRule)));
    const res = await checkDepartment(ctx, path, zip ? 'zip' : true, {
      quarter,
      base: workspace,
      index,
      untouchedIsMissing: true,
      onRecord: (file, sheet, r, dept) => {
        if (!options.collect || !dept) return;
        // A record's quarter is its batch's quarter (2026Q3 for 2026Q3-2).
        const rec = toCreditRecord(r, dept, ctx.config.bureau.name, quarterLabel, file, sheet);
        if (rec) records.push(rec);
      },
    });
    departments.push(res);
    files += res.files;
    rows += res.rows;
  }
  // Across the records and the departments of the quarter (rules/quarter/).
  const facts = {
    records: index.findings(),
    quarter: {
      label,
      folders,
      departments: departments.map((d, i) => ({
        ...(d.department ? { name: d.department.name } : {}),
        display: d.display,
        covers: d.covers,
        // A folder that sent nothing (the untouched form `template --all` left, or no file) is no rival
        // of the zip the department mailed instead: no PACKAGE_DEPARTMENT_DUPLICATE for it.
        sent: targets[i]?.zip === true || d.inputs.length > 0,
        ...(d.untouched ? { untouched: true } : {}),
      })),
      matrix: ctx.matrix,
      // A supplementary batch comes from the departments that have something to add: nobody is missing.
      supplementary: batch > 1,
    },
  } satisfies QuarterFacts;
  runQuarterRules(facts, (d) => collector.add(d, undefined, d.sort?.departmentRank));
  const missing = missingDepartments(facts.quarter);
  return { quarter, batch, label, folders, departments, records, missing, files, rows };
}
