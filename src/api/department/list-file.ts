/** Reads one list file: its cover sheets, then its list sheets, into findings and records. */
import { basename, extname } from 'node:path';
import { makeDiagnostic, type RawDiagnostic } from '../../diagnostics/diagnostic.js';
import type { MergeRange, WorkbookSource, SheetSource } from '../../table/cells.js';
import { FileProblem, ioProblem, unreadable } from '../../io/errors.js';
import { openWorkbook } from '../../io/sniff.js';
import type { Limits } from '../../schemas/config.js';
import { listTypeFromName } from '../../schemas/enums.js';
import { CoverReader, type CoverFacts } from '../../table/cover.js';
import { scoreRows } from '../../table/header.js';
import { ListSheet, type CheckedRecord } from '../../table/list-sheet.js';
import type { RecordIndex } from '../../table/record-index.js';
import type { RuleEnv } from '../../rules/types.js';
import { runRowRules } from '../../rules/run-rows.js';
import type { IoPort } from '../../io/port.js';
import { checkOnce, type SheetReading } from './list-once.js';

// 移出申请 is a removal request (register.md "Removal requests"), never a list.
const NOT_LIST_SHEET = /报送单|说明|字典|代码表|示例|移出申请/;

export interface FileSink {
  department?: string;
  departmentRank: number;
  report(d: RawDiagnostic): void;
  index?: RecordIndex;
  onRecord?(file: string, sheet: string | undefined, r: CheckedRecord): void;
  onProgress?(file: string, rows: number): void;
  /** Given when what onRecord did since mark() can be undone: a sheet can then be read once on a guess (list-once.ts). */
  undo?: { mark(): unknown; rollback(mark: unknown): void };
}

export interface ListFileResult {
  rows: number;
  red: number;
  black: number;
  isList: boolean;
  readable: boolean;
  /** The file would not have opened (a part the merge scan cannot read): nothing else of it is read. */
  openFailed?: boolean;
}

export function problemDiagnostic(file: string, err: FileProblem, rank: number): RawDiagnostic {
  return makeDiagnostic(
    err.code,
    err.args as never,
    { file, ...(err.row !== undefined ? { row: err.row } : {}) },
    { departmentRank: rank },
  );
}

/**
 * The sheets checkListSheets reads as lists (not hidden, not named as no list), in a workbook without a
 * visible 报送单 sheet: its covers are read before the lists, which a file that would not have opened must not give.
 */
function readOnce(sheet: { name: string; hidden: boolean }, all: readonly { name: string; hidden: boolean }[]): boolean {
  return !sheet.hidden && !NOT_LIST_SHEET.test(sheet.name) && !all.some((s) => !s.hidden && s.name.includes('报送单'));
}

/** Opens a data file; a file that cannot be opened becomes a finding and `undefined`. */
export async function openListFile(
  path: string,
  display: string,
  limits: Limits,
  sink: Pick<FileSink, 'report' | 'departmentRank'>,
  io?: IoPort,
  /** Its list sheets' merges found when they are read (checkListSheets), not now. */
  once = false,
): Promise<WorkbookSource | undefined> {
  try {
    return await openWorkbook(path, basename(path, extname(path)), {
      limits,
      score: scoreRows,
      ...(io ? { io } : {}),
      ...(once ? { deferMerges: readOnce } : {}),
    });
  } catch (err) {
    const problem = asFileProblem(err);
    if (problem) {
      sink.report(problemDiagnostic(display, problem, sink.departmentRank));
      return undefined;
    }
    throw err;
  }
}

/**
 * Reading errors that are not already findings (a stream error deep inside a library on a damaged
 * file) become FILE_UNREADABLE for that file; only our own logic errors (TypeError and the like,
 * raised by the row rules) still stop the run, with exit 2.
 */
export function asFileProblem(err: unknown): FileProblem | undefined {
  if (err instanceof FileProblem) return err;
  if (err instanceof TypeError || err instanceof RangeError || err instanceof ReferenceError) return undefined;
  const e = err as NodeJS.ErrnoException | undefined;
  if (e && typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) return ioProblem(e);
  return unreadable({ reason: 'damaged', detail: String((err as Error | undefined)?.message ?? err).slice(0, 200) });
}

async function readSheet(sheet: SheetSource, onRow: Parameters<SheetSource['read']>[0]): Promise<FileProblem | undefined> {
  try {
    await sheet.read(onRow);
    return undefined;
  } catch (err) {
    const problem = asFileProblem(err);
    if (problem) return problem;
    throw err;
  }
}

/** Reads the sheets named 报送单 (a cover inside a list workbook). */
export async function readCoverSheets(
  wb: WorkbookSource,
  display: string,
  sink: Pick<FileSink, 'report' | 'departmentRank'>,
): Promise<CoverFacts[]> {
  const covers: CoverFacts[] = [];
  if (wb.kind !== 'xlsx') return covers;
  for (const sheet of wb.sheets) {
    if (!sheet.name.includes('报送单') || sheet.hidden) continue;
    const reader = new CoverReader();
    const problem = await readSheet(sheet, (r) => reader.onRow(r));
    if (problem) {
      sink.report(problemDiagnostic(display, problem, sink.departmentRank));
      continue;
    }
    covers.push(reader.facts(display, sheet.name, sheet.index));
  }
  return covers;
}

/** Reads a cover file (报送单.xlsx / 报送单.csv): its first visible sheet. */
export async function readCoverFile(
  wb: WorkbookSource,
  display: string,
  sink: Pick<FileSink, 'report' | 'departmentRank'>,
): Promise<CoverFacts | undefined> {
  const sheet = wb.sheets.find((s) => !s.hidden && s.name.includes('报送单')) ?? wb.sheets.find((s) => !s.hidden);
  if (!sheet) return undefined;
  const reader = new CoverReader();
  const problem = await readSheet(sheet, (r) => reader.onRow(r));
  if (problem) {
    sink.report(problemDiagnostic(display, problem, sink.departmentRank));
    return undefined;
  }
  return reader.facts(display, wb.kind === 'xlsx' ? sheet.name : undefined, sheet.index);
}

/**
 * Checks every list sheet of an opened workbook. A workbook opened with its list sheets' merges deferred
 * (openListFile's `once`) is read once on a guess when the sink can undo (list-once.ts), else — and when
 * the guess does not hold — as before: the merges scanned first, and a part the scan cannot read makes
 * the file unreadable as it would have at open (`openFailed`).
 */
export async function checkListSheets(wb: WorkbookSource, display: string, env: RuleEnv, sink: FileSink): Promise<ListFileResult> {
  if (!wb.sheets.some((s) => s.once)) return checkSheets(wb, display, env, sink, (s) => s.merges);
  const guessed = sink.undo ? await checkOnce(wb, display, env, sink, checkSheets) : undefined;
  if (guessed?.result) return guessed.result;
  const merges = new Map<SheetSource, readonly MergeRange[]>();
  for (const s of wb.sheets) {
    if (!s.once) continue;
    try {
      merges.set(s, await s.once.merges());
    } catch (err) {
      const problem = asFileProblem(err);
      if (!problem) throw err;
      sink.report(problemDiagnostic(display, problem, sink.departmentRank));
      return { rows: 0, red: 0, black: 0, isList: false, readable: false, openFailed: true };
    }
  }
  // Read again after a guess that did not hold: the progress lines it gave are not given twice.
  const shown = guessed?.progress ?? 0;
  const again: FileSink = sink.onProgress
    ? { ...sink, onProgress: (file, rows) => (rows > shown ? sink.onProgress?.(file, rows) : undefined) }
    : sink;
  return checkSheets(wb, display, env, again, (s) => merges.get(s) ?? s.merges);
}

const PLAIN: SheetReading = { read: (sheet, list) => readSheet(sheet, (r) => list.onRow(r)) };

async function checkSheets(
  wb: WorkbookSource,
  display: string,
  env: RuleEnv,
  sink: FileSink,
  mergesOf: (sheet: SheetSource) => readonly MergeRange[],
  reading: SheetReading = PLAIN,
): Promise<ListFileResult> {
  const result: ListFileResult = { rows: 0, red: 0, black: 0, isList: false, readable: true };
  const csv = wb.kind === 'csv';
  for (const sheet of wb.sheets) {
    if (!csv && NOT_LIST_SHEET.test(sheet.name)) continue;
    const fromName = listTypeFromName(sheet.name);
    if (sheet.hidden) {
      if (fromName) {
        sink.report(
          makeDiagnostic(
            'SHEET_HIDDEN',
            { what: 'sheet' },
            { file: display, sheet: sheet.name },
            { sheetIndex: sheet.index, departmentRank: sink.departmentRank },
          ),
        );
      }
      continue;
    }
    const list = new ListSheet({
      env,
      checkRow: runRowRules,
      file: display,
      sheetName: sheet.name,
      ...(csv ? {} : { locationSheet: sheet.name }),
      sheetIndex: sheet.index,
      merges: mergesOf(sheet),
      forced: csv || fromName !== undefined,
      ...(fromName ? { listTypeFromName: fromName } : {}),
      ...(csv && wb.encoding ? { encoding: wb.encoding } : {}),
      ...(csv ? { extraCells: true } : {}),
      ...(wb.decodeState ? { decodeState: wb.decodeState } : {}),
      ...(sink.department !== undefined ? { department: sink.department } : {}),
      departmentRank: sink.departmentRank,
      report: sink.report,
      ...(sink.index ? { index: sink.index } : {}),
      ...(sink.onRecord ? { onRecord: (r: CheckedRecord) => sink.onRecord?.(display, csv ? undefined : sheet.name, r) } : {}),
      ...(sink.onProgress ? { onProgress: sink.onProgress } : {}),
    });
    const problem = await reading.read(sheet, list);
    const res = list.end();
    reading.after?.(list);
    if (problem) {
      result.readable = false;
      sink.report(
        makeDiagnostic(
          problem.code,
          problem.args as never,
          { file: display, ...(csv ? {} : { sheet: sheet.name }), ...(problem.row !== undefined ? { row: problem.row } : {}) },
          { sheetIndex: sheet.index, departmentRank: sink.departmentRank },
        ),
      );
    }
    // An empty sheet named 红名单/黑名单 is a list with no rows (docs/decisions.md "Empty list sheets"):
    // a file whose only list sheets are empty lists nothing, and says so by its counts, not FILE_NO_LIST.
    if (res.isList || (fromName !== undefined && !res.hadContent && !problem)) {
      result.isList = true;
      result.rows += res.rows;
      result.red += res.red;
      result.black += res.black;
    }
  }
  // A workbook holding only 移出申请 (a nil report's removal requests) is not a list file gone wrong.
  if (!result.isList && result.readable && !wb.sheets.some((sh) => !sh.hidden && sh.name.includes('移出申请'))) {
    sink.report(makeDiagnostic('FILE_NO_LIST', { sheets: wb.sheets.length }, { file: display }, { departmentRank: sink.departmentRank }));
  }
  return result;
}
