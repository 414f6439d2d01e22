/**
 * What the table reader yields for each data row: the mapped cells, the record being built and the
 * row's reporting hooks. The row rules run over it (rules/run-rows.ts); the reader knows no rule.
 */
import type { Code, CodeArgs } from '../diagnostics/codes.js';
import type { FieldKey } from '../schemas/fields.js';
import type { ListType, SubjectType, IdType, Severity3 } from '../schemas/enums.js';
import type { IsoDate } from '../domain/dates.js';
import type { CellValue } from './cells.js';

export interface FieldCell {
  value: CellValue;
  /** Cleaned text of the cell ('' when empty). */
  text: string;
  column: string;
  columnIndex: number;
}

/** The record as the row rules build it; undefined means missing or invalid. */
export interface RecordDraft {
  listType?: ListType;
  domain?: string;
  listName: string;
  subjectType?: SubjectType;
  subjectName: string;
  creditCode: string;
  legalRep: string;
  legalRepIdType?: IdType;
  legalRepIdNumber: string;
  idType?: IdType;
  idNumber: string;
  facts: string;
  basis: string;
  decisionNo: string;
  decisionDate?: IsoDate;
  publishUntil?: IsoDate;
  /** True when 公示截止日期 was left empty and comes from the default period. */
  publishUntilDefaulted: boolean;
  severity?: Severity3;
  measures: string;
  remarks: string;
  /** 更正原文书号: the decision of the public record this row corrects ('' when none). */
  correctionOf?: string;
  /** Identifiers whose value is known good (check digits passed). */
  idValid: boolean;
  creditCodeValid: boolean;
  birthDate?: IsoDate;
}

/** One mapped row; `env` is whatever the caller's row checker needs (the rules' RuleEnv), passed through untouched. */
export interface MappedRow<E> {
  env: E;
  row: number;
  /** The sheet's or CSV file's name (it may say which list this is). */
  sheetName: string;
  listTypeFromName?: ListType;
  cells: Partial<Record<FieldKey, FieldCell>>;
  record: RecordDraft;
  /** Whether the field's cell already produced a finding (no second finding on the same cell). */
  isBad(field: FieldKey): boolean;
  markBad(field: FieldKey): void;
  hasColumn(field: FieldKey): boolean;
  /** A conditionally required column is absent and this row needs it. */
  needColumn(field: FieldKey): void;
  report<C extends Code>(code: C, args: CodeArgs[C], field?: FieldKey): void;
}
