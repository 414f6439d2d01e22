/** A finding is data: a code, typed args and a location. Text is rendered by src/messages/. */
import type { Code, CodeArgs, Severity } from './codes.js';
import type { FieldKey } from '../schemas/fields.js';

export interface Location {
  /** Relative to the workspace (compile) or the current folder (validate), `/` separators. */
  file?: string;
  sheet?: string;
  /** The row number Excel shows (1-based, title rows counted); for CSV the record number. */
  row?: number;
  /** The column letter Excel shows (A, B, …, AA). */
  column?: string;
  field?: FieldKey | string;
}

export interface Diagnostic<C extends Code = Code> {
  code: C;
  severity: Severity;
  department?: string;
  location: Location;
  args: CodeArgs[C];
}

/** Internal ordering facts that are not part of the JSON contract. */
export interface SortKeys {
  departmentRank: number;
  sheetIndex: number;
  columnIndex: number;
}

export type RawDiagnostic = { [C in Code]: Omit<Diagnostic<C>, 'severity'> & { sort?: Partial<SortKeys> } }[Code];

export function makeDiagnostic<C extends Code>(
  code: C,
  args: CodeArgs[C],
  location: Location = {},
  sort?: Partial<SortKeys>,
): RawDiagnostic {
  return { code, args, location, ...(sort ? { sort } : {}) } as RawDiagnostic;
}
