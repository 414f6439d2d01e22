/**
 * What rules see. Rules are pure: they read parsed facts and report findings; they never touch the
 * file system, the console or the process (STYLE.md "Pure core, IO at the edges").
 */
import type { Code, CodeArgs } from '../diagnostics/codes.js';
import type { FieldCell, MappedRow, RecordDraft } from '../table/row.js';
import type { DepartmentDef, Matrix } from '../schemas/matrix.js';
import type { Quarter } from '../domain/quarter.js';
import type { MaskRule } from '../domain/mask.js';
import type { IsoDate } from '../domain/dates.js';
import type { CoverFacts, CoverKey } from '../table/cover.js';
import type { Location } from '../diagnostics/diagnostic.js';
import type { MeasureEntry } from '../schemas/measures.js';

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



/** What a row rule sees: the mapped row the table reader yields, with the rules' environment. */
export type RowContext = MappedRow<RuleEnv>;

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
