/** `hrss-credit validate <path…>`: list files or department folders, checked before they are sent. */
import { basename, dirname, join, resolve } from 'node:path';
import { formatQuarter, parseBatch, resolveBatch, type Quarter } from '../../domain/quarter.js';
import { isLitter, isZipName } from '../../io/sniff.js';
import { beforeAccess } from '../../io/faults.js';
import { displayPath } from '../../io/paths.js';
import { makeDiagnostic } from '../../diagnostics/diagnostic.js';
import { makeContext, type CommonOptions } from '../context.js';
import { checkDepartment, checkEvidence, type DepartmentResult } from './department.js';
import { folderEntries, isEvidenceDirName, isEvidenceFileName, isFeedbackDirName } from '../../io/workspace/folder.js';
import { folderState } from '../../io/workspace/workspace.js';
import { ToolError } from '../../diagnostics/tool-error.js';
import { makeReport, type Report } from '../../diagnostics/report.js';
import type { IoPort } from '../../io/port.js';

export interface ValidateOptions extends CommonOptions {
  department?: string;
  quarter?: string;
  /** Rows read so far in a large file. */
  onProgress?(file: string, rows: number): void;
  /** Each department (folder or single file) once checked: validate --annotate finds its list files here. */
  onDepartment?(res: DepartmentResult, target: { path: string; isFolder: boolean | 'zip' }): void;
}

/** The subfolders of `dir`; PATH_UNREADABLE (exit 2) when it cannot be listed. */
async function subfolders(dir: string, cwd: string, io: IoPort): Promise<string[]> {
  let entries;
  try {
    beforeAccess(dir);
    entries = await folderEntries(dir, io);
  } catch (err) {
    throw new ToolError('PATH_UNREADABLE', { path: displayPath(cwd, dir), problem: (err as NodeJS.ErrnoException).code ?? 'EIO' });
  }
  return entries
    .filter((e) => e.kind === 'folder' && !isLitter(e.name) && !isFeedbackDirName(e.name))
    .map((e) => e.name)
    .sort()
    .map((n) => join(dir, n));
}

/**
 * A folder is a department's, unless it is a quarter folder (its department folders), a workspace's
 * submissions/ (its quarter folders) or a workspace itself (its submissions/).
 */
type Target = { path: string; isFolder: boolean | 'zip'; evidence?: boolean };

/** The zip files lying in a quarter folder: departments too. */
async function zipsIn(dir: string, io: IoPort): Promise<Target[]> {
  const entries = await folderEntries(dir, io).catch(() => []);
  return entries
    .filter((e) => e.kind === 'file' && isZipName(e.name))
    .map((e) => e.name)
    .sort()
    .map((n) => ({ path: join(dir, n), isFolder: 'zip' as const }));
}

async function expandFolder(abs: string, cwd: string, io: IoPort): Promise<Target[]> {
  if (isEvidenceDirName(basename(abs))) return [{ path: abs, isFolder: true, evidence: true }];
  if (parseBatch(basename(abs)))
    return [...(await subfolders(abs, cwd, io)).map((path) => ({ path, isFolder: true })), ...(await zipsIn(abs, io))];
  let subs: string[];
  try {
    subs = await subfolders(abs, cwd, io);
  } catch {
    // A department folder that cannot be read is a finding of that department.
    return [{ path: abs, isFolder: true }];
  }
  if (basename(abs) === 'submissions' && subs.some((s) => parseBatch(basename(s)))) {
    const out: Target[] = [];
    for (const q of subs.filter((s) => parseBatch(basename(s)))) out.push(...(await expandFolder(q, cwd, io)));
    return out;
  }
  const submissions = subs.find((s) => basename(s) === 'submissions');
  if (submissions) return expandFolder(submissions, cwd, io);
  return [{ path: abs, isFolder: true }];
}

export async function validate(paths: readonly string[], options: ValidateOptions): Promise<Report> {
  if (paths.length === 0) throw new ToolError('USAGE', { kind: 'missingArgument', name: 'paths' });
  const ctx = makeContext(options, paths[0]);
  let quarter: Quarter | undefined;
  if (options.quarter !== undefined) {
    // A supplementary batch (2026Q3-2, 2026年第三季度第2批) dates its rows by its quarter, as its folder does.
    quarter = resolveBatch(options.quarter, ctx.today)?.quarter;
    if (!quarter) throw new ToolError('QUARTER_INVALID', { value: options.quarter });
  }
  const targets: Target[] = [];
  for (const p of paths) {
    const abs = resolve(ctx.cwd, p);
    const state = folderState(abs, ctx.io);
    if (state === 'missing') throw new ToolError('PATH_NOT_FOUND', { path: p });
    if (state === 'folder') targets.push(...(await expandFolder(abs, ctx.cwd, ctx.io)));
    else if (isZipName(basename(abs))) targets.push({ path: abs, isFolder: 'zip' });
    // A file in 附件/, or a report, picture or cover scan anywhere, is judged as evidence.
    else
      targets.push({
        path: abs,
        isFolder: false,
        evidence: isEvidenceDirName(basename(dirname(abs))) || isEvidenceFileName(basename(abs)),
      });
  }
  // Files lying directly in a quarter folder belong to no department.
  for (const p of paths) {
    const abs = resolve(ctx.cwd, p);
    if (!parseBatch(basename(abs))) continue;
    for (const e of await folderEntries(abs, ctx.io).catch(() => [])) {
      if (e.kind === 'file' && !isLitter(e.name) && !isZipName(e.name))
        ctx.collector.add(makeDiagnostic('FILE_LOOSE', { name: e.name }, { file: displayPath(ctx.cwd, join(abs, e.name)) }));
    }
  }
  let files = 0;
  let rows = 0;
  let shownQuarter = quarter;
  for (const t of targets) {
    if (t.evidence) {
      files += await checkEvidence(ctx, t.path, t.isFolder === true, ctx.cwd);
      continue;
    }
    const res = await checkDepartment(ctx, t.path, t.isFolder, {
      ...(options.department !== undefined ? { department: options.department } : {}),
      ...(quarter ? { quarter } : {}),
      base: ctx.cwd,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    options.onDepartment?.(res, { path: t.path, isFolder: t.isFolder });
    files += t.isFolder ? res.files : 1;
    rows += res.rows;
    shownQuarter ??= res.quarter;
  }
  return makeReport(ctx, 'validate', files, rows, shownQuarter ? formatQuarter(shownQuarter) : undefined);
}
