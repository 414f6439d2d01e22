/**
 * Every stable diagnostic code (checks.md) with its default severity and the facts (args) it
 * carries. A code, once released, is never renamed; messages live in src/messages/.
 */

import type { FieldKey } from '../schemas/fields.js';
import type { CoverKey } from '../schemas/cover.js';

export type Severity = 'error' | 'warning' | 'info';

/** A place in the workspace named inside a finding's args (the catalogue writes it out). */
export interface PlaceArg {
  file: string;
  sheet?: string;
  row?: number;
}

type Limit =
  | 'maxFileBytes'
  | 'maxUnzippedBytes'
  | 'maxZipRatio'
  | 'maxRows'
  | 'maxColumns'
  | 'maxCellChars'
  | 'maxAttachmentBytes'
  | 'maxZipEntries'
  | 'maxXmlDepth'
  | 'maxSharedStrings'
  | 'maxSheets'
  | 'maxSharedStringChars';

/**
 * The facts behind each finding: plain strings, numbers and lists of strings, so that JSON is stable.
 * Args are data, never prose: a column or cover entry is named by its key (rendered by the
 * catalogue in the reader's language), a list of names is an array (the catalogue joins it). Only
 * SHEET_COLUMN_UNKNOWN carries a header, the user's own text.
 */
export interface CodeArgs {
  FILE_UNREADABLE: {
    reason: 'damaged' | 'notWorkbook' | 'notText' | 'limit' | 'io' | 'locked' | 'empty' | 'xml';
    detail?: string;
    limit?: Limit;
    max?: number;
    actual?: number;
  };
  /** inZip: an entry of a zip submission (its location reads `就业办.zip!/…`). */
  FILE_UNSUPPORTED: { format: string; encrypted?: boolean; inZip?: boolean };
  /** `columns`: the letters of the row's cells whose text was replaced (U+FFFD), e.g. 'E, I'. */
  FILE_ENCODING: { encoding: string; row: number; columns?: string };
  FILE_NO_LIST: { sheets: number };
  FILE_LOOSE: { name: string };
  SHEET_HEADER_NOT_FOUND: { rowsSearched: number };
  SHEET_COLUMN_MISSING: { field: FieldKey; rows?: number; firstRow?: number };
  SHEET_COLUMN_DUPLICATE: { field: FieldKey; columns: string };
  SHEET_COLUMN_UNKNOWN: { header: string; column: string };
  SHEET_HIDDEN: { what: 'sheet' | 'row'; listType?: string };
  SCHEMA_REQUIRED: { field: FieldKey; because?: 'organisation' | 'person' | 'black' | 'business' };
  SCHEMA_ENUM: { field: FieldKey; value: string; allowed: string[] };
  SCHEMA_LIST_TYPE_CONFLICT: { value: string; fromName: string; name: string };
  SCHEMA_DATE_INVALID: { field: FieldKey | CoverKey; value: string; reason: 'format' | 'nonexistent' | 'timeOfDay' };
  SCHEMA_DATE_FUTURE: { field: FieldKey; value: string; today: string };
  SCHEMA_DATE_ORDER: { decisionDate: string; publishUntil: string };
  SCHEMA_DATE_OUT_OF_QUARTER: { value: string; quarter: string; start: string; end: string };
  SCHEMA_EXPIRED: { publishUntil: string; today: string };
  SCHEMA_PERIOD_TOO_LONG: { publishUntil: string; latest: string; years: number; domain: string };
  SCHEMA_PERIOD_SEVERITY: { publishUntil: string; latest: string; severity: string; months: number; computed?: true };
  /** reason 'idNumber': an 18-digit citizen ID number typed into the credit-code column (value masked). */
  SCHEMA_CREDIT_CODE_FORMAT: { value: string; length: number; reason?: 'idNumber' };
  SCHEMA_CREDIT_CODE_CHECKSUM: { value: string; position: number; expected: string };
  SCHEMA_ID_FORMAT: { field: FieldKey; value: string; reason: 'length' | 'chars' | 'birthDate' };
  SCHEMA_ID_CHECKSUM: { field: FieldKey; value: string; expected: string };
  SCHEMA_ID_PRECISION_LOST: { field: FieldKey; value: string };
  SCHEMA_SUBJECT_MISMATCH: {
    subjectType: string;
    reason: 'personWithCreditCode' | 'organisationWithBusinessCode' | 'businessWithoutBusinessCode';
  };
  SCHEMA_MINOR: { value: string; age: number; decisionDate: string };
  SCHEMA_FORMULA_NO_VALUE: { field: FieldKey; formula: string };
  SCHEMA_CELL_ERROR: { field: FieldKey; value: string };
  SCHEMA_NORMALISED: { field: FieldKey; from: string; to: string };
  /** value: the number masked (ID by publication.maskRule, mobile 138****5678). */
  /**
   * field: a list column, a 移出申请 column (reason 移出原因, remarks 备注, violationNo) or a cover key;
   * kind: what the number looks like (a fixed line needs its area code).
   */
  SCHEMA_PERSONAL_INFO: { field: FieldKey | CoverKey | 'reason' | 'violationNo'; kind: 'idNumber' | 'mobile' | 'landline'; value: string };
  /** objection add / resolve, register note: the text is stored as typed (the register is internal) and masked in every output. */
  TEXT_PERSONAL_INFO: { option: '--summary' | '--opinion' | 'note'; kind: 'idNumber' | 'mobile' | 'landline'; value: string };
  /** codepoint: "U+FFFE"; the character is written as U+FFFD. */
  SCHEMA_CHARACTER_INVALID: { field: FieldKey; codepoint: string };
  /** items: how many measures of the catalogue were filled in. */
  MEASURES_FILLED: { list: 'red' | 'black'; domain: string; items: number };
  MEASURES_UNLISTED: { measure: string; list: 'red' | 'black'; domain: string };
  MATRIX_DEPARTMENT_UNKNOWN: { name: string; source: 'option' | 'folder' | 'cover' | 'none' };
  MATRIX_DOMAIN_NOT_ALLOWED: { domain: string; department: string; allowed: string[]; responsible: string[] };
  COVER_MISSING: { lists: number };
  COVER_DUPLICATE: { covers: PlaceArg[] };
  COVER_FIELD_MISSING: { key: CoverKey };
  COVER_MISMATCH: { key: CoverKey; cover: string; expected: string };
  COVER_NIL_WITH_ROWS: { rows: number };
  APPROVAL_REVIEW_MISSING: { missing: CoverKey[] };
  APPROVAL_SIGNOFF_MISSING: { missing: CoverKey[] };
  APPROVAL_DATE_FUTURE: { key: CoverKey; value: string; today: string };
  APPROVAL_DATE_ORDER: { reviewedOn: string; approvedOn: string };
  APPROVAL_SAME_PERSON: { name: string };
  EVIDENCE_REPORT_MISSING: { black: number; named?: string[] };
  EVIDENCE_PICTURE_MISSING: { black: number };
  EVIDENCE_RED_INCOMPLETE: { missing: 'report' | 'picture' | 'both' };
  EVIDENCE_FILE_INVALID: {
    reason: 'empty' | 'tooLarge' | 'mismatch' | 'unreadable';
    ext: string;
    detected?: string;
    max?: number;
    actual?: number;
  };
  EVIDENCE_FILE_IGNORED: {
    ext: string;
    folder?: true /** A folder deeper than this many folders below 附件: not walked. */;
    deep?: number;
    /** A zip in a department folder on the disk: the name it would be read under in the quarter folder. */
    zipAt?: string;
  };
  /** inZip: an entry name of a zip submission, never extracted. */
  EVIDENCE_PATH_UNSAFE: {
    name: string;
    reason: 'link' | 'hardlink' | 'outside' | 'absolute' | 'name';
    problem?: 'device' | 'character' | 'trailing' | 'empty' | 'tooLong';
    inZip?: boolean;
  };
  /** places: the first 20 copies (rules/quarter/record-duplicate.ts); count: all of them. */
  PACKAGE_DUPLICATE: { subject: string; places: PlaceArg[]; count: number; id: string };
  PACKAGE_SAME_SUBJECT: { subject: string; other: PlaceArg };
  PACKAGE_RED_BLACK_CONFLICT: { subject: string; other: PlaceArg };
  /** `sentIn`: the quarter's supplementary batch its list came in (补报), when the workspace holds one. */
  PACKAGE_SUBMISSION_MISSING: { department: string; sentIn?: string; form?: string };
  PACKAGE_QUARTER_DUPLICATE: { quarter: string; folders: string[] };
  PACKAGE_EXISTS: { path: string };
  PACKAGE_DEPARTMENT_DUPLICATE: { department: string; folders: string[] };
  /** A supplementary batch whose folder holds no department's submission. batch: 2026Q3-3; folder: submissions/2026Q3-3. */
  PACKAGE_BATCH_EMPTY: { batch: string; folder: string };
  /**
   * `export`: removals of the package (records.json) whose records the register does not hold, so their
   * 移出名单 rows lack the record's columns. count: how many; ids: their record ids; quarter: the batch.
   */
  EXPORT_REMOVED_NOT_FOUND: { quarter: string; count: number; ids: string[] };
  /**
   * `export`: the package removes records and no register is there to give their columns (a package folder
   * outside any workspace, or a workspace with no register/events.jsonl). As EXPORT_REMOVED_NOT_FOUND.
   */
  EXPORT_NO_REGISTER: { quarter: string; count: number; ids: string[] };
  /** file: the workspace file that would cover the year, `calendar/2027.json`. */
  CALENDAR_NOT_COVERED: { year: number; file: string };
  /**
   * objection add / resolve: the objection is recorded, but its deadline needs a year the calendar does not
   * cover (year, file: the calendar file to add); computed once the year is covered.
   */
  OBJECTION_DEADLINE_PENDING: { number: string; year: number; file: string; workingDays: number };
  REGISTER_PACKAGE_CHANGED: { batch: string; changed: string; count: number };
  /** publish --on names a day after today: recorded as given (a publication that happened), said. */
  PUBLISH_DATE_FUTURE: { batch: string; on: string; today: string };
  REGISTER_ALREADY_PUBLISHED: { batch: string; seq: number; publishedOn: string; package: string };
  /** compile: the register says this batch was published; its package is what was sent and is not replaced. */
  /** next: the quarter's first supplementary batch after it not yet published (2026Q3-3), the one to use instead. */
  REGISTER_BATCH_PUBLISHED: { batch: string; seq: number; publishedOn: string; package: string; next: string };
  /** query: what --record / --subject said (an ID number masked). */
  /**
   * notPublic: the record asked for exists but was not public on the day received (expired: `on` its 公示截止日期;
   * removed: how and when), so the clerk is told why, not sent to look for an id already given.
   */
  OBJECTION_RECORD_NOT_FOUND: {
    query: string;
    notPublic?: { id: string; received: string; status: 'expired' | 'removed'; on: string; type: string | null };
  };
  /** The record was published after the day the objection was received: it did not concern published information then. */
  OBJECTION_BEFORE_PUBLICATION: { query: string; received: string; publishedOn: string; batch: string };
  OBJECTION_AMBIGUOUS: { query: string; count: number; ids: string };
  OBJECTION_LATE: { number: string; deadline: string; resolvedOn: string };
  /** workingDaysLeft: negative (null when the calendar does not reach today). */
  OBJECTION_OVERDUE: { number: string; deadline: string; today: string; workingDaysLeft: number | null };
  OBJECTION_NOT_FOUND: { number: string };
  /** objection letter: the 异议处理意见书 states a resolution; an open objection has none yet. */
  OBJECTION_OPEN: { number: string; received: string; deadline: string | null };
  OBJECTION_ALREADY_RESOLVED: { number: string; resolvedOn: string; outcome: string };
  /** 撤销 of a record no longer public on `on`: removed (type, removedOn, batch), or expired (removedOn: its 公示截止日期). */
  OBJECTION_NOT_PUBLIC: {
    number: string;
    id: string;
    on: string;
    type: 'violation' | 'early' | 'revoked' | 'corrected' | 'expired';
    removedOn: string;
    batch: string | null;
  };
  /** A `*.检查结果.xlsx` (written by validate --annotate) lying in a department folder. */
  /** CSV: count non-blank cells right of the header's last column (lastHeader, its letter) on this row: not read. */
  SCHEMA_EXTRA_CELL: { count: number; lastHeader: string };
  FILE_FEEDBACK_COPY: { name: string };
  /** An untouched form from `template` lying beside the department's filled file: not read (api/untouched-form.ts). */
  FILE_UNTOUCHED_FORM: { name: string };
  /**
   * A row of a record the register has removed (revoked by an objection 撤销, 违法违规移出, 提前移出, or replaced
   * by a correction under a new 认定文书号): not published again. type: how it was removed; on: since when.
   */
  REGISTER_REMOVED_RESENT: { id: string; type: 'violation' | 'early' | 'revoked' | 'corrected'; on: string; department: string };
  /** id: the record's id; department and quarter: who published it, and in which quarter. */
  REGISTER_ALREADY_ACTIVE: { id: string; department: string; quarter: string };
  /** fields: the record's keys that differ from the published record. */
  REGISTER_CHANGED: { id: string; fields: FieldKey[]; department: string };
  /**
   * A changed row that is the correction an objection resolved 更正 awaited (truth.md): objection its
   * number, fields the columns corrected.
   */
  REGISTER_CORRECTION_APPLIED: { id: string; objection: string; fields: FieldKey[] };
  /** id and department: the active red record and the department that must propose its 违法违规移出. */
  REGISTER_RED_ON_BLACK: { id: string; department: string };
  REGISTER_BLACK_ON_RED: { id: string; department: string };
  REGISTER_WEAK_IDENTITY: { id: string; subject: string };
  /** earlier: the batch of the same quarter not yet published. */
  REGISTER_BATCH_ORDER: { batch: string; earlier: string };
  /** register import of `batch` (published on publishedOn) after `later` (published on laterOn) was recorded. */
  REGISTER_IMPORT_OUT_OF_ORDER: { batch: string; publishedOn: string; later: string; laterOn: string };
  /** register import --published-on names a day after today: recorded as given, as publish's --on (PUBLISH_DATE_FUTURE), said. */
  IMPORT_DATE_FUTURE: { batch: string; on: string; today: string };
  /** listType: red, black or '' (not given); subject as the row names it (an ID number masked); decisionNo as written. */
  REMOVAL_NOT_FOUND: {
    listType: string;
    subject: string;
    decisionNo: string;
    /** The record is removed already (a request re-sent after its batch was published): how, when, by which batch. */
    removed?: { id: string; type: 'violation' | 'early' | 'revoked' | 'corrected'; on: string; batch: string | null };
  };
  REMOVAL_AMBIGUOUS: { subject: string; count: number; ids: string[] };
  REMOVAL_NOT_OWNER: { id: string; owner: string; department: string };
  REMOVAL_TYPE_MISMATCH: { id: string; removalType: string; listType: string };
  REMOVAL_FILING_MISSING: { id: string; missing: ('reviewedOn' | 'filedOn')[] };
  REMOVAL_TOO_EARLY: { id: string; publishedOn: string; earliest: string; severity: string; months: number; on: string };
  REMOVAL_DUPLICATE: { id: string; places: PlaceArg[] };
  /** value: the 移出类型 as written ('' when empty). */
  REMOVAL_TYPE_INVALID: { value: string; allowed: string[] };
  REMOVAL_DATE_INVALID: { header: string; value: string; reason: 'format' | 'future' | 'beforePublication'; limit?: string };
  CORRECTION_TARGET_NOT_FOUND: { decisionNo: string; department: string };
  /**
   * The config's `severity` names a fixed code (checks.md "error (fixed)") with another severity: not applied.
   * `key`: its place in the file (`severity.FILE_UNREADABLE`); the location's row is its line.
   */
  CONFIG_SEVERITY_FIXED: { code: string; value: string; fixed: string; key: string };
  /**
   * The config names a file that is not there (`calendar.extraFile`): the setting is not applied, every command
   * goes on without it. `key`: its place in the config; `file`: the missing file as named (from the workspace);
   * the location's row is the key's line.
   */
  CONFIG_FILE_MISSING: { key: string; file: string };
  /**
   * The export template's `codes` map over a field of fixed labels (主体类别, 名单类型, 证件类型, 失信程度) gives some
   * labels no code: a record with one is written as the label among the codes. `column`: the template column's
   * header; `labels`: those labels, joined by 、. The location's file is the template.
   */
  TEMPLATE_CODES_INCOMPLETE: { column: string; labels: string };
}

export type Code = keyof CodeArgs;

export type Group =
  | 'file'
  | 'sheet'
  | 'schema'
  | 'matrix'
  | 'cover'
  | 'approval'
  | 'evidence'
  | 'package'
  | 'calendar'
  | 'register'
  | 'objection'
  | 'config';

export interface CodeInfo {
  severity: Severity;
  /** Fixed codes cannot be changed or silenced by config (checks.md "error (fixed)"). */
  fixed?: true;
  group: Group;
}

export const CODES = {
  FILE_UNREADABLE: { severity: 'error', fixed: true, group: 'file' },
  FILE_UNSUPPORTED: { severity: 'error', fixed: true, group: 'file' },
  FILE_ENCODING: { severity: 'error', group: 'file' },
  FILE_NO_LIST: { severity: 'error', group: 'file' },
  FILE_LOOSE: { severity: 'warning', group: 'file' },
  SHEET_HEADER_NOT_FOUND: { severity: 'error', group: 'sheet' },
  SHEET_COLUMN_MISSING: { severity: 'error', group: 'sheet' },
  SHEET_COLUMN_DUPLICATE: { severity: 'error', group: 'sheet' },
  SHEET_COLUMN_UNKNOWN: { severity: 'warning', group: 'sheet' },
  SHEET_HIDDEN: { severity: 'info', group: 'sheet' },
  SCHEMA_REQUIRED: { severity: 'error', group: 'schema' },
  SCHEMA_ENUM: { severity: 'error', group: 'schema' },
  SCHEMA_LIST_TYPE_CONFLICT: { severity: 'error', group: 'schema' },
  SCHEMA_DATE_INVALID: { severity: 'error', group: 'schema' },
  SCHEMA_DATE_FUTURE: { severity: 'error', group: 'schema' },
  SCHEMA_DATE_ORDER: { severity: 'error', group: 'schema' },
  SCHEMA_DATE_OUT_OF_QUARTER: { severity: 'warning', group: 'schema' },
  SCHEMA_EXPIRED: { severity: 'error', group: 'schema' },
  SCHEMA_PERIOD_TOO_LONG: { severity: 'error', group: 'schema' },
  SCHEMA_PERIOD_SEVERITY: { severity: 'warning', group: 'schema' },
  SCHEMA_CREDIT_CODE_FORMAT: { severity: 'error', group: 'schema' },
  SCHEMA_CREDIT_CODE_CHECKSUM: { severity: 'error', group: 'schema' },
  SCHEMA_ID_FORMAT: { severity: 'error', group: 'schema' },
  SCHEMA_ID_CHECKSUM: { severity: 'error', group: 'schema' },
  SCHEMA_ID_PRECISION_LOST: { severity: 'error', group: 'schema' },
  SCHEMA_SUBJECT_MISMATCH: { severity: 'warning', group: 'schema' },
  SCHEMA_MINOR: { severity: 'error', group: 'schema' },
  SCHEMA_FORMULA_NO_VALUE: { severity: 'error', group: 'schema' },
  SCHEMA_CELL_ERROR: { severity: 'error', group: 'schema' },
  SCHEMA_NORMALISED: { severity: 'info', group: 'schema' },
  SCHEMA_PERSONAL_INFO: { severity: 'warning', group: 'schema' },
  SCHEMA_CHARACTER_INVALID: { severity: 'warning', group: 'schema' },
  MEASURES_FILLED: { severity: 'info', group: 'schema' },
  MEASURES_UNLISTED: { severity: 'warning', group: 'schema' },
  MATRIX_DEPARTMENT_UNKNOWN: { severity: 'error', group: 'matrix' },
  MATRIX_DOMAIN_NOT_ALLOWED: { severity: 'error', group: 'matrix' },
  COVER_MISSING: { severity: 'error', group: 'cover' },
  COVER_DUPLICATE: { severity: 'error', group: 'cover' },
  COVER_FIELD_MISSING: { severity: 'error', group: 'cover' },
  COVER_MISMATCH: { severity: 'error', group: 'cover' },
  COVER_NIL_WITH_ROWS: { severity: 'error', group: 'cover' },
  APPROVAL_REVIEW_MISSING: { severity: 'error', group: 'approval' },
  APPROVAL_SIGNOFF_MISSING: { severity: 'error', group: 'approval' },
  APPROVAL_DATE_FUTURE: { severity: 'error', group: 'approval' },
  APPROVAL_DATE_ORDER: { severity: 'warning', group: 'approval' },
  APPROVAL_SAME_PERSON: { severity: 'warning', group: 'approval' },
  EVIDENCE_REPORT_MISSING: { severity: 'error', group: 'evidence' },
  EVIDENCE_PICTURE_MISSING: { severity: 'error', group: 'evidence' },
  EVIDENCE_RED_INCOMPLETE: { severity: 'warning', group: 'evidence' },
  EVIDENCE_FILE_INVALID: { severity: 'error', group: 'evidence' },
  EVIDENCE_FILE_IGNORED: { severity: 'warning', group: 'evidence' },
  EVIDENCE_PATH_UNSAFE: { severity: 'error', fixed: true, group: 'evidence' },
  PACKAGE_DUPLICATE: { severity: 'error', group: 'package' },
  PACKAGE_SAME_SUBJECT: { severity: 'warning', group: 'package' },
  PACKAGE_RED_BLACK_CONFLICT: { severity: 'error', group: 'package' },
  PACKAGE_SUBMISSION_MISSING: { severity: 'warning', group: 'package' },
  PACKAGE_QUARTER_DUPLICATE: { severity: 'error', group: 'package' },
  PACKAGE_EXISTS: { severity: 'error', fixed: true, group: 'package' },
  PACKAGE_DEPARTMENT_DUPLICATE: { severity: 'error', group: 'package' },
  PACKAGE_BATCH_EMPTY: { severity: 'info', group: 'package' },
  EXPORT_REMOVED_NOT_FOUND: { severity: 'warning', group: 'package' },
  EXPORT_NO_REGISTER: { severity: 'warning', group: 'package' },
  CALENDAR_NOT_COVERED: { severity: 'error', group: 'calendar' },
  OBJECTION_DEADLINE_PENDING: { severity: 'warning', group: 'objection' },
  REGISTER_PACKAGE_CHANGED: { severity: 'error', group: 'register' },
  PUBLISH_DATE_FUTURE: { severity: 'warning', group: 'register' },
  REGISTER_ALREADY_PUBLISHED: { severity: 'error', group: 'register' },
  REGISTER_BATCH_PUBLISHED: { severity: 'error', fixed: true, group: 'register' },
  OBJECTION_RECORD_NOT_FOUND: { severity: 'error', group: 'objection' },
  OBJECTION_BEFORE_PUBLICATION: { severity: 'error', group: 'objection' },
  OBJECTION_AMBIGUOUS: { severity: 'error', group: 'objection' },
  OBJECTION_LATE: { severity: 'warning', group: 'objection' },
  TEXT_PERSONAL_INFO: { severity: 'warning', group: 'register' },
  OBJECTION_OVERDUE: { severity: 'error', group: 'objection' },
  OBJECTION_NOT_FOUND: { severity: 'error', group: 'objection' },
  OBJECTION_OPEN: { severity: 'error', group: 'objection' },
  OBJECTION_ALREADY_RESOLVED: { severity: 'error', group: 'objection' },
  OBJECTION_NOT_PUBLIC: { severity: 'warning', group: 'objection' },
  SCHEMA_EXTRA_CELL: { severity: 'warning', group: 'schema' },
  FILE_FEEDBACK_COPY: { severity: 'warning', group: 'file' },
  FILE_UNTOUCHED_FORM: { severity: 'info', group: 'file' },
  REGISTER_REMOVED_RESENT: { severity: 'warning', group: 'register' },
  REGISTER_ALREADY_ACTIVE: { severity: 'info', group: 'register' },
  REGISTER_CHANGED: { severity: 'error', group: 'register' },
  REGISTER_CORRECTION_APPLIED: { severity: 'info', group: 'register' },
  REGISTER_RED_ON_BLACK: { severity: 'error', group: 'register' },
  REGISTER_BLACK_ON_RED: { severity: 'error', group: 'register' },
  REGISTER_WEAK_IDENTITY: { severity: 'info', group: 'register' },
  REGISTER_BATCH_ORDER: { severity: 'error', group: 'register' },
  REGISTER_IMPORT_OUT_OF_ORDER: { severity: 'warning', group: 'register' },
  IMPORT_DATE_FUTURE: { severity: 'warning', group: 'register' },
  REMOVAL_NOT_FOUND: { severity: 'error', group: 'register' },
  REMOVAL_AMBIGUOUS: { severity: 'error', group: 'register' },
  REMOVAL_NOT_OWNER: { severity: 'error', group: 'register' },
  REMOVAL_TYPE_MISMATCH: { severity: 'error', group: 'register' },
  REMOVAL_FILING_MISSING: { severity: 'error', group: 'register' },
  REMOVAL_TOO_EARLY: { severity: 'warning', group: 'register' },
  REMOVAL_DUPLICATE: { severity: 'error', group: 'register' },
  REMOVAL_DATE_INVALID: { severity: 'error', group: 'register' },
  REMOVAL_TYPE_INVALID: { severity: 'error', group: 'register' },
  CORRECTION_TARGET_NOT_FOUND: { severity: 'error', group: 'register' },
  CONFIG_SEVERITY_FIXED: { severity: 'warning', group: 'config' },
  CONFIG_FILE_MISSING: { severity: 'warning', group: 'config' },
  TEMPLATE_CODES_INCOMPLETE: { severity: 'warning', group: 'config' },
} as const satisfies Record<Code, CodeInfo>;

export const ALL_CODES = Object.keys(CODES) as Code[];

export function isCode(value: string): value is Code {
  return Object.hasOwn(CODES, value);
}
