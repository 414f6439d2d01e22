/**
 * Checks one department's submission as a whole (validate FOLDER, and each department at
 * compile): lists, cover, sign-offs, evidence judged by its bytes, duplicates and conflicts.
 */
import { basename, dirname, extname, isAbsolute, normalize } from 'node:path';
import { makeDiagnostic, type Location, type RawDiagnostic } from '../../diagnostics/diagnostic.js';
import type { Code, CodeArgs } from '../../diagnostics/codes.js';
import { formatQuarter, parseBatch, parseQuarter, type Quarter } from '../../domain/quarter.js';
import { checkAttachmentBuffer, checkAttachmentBytes } from '../../io/workspace/evidence.js';
// The zip submission's reader is loaded when a zip is met (a list file, CSV or xlsx, is never one): decisions.md
// "A command loads what it uses". An xlsx loads yauzl through its own reader (io/xlsx/xlsx.ts → io/zip/zip.ts).
import type { ZipEntryRef } from '../../io/zip/zip-entry.js';
import type { ZipSubmission } from '../../io/zip/zip-submission.js';
import { FileProblem } from '../../io/errors.js';
import {
  emptyListing,
  holdsNoFiles,
  isCoverName,
  isFeedbackCopyName,
  listDepartment,
  listEvidenceFile,
  listEvidenceFolder,
  MAX_DEPTH,
  type DepartmentListing,
  type FolderEntry,
} from '../../io/workspace/folder.js';
import type { Limits } from '../../schemas/config.js';
import { tooLongName } from '../../io/workspace/name-length.js';
import { collisionKey, departmentFolderName, displayPath, enclosingNames, unsafeSegment, type PathFlavour } from '../../io/paths.js';
import { ioArgs } from '../../io/errors.js';
import { visible } from '../../domain/text.js';
import type { WorkbookSource } from '../../table/cells.js';
import type { DepartmentDef } from '../../schemas/matrix.js';
import { SUBMISSION_RULES } from '../../rules/submission/index.js';
import { runQuarterRules } from '../../rules/quarter/index.js';
import type { RuleEnv, SubmissionFacts } from '../../rules/types.js';
import { isYes, splitNames, type CoverFacts } from '../../table/cover.js';
import { isBlankCover, isUntouchedForm, untouchedBeside } from './untouched-form.js';
import { RecordIndex } from '../../table/record-index.js';
import type { CheckedRecord } from '../../table/list-sheet.js';
import { baseEnv, type Context } from '../context.js';
import { showText, publicReader } from '../../domain/privacy.js';
import { isRemovalName, RemovalReader, REMOVAL_NAME, type RemovalRequest } from '../../table/removal-sheet.js';
import { asFileProblem, checkListSheets, openListFile, problemDiagnostic, readCoverFile, readCoverSheets } from './list-file.js';
import type { IoPort } from '../../io/port.js';

export interface DepartmentOptions {
  /** `--department`, when given. */
  department?: string;
  /** `--quarter` (already resolved), when given. */
  quarter?: Quarter;
  /** Paths in findings are relative to this folder. */
  base: string;
  /** Shared across departments at compile. */
  index?: RecordIndex;
  onRecord?(file: string, sheet: string | undefined, r: CheckedRecord, dept: DepartmentDef | undefined): void;
  /** At compile, cross-record findings are reported once for the whole quarter. */
  reportIndex?: boolean;
  /** In a quarter (status, compile): an untouched form from `template` is no submission (api/department/untouched-form.ts). */
  untouchedIsMissing?: boolean;
  onProgress?(file: string, rows: number): void;
}

export interface EvidenceFile {
  path: string;
  rel: string;
  /** Where it goes under 典型案例/<department>/: unique in the department, even on Windows. */
  target: string;
  display: string;
  kind: 'report' | 'picture' | 'coverScan';
  bytes: number;
  /** Evidence inside a zip submission: read from there (`path` is `<zip>!/<entry>`). */
  zip?: ZipEntryRef;
}

export interface DepartmentResult {
  folder: string;
  display: string;
  department?: DepartmentDef;
  quarter?: Quarter;
  cover?: CoverFacts;
  covers: number;
  nilReport: boolean;
  listFiles: number;
  rows: number;
  red: number;
  black: number;
  byDomain: Record<string, { red: number; black: number }>;
  evidence: EvidenceFile[];
  /** What the manifest lists: the list and cover files read, or the zip submission itself. */
  inputs: { path: string; display: string; bytes: number }[];
  /** List and cover files read (inside a zip too). */
  files: number;
  errors: number;
  warnings: number;
  info: number;
  /** Removal requests (移出申请 sheets and files): read, judged only against a register at compile. */
  removalRequests: RemovalRequest[];
  /** In a quarter: the folder holds only the untouched form `template` wrote (no submission; its message says so). */
  untouched?: boolean;
}

/** The nearest enclosing folder whose name parses as a quarter. */
export function quarterFromPath(path: string, p?: PathFlavour): Quarter | undefined {
  for (const name of enclosingNames(path, 8, p)) {
    // A supplementary batch's folder (2026Q3-2) dates its rows by its quarter.
    const q = parseBatch(name)?.quarter;
    if (q) return q;
  }
  return undefined;
}

export function resolveDepartment(
  ctx: Context,
  option: string | undefined,
  folderName: string | undefined,
  covers: CoverFacts[],
): { dept?: DepartmentDef; unknown?: { name: string; source: 'option' | 'folder' | 'cover' | 'none' } } {
  if (option !== undefined) {
    const d = ctx.matrix.resolveDepartment(option);
    return d ? { dept: d } : { unknown: { name: option, source: 'option' } };
  }
  if (folderName) {
    const d = ctx.matrix.resolveDepartment(folderName);
    if (d) return { dept: d };
  }
  const unit = covers[0]?.values.unit?.text;
  if (unit) {
    const d = ctx.matrix.resolveDepartment(unit);
    if (d) return { dept: d };
  }
  return {
    unknown: folderName ? { name: folderName, source: 'folder' } : unit ? { name: unit, source: 'cover' } : { name: '', source: 'none' },
  };
}

/**
 * A zip names its department by its own name (就业办.zip), else by the one folder it holds (a zip
 * of 就业办/ called 新建压缩文件.zip); neither resolving, the zip's name is the one reported.
 */
function zipDepartmentName(ctx: Context, zipPath: string, top: string | undefined): string {
  const stem = basename(zipPath, extname(zipPath));
  if (ctx.matrix.resolveDepartment(stem) || top === undefined) return stem;
  return ctx.matrix.resolveDepartment(top) ? top : stem;
}

function unsafeName(name: string): 'absolute' | 'outside' | undefined {
  if (isAbsolute(name) || /^[A-Za-z]:/.test(name) || name.startsWith('\\\\')) return 'absolute';
  const n = normalize(name.replace(/\\/g, '/'));
  if (n.startsWith('..') || n.split(/[\\/]/).includes('..')) return 'outside';
  return undefined;
}

/**
 * Names each evidence file under 典型案例/<department>/: its path below the evidence folder (a
 * cover scan: its name), and where two would meet — 附件/a.pdf and attachments/a.pdf, a cover
 * scan at the root and in 附件/, A.pdf and a.pdf, which Windows takes for one — the later one gets
 * ` (2)`, ` (3)` … before its extension. Cover scans come first, then the rest in listing order,
 * so the names do not depend on the run.
 */
function nameTargets(evidence: EvidenceFile[]): void {
  const taken = new Set<string>();
  const ordered = [...evidence.filter((e) => e.kind === 'coverScan'), ...evidence.filter((e) => e.kind !== 'coverScan')];
  for (const e of ordered) {
    const base = e.kind === 'coverScan' ? e.rel : e.rel.slice(e.rel.indexOf('/') + 1);
    let target = base;
    const ext = extname(base);
    const stem = base.slice(0, base.length - ext.length);
    for (let n = 2; taken.has(collisionKey(target)); n++) target = `${stem} (${n})${ext}`;
    taken.add(collisionKey(target));
    e.target = target;
  }
}

interface EvidenceSink {
  report(d: RawDiagnostic): void;
  rank: number;
  limits: Limits;
  fileDisplay(path: string): string;
  /** The folder judged, as findings show it. */
  display: string;
  io: IoPort;
  /**
   * A department folder on the disk, by its name: a zip lying in it is never opened (only one in the quarter
   * folder is a submission), and its finding says where the zip belongs.
   */
  departmentFolder?: string;
}

/**
 * Judges what a listing holds as evidence: links and hard links, unreadable entries, names Windows
 * cannot create, types, sizes, bytes. What passes is what the package copies.
 */
async function judgeEvidence(
  listing: DepartmentListing,
  s: EvidenceSink,
): Promise<{ evidence: EvidenceFile[]; reports: number; pictures: number; valid: Set<string> }> {
  const { report, limits, fileDisplay, display } = s;
  const sort = { departmentRank: s.rank };
  const evidence: EvidenceFile[] = [];
  const valid = new Set<string>();
  let reports = 0;
  let pictures = 0;
  for (const l of listing.links) {
    report(makeDiagnostic('EVIDENCE_PATH_UNSAFE', { name: l.rel, reason: l.reason }, { file: visible(fileDisplay(l.path)) }, sort));
  }
  // Zip submissions: a name that would be extracted outside the folder is never extracted, and its
  // location is spelled out as stored (a path function would resolve the `../` away).
  for (const u of listing.unsafe ?? []) {
    report(
      makeDiagnostic(
        'EVIDENCE_PATH_UNSAFE',
        { name: u.name, reason: u.reason, ...(u.problem ? { problem: u.problem } : {}), inZip: true },
        { file: visible(`${display}!/${u.name}`) },
        sort,
      ),
    );
  }
  for (const e of listing.encrypted ?? []) {
    report(
      makeDiagnostic(
        'FILE_UNSUPPORTED',
        { format: extname(e.name).toLowerCase().slice(1) || 'zip', encrypted: true, inZip: true },
        { file: visible(fileDisplay(e.path)) },
        sort,
      ),
    );
  }
  for (const u of listing.unreadable) {
    report(makeDiagnostic('FILE_UNREADABLE', ioArgs({ code: u.code }), { file: u.rel === '.' ? display : `${display}/${u.rel}` }, sort));
  }
  for (const d of listing.deep ?? []) {
    report(
      makeDiagnostic('EVIDENCE_FILE_IGNORED', { ext: '', folder: true, deep: MAX_DEPTH }, { file: visible(fileDisplay(d.path)) }, sort),
    );
  }
  for (const o of listing.other) {
    // A subfolder other than 附件 (even one named 目录.xlsx) is a folder, not a file of that type.
    const ext = extname(o.name).toLowerCase();
    const args = o.name.endsWith('/')
      ? { ext: '', folder: true as const }
      : ext === '.zip' && s.departmentFolder !== undefined
        ? { ext, zipAt: `${s.departmentFolder}.zip` }
        : { ext: ext || o.name };
    report(makeDiagnostic('EVIDENCE_FILE_IGNORED', args, { file: fileDisplay(o.path) }, sort));
  }
  const candidates = [
    ...listing.attachments.map((a) => ({ ...a, role: a.kind })),
    ...listing.coverScans.map((a) => ({ ...a, role: 'coverScan' as const })),
  ];
  for (const a of candidates) {
    const ext = extname(a.name).toLowerCase();
    const where = { file: fileDisplay(a.path) };
    const badName = a.rel.split('/').find((seg) => unsafeSegment(seg) !== undefined);
    if (badName !== undefined) {
      // The package is unpacked on Windows: a name it cannot create is never written.
      const problem = unsafeSegment(badName)!;
      report(makeDiagnostic('EVIDENCE_PATH_UNSAFE', { name: a.rel, reason: 'name', problem }, { file: visible(where.file) }, sort));
      continue;
    }
    // A name compile could not write (ENAMETOOLONG) is refused here, by validate and compile alike.
    if (tooLongName(a.rel)) {
      report(
        makeDiagnostic('EVIDENCE_PATH_UNSAFE', { name: a.rel, reason: 'name', problem: 'tooLong' }, { file: visible(where.file) }, sort),
      );
      continue;
    }
    if (a.role === 'other') {
      report(makeDiagnostic('EVIDENCE_FILE_IGNORED', { ext: ext || a.name }, where, sort));
      continue;
    }
    if (a.size === 0) {
      report(makeDiagnostic('EVIDENCE_FILE_INVALID', { reason: 'empty', ext }, where, sort));
      continue;
    }
    if (a.size > limits.maxAttachmentBytes) {
      report(
        makeDiagnostic('EVIDENCE_FILE_INVALID', { reason: 'tooLarge', ext, max: limits.maxAttachmentBytes, actual: a.size }, where, sort),
      );
      continue;
    }
    let check;
    try {
      check = a.zip
        ? await checkAttachmentBuffer(await (await import('../../io/zip/zip-entry.js')).readZipEntry(a.zip, s.io), ext)
        : await checkAttachmentBytes(a.path, ext, a.size, s.io);
    } catch (err) {
      if (err instanceof FileProblem) {
        report(makeDiagnostic(err.code, err.args as never, where, sort));
        continue;
      }
      const code = (err as NodeJS.ErrnoException).code;
      if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) report(makeDiagnostic('FILE_UNREADABLE', ioArgs(err), where, sort));
      else report(makeDiagnostic('EVIDENCE_FILE_INVALID', { reason: 'unreadable', ext, detected: 'EIO' }, where, sort));
      continue;
    }
    if (!check.ok) {
      report(makeDiagnostic('EVIDENCE_FILE_INVALID', { reason: 'mismatch', ext, detected: check.detected }, where, sort));
      continue;
    }
    if (a.role === 'report') reports++;
    else if (a.role === 'picture') pictures++;
    valid.add(a.rel.slice(a.rel.indexOf('/') + 1));
    valid.add(a.name);
    evidence.push({
      path: a.path,
      rel: a.rel,
      target: '',
      display: where.file,
      kind: a.role,
      bytes: a.size,
      ...(a.zip ? { zip: a.zip } : {}),
    });
  }
  nameTargets(evidence);
  return { evidence, reports, pictures, valid };
}

/**
 * `validate 附件/` or `validate 典型案例.pdf`: evidence judged as evidence — type by its bytes,
 * size, name, links — with no department, cover or list to look for. Returns the files judged.
 */
export async function checkEvidence(ctx: Context, target: string, isFolder: boolean, base: string): Promise<number> {
  const listing = isFolder ? await listEvidenceFolder(target, ctx.io) : await listEvidenceFile(target, ctx.io);
  const rank = Number.MAX_SAFE_INTEGER;
  await judgeEvidence(listing, {
    report: (d) => ctx.collector.add(d, undefined, rank),
    rank,
    limits: ctx.config.limits,
    fileDisplay: (p) => displayPath(base, p),
    display: displayPath(base, dirname(target)),
    io: ctx.io,
  });
  return listing.attachments.length + listing.coverScans.length + listing.links.length + listing.other.length + listing.unreadable.length;
}

/**
 * Checks a department folder (isFolder), a department's zip ('zip', read like its folder:
 * department.md "Submissions that arrive as zip files") or a single list file.
 */
export async function checkDepartment(
  ctx: Context,
  target: string,
  isFolder: boolean | 'zip',
  options: DepartmentOptions,
): Promise<DepartmentResult> {
  if (isFolder !== 'zip') return checkSubmission(ctx, target, isFolder, options);
  let sub: ZipSubmission | undefined;
  let problem: FileProblem | undefined;
  try {
    const { openZipSubmission } = await import('../../io/zip/zip-submission.js');
    sub = await openZipSubmission(target, ctx.config.limits, ctx.io);
  } catch (err) {
    problem = asFileProblem(err);
    if (!problem) throw err;
  }
  try {
    return await checkSubmission(ctx, target, true, options, { sub, problem });
  } finally {
    // The temporary copies of its lists go with it, whatever happened.
    sub?.close();
  }
}

/**
 * Where a department's findings go: the collector, with the department and its rank once known, and
 * the department's own counts (for status and the package's 报送情况).
 */
class DepartmentSink {
  rank = Number.MAX_SAFE_INTEGER;
  name: string | undefined;
  errors = 0;
  warnings = 0;
  info = 0;

  constructor(private readonly ctx: Context) {}

  readonly report = (d: RawDiagnostic): void => {
    const counts = this.ctx.collector.counts;
    const before = { ...counts };
    this.ctx.collector.add(d, this.name, this.rank);
    this.errors += counts.error - before.error;
    this.warnings += counts.warning - before.warning;
    this.info += counts.info - before.info;
  };
}

/** A folder, a zip or a single file, and how its names are shown. */
interface SubmissionSource {
  target: string;
  isFolder: boolean;
  folder: string;
  display: string;
  listing: DepartmentListing | undefined;
  zip: { sub: ZipSubmission | undefined; problem: FileProblem | undefined } | undefined;
  fileDisplay(p: string): string;
}

/** Step 1: the data files opened and the covers read first (the cover may name the department). */
async function openFiles(
  ctx: Context,
  src: SubmissionSource,
  /** The lists' sheets to be read once, their merges found on the way (list-once.ts). */
  once: boolean,
): Promise<{
  listEntries: FolderEntry[];
  /** Files named *移出申请*: removal requests, not lists (a nil report may still send one). */
  removalEntries: FolderEntry[];
  openEntry(entry: FolderEntry): Promise<WorkbookSource | undefined>;
  coverEntries: FolderEntry[];
  opened: { entry: FolderEntry; wb: WorkbookSource | undefined }[];
  covers: CoverFacts[];
  /** The covers each data file gave, by its path (the untouched-form rule judges each file). */
  coversOf: Map<string, CoverFacts[]>;
  /** Findings made before the department (and so its rank) is known. */
  pending: RawDiagnostic[];
}> {
  const { target, listing, zip, fileDisplay, display } = src;
  const limits = ctx.config.limits;
  const rank = Number.MAX_SAFE_INTEGER;
  // A single file named 报送单.* is a cover, never a list (submission.md "Which sheets are lists").
  const single: FolderEntry = { name: basename(target), path: target, rel: basename(target), size: 0 };
  const singleIsCover = !listing && isCoverName(target);
  const singleIsFeedback = !listing && isFeedbackCopyName(target);
  const dataEntries: FolderEntry[] = listing ? listing.lists : singleIsCover || singleIsFeedback ? [] : [single];
  const removalEntries = dataEntries.filter((e) => isRemovalName(e.name));
  const listEntries = dataEntries.filter((e) => !isRemovalName(e.name));
  const coverEntries: FolderEntry[] = listing ? listing.coverFiles : singleIsCover ? [single] : [];
  const opened: { entry: FolderEntry; wb: WorkbookSource | undefined }[] = [];
  const covers: CoverFacts[] = [];
  const coversOf = new Map<string, CoverFacts[]>();
  const pending: RawDiagnostic[] = [];
  const early = { report: (d: RawDiagnostic) => pending.push(d), departmentRank: rank };
  if (zip?.problem) early.report(problemDiagnostic(display, zip.problem, rank));
  /** A list or cover; inside a zip, first copied out to a temporary file (limits.maxFileBytes first). */
  const openEntry = async (entry: FolderEntry, list = false): Promise<WorkbookSource | undefined> => {
    if (!entry.zip || !zip?.sub) return openListFile(entry.path, fileDisplay(entry.path), limits, early, ctx.io, list && once);
    let path: string;
    try {
      path = await zip.sub.materialise(entry, limits.maxFileBytes);
    } catch (err) {
      const p = asFileProblem(err);
      if (!p) throw err;
      early.report(problemDiagnostic(fileDisplay(entry.path), p, rank));
      return undefined;
    }
    return openListFile(path, fileDisplay(entry.path), limits, early, ctx.io, list && once);
  };
  for (const entry of coverEntries) {
    const wb = await openEntry(entry);
    if (!wb) continue;
    const cover = await readCoverFile(wb, fileDisplay(entry.path), early);
    await wb.close();
    if (cover) {
      covers.push(cover);
      coversOf.set(entry.path, [cover]);
    }
  }
  for (const entry of listEntries) {
    const wb = await openEntry(entry, true);
    if (wb) {
      const found = await readCoverSheets(wb, fileDisplay(entry.path), early);
      covers.push(...found);
      coversOf.set(entry.path, found);
    }
    opened.push({ entry, wb });
  }
  return { listEntries, removalEntries, openEntry, coverEntries, opened, covers, coversOf, pending };
}

/** Step 2: the department and the quarter (workspace.md "Departments", "Quarters"), and the rules' environment. */
function placeSubmission(
  ctx: Context,
  src: SubmissionSource,
  options: DepartmentOptions,
  covers: CoverFacts[],
  pending: RawDiagnostic[],
  sink: DepartmentSink,
): { dept: DepartmentDef | undefined; quarter: Quarter | undefined; env: RuleEnv } {
  const { target, isFolder, folder, zip, display } = src;
  const resolved = resolveDepartment(
    ctx,
    options.department,
    zip ? zipDepartmentName(ctx, target, zip.sub?.topFolder) : departmentFolderName(target, isFolder),
    covers,
  );
  const dept = resolved.dept;
  if (dept) {
    sink.name = dept.name;
    sink.rank = ctx.matrix.departmentRank(dept.name);
  }
  const rank = sink.rank;
  for (const d of pending) sink.report({ ...d, sort: { ...d.sort, departmentRank: rank } } as RawDiagnostic);
  // A feedback copy is the department's file marked up by us: send the corrected original instead.
  const single: FolderEntry = { name: basename(target), path: target, rel: basename(target), size: 0 };
  const singleIsFeedback = !src.listing && isFeedbackCopyName(target);
  for (const f of src.listing?.feedbackCopies ?? (singleIsFeedback ? [single] : [])) {
    sink.report(makeDiagnostic('FILE_FEEDBACK_COPY', { name: f.name }, { file: src.fileDisplay(f.path) }, { departmentRank: rank }));
  }
  if (resolved.unknown) {
    sink.report(makeDiagnostic('MATRIX_DEPARTMENT_UNKNOWN', resolved.unknown, { file: display }, { departmentRank: rank }));
  }
  const coverQuarter = covers[0]?.values.quarter?.text ? parseQuarter(covers[0].values.quarter.text) : undefined;
  const quarter = options.quarter ?? quarterFromPath(isFolder ? folder : target) ?? coverQuarter;
  const env: RuleEnv = { ...baseEnv(ctx), ...(quarter ? { quarter } : {}), ...(dept ? { department: dept } : {}) };
  return { dept, quarter, env };
}

/** Step 3: the lists, row by row (the row rules), counted by list and domain. */
async function checkLists(
  ctx: Context,
  src: SubmissionSource,
  options: DepartmentOptions,
  opened: { entry: FolderEntry; wb: WorkbookSource | undefined }[],
  env: RuleEnv,
  dept: DepartmentDef | undefined,
  index: RecordIndex,
  sink: DepartmentSink,
  /** Called with each workbook before it closes (its 移出申请 sheets are read then). */
  afterLists?: (wb: WorkbookSource, file: string) => Promise<void>,
): Promise<{
  rows: number;
  red: number;
  black: number;
  byDomain: Record<string, { red: number; black: number }>;
  /** List rows read, by file path. */
  rowsOf: Map<string, number>;
}> {
  const deptName = sink.name;
  const rowsOf = new Map<string, number>();
  const rank = sink.rank;
  let rows = 0;
  let red = 0;
  let black = 0;
  // Keyed by domain names from config: a null prototype, so a domain called `constructor` is just a name.
  const byDomain: Record<string, { red: number; black: number }> = Object.create(null) as Record<string, { red: number; black: number }>;
  // Without a caller's onRecord what it does (counting by domain) can be undone: a list sheet is then read
  // once on a guess (list-once.ts).
  const undo = options.onRecord
    ? undefined
    : {
        mark: () => Object.entries(byDomain).map(([k, v]) => [k, { ...v }] as const),
        rollback: (m: unknown) => {
          for (const k of Object.keys(byDomain)) delete byDomain[k];
          for (const [k, v] of m as [string, { red: number; black: number }][]) byDomain[k] = v;
        },
      };
  for (const { entry, wb } of opened) {
    if (!wb) continue;
    try {
      const res = await checkListSheets(wb, src.fileDisplay(entry.path), env, {
        ...(undo ? { undo } : {}),
        ...(deptName !== undefined ? { department: deptName } : {}),
        departmentRank: rank,
        report: sink.report,
        index,
        ...(options.onProgress
          ? {
              onProgress: (file: string, rows: number) =>
                options.onProgress?.(showText(file, publicReader(ctx.config.publication.maskRule)), rows),
            }
          : {}),
        onRecord: (file, sheet, r) => {
          const b = (byDomain[r.domain] ??= { red: 0, black: 0 });
          b[r.listType]++;
          options.onRecord?.(file, sheet, r, dept);
        },
      });
      rows += res.rows;
      rowsOf.set(entry.path, res.rows);
      red += res.red;
      black += res.black;
      // A file that would not have opened: its other sheets are not read either.
      if (!res.openFailed) await afterLists?.(wb, src.fileDisplay(entry.path));
    } finally {
      await wb.close();
    }
  }
  return { rows, red, black, byDomain, rowsOf };
}

/** Reads the removal requests of a workbook: its 移出申请 sheets, or (a 移出申请 file) its first sheet with a header. */
async function readRemovals(wb: WorkbookSource, file: string, whole: boolean, sink: DepartmentSink, out: RemovalRequest[]): Promise<void> {
  for (const sheet of wb.sheets) {
    if (sheet.hidden || (!whole && !sheet.name.includes(REMOVAL_NAME))) continue;
    const reader = new RemovalReader({
      file,
      ...(wb.kind === 'xlsx' ? { sheet: sheet.name } : {}),
      ...(sink.name !== undefined ? { department: sink.name } : {}),
    });
    try {
      await sheet.read((r) => reader.onRow(r));
    } catch (err) {
      const problem = asFileProblem(err);
      if (!problem) throw err;
      sink.report(problemDiagnostic(file, problem, sink.rank));
      continue;
    }
    out.push(...reader.requests);
    if (whole && reader.found) break;
  }
}

/**
 * A folder with no file at all (litter aside) is not submitted yet: no "no cover", no finding of its
 * own; compile says PACKAGE_SUBMISSION_MISSING as for an absent folder.
 */
async function isNotFilled(src: SubmissionSource, io: IoPort): Promise<boolean> {
  const { zip, isFolder, listing, folder } = src;
  return (
    !zip &&
    isFolder &&
    listing !== undefined &&
    listing.unreadable.length === 0 &&
    [listing.lists, listing.coverFiles, listing.coverScans, listing.attachments, listing.links].every((l) => l.length === 0) &&
    listing.other.every((o) => o.name.endsWith('/')) &&
    (await holdsNoFiles(folder, io))
  );
}

/** Step 4: the evidence, judged by its bytes (links never followed), and the files the cover names but the folder lacks. */
async function checkSubmissionEvidence(
  ctx: Context,
  src: SubmissionSource,
  dept: DepartmentDef | undefined,
  covers: CoverFacts[],
  notFilled: boolean,
  sink: DepartmentSink,
): Promise<{ evidence: EvidenceFile[]; reports: number; pictures: number; namedMissing: string[] }> {
  const { listing, display, fileDisplay } = src;
  const { report, rank } = sink;
  const evidence: EvidenceFile[] = [];
  let reports = 0;
  let pictures = 0;
  const namedMissing: string[] = [];
  if (listing && !notFilled) {
    const departmentFolder = src.isFolder && src.zip === undefined ? { departmentFolder: basename(src.folder) } : {};
    const judged = await judgeEvidence(listing, {
      report,
      rank,
      limits: ctx.config.limits,
      fileDisplay,
      display,
      io: ctx.io,
      ...departmentFolder,
    });
    evidence.push(...judged.evidence);
    reports = judged.reports;
    pictures = judged.pictures;
    const valid = judged.valid;
    // The department's name is the folder of its evidence in the package.
    const problem = dept && evidence.length > 0 ? unsafeSegment(dept.name) : undefined;
    if (dept && problem)
      report(
        makeDiagnostic('EVIDENCE_PATH_UNSAFE', { name: dept.name, reason: 'name', problem }, { file: display }, { departmentRank: rank }),
      );
    const named = covers[0]?.values.cases?.text;
    if (named) {
      for (const name of splitNames(named)) {
        const unsafe = unsafeName(name);
        if (unsafe) {
          report(makeDiagnostic('EVIDENCE_PATH_UNSAFE', { name, reason: unsafe }, { file: display }, { departmentRank: rank }));
          continue;
        }
        const bare = name.replace(/\\/g, '/').replace(/^(?:附件|attachments)\//i, '');
        if (!valid.has(bare) && !valid.has(basename(bare))) namedMissing.push(name);
      }
    }
  }
  return { evidence, reports, pictures, namedMissing };
}

/** Step 5: the submission as a whole (the submission rules); alone, also across its records (the quarter rules). */
function checkWhole(
  src: SubmissionSource,
  options: DepartmentOptions,
  facts: SubmissionFacts,
  index: RecordIndex,
  notFilled: boolean,
  sink: DepartmentSink,
): void {
  const { listing, zip, display } = src;
  const rank = sink.rank;
  // A folder that cannot be listed has already said so (FILE_UNREADABLE); "no cover" would mislead.
  const folderUnreadable = (listing?.unreadable.some((u) => u.rel === '.') ?? false) || zip?.problem !== undefined;
  const reportSubmission = <C extends Code>(code: C, args: CodeArgs[C], location?: Location): void =>
    sink.report(makeDiagnostic(code, args, location ?? { file: display }, { departmentRank: rank }));
  for (const rule of folderUnreadable || notFilled ? [] : SUBMISSION_RULES) rule.check(facts, reportSubmission);
  if (!options.index || options.reportIndex) runQuarterRules({ records: index.findings() }, sink.report);
}

async function checkSubmission(
  ctx: Context,
  target: string,
  isFolder: boolean,
  options: DepartmentOptions,
  zip?: { sub: ZipSubmission | undefined; problem: FileProblem | undefined },
): Promise<DepartmentResult> {
  const folder = isFolder ? target : dirname(target);
  const display = displayPath(options.base, isFolder ? folder : target);
  const src: SubmissionSource = {
    target,
    isFolder,
    folder,
    display,
    listing: zip ? (zip.sub?.listing ?? emptyListing()) : isFolder ? await listDepartment(folder, ctx.io) : undefined,
    zip,
    // Inside a zip the names are the department's own bytes, decoded: shown as visible characters.
    fileDisplay: (p: string): string => (zip ? visible(displayPath(options.base, p)) : displayPath(options.base, p)),
  };
  const sink = new DepartmentSink(ctx);

  const {
    listEntries,
    removalEntries,
    openEntry,
    coverEntries,
    opened,
    covers: allCovers,
    coversOf,
    pending,
  } = await openFiles(ctx, src, !options.onRecord);
  // A blank cover (an untouched form's) never names the department or the quarter while a filled one can.
  const placing = [...allCovers.filter((c) => !isBlankCover(c)), ...allCovers.filter((c) => isBlankCover(c))];
  const { dept, quarter, env } = placeSubmission(ctx, src, options, placing, pending, sink);
  const index = options.index ?? new RecordIndex();
  // Removal requests: 移出申请 sheets of list workbooks (read before each closes), then 移出申请 files.
  const removalRequests: RemovalRequest[] = [];
  const { rows, red, black, byDomain, rowsOf } = await checkLists(ctx, src, options, opened, env, dept, index, sink, async (wb, file) => {
    if (wb.kind === 'xlsx' && wb.sheets.some((sh) => sh.name.includes(REMOVAL_NAME)))
      await readRemovals(wb, file, false, sink, removalRequests);
  });
  for (const entry of removalEntries) {
    const wb = await openEntry(entry);
    if (!wb) continue;
    try {
      await readRemovals(wb, src.fileDisplay(entry.path), true, sink, removalRequests);
    } finally {
      await wb.close();
    }
  }
  // An untouched form beside the department's filled file (template --all left it there) is no part of
  // the submission: not read, no cover, no input; an info finding names it (api/untouched-form.ts).
  const ignored = new Set(
    untouchedBeside(
      [...coverEntries, ...listEntries, ...removalEntries].map((entry) => ({
        entry,
        covers: coversOf.get(entry.path) ?? [],
        rows: rowsOf.get(entry.path) ?? 0,
        removalRequests: removalRequests.filter((q) => q.file === src.fileDisplay(entry.path)).length,
        form: listEntries.includes(entry),
      })),
    ),
  );
  for (const entry of ignored)
    sink.report(
      makeDiagnostic(
        'FILE_UNTOUCHED_FORM',
        { name: visible(entry.name) },
        { file: src.fileDisplay(entry.path) },
        { departmentRank: sink.rank },
      ),
    );
  const ignoredCovers = new Set([...ignored].flatMap((e) => coversOf.get(e.path) ?? []));
  const covers = allCovers.filter((c) => !ignoredCovers.has(c));
  const readLists = listEntries.filter((e) => !ignored.has(e));
  const untouched = options.untouchedIsMissing === true && isUntouchedForm(covers, rows, removalRequests.length);
  const notFilled = untouched || (await isNotFilled(src, ctx.io));
  const { evidence, reports, pictures, namedMissing } = await checkSubmissionEvidence(ctx, src, dept, covers, notFilled, sink);
  const facts: SubmissionFacts = {
    env,
    ...(isFolder ? { folder: display } : {}),
    ...(zip ? { evidenceFolder: `${display}!/${zip.sub?.topFolder ? `${visible(zip.sub.topFolder)}/` : ''}附件` } : {}),
    covers,
    listFiles: readLists.length,
    rows: { red, black },
    evidence: { reports, pictures, namedMissing },
    ...(quarter ? { quarterFromPath: formatQuarter(quarter) } : {}),
    removals: removalRequests,
  };
  checkWhole(src, options, facts, index, notFilled, sink);

  // A zip is one input: its hash pins every entry in it (docs/decisions.md).
  // An untouched form sent nothing: it is no input of the package either.
  const inputs = untouched
    ? []
    : zip
      ? zip.sub
        ? [{ path: target, display, bytes: zip.sub.bytes }]
        : []
      : [...coverEntries, ...readLists, ...removalEntries].map((e) => ({
          path: e.path,
          display: src.fileDisplay(e.path),
          bytes: e.size,
        }));
  const cover = covers[0];
  return {
    folder,
    display,
    ...(dept ? { department: dept } : {}),
    ...(quarter ? { quarter } : {}),
    ...(cover && !untouched ? { cover } : {}),
    covers: untouched ? 0 : covers.length,
    ...(untouched ? { untouched: true } : {}),
    nilReport: isYes(cover?.values.nil),
    listFiles: readLists.length,
    rows,
    red,
    black,
    byDomain,
    evidence,
    inputs,
    files: coverEntries.length + readLists.length + removalEntries.length,
    errors: sink.errors,
    warnings: sink.warnings,
    info: sink.info,
    removalRequests,
  };
}
