/** The cell model shared by the xlsx and CSV readers, the table reader and the rules: a leaf, so rules and table need not import io. */

/** A date cell, as a calendar date (no time zone). */
export class DateCell {
  constructor(
    readonly iso: string,
    /** The fraction of the day, 0 for midnight. */
    readonly time: number,
  ) {}
}

/** A formula saved without its cached result. */
export class NoValueCell {
  constructor(readonly formula: string) {}
}

/** An error value such as #N/A or #REF!. */
export class ErrorCell {
  constructor(readonly value: string) {}
}

export type CellValue = string | number | boolean | DateCell | NoValueCell | ErrorCell | null | undefined;

export interface SheetRow {
  /** The row number Excel shows. */
  number: number;
  hidden: boolean;
  cells: CellValue[];
}

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Called for every row in order; returning false stops the reader. */
export type RowHandler = (row: SheetRow) => boolean | void;

export interface SheetSource {
  name: string;
  index: number;
  hidden: boolean;
  /** Known before the first row is read. */
  merges: readonly MergeRange[];
  /** Streams the rows; rejects with a FileProblem when the sheet cannot be read. */
  read(onRow: RowHandler): Promise<void>;
  /**
   * An xlsx sheet whose merges were not looked for when it was opened (io/xlsx/xlsx.ts `deferMerges`):
   * `merges` is empty; these give them (docs/decisions.md "The sheet read once").
   */
  once?: {
    /** Reads the rows (to onRow until it returns false, then the rest of the part unparsed) and gives the merges found on the way. */
    read(onRow: RowHandler): Promise<readonly MergeRange[]>;
    /** The merges as the scan before the rows finds them (what `merges` would have held). */
    merges(): Promise<readonly MergeRange[]>;
  };
}

export interface WorkbookSource {
  kind: 'xlsx' | 'csv';
  sheets: SheetSource[];
  /** CSV only: the encoding that was detected. */
  encoding?: string;
  /** CSV only: becomes true once an invalid byte sequence has been decoded (rows then get checked for U+FFFD). */
  decodeState?: { dirty: boolean };
  close(): Promise<void>;
}

export function isBlankCell(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim().length === 0);
}
