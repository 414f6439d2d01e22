/**
 * English findings about the files a department sends: the file, its sheets and rows, the cover, the
 * evidence (the rest: codes-register.ts).
 */
import type { CodeArgs } from '../../diagnostics/codes.js';
import type { CodeCatalogue } from '../types.js';
import { visible } from '../../domain/text.js';
import { COVER_KEYS } from '../../schemas/cover.js';
import { bytesEn, countEn, F, list, places } from './words.js';

const PERSONAL_KIND_EN = { idNumber: 'an ID number', mobile: 'a mobile phone number', landline: 'a fixed-line phone number' } as const;

/** A limit's figure with its noun, singular for 1 ("more than 1 row" when a config sets a limit to 1). */
const counted = (n: number | undefined, one: string, many = `${one}s`): string => (n === undefined ? many : countEn(n, one, many));

const LIMIT_EN: Record<NonNullable<CodeArgs['FILE_UNREADABLE']['limit']>, (a: CodeArgs['FILE_UNREADABLE']) => string> = {
  maxFileBytes: (a) => `the file is ${bytesEn(a.actual)}, over the limit of ${bytesEn(a.max)} (limits.maxFileBytes)`,
  maxUnzippedBytes: (a) =>
    `the ${a.detail === 'zip' ? 'zip' : 'workbook'} inflates to more than ${bytesEn(a.max)} (limits.maxUnzippedBytes): possibly a zip bomb`,
  maxZipRatio: (a) =>
    `the ${a.detail === 'zip' ? 'zip' : 'workbook'}'s compression ratio ${a.actual ?? ''}:1 is over the limit of ${a.max ?? ''}:1 ` +
    `(limits.maxZipRatio): possibly a zip bomb`,
  maxRows: (a) => `more than ${counted(a.max, 'row')} (limits.maxRows)`,
  maxColumns: (a) => `${counted(a.actual, 'column')}, over the limit of ${a.max ?? ''} (limits.maxColumns)`,
  maxCellChars: (a) => `a cell holds more than ${counted(a.max, 'character')} (limits.maxCellChars)`,
  maxAttachmentBytes: (a) => `over the limit of ${bytesEn(a.max)} (limits.maxAttachmentBytes)`,
  maxZipEntries: (a) =>
    `the ${a.detail === 'zip' ? 'zip' : 'workbook'} holds ${counted(a.actual, 'entry', 'entries')}, over the limit of ${a.max ?? ''} ` +
    `(limits.maxZipEntries): possibly a zip bomb`,
  maxXmlDepth: (a) =>
    `XML inside the workbook is nested more than ${counted(a.max, 'level')} deep (limits.maxXmlDepth): damaged or hostile`,
  maxSharedStrings: (a) =>
    `the workbook's shared-string table holds more than ${counted(a.max, 'entry', 'entries')} (limits.maxSharedStrings)`,
  maxSharedStringChars: (a) =>
    `the workbook's shared strings hold more than ${counted(a.max, 'character')} in all (limits.maxSharedStringChars)`,
  maxSheets: (a) => `the workbook declares ${counted(a.actual, 'sheet')}, over the limit of ${a.max ?? ''} (limits.maxSheets)`,
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

export const enFileCodes = {
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
      `row ${a.row} holds bytes that are not valid ${a.encoding === 'gb18030' ? 'GB18030 (GBK)' : a.encoding.toUpperCase()}: the text is ` +
      `garbled${a.columns ? ` (invalid bytes in ${a.columns.includes(',') ? 'columns' : 'column'} ${a.columns})` : ''}; the row's ` +
      'Chinese text was not checked, only its digits and letters',
    hint: () => 'Open the original in Excel and save it as "CSV UTF-8 (comma delimited)" or .xlsx',
  },
  FILE_NO_LIST: {
    title: 'No list in file',
    message: (a) =>
      `${Number(a.sheets) === 1 ? 'the one sheet is not' : `none of the ${a.sheets} sheets is`} a red/black list ` +
      '(no header naming 主体名称 and other columns was found)',
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
        ? `column "${F(a.field)}" is missing and ${countEn(a.rows, 'row')} ${a.rows === 1 ? 'needs' : 'need'} it (first: row ${a.firstRow})`
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
      `list type "${a.value}" contradicts the sheet/file name "${a.name}" ` +
      `(${a.fromName === '红名单' ? 'red list' : a.fromName === '黑名单' ? 'black list' : a.fromName})`,
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
      `severity "${a.severity}" allows at most ${a.months} months (until ${a.latest}), but the ` +
      `period ${a.computed ? `end is empty and defaults to ${a.publishUntil}` : `ends ${a.publishUntil}`}`,
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
    hint: (a) =>
      a.reason === 'chars'
        ? 'Write it as 18 digits (the last may be X), with nothing else in the cell — no dots, letters or other marks; ' +
          'for another document type fill in 证件类型'
        : 'Check it against the ID card; for another document type fill in 证件类型',
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
      `"${F(a.field)}" contains ${PERSONAL_KIND_EN[a.kind]} ${a.value}: ` +
      (a.field in COVER_KEYS
        ? 'the cover is not published; masked on the terminal, in JSON and in the report'
        : 'masked in the public (公示) files, kept in the sharing (共享) files'),
    hint: (a) =>
      a.field in COVER_KEYS
        ? 'Write only names for filler, reviewer and approver; a phone number goes into 联系电话 only, an ID number nowhere on the cover'
        : 'ID and phone numbers are personal information and do not belong in names, facts, basis, removal reasons or remarks; a ' +
          "person's ID number goes into 证件号码, phone numbers are not submitted",
  },
  TEXT_PERSONAL_INFO: {
    title: 'Personal information in recorded text',
    message: (a) =>
      `${a.option === 'note' ? 'The note' : a.option} contains ${PERSONAL_KIND_EN[a.kind]} ${a.value}: kept as typed in the register ` +
      `(internal), masked on the terminal, in JSON, in 公示 and in the report`,
    hint: () =>
      "An objection's summary and opinion and a note need no ID or phone number; put the objector's contact in --from (used only in the " +
      '异议处理意见书)',
  },
  SCHEMA_EXTRA_CELL: {
    title: 'Cells beyond the header',
    message: (a) =>
      `this row has ${countEn(a.count, 'non-empty cell')} right of the last header (column ${a.lastHeader}); ` +
      'no header names them, so they were not read',
    hint: () =>
      'most often a value holds a comma without quotes, which split it into several cells and shifted every column after it: ' +
      'check the row, put such values in double quotes (or use a Chinese comma), or save the file as .xlsx from Excel',
  },
  SCHEMA_CHARACTER_INVALID: {
    title: 'Invalid character in cell',
    message: (a) => `"${F(a.field)}" contains the invisible invalid character ${a.codepoint}; it is written as U+FFFD`,
    hint: () => 'Usually pasted in; delete it in the source (retype the cell) and save again',
  },
  MEASURES_FILLED: {
    title: 'Measures filled from the catalogue',
    message: (a) =>
      `奖惩措施 (measures) was empty: the ${countEn(a.items, 'measure')} of the catalogue for the ${a.list} list, ` +
      `domain "${a.domain}", ${a.items === 1 ? 'was' : 'were'} filled in`,
    hint: () =>
      'If they do not apply to this subject, write the measures actually taken in 奖惩措施 (hrss-credit measures lists the catalogue)',
  },
  MEASURES_UNLISTED: {
    title: 'Measure not in the catalogue',
    message: (a) => `the measure "${a.measure}" is not in the measures catalogue for the ${a.list} list, domain "${a.domain}"`,
    hint: () =>
      'Write the measures as the catalogue does (hrss-credit measures), separated by ；' +
      '; a measure outside it needs the bureau to add it to the catalogue',
  },
  MATRIX_DEPARTMENT_UNKNOWN: {
    title: 'Department unknown',
    message: (a) =>
      a.source === 'none'
        ? 'no department was chosen, and no cover names one'
        : `"${a.name}" is not a department of the responsibility matrix`,
    hint: () =>
      'Name the folder after a department of the matrix (see hrss-credit matrix) or pass --department; add new units under "matrix" in ' +
      'config',
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
        ? `the department folder has ${countEn(a.lists, 'list file')} but no cover (报送单)`
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
    message: (a) => `the cover says 无信息报告 (nothing to report) but the lists hold ${countEn(a.rows, 'record')}`,
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
        : `${countEn(a.black, 'black-list record')} but no case report in 附件/`,
    hint: () => 'Put one typical case report (.pdf, .docx, .doc, .wps, .ofd or .txt) in the 附件 folder (the rules §三)',
  },
  EVIDENCE_PICTURE_MISSING: {
    title: 'Case pictures missing',
    message: (a) => `${countEn(a.black, 'black-list record')} but no picture in 附件/`,
    hint: () => 'Put the case pictures (.jpg, .png, .gif, .bmp, .webp or .heic) in the 附件 folder',
  },
  EVIDENCE_RED_INCOMPLETE: {
    title: 'Red-list case incomplete',
    message: (a) =>
      `red list only, and 附件/ lacks` +
      ` ${a.missing === 'both' ? 'a case report and pictures' : a.missing === 'report' ? 'a case report' : 'pictures'}`,
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
            : `the attachment is named ${a.ext} but its content is ` +
              `not${a.detected && a.detected !== 'unknown' ? ` (it is ${a.detected})` : ''}`,
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
          : a.zipAt
            ? 'this zip lies in a department folder and is not opened: the lists, cover and files in it are neither checked nor packaged'
            : `this file (${a.ext}) is neither a list, a cover, a report nor a picture: not checked, not packaged`,
    hint: (a) =>
      a.deep
        ? `Move its reports and pictures into a folder at most ${a.deep} deep below 附件`
        : a.folder
          ? 'Put lists and the cover directly in the department folder, reports and pictures in 附件; move unrelated folders out'
          : a.zipAt
            ? `A department's zip need not be unpacked: rename it "${visible(a.zipAt)}", move it into the quarter folder above, ` +
              'then remove this department folder (a department is a folder or a zip, not both); or unpack it into this folder'
            : 'Reports: .pdf/.docx/.doc/.wps/.ofd/.txt; pictures: .jpg/.png …, in the 附件 folder; move unrelated files out',
  },
  EVIDENCE_PATH_UNSAFE: {
    title: 'Unsafe path',
    message: (a) =>
      a.reason === 'link'
        ? `"${visible(a.name)}" is a link and is neither read nor packaged`
        : a.reason === 'hardlink'
          ? `"${visible(a.name)}" is a hard link (the same file has another name, perhaps outside the workspace) and is neither read nor ` +
            `packaged`
          : a.reason === 'name' && a.problem === 'tooLong'
            ? `the name "${visible(a.name)}" is ${NAME_PROBLEM_EN.tooLong}: it cannot be written into the package and is not packaged`
            : a.reason === 'name'
              ? `the name "${visible(a.name)}" cannot be used on Windows (${NAME_PROBLEM_EN[a.problem ?? 'character']}) and is not packaged`
              : `"${visible(a.name)}" points outside the department folder and is neither read nor packaged`,
    hint: (a) =>
      a.inZip
        ? 'This path in the zip would be extracted outside the department folder and is not used: zip the department folder itself ' +
          '(right-click → Send to → Compressed (zipped) folder), with no \\ or drive letter in names, or send the folder'
        : a.reason === 'name' && a.problem === 'tooLong'
          ? 'Shorten the name (or nest fewer folders) and send it again; otherwise compile cannot write it into the package'
          : a.reason === 'name'
            ? 'Rename it: no CON, PRN, AUX, NUL, COM1, LPT1 …, none of < > : " / \\ | ? * or control characters, no dot or space at the end'
            : "Copy the file itself (not a link) into the department's 附件 folder",
  },
} satisfies Partial<CodeCatalogue>;
