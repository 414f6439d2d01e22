/**
 * What rules see. Rules are pure: they read parsed facts and report findings; they never touch the
 * file system, the console or the process (STYLE.md "Pure core, IO at the edges").
 */
import type { Code, CodeArgs } from '../diagnostics/codes.js';
import type { FieldKey } from '../schemas/fields.js';
import type { FieldCell, MappedRow, RecordDraft } from '../table/row.js';
import type { DepartmentDef, Matrix } from '../schemas/matrix.js';
import type { Quarter } from '../domain/quarter.js';
import type { MaskRule } from '../domain/mask.js';
import type { IsoDate } from '../domain/dates.js';
import type { CoverFacts, CoverKey } from '../table/cover.js';
import type { Location, SortKeys } from '../diagnostics/diagnostic.js';
import type { MeasureEntry } from '../schemas/measures.js';
import type { Finding } from '../table/record-index.js';
import type { RemovalRequest } from '../table/removal-sheet.js';

export type { FieldCell, RecordDraft };

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

/**
 * What a row rule sees: the mapped row the table reader yields, with the rules' environment. `C`: the
 * codes it may report — a rule's own `emits`, so a rule that reports a code it does not declare fails
 * the build.
 */
export type RowContext<C extends Code = Code> = Omit<MappedRow<RuleEnv>, 'report' | 'needColumn'> & {
  // A property over a union of argument lists, not a generic method: checked strictly, so a context
  // for fewer codes cannot stand in for one for more (a helper typed for codes its rule does not
  // declare cannot be handed the rule's context).
  report: (...finding: { [K in C]: [code: K, args: CodeArgs[K], field?: FieldKey] }[C]) => void;
  /**
   * A conditionally required column is absent and this row needs it: the reader reports it once per
   * sheet as SHEET_COLUMN_MISSING, so only a rule that emits that code may call this.
   */
  needColumn: 'SHEET_COLUMN_MISSING' extends C ? (field: FieldKey) => void : undefined;
};

export interface RowRule<C extends Code = Code> {
  id: string;
  scope: 'row';
  emits: readonly C[];
  check(ctx: RowContext<C>): void;
}

/**
 * A row rule: `check` may report only the codes in `emits` (the compiler holds it to them). The
 * registry holds it as a RowRule of any code: a full RowContext offers all a narrower one does.
 */
export function defineRowRule<const E extends readonly Code[]>(rule: {
  id: string;
  emits: E;
  check(ctx: RowContext<E[number]>): void;
}): RowRule {
  return { ...rule, scope: 'row' } as unknown as RowRule;
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
  /** 移出申请 rows read (their free text is checked like a list row's). */
  removals?: readonly RemovalRequest[];
}

/** How a submission rule reports: only the codes `C` it declares. */
export type SubmissionReport<C extends Code = Code> = (
  ...finding: { [K in C]: [code: K, args: CodeArgs[K], location?: Location] }[C]
) => void;

export interface SubmissionRule<C extends Code = Code> {
  id: string;
  scope: 'submission';
  emits: readonly C[];
  check(facts: SubmissionFacts, report: SubmissionReport<C>): void;
}

/** A submission rule: `check` may report only the codes in `emits`. */
export function defineSubmissionRule<const E extends readonly Code[]>(rule: {
  id: string;
  emits: E;
  check(facts: SubmissionFacts, report: SubmissionReport<E[number]>): void;
}): SubmissionRule {
  return { ...rule, scope: 'submission' } as unknown as SubmissionRule;
}

/**
 * What a run amounts to across records and departments (checks.md "Across records", package.md): what
 * the record index found among every record read (a quarter, one department, an import) and, when a
 * whole quarter is checked, its folders and the departments found in them.
 */
export interface QuarterFacts {
  records: readonly Finding[];
  quarter?: {
    /** 2026Q3. */
    label: string;
    /** The folders under submissions/ that name the quarter, sorted. */
    folders: readonly string[];
    /**
     * Each department folder or zip checked, in order: its department (when known), where, how many covers;
     * `sent: false` for a folder that sent nothing (only the untouched form from `template`, or no file).
     */
    departments: readonly { name?: string; display: string; covers: number; sent?: boolean; untouched?: boolean }[];
    matrix: Matrix;
    /** A supplementary batch (2026Q3-2): no department is missing from it (register.md "Batches"). */
    supplementary?: boolean;
  };
}

/** Where a quarter finding belongs: its department (for grouping) and sort keys. */
export interface QuarterPlace {
  department?: string;
  sort?: Partial<SortKeys>;
}

/** How a quarter rule reports: only the codes `C` it declares. */
export type QuarterReport<C extends Code = Code> = (
  ...finding: { [K in C]: [code: K, args: CodeArgs[K], location: Location, at?: QuarterPlace] }[C]
) => void;

export interface QuarterRule<C extends Code = Code> {
  id: string;
  scope: 'quarter';
  emits: readonly C[];
  check(facts: QuarterFacts, report: QuarterReport<C>): void;
}

/** A quarter rule: `check` may report only the codes in `emits`. */
export function defineQuarterRule<const E extends readonly Code[]>(rule: {
  id: string;
  emits: E;
  check(facts: QuarterFacts, report: QuarterReport<E[number]>): void;
}): QuarterRule {
  return { ...rule, scope: 'quarter' } as unknown as QuarterRule;
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
export function missingSignOff(
  cover: CoverFacts,
  who: 'reviewer' | 'approver',
  when: 'reviewedOn' | 'approvedOn',
): { missing: CoverKey[]; location: Location } | undefined {
  const missing: CoverKey[] = [who, when].filter((k) => !cover.values[k]?.text);
  if (missing.length === 0) return undefined;
  return { missing, location: coverLocation(cover, cover.values[who]?.text ? when : who) };
}
