/**
 * A workbook's list sheets read once on a guess (docs/decisions.md "The sheet read once"). A sheet's merges
 * live after its rows; scanning for them first inflated the whole sheet twice. Here the rows are checked
 * as they come, read as if the sheet had no merge, while the merge scan reads the same bytes beside them;
 * at the sheet's end the guess holds when the merges found would have changed nothing (the same header,
 * no merge spanning rows that starts at a data row: ListSheet.sameWithMerges). Until every sheet of the
 * workbook is read and holds, nothing leaves: the findings wait in a journal, the record index and what
 * onRecord did can be undone. When the guess does not hold — or anything fails, or the journal grows past
 * JOURNAL_MAX — all of it is undone and the workbook is read as before (list-file.ts).
 */
import type { RawDiagnostic } from '../../diagnostics/diagnostic.js';
import type { FileProblem } from '../../io/errors.js';
import type { MergeRange, SheetSource, WorkbookSource } from '../../table/cells.js';
import type { ListSheet } from '../../table/list-sheet.js';
import type { RecordIndex } from '../../table/record-index.js';
import type { RuleEnv } from '../../rules/types.js';

/** How a sheet is read: its rows to the ListSheet; a hook after its end. */
export interface SheetReading {
  read(sheet: SheetSource, list: ListSheet<RuleEnv>): Promise<FileProblem | undefined>;
  after?(list: ListSheet<RuleEnv>): void;
}

/** What of list-file.ts's FileSink the guess holds back or undoes. */
interface OnceSink {
  report(d: RawDiagnostic): void;
  index?: RecordIndex;
  onProgress?(file: string, rows: number): void;
  undo?: { mark(): unknown; rollback(mark: unknown): void };
}

/** list-file.ts's checkSheets: the workbook's list sheets checked, their merges and their reading given. */
type Check<S, R> = (
  wb: WorkbookSource,
  display: string,
  env: RuleEnv,
  sink: S,
  mergesOf: (sheet: SheetSource) => readonly MergeRange[],
  reading: SheetReading,
) => Promise<R>;

/** Findings held back at most (a sheet with more is read again as before: the collector keeps few of them anyway). */
const JOURNAL_MAX = 50_000;

/** Thrown inside the guessed read to leave it: the workbook is then read as before. */
class GuessFailed extends Error {}

export interface Guess<R> {
  /** The workbook's result when the guess held. */
  result?: R;
  /** The highest row count the progress lines gave while guessing. */
  progress: number;
}

export async function checkOnce<S extends OnceSink, R>(
  wb: WorkbookSource,
  display: string,
  env: RuleEnv,
  sink: S,
  check: Check<S, R>,
): Promise<Guess<R>> {
  const undo = sink.undo;
  const guess: Guess<R> = { progress: 0 };
  if (!undo) return guess;
  const journal: RawDiagnostic[] = [];
  const indexMark = sink.index?.mark();
  const recordsMark = undo.mark();
  const guessing: S = {
    ...sink,
    report: (d) => {
      if (journal.length >= JOURNAL_MAX) throw new GuessFailed('too many findings to hold back');
      journal.push(d);
    },
    ...(sink.onProgress
      ? {
          onProgress: (file: string, rows: number) => {
            guess.progress = Math.max(guess.progress, rows);
            sink.onProgress?.(file, rows);
          },
        }
      : {}),
  };
  let merges: readonly MergeRange[] = [];
  try {
    const result = await check(wb, display, env, guessing, (s) => (s.once ? [] : s.merges), {
      async read(sheet, list) {
        merges = [];
        try {
          if (sheet.once) merges = await sheet.once.read((r) => list.onRow(r));
          else {
            await sheet.read((r) => list.onRow(r));
            merges = sheet.merges;
          }
        } catch {
          // A part the scan or the rows' parser cannot read: read as before, which says so as it always did.
          throw new GuessFailed('read');
        }
        return undefined;
      },
      after(list) {
        if (!list.sameWithMerges(merges)) throw new GuessFailed('merges');
      },
    });
    sink.index?.release();
    for (const d of journal) sink.report(d);
    guess.result = result;
    return guess;
  } catch (err) {
    if (indexMark) sink.index?.rollback(indexMark);
    undo.rollback(recordsMark);
    if (err instanceof GuessFailed) return guess;
    throw err;
  }
}
