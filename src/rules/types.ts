/**
 * What rules see. Rules are pure: they read parsed facts and report findings; they never touch the
 * file system, the console or the process (STYLE.md "Pure core, IO at the edges").
 */
import type { Code, CodeArgs } from '../diagnostics/codes.js';
import type { CellValue } from '../table/cells.js';
import type { FieldKey } from '../schemas/fields.js';
import type { DepartmentDef, Matrix } from '../schemas/matrix.js';
import type { ListType, SubjectType, IdType, Severity3 } from '../schemas/enums.js';
import type { Quarter } from '../domain/quarter.js';
import type { MaskRule } from '../domain/mask.js';
import type { IsoDate } from '../domain/dates.js';
import type { CoverFacts, CoverKey } from '../table/cover.js';
import type { Location } from '../diagnostics/diagnostic.js';
import type { MeasureEntry } from '../schemas/measures.js';

export interface RuleEnv {
  today: IsoDate;
  quarter?: Quarter;
  matrix: Matrix;
  department?: DepartmentDef;
  maxYears: number;
  domainMaxYears: Readonly<Record<string, { years: number; basis?: string | undefined }>>;
  maskRule: MaskRule;
  allowCreditCodes: ReadonlySet<string>;
  deadline: string;
  /** 联合奖惩措施清单; empty when none is configured (then no measures rule says anything). */
  measures?: readonly MeasureEntry[];
}

export interface FieldCell {
  value: CellValue;
  /** Cleaned text of the cell ('' when empty). */
  text: string;
  column: string;
  columnIndex: number;
}

/** The record as rules build it; undefined means missing or invalid. */
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
  /** Identifiers whose value is known good (check digits passed). */
  idValid: boolean;
  creditCodeValid: boolean;
  birthDate?: IsoDate;
}

export interface RowContext {
  env: RuleEnv;
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

export interface RowRule {
  id: string;
  scope: 'row';
  emits: readonly Code[];
  check(ctx: RowContext): void;
}

export function defineRowRule(rule: Omit<RowRule, 'scope'>): RowRule {
  return { ...rule, scope: 'row' };
}


/** What one department's submission amounts to, once its files have been read. */
export interface SubmissionFacts {
  env: RuleEnv;
  /** The department folder (display path); undefined when a single file is validated. */
  folder?: string;
  /** Where the evidence folder is shown; default `<folder>/附件` (a zip: `就业办.zip!/附件`). */
  evidenceFolder?: string;
  covers: CoverFacts[];
  listFiles: number;
  rows: { red: number; black: number };
  evidence: { reports: number; pictures: number; namedMissing: string[] };
  /** The quarter named by `--quarter` or the folders, to compare with the cover's. */
  quarterFromPath?: string;
}

export interface SubmissionRule {
  id: string;
  scope: 'submission';
  emits: readonly Code[];
  check(facts: SubmissionFacts, report: <C extends Code>(code: C, args: CodeArgs[C], location?: Location) => void): void;
}

export function defineSubmissionRule(rule: Omit<SubmissionRule, 'scope'>): SubmissionRule {
  return { ...rule, scope: 'submission' };
}

/** Where a cover key's value stands (or the key itself, when the value is empty). */
export function coverLocation(cover: CoverFacts, key: keyof CoverFacts['values']): Location {
  const v = cover.values[key];
  const row = v?.row ?? cover.keyRows[key];
  return {
    file: cover.file,
    ...(cover.sheet !== undefined ? { sheet: cover.sheet } : {}),
    ...(row !== undefined ? { row } : {}),
    ...(v ? { column: v.column } : {}),
    field: key,
  };
}

/** Which of a sign-off's name and date the cover lacks (cover keys, named by the catalogue), and where. */
export function missingSignOff(cover: CoverFacts, who: 'reviewer' | 'approver', when: 'reviewedOn' | 'approvedOn'): { missing: CoverKey[]; location: Location } | undefined {
  const missing: CoverKey[] = [who, when].filter((k) => !cover.values[k]?.text);
  if (missing.length === 0) return undefined;
  return { missing, location: coverLocation(cover, cover.values[who]?.text ? when : who) };
}
