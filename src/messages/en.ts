/** English messages (`--lang en`). */
import type { CodeArgs, PlaceArg } from '../diagnostics/codes.js';
import type { CodeCatalogue, ToolErrorCatalogue, UiText } from './types.js';
import { visible } from '../domain/text.js';
import { COVER_KEYS } from '../schemas/cover.js';
import { calendarExample, calendarFileInvalidEn, enCalendarUi } from './calendar.js';
import { enReportsUi } from './reports.js';

/** A column or cover entry by its key (args are data); a list of names joined the English way. */
const F = (key: string): string => enUi.fieldNames[key] ?? key;
const PERSONAL_KIND_EN = { idNumber: 'an ID number', mobile: 'a mobile phone number', landline: 'a fixed-line phone number' } as const;
const list = (names: readonly string[]): string => names.join(', ');
const place = (p: PlaceArg): string => `${p.file}${p.sheet ? ` (${p.sheet})` : ''}${p.row !== undefined ? ` row ${p.row}` : ''}`;
const places = (ps: readonly PlaceArg[]): string => ps.map(place).join('; ');

export function bytesEn(n: number | undefined): string {
  if (n === undefined) return '';
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n >= 100 * 1024 * 1024 ? 0 : 1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${n} bytes`;
}

const LIMIT_EN: Record<NonNullable<CodeArgs['FILE_UNREADABLE']['limit']>, (a: CodeArgs['FILE_UNREADABLE']) => string> = {
  maxFileBytes: (a) => `the file is ${bytesEn(a.actual)}, over the limit of ${bytesEn(a.max)} (limits.maxFileBytes)`,
  maxUnzippedBytes: (a) =>
    `the ${a.detail === 'zip' ? 'zip' : 'workbook'} inflates to more than ${bytesEn(a.max)} (limits.maxUnzippedBytes): possibly a zip bomb`,
  maxZipRatio: (a) =>
    `the ${a.detail === 'zip' ? 'zip' : 'workbook'}'s compression ratio ${a.actual ?? ''}:1 is over the limit of ${a.max ?? ''}:1 (limits.maxZipRatio): possibly a zip bomb`,
  maxRows: (a) => `more than ${a.max ?? ''} rows (limits.maxRows)`,
  maxColumns: (a) => `${a.actual ?? ''} columns, over the limit of ${a.max ?? ''} (limits.maxColumns)`,
  maxCellChars: (a) => `a cell holds more than ${a.max ?? ''} characters (limits.maxCellChars)`,
  maxAttachmentBytes: (a) => `over the limit of ${bytesEn(a.max)} (limits.maxAttachmentBytes)`,
  maxZipEntries: (a) =>
    `the ${a.detail === 'zip' ? 'zip' : 'workbook'} holds ${a.actual ?? ''} entries, over the limit of ${a.max ?? ''} (limits.maxZipEntries): possibly a zip bomb`,
  maxXmlDepth: (a) => `XML inside the workbook is nested more than ${a.max ?? ''} levels deep (limits.maxXmlDepth): damaged or hostile`,
  maxSharedStrings: (a) => `the workbook's shared-string table holds more than ${a.max ?? ''} entries (limits.maxSharedStrings)`,
  maxSharedStringChars: (a) =>
    `the workbook's shared strings hold more than ${a.max ?? ''} characters in all (limits.maxSharedStringChars)`,
  maxSheets: (a) => `the workbook declares ${a.actual ?? ''} sheets, over the limit of ${a.max ?? ''} (limits.maxSheets)`,
};

const UNREADABLE_EN: Record<CodeArgs['FILE_UNREADABLE']['reason'], (a: CodeArgs['FILE_UNREADABLE']) => string> = {
  damaged: (a) => `the file is damaged or incomplete${a.detail ? ` (${a.detail})` : ''}`,
  notWorkbook: (a) => `the file is named as an Excel workbook but is not one${a.detail ? ` (it is ${a.detail})` : ''}`,
  notText: (a) => `the CSV/text file does not hold text${a.detail ? ` (it is ${a.detail})` : ''}`,
  limit: (a) => (a.limit ? LIMIT_EN[a.limit](a) : 'the file is over a safety limit'),
  io: (a) => `the file could not be read (${a.detail ?? ''}): another program may hold it, or it was moved, or it is not readable`,
  locked: (a) => `the file is held open by another program (usually Excel or WPS) and cannot be read (${a.detail ?? ''})`,
  empty: () => 'the file is empty (0 bytes)',
  xml: (a) => `the workbook's XML cannot be parsed${a.detail ? ` (${a.detail})` : ''}`,
};

const NAME_PROBLEM_EN: Record<NonNullable<CodeArgs['EVIDENCE_PATH_UNSAFE']['problem']>, string> = {
  device: 'a device name Windows reserves',
  character: 'a character Windows forbids, or a control character',
  trailing: 'ends in a dot or a space',
  empty: 'empty',
  tooLong: 'too long: at most about 225 bytes per name (75 Chinese characters), 140 characters for the whole path below 附件',
};

const BECAUSE_EN = {
  organisation: ' (required for organisations)',
  person: ' (required for natural persons)',
  black: ' (required on black lists)',
  business: ' (required for 个体工商户)',
} as const;

/** The objection outcomes: args carry the contract's Chinese value (objections.md), the English text names it. */
const OUTCOME_EN: Record<string, string> = { 维持: 'upheld', 更正: 'corrected', 撤销: 'revoked' };

/** How the register removed a record (REGISTER_REMOVED_RESENT). */
const REMOVAL_EN: Record<string, string> = {
  violation: 'removed for a violation',
  early: 'removed early',
  revoked: 'revoked after an objection',
  corrected: 'replaced by a correction under a new 认定文书号',
};

export const en: CodeCatalogue = {
  FILE_UNREADABLE: {
    title: 'File unreadable',
    message: (a) => UNREADABLE_EN[a.reason](a),
    hint: (a) =>
      a.reason === 'limit'
        ? 'Check the file; to accept larger files raise the limit under "limits" in hrss-credit.config.json'
        : a.reason === 'locked'
          ? 'Close the file in Excel/WPS (if need be, end a leftover Excel in Task Manager) and check again'
          : a.reason === 'io'
            ? 'Close Excel/WPS if it has the file open, make sure it is still there and readable, and try again'
            : 'Open it in Excel or WPS and "Save As" an Excel workbook (.xlsx); if it does not open, ask the sender for the original',
  },
  FILE_UNSUPPORTED: {
    title: 'Unsupported format',
    message: (a) =>
      a.encrypted && a.inZip
        ? 'this file in the zip is password-protected (encrypted) and cannot be read'
        : a.encrypted
          ? 'the workbook is password-protected (encrypted) and cannot be read'
          : `.${a.format} files are not read`,
    hint: (a) =>
      a.encrypted && a.inZip
        ? 'Zip the folder again without a password, or send the department folder itself'
        : a.encrypted
          ? 'Remove "Encrypt with password" in Excel/WPS and save as .xlsx'
          : 'Open it in Excel/WPS and "Save As" an Excel workbook (.xlsx), or run: soffice --headless --convert-to xlsx FILE',
  },
  FILE_ENCODING: {
    title: 'Text encoding error',
    message: (a) =>
      `row ${a.row} holds bytes that are not valid ${a.encoding === 'gb18030' ? 'GB18030 (GBK)' : a.encoding.toUpperCase()}: the text is garbled`,
    hint: () => 'Open the original in Excel and save it as "CSV UTF-8 (comma delimited)" or .xlsx',
  },
  FILE_NO_LIST: {
    title: 'No list in file',
    message: (a) => `none of the ${a.sheets} sheet(s) is a red/black list (no header naming 主体名称 and other columns was found)`,
    hint: () =>
      'A list sheet needs a header in its first 10 rows naming 主体名称 and at least two other columns, or a sheet name with 红名单/黑名单',
  },
  FILE_LOOSE: {
    title: 'File outside a department folder',
    message: (a) => `"${a.name}" lies directly in the quarter folder, outside any department folder`,
    hint: () => 'Move it into the department folder it belongs to (e.g. submissions/2026Q3/就业办/)',
  },
  SHEET_HEADER_NOT_FOUND: {
    title: 'Header not found',
    message: (a) => `no header in the first ${a.rowsSearched} rows (it must name 主体名称 and at least two other columns)`,
    hint: () => 'Use the template header: 名单类型, 领域, 主体类别, 主体名称, 统一社会信用代码, 列入事由, 认定依据, 认定日期',
  },
  SHEET_COLUMN_MISSING: {
    title: 'Column missing',
    message: (a) =>
      a.rows
        ? `column "${F(a.field)}" is missing and ${a.rows} row(s) need it (first: row ${a.firstRow})`
        : `required column "${F(a.field)}" is missing`,
    hint: (a) => `Add a "${F(a.field)}" column to the header and fill it in`,
  },
  SHEET_COLUMN_DUPLICATE: {
    title: 'Duplicate column',
    message: (a) => `"${F(a.field)}" appears in several columns (${a.columns}); only the first is read`,
    hint: () => 'Remove or rename the extra column',
  },
  SHEET_COLUMN_UNKNOWN: {
    title: 'Unknown column',
    message: (a) => `column ${a.column} "${a.header}" is not a known column and is not read`,
    hint: () => 'If it is another spelling of a known column, use the standard header; extra information may be left',
  },
  SHEET_HIDDEN: {
    title: 'Hidden content',
    message: (a) =>
      a.what === 'sheet' ? 'this list sheet is hidden and was not read as a list' : 'this row is hidden and was read as data',
    hint: (a) =>
      a.what === 'sheet'
        ? 'Unhide the sheet if it is to be submitted'
        : 'Check whether the hidden row is meant to be submitted; delete it if not',
  },
  SCHEMA_REQUIRED: {
    title: 'Required value empty',
    message: (a) => `"${F(a.field)}" is empty${a.because ? BECAUSE_EN[a.because] : ''}`,
    hint: (a) => `Fill in "${F(a.field)}"`,
  },
  SCHEMA_ENUM: {
    title: 'Value not allowed',
    message: (a) => `"${a.value}" is not an allowed value of "${F(a.field)}"`,
    hint: (a) => `Allowed: ${list(a.allowed)}`,
  },
  SCHEMA_LIST_TYPE_CONFLICT: {
    title: 'List type contradicts the name',
    message: (a) =>
      `list type "${a.value}" contradicts the sheet/file name "${a.name}" (${a.fromName === '红名单' ? 'red list' : a.fromName === '黑名单' ? 'black list' : a.fromName})`,
    hint: () => 'Check whether the record belongs on the red or the black list and move it to that sheet',
  },
  SCHEMA_DATE_INVALID: {
    title: 'Invalid date',
    message: (a) =>
      a.reason === 'nonexistent'
        ? `"${F(a.field)}" ${a.value} does not exist`
        : a.reason === 'timeOfDay'
          ? `"${F(a.field)}" "${a.value}" has a time of day; write the date only`
          : `"${F(a.field)}" "${a.value}" is not a date`,
    hint: (a) =>
      a.reason === 'timeOfDay'
        ? 'Remove the time and keep the date only (e.g. 2026-08-03): format the cell as a date and type the date again'
        : 'Write a full date with a four-digit year: 2026-08-03, 2026/8/3 or 2026年8月3日',
  },
  SCHEMA_DATE_FUTURE: {
    title: 'Date after today',
    message: (a) => `"${F(a.field)}" ${a.value} is after today (${a.today})`,
    hint: () => 'The decision date is the date the decision was made; check it',
  },
  SCHEMA_DATE_ORDER: {
    title: 'Dates in the wrong order',
    message: (a) => `publication end ${a.publishUntil} is before the decision date ${a.decisionDate}`,
    hint: () => 'Check both dates: the publication end comes after the decision',
  },
  SCHEMA_DATE_OUT_OF_QUARTER: {
    title: 'Decision outside the quarter',
    message: (a) => `decision date ${a.value} is outside ${a.quarter} (${a.start} to ${a.end})`,
    hint: () => 'Keep it if it is a late submission; otherwise check the date or the quarter',
  },
  SCHEMA_EXPIRED: {
    title: 'Publication period over',
    message: (a) => `the publication period ended on ${a.publishUntil}, before today (${a.today}): nothing left to publish`,
    hint: () => 'Expired records are not submitted; delete the row or check the dates',
  },
  SCHEMA_PERIOD_TOO_LONG: {
    title: 'Publication period too long',
    message: (a) =>
      `publication end ${a.publishUntil} is beyond the ${a.years}-year cap${a.domain ? ` for ${a.domain}` : ''} (latest ${a.latest})`,
    hint: () =>
      'Records are public for at most three years (the bureau rules §四(四)); register a longer legal period in publication.domainMaxYears',
  },
  SCHEMA_PERIOD_SEVERITY: {
    title: 'Period beyond the severity cap',
    message: (a) =>
      `severity "${a.severity}" allows at most ${a.months} months (until ${a.latest}), but the period ${a.computed ? `end is empty and defaults to ${a.publishUntil}` : `ends ${a.publishUntil}`}`,
    hint: () => '国办发〔2025〕22号: 轻微 ≤ 3 months, 一般 ≤ 1 year, 严重 ≤ 3 years; check the severity or the end date',
  },
  SCHEMA_CREDIT_CODE_FORMAT: {
    title: 'Credit code malformed',
    message: (a) =>
      a.reason === 'idNumber'
        ? `the credit-code column holds "${a.value}", which looks like a citizen ID number: put it in 证件号码`
        : `credit code "${a.value}" is malformed: 18 digits or capital letters (no I, O, S, V, Z) expected, ${a.length} found`,
    hint: (a) =>
      a.reason === 'idNumber'
        ? "A natural person's ID number goes into 证件号码 with 主体类别 自然人; leave the credit code empty"
        : 'Check it against the business licence or registration certificate',
  },
  SCHEMA_CREDIT_CODE_CHECKSUM: {
    title: 'Credit code check failed',
    message: (a) =>
      a.position === 18
        ? `credit code "${a.value}" has a wrong check character: the last one should be ${a.expected}`
        : `credit code "${a.value}" has a wrong organisation-code check (position 17): it should be ${a.expected}`,
    hint: () => 'Usually a typing error: check the licence; a legitimately issued pilot-era code goes into creditCode.allow in config',
  },
  SCHEMA_ID_FORMAT: {
    title: 'ID number malformed',
    message: (a) =>
      a.reason === 'birthDate'
        ? `"${F(a.field)}" ${a.value} holds a birth date that does not exist`
        : `"${F(a.field)}" ${a.value} is malformed: 18 characters (the last may be X) or 15 digits expected`,
    hint: () => 'Check it against the ID card; for another document type fill in 证件类型',
  },
  SCHEMA_ID_CHECKSUM: {
    title: 'ID check digit wrong',
    message: (a) => `"${F(a.field)}" ${a.value} has a wrong check digit: the last should be ${a.expected}`,
    hint: () => 'Usually a typing error: check it against the ID card',
  },
  SCHEMA_ID_PRECISION_LOST: {
    title: 'Number truncated by Excel',
    message: (a) => `"${F(a.field)}" ${a.value} was stored by Excel as a number and lost its last digits`,
    hint: () => 'Format the column as Text and type the full number again from the source (the lost digits cannot be recovered)',
  },
  SCHEMA_SUBJECT_MISMATCH: {
    title: 'Identifier contradicts subject type',
    message: (a) =>
      a.reason === 'personWithCreditCode'
        ? 'a natural person (自然人) with a credit code and no ID number'
        : a.reason === 'organisationWithBusinessCode'
          ? 'an organisation whose credit code starts with 92 (an individual business, 个体工商户)'
          : 'an individual business whose credit code does not start with 92',
    hint: () => 'Check the subject type: 个体工商户, 自然人, 法人及非法人组织',
  },
  SCHEMA_MINOR: {
    title: 'Minor on a black list',
    message: (a) => `the person with ID ${a.value} was under 18 (${a.age}) at the decision date ${a.decisionDate}`,
    hint: () => "Minors' information is not published: delete the row or check the ID number",
  },
  SCHEMA_FORMULA_NO_VALUE: {
    title: 'Formula without a result',
    message: (a) => `"${F(a.field)}" is a formula (=${a.formula}) saved without its result`,
    hint: () => 'Open and save the file in Excel/WPS, or paste the cells as values',
  },
  SCHEMA_CELL_ERROR: {
    title: 'Error value in cell',
    message: (a) => `"${F(a.field)}" holds the error value ${a.value}`,
    hint: () => 'Fix the formula or type the value',
  },
  SCHEMA_NORMALISED: {
    title: 'Value normalised',
    message: (a) => `"${F(a.field)}" normalised from "${a.from}" to "${a.to}"`,
    hint: () => 'Nothing to do; correct the source to match if you like',
  },
  SCHEMA_PERSONAL_INFO: {
    title: 'Personal information in text',
    message: (a) =>
      `"${F(a.field)}" contains ${PERSONAL_KIND_EN[a.kind]} ${a.value}: ${a.field in COVER_KEYS ? 'the cover is not published; masked on the terminal, in JSON and in the report' : 'masked in the public (公示) files, kept in the sharing (共享) files'}`,
    hint: (a) =>
      a.field in COVER_KEYS
        ? 'Write only names for filler, reviewer and approver; a phone number goes into 联系电话 only, an ID number nowhere on the cover'
        : "ID and phone numbers are personal information and do not belong in names, facts, basis, removal reasons or remarks; a person's ID number goes into 证件号码, phone numbers are not submitted",
  },
  TEXT_PERSONAL_INFO: {
    title: 'Personal information in recorded text',
    message: (a) =>
      `${a.option === 'note' ? 'The note' : a.option} contains ${PERSONAL_KIND_EN[a.kind]} ${a.value}: recorded as typed (the register is internal), masked on the terminal, in JSON, in 公示 and in the report`,
    hint: () =>
      "An objection's summary and opinion and a note need no ID or phone number; put the objector's contact in --from (used only in the 异议处理意见书)",
  },
  SCHEMA_CHARACTER_INVALID: {
    title: 'Invalid character in cell',
    message: (a) => `"${F(a.field)}" contains the invisible invalid character ${a.codepoint}; it is written as U+FFFD`,
    hint: () => 'Usually pasted in; delete it in the source (retype the cell) and save again',
  },
  MEASURES_FILLED: {
    title: 'Measures filled from the catalogue',
    message: (a) =>
      `奖惩措施 (measures) was empty: the ${a.items} measure(s) of the catalogue for the ${a.list} list, domain "${a.domain}", were filled in`,
    hint: () =>
      'If they do not apply to this subject, write the measures actually taken in 奖惩措施 (hrss-credit measures lists the catalogue)',
  },
  MEASURES_UNLISTED: {
    title: 'Measure not in the catalogue',
    message: (a) => `the measure "${a.measure}" is not in the measures catalogue for the ${a.list} list, domain "${a.domain}"`,
    hint: () =>
      'Write the measures as the catalogue does (hrss-credit measures), separated by ；; a measure outside it needs the bureau to add it to the catalogue',
  },
  MATRIX_DEPARTMENT_UNKNOWN: {
    title: 'Department unknown',
    message: (a) =>
      a.source === 'none'
        ? 'the department is named neither by the folder nor by the cover'
        : `"${a.name}" is not a department of the responsibility matrix`,
    hint: () =>
      'Name the folder after a department of the matrix (see hrss-credit matrix) or pass --department; add new units under "matrix" in config',
  },
  MATRIX_DOMAIN_NOT_ALLOWED: {
    title: 'Domain not allowed',
    message: (a) => `${a.department} is not responsible for the domain ${a.domain} (it submits: ${list(a.allowed)})`,
    hint: (a) =>
      a.responsible.length
        ? `${a.domain} is submitted by ${list(a.responsible)}`
        : 'Check the domain; change responsibilities under "matrix" in config',
  },
  COVER_MISSING: {
    title: 'Cover missing',
    message: (a) =>
      a.lists > 0
        ? `the department folder has ${a.lists} list file(s) but no cover (报送单)`
        : 'the department folder has no cover (报送单)',
    hint: () => 'Add 报送单.xlsx (or a sheet 报送单 in a list workbook) with unit, quarter, filler, reviewer, approver and dates',
  },
  COVER_DUPLICATE: {
    title: 'Several covers',
    message: (a) => `there are several covers: ${places(a.covers)}`,
    hint: () => 'Keep one cover per department per quarter',
  },
  COVER_FIELD_MISSING: {
    title: 'Cover incomplete',
    message: (a) => `the cover's "${F(a.key)}" is empty`,
    hint: (a) => `Fill in "${F(a.key)}" on the cover`,
  },
  COVER_MISMATCH: {
    title: 'Cover disagrees',
    message: (a) => `the cover's "${F(a.key)}" says "${a.cover}", not ${a.expected}`,
    hint: () => 'Check the cover, or whether the files are in the right department/quarter folder',
  },
  COVER_NIL_WITH_ROWS: {
    title: 'Nil report with records',
    message: (a) => `the cover says 无信息报告 (nothing to report) but the lists hold ${a.rows} record(s)`,
    hint: () => 'Set 无信息报告 to 否 or remove it when records are submitted',
  },
  APPROVAL_REVIEW_MISSING: {
    title: 'Review missing',
    message: (a) => `the cover lacks ${list(a.missing.map(F))} (review by the bureau-level leader in charge)`,
    hint: () => 'The rules §四(二) require review by the leader in charge: fill in 审核人 and 审核日期',
  },
  APPROVAL_SIGNOFF_MISSING: {
    title: 'Approval missing',
    message: (a) => `the cover lacks ${list(a.missing.map(F))} (approval by the principal leader)`,
    hint: () => 'The rules §四(二) require approval by the principal leader: fill in 审定人 and 审定日期',
  },
  APPROVAL_DATE_FUTURE: {
    title: 'Sign-off after today',
    message: (a) => `${F(a.key)} ${a.value} is after today (${a.today})`,
    hint: () => 'Write the date the sign-off was actually given',
  },
  APPROVAL_DATE_ORDER: {
    title: 'Approved before reviewed',
    message: (a) => `approved on ${a.approvedOn}, before the review on ${a.reviewedOn}`,
    hint: () => 'The review usually comes first; check the dates',
  },
  APPROVAL_SAME_PERSON: {
    title: 'Same reviewer and approver',
    message: (a) => `"${a.name}" both reviewed and approved`,
    hint: () => 'Review and approval are normally given by two people; check',
  },
  EVIDENCE_REPORT_MISSING: {
    title: 'Case report missing',
    message: (a) =>
      a.named
        ? `case files named on the cover do not exist: ${list(a.named)}`
        : `${a.black} black-list record(s) but no case report in 附件/`,
    hint: () => 'Put one typical case report (.pdf, .docx, .doc, .wps, .ofd or .txt) in the 附件 folder (the rules §三)',
  },
  EVIDENCE_PICTURE_MISSING: {
    title: 'Case pictures missing',
    message: (a) => `${a.black} black-list record(s) but no picture in 附件/`,
    hint: () => 'Put the case pictures (.jpg, .png, .gif, .bmp, .webp or .heic) in the 附件 folder',
  },
  EVIDENCE_RED_INCOMPLETE: {
    title: 'Red-list case incomplete',
    message: (a) =>
      `red list only, and 附件/ lacks ${a.missing === 'both' ? 'a case report and pictures' : a.missing === 'report' ? 'a case report' : 'pictures'}`,
    hint: () => 'Attach one typical case report with pictures',
  },
  EVIDENCE_FILE_INVALID: {
    title: 'Attachment invalid',
    message: (a) =>
      a.reason === 'empty'
        ? 'the attachment is empty'
        : a.reason === 'tooLarge'
          ? `the attachment is ${bytesEn(a.actual)}, over the limit of ${bytesEn(a.max)}`
          : a.reason === 'unreadable'
            ? `the attachment cannot be read (${a.detected ?? ''})`
            : `the attachment is named ${a.ext} but its content is not${a.detected && a.detected !== 'unknown' ? ` (it is ${a.detected})` : ''}`,
    hint: (a) =>
      a.reason === 'tooLarge'
        ? 'Compress it, or raise limits.maxAttachmentBytes'
        : 'Save it again in the right format from its program; do not just rename it',
  },
  EVIDENCE_FILE_IGNORED: {
    title: 'File not used',
    message: (a) =>
      a.deep
        ? `this folder lies more than ${a.deep} folders below 附件: the files in it are not checked, not packaged`
        : a.folder
          ? 'this folder is not the 附件 folder: the files in it are not checked, not packaged'
          : `this file (${a.ext}) is neither a list, a cover, a report nor a picture: not checked, not packaged`,
    hint: (a) =>
      a.deep
        ? `Move its reports and pictures into a folder at most ${a.deep} deep below 附件`
        : a.folder
          ? 'Put lists and the cover directly in the department folder, reports and pictures in 附件; move unrelated folders out'
          : 'Reports: .pdf/.docx/.doc/.wps/.ofd/.txt; pictures: .jpg/.png …, in the 附件 folder; move unrelated files out',
  },
  EVIDENCE_PATH_UNSAFE: {
    title: 'Unsafe path',
    message: (a) =>
      a.reason === 'link'
        ? `"${visible(a.name)}" is a link and is neither read nor packaged`
        : a.reason === 'hardlink'
          ? `"${visible(a.name)}" is a hard link (the same file has another name, perhaps outside the workspace) and is neither read nor packaged`
          : a.reason === 'name' && a.problem === 'tooLong'
            ? `the name "${visible(a.name)}" is ${NAME_PROBLEM_EN.tooLong}: it cannot be written into the package and is not packaged`
            : a.reason === 'name'
              ? `the name "${visible(a.name)}" cannot be used on Windows (${NAME_PROBLEM_EN[a.problem ?? 'character']}) and is not packaged`
              : `"${visible(a.name)}" points outside the department folder and is neither read nor packaged`,
    hint: (a) =>
      a.inZip
        ? 'This path in the zip would be extracted outside the department folder and is not used: zip the department folder itself (right-click → Send to → Compressed (zipped) folder), with no \\ or drive letter in names, or send the folder'
        : a.reason === 'name' && a.problem === 'tooLong'
          ? 'Shorten the name (or nest fewer folders) and send it again; otherwise compile cannot write it into the package'
          : a.reason === 'name'
            ? 'Rename it: no CON, PRN, AUX, NUL, COM1, LPT1 …, none of < > : " / \\ | ? * or control characters, no dot or space at the end'
            : "Copy the file itself (not a link) into the department's 附件 folder",
  },
  PACKAGE_DUPLICATE: {
    title: 'Duplicate record',
    message: (a) => `the same decision on ${a.subject} appears ${a.count} times: ${places(a.places)}`,
    hint: () => 'Submit one subject, list, domain and decision once; delete the repeated rows',
  },
  PACKAGE_SAME_SUBJECT: {
    title: 'Subject listed twice',
    message: (a) => `${a.subject} appears again on the same list and domain with another decision (see ${place(a.other)})`,
    hint: () => 'Keep both if they are different decisions; otherwise merge or delete',
  },
  PACKAGE_RED_BLACK_CONFLICT: {
    title: 'On the red and the black list',
    message: (a) => `${a.subject} is on a red list and a black list this quarter (see ${place(a.other)})`,
    hint: () => 'A subject on a black list cannot stay on a red list: check with the departments; the red-listing one proposes the removal',
  },
  PACKAGE_SUBMISSION_MISSING: {
    title: 'Department has not submitted',
    message: (a) => `${a.department} has not submitted this quarter (no folder or no cover)`,
    hint: () => 'Remind the department; with nothing to list it sends a cover saying 无信息报告: 是',
  },
  PACKAGE_QUARTER_DUPLICATE: {
    title: 'Quarter folder twice',
    message: (a) => `several folders name ${a.quarter}: ${list(a.folders)}`,
    hint: () => 'Merge them into one quarter folder (preferably named like 2026Q3)',
  },
  PACKAGE_EXISTS: {
    title: 'Package exists',
    message: (a) => `the package of this quarter already exists: ${a.path}`,
    hint: () => 'To build it again, add --force (the old package is kept under a new name)',
  },
  REGISTER_PACKAGE_CHANGED: {
    title: 'package changed',
    message: (a) =>
      `the package of ${a.batch} no longer matches its manifest.json: ${a.count} file(s) differ: ${a.changed}; nothing was recorded`,
    hint: (a) => `compile it again (hrss-credit compile ${a.batch} --force) before publishing, or restore the files as sent`,
  },
  REGISTER_ALREADY_PUBLISHED: {
    title: 'batch already published',
    message: (a) => `${a.batch} was published on ${a.publishedOn} (register event ${a.seq}) with another package`,
    hint: () => 'a published batch cannot change; put corrections in a later batch',
  },
  REGISTER_BATCH_PUBLISHED: {
    title: 'batch already published',
    message: (a) =>
      `the register says ${a.batch} was published on ${a.publishedOn} (event ${a.seq}); packages/${a.batch} is the package as sent; nothing was compiled and it was left as it is`,
    hint: (a) =>
      `a published batch cannot change, not even with --force; put corrections or late rows in a later batch (e.g. ${a.batch}-2 or the next quarter)`,
  },
  REGISTER_ALREADY_ACTIVE: {
    title: 'already public',
    message: (a) =>
      `record ${a.id} was published by ${a.department} in ${a.quarter} and is still public with the same values: not published again`,
    hint: () => 'nothing to do; departments may send only new records',
  },
  REGISTER_REMOVED_RESENT: {
    title: 'removed record sent again',
    message: (a) =>
      `record ${a.id} (published by ${a.department}) was removed on ${a.on} (${REMOVAL_EN[a.type]}); this row is the same decision: not published again`,
    hint: () => "ask the department to drop the row next time; to list the subject again, send it under the new decision's 认定文书号",
  },
  REGISTER_CHANGED: {
    title: 'differs from the public record',
    message: (a) => `record ${a.id} (published by ${a.department}, still public) differs in ${list(a.fields.map(F))}`,
    hint: () =>
      'if it is a correction, write the old 认定文书号 in the 更正原文书号 column (its own number when the decision is unchanged); otherwise delete the row or make it equal to the public one',
  },
  REGISTER_CORRECTION_APPLIED: {
    title: 'correction after an objection',
    message: (a) =>
      `objection ${a.objection} on record ${a.id} was resolved 更正 (correct); this row is that correction: ${list(a.fields.map(F))} published as sent, the old content no longer public`,
    hint: () => 'nothing to do; check that the corrected content is right',
  },
  REGISTER_RED_ON_BLACK: {
    title: 'red-list subject on a black list',
    message: (a) => `the subject is public on a red list (record ${a.id}, ${a.department}); it cannot also be on a black list`,
    hint: (a) => `${a.department} must send a removal request (违法违规移出) of that red record in this batch`,
  },
  REGISTER_BLACK_ON_RED: {
    title: 'black-list subject on a red list',
    message: (a) => `the subject is public on a black list (record ${a.id}, ${a.department}); it cannot be on a red list`,
    hint: () => 'delete the row; send it again once the black record is removed',
  },
  REGISTER_WEAK_IDENTITY: {
    title: 'identified by name only',
    message: (a) => `"${a.subject}" has no valid credit code or ID number: the register identifies it by its name only (record ${a.id})`,
    hint: () => 'fill in a valid 统一社会信用代码 (organisations) or 身份证号 (persons)',
  },
  REGISTER_BATCH_ORDER: {
    title: 'batch out of order',
    message: (a) => `${a.batch} cannot be published before ${a.earlier}, an earlier batch of its quarter`,
    hint: (a) => `publish ${a.earlier} first (hrss-credit publish ${a.earlier})`,
  },
  REGISTER_IMPORT_OUT_OF_ORDER: {
    title: 'import out of order',
    message: (a) =>
      `${a.batch} (published ${a.publishedOn}) was imported, but the register already holds the later ${a.later} (published ${a.laterOn}): the register applies events in the order recorded, so a record in both batches now reads as ${a.batch} has it`,
    hint: (a) =>
      `check the records both batches hold with hrss-credit register list; import history oldest first (${a.batch} before ${a.later}) from now on`,
  },
  REMOVAL_NOT_FOUND: {
    title: 'removal: no such record',
    message: (a) => `no public ${a.listType} record of ${a.subject}${a.decisionNo ? ` (decision ${a.decisionNo})` : ''}`,
    hint: () => 'check the list type, name, identifiers and 认定文书号 against the public record (hrss-credit register list --find)',
  },
  REMOVAL_AMBIGUOUS: {
    title: 'removal: several records',
    message: (a) => `${a.subject} has ${a.count} public records (${list(a.ids)}) and the request does not say which`,
    hint: () => 'fill in the 认定文书号 of the record to remove',
  },
  REMOVAL_NOT_OWNER: {
    title: 'removal: not your record',
    message: (a) => `record ${a.id} was published by ${a.owner}; ${a.department} cannot remove it`,
    hint: (a) => `${a.owner} must send this request`,
  },
  REMOVAL_TYPE_MISMATCH: {
    title: 'removal type does not fit the list',
    message: (a) => `record ${a.id} is on a ${a.listType} list: ${a.removalType} does not apply`,
    hint: () => '违法违规移出 is for red records, 提前移出 for black records',
  },
  REMOVAL_FILING_MISSING: {
    title: 'early removal without review or filing date',
    message: (a) =>
      `record ${a.id}: early removal without ${a.missing.map((m) => (m === 'reviewedOn' ? '审查日期' : '报备市信用办日期')).join(' and ')}`,
    hint: () => 'fill in 审查日期 and 报备市信用办日期',
  },
  REMOVAL_TOO_EARLY: {
    title: 'early removal too early',
    message: (a) =>
      `record ${a.id} was published on ${a.publishedOn}; severity ${a.severity} keeps it public ${a.months} months, until ${a.earliest}; removal on ${a.on}`,
    hint: (a) => `check it; request early removal after ${a.earliest}`,
  },
  REMOVAL_DUPLICATE: {
    title: 'removal requested twice',
    message: (a) => `record ${a.id} has several removal requests: ${places(a.places)}`,
    hint: () => 'keep one request per record',
  },
  REMOVAL_DATE_INVALID: {
    title: 'removal date invalid',
    message: (a) =>
      `${a.header} "${a.value}" ${a.reason === 'format' ? 'is not a date' : a.reason === 'future' ? `is after today (${a.limit ?? ''})` : `precedes the record's publication (${a.limit ?? ''})`}`,
    hint: () => 'write a real date like 2026-09-30, not in the future, not before the publication',
  },
  REMOVAL_TYPE_INVALID: {
    title: 'removal type missing or unknown',
    message: (a) => (a.value ? `移出类型 "${a.value}" is not a removal type` : '移出类型 is empty'),
    hint: (a) => `write one of ${list(a.allowed)}`,
  },
  CORRECTION_TARGET_NOT_FOUND: {
    title: 'correction: no such record',
    message: (a) => `更正原文书号 "${a.decisionNo}" names no public record of ${a.department} for this subject`,
    hint: () => 'check the old 认定文书号; clear the column if this is not a correction',
  },
  PACKAGE_DEPARTMENT_DUPLICATE: {
    title: 'Department folder twice',
    message: (a) => `several folders are ${a.department}: ${list(a.folders)}`,
    hint: () => 'Use one folder per department per quarter',
  },
  OBJECTION_RECORD_NOT_FOUND: {
    title: 'Record of the objection not found',
    message: (a) => `no active record in the register matches "${a.query}"; the objection was not recorded`,
    hint: () => 'Find the record id with hrss-credit register list --find and give it with --record',
  },
  OBJECTION_BEFORE_PUBLICATION: {
    title: 'Record not yet published when the objection was received',
    message: (a) =>
      `the record matching "${a.query}" was published by ${a.batch} on ${a.publishedOn}, after the objection was received (${a.received}); an objection concerns published information, nothing was recorded`,
    hint: () => 'Check --received; a comment made before publication is not recorded as an objection',
  },
  OBJECTION_AMBIGUOUS: {
    title: 'Objection matches several records',
    message: (a) => `"${a.query}" matches ${a.count} active records (${a.ids}); the objection was not recorded`,
    hint: () => 'Add --record ID to say which record the objection is about',
  },
  OBJECTION_LATE: {
    title: 'Objection resolved late',
    message: (a) =>
      `objection ${a.number} was due by ${a.deadline} and was resolved on ${a.resolvedOn}; recorded, and kept on record for supervision`,
    hint: () => 'Objections are to be handled within 3 working days of receipt (7 when the data provider must verify)',
  },
  OBJECTION_OVERDUE: {
    title: 'Objection overdue',
    message: (a) =>
      `objection ${a.number} was due by ${a.deadline} and is still open today (${a.today})${a.workingDaysLeft !== null ? `, ${-a.workingDaysLeft} working day(s) late` : ''}`,
    hint: (a) =>
      `Check it and record the outcome with hrss-credit objection resolve ${a.number} --outcome 维持|更正|撤销 --opinion "…" (one of the three outcomes; the opinion in the quotes)`,
  },
  OBJECTION_NOT_FOUND: {
    title: 'No such objection',
    message: (a) => `the register has no objection ${a.number}`,
    hint: () => 'List the recorded objections with hrss-credit objection list --all',
  },
  OBJECTION_OPEN: {
    title: 'Objection still open: no letter',
    message: (a) =>
      `objection ${a.number} (received ${a.received}${a.deadline ? `, due ${a.deadline}` : ''}) is not resolved yet: the letter states the outcome, the handler and the opinion; nothing was written`,
    hint: (a) =>
      `Record the outcome first with hrss-credit objection resolve ${a.number} --outcome 维持|更正|撤销 --opinion "…", then make the letter`,
  },
  OBJECTION_ALREADY_RESOLVED: {
    title: 'Objection already resolved',
    message: (a) =>
      `objection ${a.number} was resolved on ${a.resolvedOn} (${OUTCOME_EN[a.outcome] ?? a.outcome}); it cannot be resolved again, nothing was recorded`,
    hint: () => 'If the outcome was wrong, say so with hrss-credit register note and record a new objection',
  },
  OBJECTION_DEADLINE_PENDING: {
    title: 'Objection recorded, deadline pending',
    message: (a) =>
      `objection ${a.number} is recorded; its deadline needs the ${a.year} holiday schedule, which the working-day calendar does not have yet, so it is not computed (Monday–Friday is never assumed) and objection list shows it as pending`,
    hint: (a) =>
      `Once the State Council's notice on the ${a.year} holidays is out, create ${a.file} in the workspace, e.g. ${calendarExample(a.year)} (with every holiday range and weekend workday of the notice); the deadline is then computed. Meanwhile keep to 3 working days by hand`,
  },
  CALENDAR_NOT_COVERED: {
    title: 'Calendar does not cover the year',
    message: (a) =>
      `the working-day calendar has no holiday schedule for ${a.year}, so working days cannot be counted (Monday–Friday is never assumed)`,
    hint: (a) =>
      `Once the State Council's notice on the ${a.year} holidays is out, create ${a.file} in the workspace (holidays: first and last day of each holiday; workdays: the weekend days worked instead), e.g. ${calendarExample(a.year)}; or upgrade hrss-credit`,
  },
  SCHEMA_EXTRA_CELL: {
    title: 'Cells beyond the header',
    message: (a) =>
      `this row has ${a.count} non-empty cell(s) right of the last header (column ${a.lastHeader}); no header names them, so they were not read`,
    hint: () =>
      'most often a value holds a comma without quotes, which split it into several cells and shifted every column after it: check the row, put such values in double quotes (or use a Chinese comma), or save the file as .xlsx from Excel',
  },
  FILE_FEEDBACK_COPY: {
    title: 'Feedback copy',
    message: (a) => `"${a.name}" is a feedback copy written by hrss-credit validate --annotate, not a list; it was not read`,
    hint: () => 'Correct the original file and send it; move the feedback copy out of the department folder',
  },
  FILE_UNTOUCHED_FORM: {
    title: 'Blank form',
    message: (a) =>
      `"${a.name}" is a blank form written by hrss-credit template and never filled in (no list row, no 填报人, no 无信息报告); the department has a filled file beside it, so it was not read`,
    hint: () => 'nothing to do; delete the blank form to tidy the folder if you like',
  },
};

type ToolArgs = Record<string, string | number>;

const TYPE_EN: Record<string, string> = {
  number: 'a number',
  string: 'a quoted string',
  boolean: 'true or false',
  object: 'an object {…}',
  array: 'an array […]',
  int: 'a whole number',
};

/** What is wrong with one key of a config, template or manifest file (io/workspace/workspace.ts issueArgs). */
/** A write's errno code with what it means. */
function writeProblemEn(code: string): string {
  const said: Record<string, string> = {
    ENOSPC: 'disk full',
    EDQUOT: 'disk quota exceeded',
    EROFS: 'read-only disk',
    EACCES: 'no write permission',
    EPERM: 'no write permission',
    EBUSY: 'file in use (close it in Excel)',
    ENAMETOOLONG: 'file name or path too long',
  };
  return said[code] ? `${code}, ${said[code]}` : code;
}

function problemEn(a: ToolArgs): string {
  const v = a.value !== undefined ? `"${a.value}"` : '';
  const more = a.suggestion !== undefined ? `; did you mean ${a.suggestion}?` : '';
  switch (a.problem) {
    case 'unreadable':
      return `cannot read the file (${a.detail ?? ''})`;
    case 'notFile':
      return 'not a regular file (a folder, a pipe or a device); give a .json file';
    case 'tooLarge':
      return `the file is too large (over ${bytesEn(Number(a.limit))}) to be a config or template`;
    case 'jsonSyntax':
      return `not valid JSON at line ${a.line}, column ${a.column}; check the quotes, commas and brackets there (keys need double quotes)`;
    case 'missing':
      return `missing; expected ${TYPE_EN[String(a.expected)] ?? a.expected}`;
    case 'type':
      return `value ${v} has the wrong type; expected ${TYPE_EN[String(a.expected)] ?? a.expected}`;
    case 'unknownKey':
      return `unknown key ${v}; remove it or check the spelling`;
    case 'choice':
      return `value ${v} is not allowed; choose one of ${a.allowed}`;
    case 'tooSmall':
      return `value ${v} is too small; the minimum is ${a.limit}`;
    case 'tooBig':
      return `value ${v} is too large; the maximum is ${a.limit}`;
    case 'tooShort':
      return Number(a.limit) <= 1 ? 'must not be empty' : `needs at least ${a.limit} characters or items`;
    case 'tooLong':
      return `value ${v} is too long; at most ${a.limit} characters or items`;
    case 'format':
      return `value ${v} is not in the expected format`;
    case 'unknownCode':
      return `${v} is not a check code${more} (run hrss-credit rules for the list)`;
    case 'reservedKey':
      return `${v} is a reserved word and cannot be a name or key; rename it`;
    case 'pathSegment':
      return `name ${v} cannot be a folder name: no / \\ : * ? " < > | or control characters, and not . or ..`;
    case 'windowsName':
      return `name ${v} is a reserved Windows device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9) and cannot be a folder name`;
    case 'trailingDotSpace':
      return `name ${v} must not end with a dot or a space (Windows drops them)`;
    case 'nameTooLong':
      return `name ${v} is too long; at most ${a.limit} characters`;
    case 'fieldOrValue':
      return 'each column needs exactly one of "field" or "value"';
    case 'noOutputs':
      return 'it has no outputs list';
    case 'recordId':
      return 'the record id does not match its content: the file was edited by hand; compile again';
    case 'packageNotFile':
      return 'not a regular file (a pipe, a device or a folder), not read; compile the quarter again with hrss-credit compile';
    case 'packageTooLarge':
      return `the file is too large (over ${bytesEn(Number(a.limit))}) to be one this tool wrote; compile the quarter again with hrss-credit compile`;
    default:
      return `value ${v} is invalid`;
  }
}

/** A usage error: what commander or the flag checks found, as data (cli/program.ts usageArgs). */
export function usageEn(a: ToolArgs): string {
  const more = a.suggestion !== undefined ? `; did you mean ${a.suggestion}?` : '';
  switch (a.kind) {
    case 'unknownOption':
      return `unknown option ${a.name}${more}`;
    case 'unknownCommand':
      return `unknown command ${a.name}${more}`;
    case 'missingArgument':
      return `missing argument ${a.name}`;
    case 'excessArguments':
      return `too many arguments${a.value !== undefined ? `: ${a.value}` : ''}`;
    case 'optionMissingArgument':
      return `option ${a.name} needs a value`;
    case 'missingOption':
      return `the option ${a.name} is required`;
    case 'invalidChoice':
      return `option ${a.name}: "${a.value}" is not allowed; choose one of ${a.allowed}`;
    case 'unknownCode':
      return `${a.name ? `${a.name}: ` : ''}"${a.value}" is not a check code${more} (run hrss-credit rules for the list)`;
    case 'unknownDocument':
      return `"${a.value}" is not a document of this tool${more} (run hrss-credit schema for the list)`;
    case 'notPositiveInt':
      return `option ${a.name}: "${a.value}" is not allowed; write a whole number of at least 1`;
    case 'noCommand':
      return 'give a command';
    case 'trailingQuote':
      return `the argument ${a.value}" ends in a quote: the command prompt read the \\" at the end of the path as a quote, and the options after it became part of the path; drop the trailing \\ (write "${a.value}") and run it again`;
    default:
      return String(a.detail ?? '');
  }
}

export const enToolErrors: ToolErrorCatalogue = {
  USAGE: (a) => `usage error: ${usageEn(a)}`,
  PATH_NOT_FOUND: (a) => `path not found: ${a.path}`,
  PATH_NOT_FOLDER: (a) => `${a.path} is a file where a folder is needed; give the path of a folder`,
  PATH_UNREADABLE: (a) =>
    `cannot read the folder ${a.path} (${a.problem}); check that you may read it and the network share is still connected, and try again`,
  WORKSPACE_NOT_FOUND: () => 'no workspace found (a folder with hrss-credit.config.json or submissions/); run inside it or pass -w',
  CONFIG_INVALID: (a) => `config ${a.file} is invalid: ${a.key ? `${a.key}: ` : ''}${problemEn(a)}`,
  TEMPLATE_INVALID: (a) => `export template ${a.file} is invalid: ${a.key ? `${a.key}: ` : ''}${problemEn(a)}`,
  QUARTER_INVALID: (a) => `cannot read the quarter "${a.value}"; write 2026Q3, Q3 or 2026年第三季度 (years 1900–2999)`,
  DATE_INVALID: (a) => `cannot read the date "${a.value}"; write YYYY-MM-DD (years 1900–2999)`,
  DATE_OUT_OF_RANGE: (a) =>
    a.reason === 'future'
      ? `${a.option} ${a.value} is after today (${a.limit}); nothing can be recorded before it happens, give the actual date`
      : a.reason === 'beforeReceipt'
        ? `${a.option} ${a.value} is before the objection was received (${a.limit}); it cannot be resolved before it was received, check the date`
        : `${a.option} ${a.value} is before the record was published (${a.limit}); check the date`,
  QUARTER_NOT_FOUND: (a) => `submissions/ has no folder for ${a.quarter}`,
  PACKAGE_NOT_FOUND: (a) => `package not found: ${a.path}`,
  PACKAGE_INVALID: (a) => `package ${a.path} cannot be read: ${a.file ?? ''}${a.key ? ` ${a.key}` : ''}: ${problemEn(a)}`,
  REGISTER_CORRUPT: (a) =>
    `the register ${a.path} is broken at line ${a.line} (${({ json: 'not JSON', schema: 'not a register event', seq: 'sequence out of order', prev: 'does not link to the line before', hash: 'hash mismatch: edited', canonical: 'not exactly as this tool writes it: edited or reformatted', linebreak: 'events joined by CR or U+2028 line ends', torn: 'unfinished last line' } as Record<string, string>)[String(a.reason)] ?? a.reason}); it is neither read nor written until repaired: run hrss-credit register verify${a.reason === 'torn' ? ', then hrss-credit register repair to cut the unfinished last line' : ''}`,
  REGISTER_LOCKED: (a) =>
    `someone else is writing the register (process ${a.pid} on ${a.host}, since ${a.since}); try again when they have finished. A stale lock is taken over by itself: another PC's after 30 s without a refresh, this PC's once its process has ended or the PC restarted; if it still blocks, make sure no hrss-credit runs on ${a.host}, then delete register/.lock`,
  REGISTER_HEAD_SHORT: (a) =>
    `the hash of --head ${a.head} is too short: at least ${a.min} hex digits are needed (a short one can be matched by a forged history); copy the whole head SEQ:HASH printed at publication`,
  REGISTER_HEAD_INVALID: (a) =>
    `--head ${a.head} is not a register head: it is SEQ:HASH, a number, a colon and at least ${a.min} hex digits (0–9, a–f), e.g. 7:3f9a0c1d2e4b5a69; copy the head publish printed`,
  LOCK_NOT_FILE: (a) =>
    `the lock file ${a.path} is not a regular file (${a.kind}), so nobody can tell whether someone is writing; make sure no hrss-credit is running, delete it and try again`,
  REGISTER_UNREADABLE: (a) =>
    `cannot read the register ${a.path} (${a.problem}); check whether the file is open elsewhere or its permissions`,
  EXPORT_TARGET_NOT_EMPTY: (a) =>
    `the export folder ${a.path} is not empty; choose an empty folder, or add --force to overwrite files of the same name`,
  LOCK_HELD: (a) =>
    `another compile is running (process ${a.pid}${a.host ? ` on ${a.host}` : ''}, since ${a.since}); try again when it has finished. A stale lock is taken over by itself (another PC's after 30 s without a refresh, this PC's once its process ended or the PC restarted); if it still blocks, make sure no hrss-credit is running, then delete packages/.hrss-credit.lock`,
  // Only a package write (scope "package": built in a temporary folder, then swapped) may promise the old package is untouched.
  WRITE_FAILED: (a) =>
    a.scope === 'package'
      ? `writing the package failed (${a.problem}); the previous package is untouched${a.path ? `: ${a.path}` : ''}`
      : `writing failed (${writeProblemEn(String(a.problem))})${a.path ? `: ${a.path}` : ''}; no half-written file was left and an existing file of that name is unchanged; free disk space or check write permission, then try again`,
  CALENDAR_FILE_INVALID: (a) => calendarFileInvalidEn(a),
  DEPARTMENT_UNKNOWN: (a) => `the responsibility matrix has no department "${a.name}"; run hrss-credit matrix to see the names`,
  ANNOTATE_DIR_UNSAFE: (a) =>
    a.where === 'quarter'
      ? `feedback copies may not be written into a submissions quarter folder (${a.path}): compile would take the folder for a department; give --annotate no folder (the copies then go to 检查结果/ beside submissions/) or one outside submissions/`
      : `feedback copies may not be written into a department folder (${a.path}): they would be taken for submitted files; give --annotate a folder outside the department folders`,
  OUTPUT_IN_TOOL_FOLDER: (a) =>
    `files are never written into the tool's own folder (${a.path}): they would go when the tool is replaced; run it in the workspace, or name the workspace with -w or the file with --out`,
  INTERNAL: (a) => `internal error: ${a.message ?? ''} (run with --debug for details and report it)`,
};

export const enUi: UiText = {
  severity: { error: 'error', warning: 'warning', info: 'info' },
  fieldNames: {
    listType: 'list type',
    domain: 'domain',
    listName: 'list name',
    subjectType: 'subject type',
    subjectName: 'subject name',
    creditCode: 'credit code',
    legalRep: 'legal representative',
    legalRepIdType: 'legal rep. ID type',
    legalRepIdNumber: 'legal rep. ID number',
    idType: 'ID type',
    idNumber: 'ID number',
    facts: 'facts',
    basis: 'legal basis',
    decisionNo: 'decision no.',
    decisionDate: 'decision date',
    publishUntil: 'publication end',
    severity: 'severity',
    measures: 'measures',
    remarks: 'remarks',
    correctionOf: 'corrected decision',
    unit: 'unit',
    quarter: 'quarter',
    filler: 'filled in by',
    phone: 'phone',
    reviewer: 'reviewer',
    reviewedOn: 'review date',
    approver: 'approver',
    approvedOn: 'approval date',
    sentOn: 'date sent',
    nil: 'nil report',
    cases: 'case files',
    reason: 'removal reason (移出原因)',
    violationNo: 'violation decision no.',
  },
  columns: { location: 'Location', severity: 'Severity', code: 'Code', message: 'Problem', hint: 'Fix' },
  sheetRow: (sheet, row, column, header) =>
    [
      sheet ? `sheet "${sheet}"` : '',
      row !== undefined ? `row ${row}` : '',
      column ? `column ${column}${header ? ` (${header})` : ''}` : '',
    ]
      .filter(Boolean)
      .join(', '),
  rowRanges: (sheet, column, ranges, more, count, header) => {
    const r = ranges
      .map(([a, b]) => (column ? (a === b ? `${column}${a}` : `${column}${a}:${column}${b}`) : a === b ? `${a}` : `${a}–${b}`))
      .join(', ');
    const where = column ? r : `rows ${r}`;
    return [sheet ? `sheet "${sheet}"` : '', `${where}${more ? ' …' : ''}${header ? ` (${header})` : ''}, ${count} in all`]
      .filter(Boolean)
      .join(', ');
  },
  moreFindings: (n) => `${n} more; the full list: --format json or --annotate`,
  droppedFindings: (code, dropped, kept) =>
    `${code}: ${dropped} more not listed (only the first ${kept} per code and file are kept, see limits.maxFindingsPerCode); counted in the totals`,
  summary: (s) => `${s.files} file(s), ${s.rows} row(s) checked: ${s.errors} error(s), ${s.warnings} warning(s), ${s.info} info`,
  valid: 'Check passed.',
  invalid: 'Check failed: fix what the table shows and check again.',
  noFindings: 'No problems found.',
  hintPrefix: 'Fix: ',
  error: 'error',
  debugHint: '(run with --debug for technical details)',
  usage: usageEn,
  help: {
    usage: 'Usage:',
    optionsToken: '[options]',
    commandToken: '[command]',
    arguments: 'Arguments:',
    options: 'Options:',
    commands: 'Commands:',
    helpOption: 'display help',
    helpCommand: 'display help for a command',
    versionOption: 'display the version',
    program: 'Xinxiang HRSS credit red/black lists: department checks, quarterly package, export',
    validate: 'check list files or department folders before they are sent',
    validatePaths: 'list files (.xlsx/.csv) or department folders',
    compile: "check every department of the quarter and write the credit office's package",
    compileQuarter: 'quarter, e.g. 2026Q3, Q3, 2026年第三季度',
    exportCmd: 'write the credit-office files of a compiled package again, by template',
    exportTarget: 'quarter or package folder',
    verify: 'verify a package against its manifest (hashes)',
    verifyDir: 'package folder, e.g. packages/2026Q3',
    status: "each department's submission for a quarter",
    statusQuarter: 'quarter, e.g. 2026Q3 or Q3',
    rules: 'every diagnostic code with its meaning and fix',
    rulesCode: 'only this code',
    matrix: 'the responsibility matrix in force (departments and domains)',
    calendar: "a year's holidays and make-up working days and where they come from (for objection deadlines)",
    calendarYear: 'the year (default: the year of today)',
    supervise: "a year's supervision record per department and quarter: missing, late, unsigned… (and the workbook)",
    superviseYear: 'the year, e.g. 2026',
    report: 'one HTML page for leaders: key figures, charts, findings (prints on A4)',
    reportTarget: 'a batch (2026Q3) or a year (2026)',
    opt: {
      workspace: 'workspace folder (default: searched upwards from here)',
      config: 'config file (default: hrss-credit.config.json in the workspace)',
      format: 'output format: pretty or json',
      lang: 'language: zh-CN or en',
      today: 'take this date as today (YYYY-MM-DD)',
      strict: 'count warnings as errors',
      ignore: 'ignore these codes (comma separated, repeatable)',
      quiet: 'show errors only',
      debug: 'show technical details on failure',
      noColor: 'no colours',
      ascii: 'plain table borders (for consoles that misdraw box characters)',
      maxFindings: 'at most N table lines of findings per file (default 200; findings of one code in one column are grouped)',
      department: 'the submitting department, when the path does not say',
      quarter: 'the quarter, when the path does not say',
      dryRun: 'check only, write nothing',
      force: 'replace an existing package (the old one is kept under a new name)',
      zip: 'also write a zip file',
      out: "write the package into this folder (instead of the workspace's packages/)",
      template: 'export template file',
      to: 'write the files into this folder',
      audience: 'public (masked identifiers) or sharing (full identifiers)',
      xlsx: 'also write the supervision workbook (.xlsx) to this file',
      reportOut: 'where to write the report (default: packages/<batch>/报告.html for a compiled batch, else the current folder)',
    },
  },
  rules: {
    code: 'Code',
    severity: 'Default',
    fixed: ' (fixed)',
    meaning: 'Meaning',
    fix: 'Fix',
    unknown: (c) => `no such code: ${c}`,
  },
  matrix: { department: 'Department', aliases: 'Aliases', domains: 'Domains', authority: 'Authority', domainAliases: 'Domain aliases' },
  compile: {
    written: (p) => `Package written: ${p}`,
    dryRun: 'Dry run: checked, nothing written.',
    notWritten: 'There are errors: no package was written. Ask the departments to fix what the table shows and send again.',
    counts: 'Counts',
    rows: 'rows',
    unchanged: 'unchanged',
    red: 'red',
    black: 'black',
    department: 'Department',
    submitted: 'submitted',
    nil: 'nil report',
    missing: 'missing',
    next: (sheet, verify) =>
      `Next: check ${sheet}, then send the 公示 and 共享 folders to the city credit office; ${verify} confirms the package is unchanged.`,
    zip: (p) => `Zip: ${p}`,
    replaced: (p) => `The previous package was kept as ${p}`,
    notWrittenExists:
      'The package of this quarter exists already and was not written again. To write it again from the current files, add --force (the old package is kept under a new name).',
    manifestHash: (h, f) => `SHA-256 of manifest.json: ${h} (stored in ${f}; hrss-credit verify checks it)`,
    pruned: (ps) => `Older replaced packages (full ID numbers) were removed, as package.keepReplaced says: ${ps.join(', ')}`,
    progress: (d, t, n) => `checking ${d}/${t}: ${n}`,
  },
  verify: {
    ok: (n) => `Verified: ${n} file(s) match the manifest.`,
    changed: 'changed',
    missing: 'missing',
    added: 'added',
    bad: (n) => `Verification failed: ${n} difference(s) from the manifest.`,
    inconsistent: 'inconsistent count',
    manifestInvalid: (k, p) =>
      `manifest.json is damaged or was edited (${k}: ${p}), so the package cannot be verified; use the original package or run hrss-credit compile --force again`,
    manifestMismatch: (a, e, f) => `manifest.json was changed: its SHA-256 is ${a}, not ${e} as recorded when it was written (${f})`,
    manifestUnchecked: (a, f) =>
      `${f} not found, so manifest.json itself cannot be checked; its SHA-256 is ${a}: compare it with the one compile showed`,
  },
  exported: (n, d) => `${n} file(s) exported to ${d}`,
  progressRows: (f, n) => `checking ${f}: ${n.toLocaleString('en-US')} rows read`,
  interruptedAfterCommit: (c) =>
    c.kind === 'event'
      ? `Interrupted (Ctrl-C) after the event was written to the register (event ${c.seq}): the command finished; nothing to redo.`
      : `Interrupted (Ctrl-C) after the package was written to ${c.path}: the command finished; nothing to redo.`,
  status: {
    columns: [
      'Department',
      'Submitted',
      'Nil',
      'Rows',
      'Red',
      'Black',
      'Unchanged',
      'Errors',
      'Warnings',
      'Reviewed',
      'Approved',
      'Case files',
    ],
    yes: 'yes',
    no: 'no',
    none: '—',
    unknown: (f) => `${f} (not a department of the matrix)`,
    quarterLevel: '(quarter as a whole)',
    total: 'Total',
    awaiting: (a) =>
      `${a.department}: ${[a.removals.length ? `${a.removals.length} removal request(s) awaited (${a.removals.join(', ')})` : '', a.corrections.length ? `${a.corrections.length} correction(s) awaited (${a.corrections.join(', ')})` : ''].filter(Boolean).join('; ')}`,
    published: (p) =>
      `${p.batch} was published on ${p.on} (register event ${p.seq}): the lines above are what the departments sent, not checked against the register again; corrections and removals go in a later batch.`,
  },
  calendar: enCalendarUi,
  reports: enReportsUi,
  forms: {
    help: {
      template: "write a department's fill-in workbook (drop-down lists, instructions, cover)",
      templateDepartment: 'the department, e.g. 就业办',
      all: 'one for every department, into submissions/QUARTER/DEPARTMENT/ (existing files are kept)',
      outFile: 'write to this file (default: DEPARTMENT_QUARTER_信用红黑名单.xlsx in the current folder)',
      measures: 'print the joint reward and punishment measures catalogue',
      annotate: 'also write a copy of each list with the findings marked on their cells (default ./检查结果/)',
    },
    written: (p) => `written: ${p}`,
    skipped: (p) => `exists, not overwritten: ${p}`,
    measures: {
      list: 'List',
      domain: 'Domain',
      department: 'Department',
      basis: 'Basis',
      items: 'Measures',
      none: 'No measures catalogue is configured (config key measures).',
      red: 'red',
      black: 'black',
      all: '(all departments)',
    },
    annotate: {
      written: (p) => `feedback copy: ${p}`,
      sheet: '检查结果',
      link: 'go to cell',
      omitted: (n) => `${n} more findings of the same kinds were not marked one by one; fix the ones listed and check again.`,
      none: 'No findings.',
      title: (file, time, tool) => `Check results: ${file} (checked ${time}, ${tool})`,
      overview: (e, w, i) =>
        `${e} errors, ${w} warnings${i ? `, ${i} notes` : ''}. ${e ? 'Fix the errors before sending. ' : ''}Click a location to go to its cell; the cell's note says what is wrong and how to fix it.`,
    },
  },
};
