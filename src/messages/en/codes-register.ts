/** English findings about the quarter's package, the calendar, the register, objections and removals (the rest: codes-files.ts). */
import type { CodeCatalogue } from '../types.js';
import { calendarExample } from '../calendar.js';
import { countEn, F, list, place, places } from './words.js';

const OUTCOME_EN: Record<string, string> = { 维持: 'upheld', 更正: 'corrected', 撤销: 'revoked' };

/** How the register removed a record (REGISTER_REMOVED_RESENT). */
const REMOVAL_EN: Record<string, string> = {
  violation: 'removed for a violation',
  early: 'removed early',
  revoked: 'revoked after an objection',
  corrected: 'replaced by a correction under a new 认定文书号',
};

export const enRegisterCodes = {
  PACKAGE_DUPLICATE: {
    title: 'Duplicate record',
    message: (a) =>
      `the same decision on ${a.subject} appears ${a.count} times: ${places(a.places)}` +
      (a.count > a.places.length ? `… (the first ${a.places.length} shown)` : ''),
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
    message: (a) =>
      a.sentIn !== undefined
        ? `${a.department} sent nothing to this batch; its list came in the supplementary batch ${a.sentIn} (sent late in ${a.sentIn})`
        : a.form !== undefined
          ? `${a.department} has not submitted this quarter: its folder ${a.form} holds only the blank form hrss-credit template ` +
            'wrote (no list row; the cover’s 填报人 and 无信息报告 not filled in)'
          : `${a.department} has not submitted this quarter (no folder or no cover)`,
    hint: (a) =>
      a.sentIn !== undefined
        ? `Nothing more to send to this batch: the list is compiled and published with ${a.sentIn}, not in this package`
        : a.form !== undefined
          ? 'Have the department fill in that form and put it back in the folder: its list and cover (with 填报人); with nothing to ' +
            'list, the cover with 无信息报告: 是 and 填报人'
          : 'Remind the department; with nothing to list it sends a cover saying 无信息报告: 是',
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
  EXPORT_REMOVED_NOT_FOUND: {
    title: 'Removed records not found',
    message: (a) =>
      `${countEn(a.count, 'record')} the ${a.quarter} package removes ${a.count === 1 ? 'is' : 'are'} not in the register ` +
      `(${list(a.ids)}): ` +
      'their 移出名单 rows give only the record id, removal type, date, reason and department; ' +
      '名单类型, 主体名称, 证件号码 and the other record columns are empty',
    hint: () =>
      "export from the workspace that compiled the package (-w names it), or use the 移出名单 in the package's own 公示 and 共享 folders",
  },
  EXPORT_NO_REGISTER: {
    title: 'No register for the removed records',
    message: (a) =>
      `the ${a.quarter} package removes ${countEn(a.count, 'record')} (${list(a.ids)}), and there is no register here ` +
      '(not in a workspace, or the workspace has no register/events.jsonl yet): ' +
      'their 移出名单 rows give only the record id, removal type, date, reason and department; ' +
      '名单类型, 主体名称, 证件号码 and the other record columns are empty',
    hint: () =>
      "export from the workspace that compiled the package (-w names it), or use the 移出名单 in the package's own 公示 and 共享 folders",
  },
  REGISTER_PACKAGE_CHANGED: {
    title: 'Package changed',
    message: (a) =>
      `the package of ${a.batch} no longer matches its manifest.json: ${countEn(a.count, 'file')} ` +
      `${a.count === 1 ? 'differs' : 'differ'}: ${a.changed}; nothing was recorded`,
    hint: (a) => `compile it again (hrss-credit compile ${a.batch} --force) before publishing, or restore the files as sent`,
  },
  PUBLISH_DATE_FUTURE: {
    title: 'Publication date after today',
    message: (a) => `${a.batch} was recorded as published on ${a.on}, after today (${a.today}); today's views do not show it yet`,
    hint: () =>
      'check the date of --on: publish records a batch on or after the day the credit office published it; if the date ' +
      'is wrong, record the right one with hrss-credit register note',
  },
  REGISTER_ALREADY_PUBLISHED: {
    title: 'Batch already published',
    message: (a) => `${a.batch} was published on ${a.publishedOn} (register event ${a.seq}) with another package`,
    hint: () => 'a published batch cannot change; put corrections in a later batch',
  },
  REGISTER_BATCH_PUBLISHED: {
    title: 'Batch already published',
    message: (a) =>
      `the register says ${a.batch} was published on ${a.publishedOn} (event ${a.seq}); packages/${a.batch} is the package as sent; ` +
      `nothing was compiled and it was left as it is`,
    hint: (a) =>
      `a published batch cannot change, not even with --force; put corrections or late rows in a later batch (a supplementary ` +
      `batch such as ${a.next}, or the next quarter)`,
  },
  REGISTER_ALREADY_ACTIVE: {
    title: 'Already public',
    message: (a) =>
      `record ${a.id} was published by ${a.department} in ${a.quarter} and is still public with the same values: not published again`,
    hint: () => 'nothing to do; departments may send only new records',
  },
  REGISTER_CHANGED: {
    title: 'Differs from the public record',
    message: (a) => `record ${a.id} (published by ${a.department}, still public) differs in ${list(a.fields.map(F))}`,
    hint: () =>
      'if it is a correction, write the old 认定文书号 in the 更正原文书号 column (its own number when the decision is unchanged); otherwise delete ' +
      'the row or make it equal to the public one',
  },
  REGISTER_CORRECTION_APPLIED: {
    title: 'Correction after an objection',
    message: (a) =>
      `objection ${a.objection} on record ${a.id} was resolved 更正 (correct); this row is that correction: ${list(a.fields.map(F))} ` +
      `published as sent, the old content no longer public`,
    hint: () => 'nothing to do; check that the corrected content is right',
  },
  REGISTER_RED_ON_BLACK: {
    title: 'Red-list subject on a black list',
    message: (a) => `the subject is public on a red list (record ${a.id}, ${a.department}); it cannot also be on a black list`,
    hint: (a) => `${a.department} must send a removal request (违法违规移出) of that red record in this batch`,
  },
  REGISTER_BLACK_ON_RED: {
    title: 'Black-list subject on a red list',
    message: (a) => `the subject is public on a black list (record ${a.id}, ${a.department}); it cannot be on a red list`,
    hint: () => 'delete the row; send it again once the black record is removed',
  },
  REGISTER_WEAK_IDENTITY: {
    title: 'Identified by name only',
    message: (a) => `"${a.subject}" has no valid credit code or ID number: the register identifies it by its name only (record ${a.id})`,
    hint: () => 'fill in a valid 统一社会信用代码 (organisations) or 身份证号 (persons)',
  },
  REGISTER_BATCH_ORDER: {
    title: 'Batch out of order',
    message: (a) => `${a.batch} cannot be published before ${a.earlier}, an earlier batch of its quarter`,
    hint: (a) => `publish ${a.earlier} first (hrss-credit publish ${a.earlier})`,
  },
  REMOVAL_NOT_FOUND: {
    title: 'Removal: no such record',
    message: (a) =>
      a.removed
        ? `${a.subject}'s record ${a.removed.id} is no longer public: ${REMOVAL_EN[a.removed.type] ?? a.removed.type} on ${a.removed.on}` +
          `${a.removed.batch ? ` (batch ${a.removed.batch})` : ''}; there is nothing left to remove`
        : `no public ${a.listType} record of ${a.subject}${a.decisionNo ? ` (decision ${a.decisionNo})` : ''}`,
    hint: (a) =>
      a.removed
        ? 'The row is a removal request already carried out (often left in a workbook reused from last quarter): ' +
          'delete the row, or the whole 移出申请 sheet, and compile again'
        : 'check the list type, name, identifiers and 认定文书号 against the public record (hrss-credit register list --find)',
  },
  REMOVAL_AMBIGUOUS: {
    title: 'Removal: several records',
    message: (a) => `${a.subject} has ${a.count} public records (${list(a.ids)}) and the request does not say which`,
    hint: () => 'fill in the 认定文书号 of the record to remove',
  },
  REMOVAL_NOT_OWNER: {
    title: 'Removal: not your record',
    message: (a) => `record ${a.id} was published by ${a.owner}; ${a.department} cannot remove it`,
    hint: (a) => `${a.owner} must send this request`,
  },
  REMOVAL_TYPE_MISMATCH: {
    title: 'Removal type does not fit the list',
    message: (a) => `record ${a.id} is on a ${a.listType} list: ${a.removalType} does not apply`,
    hint: () => '违法违规移出 is for red records, 提前移出 for black records',
  },
  REMOVAL_FILING_MISSING: {
    title: 'Early removal without review or filing date',
    message: (a) =>
      `record ${a.id}: early removal without ${a.missing.map((m) => (m === 'reviewedOn' ? '审查日期' : '报备市信用办日期')).join(' and ')}`,
    hint: () => 'fill in 审查日期 and 报备市信用办日期',
  },
  REMOVAL_TOO_EARLY: {
    title: 'Early removal too early',
    message: (a) =>
      `record ${a.id} was published on ${a.publishedOn}; severity ${a.severity} keeps it public ${a.months} months, until ${a.earliest}; ` +
      `removal on ${a.on}`,
    hint: (a) => `check it; request early removal after ${a.earliest}`,
  },
  REMOVAL_DUPLICATE: {
    title: 'Removal requested twice',
    message: (a) => `record ${a.id} has several removal requests: ${places(a.places)}`,
    hint: () => 'keep one request per record',
  },
  REMOVAL_DATE_INVALID: {
    title: 'Removal date invalid',
    message: (a) =>
      `${a.header} "${a.value}" ` +
      (a.reason === 'format'
        ? 'is not a date'
        : a.reason === 'future'
          ? `is after today (${a.limit ?? ''})`
          : `precedes the record's publication (${a.limit ?? ''})`),
    hint: () => 'write a real date like 2026-09-30, not in the future, not before the publication',
  },
  REMOVAL_TYPE_INVALID: {
    title: 'Removal type missing or unknown',
    message: (a) => (a.value ? `移出类型 "${a.value}" is not a removal type` : '移出类型 is empty'),
    hint: (a) => `write one of ${list(a.allowed)}`,
  },
  CORRECTION_TARGET_NOT_FOUND: {
    title: 'Correction: no such record',
    message: (a) => `更正原文书号 "${a.decisionNo}" names no public record of ${a.department} for this subject`,
    hint: () => 'check the old 认定文书号; clear the column if this is not a correction',
  },
  CONFIG_SEVERITY_FIXED: {
    title: 'Config: a severity that cannot be changed',
    message: (a) =>
      `${a.key} asks for "${a.value}", but ${a.code} is always ${a.fixed === 'error' ? 'an error' : `a ${a.fixed}`} ` +
      '(its severity is fixed); the setting was not applied',
    hint: (a) =>
      `remove "${a.code}" from severity in the config file (hrss-credit rules ${a.code} says why it is fixed); to let a ` +
      'file through, fix the file itself',
  },
  CONFIG_FILE_MISSING: {
    title: 'Config: a file it names is missing',
    message: (a) =>
      `${a.key} names ${a.file}, which does not exist; the setting was not applied ` +
      (a.key === 'measures'
        ? '(no measures catalogue: checks neither fill nor check 奖惩措施; template and measures cannot run)'
        : '(the built-in calendar and the calendar folder are used)'),
    hint: (a) => `put the file at ${a.file} in the workspace, or remove ${a.key} from the config file`,
  },
  TEMPLATE_CODES_INCOMPLETE: {
    title: 'Export template: codes map incomplete',
    message: (a) =>
      `the codes map of the template's column "${a.column}" has no code for ${a.labels}; such records are written ` +
      'as the label among the codes',
    hint: (a) =>
      `add each to that column's codes (e.g. "${a.labels.split('、')[0]}": "…", the code the credit office asks for), ` +
      'or remove "codes"',
  },
  PACKAGE_DEPARTMENT_DUPLICATE: {
    title: 'Department folder twice',
    message: (a) => `several folders are ${a.department}: ${list(a.folders)}`,
    hint: () => 'Use one folder per department per quarter',
  },
  PACKAGE_BATCH_EMPTY: {
    title: 'Supplementary batch holds nothing',
    message: (a) =>
      `the supplementary batch ${a.batch} holds no department's submission (${a.folder} has no department folder or zip with a ` +
      'file in it): its package lists only what the register adds by itself (expiries, revoked records), if anything',
    hint: (a) =>
      `Put the departments' folders for this batch into ${a.folder}/ (one folder per department, named after it), or delete ` +
      'the empty folder if no supplementary batch is needed; publish it empty only to send the expiries or revocations it lists',
  },
  OBJECTION_RECORD_NOT_FOUND: {
    title: 'Record of the objection not found',
    message: (a) =>
      !a.notPublic
        ? `no active record in the register matches "${a.query}"; the objection was not recorded`
        : `record ${a.notPublic.id}${a.query === a.notPublic.id ? '' : ` ("${a.query}")`} was no longer public ` +
          `on ${a.notPublic.received}, the day the objection was received: ` +
          (a.notPublic.status === 'expired'
            ? `its publication ended on ${a.notPublic.on}`
            : `${REMOVAL_EN[a.notPublic.type ?? ''] ?? a.notPublic.type} on ${a.notPublic.on}`) +
          '; the objection was not recorded',
    hint: (a) =>
      a.notPublic
        ? 'An objection concerns what is public on the day it is received: check that --received is the day it came in; ' +
          'for a record no longer public, answer it as ordinary correspondence'
        : 'Find the record id with hrss-credit register list --find and give it with --record',
  },
  OBJECTION_BEFORE_PUBLICATION: {
    title: 'Record not yet published when the objection was received',
    message: (a) =>
      `the record matching "${a.query}" was published by ${a.batch} on ${a.publishedOn}, after the objection was received ` +
      `(${a.received}); an objection concerns published information, nothing was recorded`,
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
      `objection ${a.number} was due by ${a.deadline} and was resolved on ${a.resolvedOn}; kept on record for supervision once recorded`,
    hint: () => 'Objections are to be handled within 3 working days of receipt (7 when the data provider must verify)',
  },
  OBJECTION_OVERDUE: {
    title: 'Objection overdue',
    message: (a) =>
      `objection ${a.number} was due by ${a.deadline} and is still open today ` +
      `(${a.today})${a.workingDaysLeft !== null ? `, ${countEn(-a.workingDaysLeft, 'working day')} late` : ''}`,
    hint: (a) =>
      `Check it and record the outcome with hrss-credit objection resolve ${a.number} --outcome 维持|更正|撤销 --opinion "…" (one of the three ` +
      `outcomes; the opinion in the quotes)`,
  },
  OBJECTION_NOT_FOUND: {
    title: 'No such objection',
    message: (a) => `the register has no objection ${a.number}`,
    hint: () => 'List the recorded objections with hrss-credit objection list --all',
  },
  OBJECTION_OPEN: {
    title: 'Objection still open: no letter',
    message: (a) =>
      `objection ${a.number} (received ${a.received}${a.deadline ? `, due ${a.deadline}` : ''}) is not resolved yet: the letter states ` +
      `the outcome, the handler and the opinion; nothing was written`,
    hint: (a) =>
      `Record the outcome first with hrss-credit objection resolve ${a.number} --outcome 维持|更正|撤销 --opinion "…", then make the letter`,
  },
  OBJECTION_ALREADY_RESOLVED: {
    title: 'Objection already resolved',
    message: (a) =>
      `objection ${a.number} was resolved on ${a.resolvedOn} (${OUTCOME_EN[a.outcome] ?? a.outcome}); it cannot be resolved again, ` +
      `nothing was recorded`,
    hint: () => 'If the outcome was wrong, say so with hrss-credit register note and record a new objection',
  },
  OBJECTION_NOT_PUBLIC: {
    title: 'Revoked record no longer public',
    message: (a) =>
      `the record of objection ${a.number} (${a.id}) ` +
      (a.type === 'expired'
        ? `had expired: its period ended on ${a.removedOn}`
        : `was no longer public: ${REMOVAL_EN[a.type] ?? a.type} on ${a.removedOn}${a.batch ? ` (batch ${a.batch})` : ''}`) +
      '; the 撤销 removes nothing and no package lists it again; the outcome can still be recorded',
    hint: (a) =>
      a.type === 'corrected'
        ? 'The record was replaced by a corrected one: to revoke that one, record an objection on it and resolve it'
        : 'Nothing to do; the letter is made as usual',
  },
  CALENDAR_NOT_COVERED: {
    title: 'Calendar does not cover the year',
    message: (a) =>
      `the working-day calendar has no holiday schedule for ${a.year}, so working days cannot be counted (Monday–Friday is never assumed)`,
    hint: (a) =>
      `Once the State Council's notice on the ${a.year} holidays is out, create ${a.file} in the workspace (holidays: first and last day ` +
      `of each holiday; workdays: the weekend days worked instead), e.g. ${calendarExample(a.year)}; or upgrade hrss-credit`,
  },
  FILE_UNTOUCHED_FORM: {
    title: 'Blank form',
    message: (a) =>
      `"${a.name}" is a blank form written by hrss-credit template and never filled in (no list row, no 填报人, ` +
      'no 无信息报告); the department has a filled file beside it, so it was not read',
    hint: () => 'nothing to do; delete the blank form to tidy the folder if you like',
  },
  REGISTER_REMOVED_RESENT: {
    title: 'Removed record sent again',
    message: (a) =>
      `record ${a.id} (published by ${a.department}) was removed on ${a.on} (${REMOVAL_EN[a.type]}); ` +
      'this row is the same decision: not published again',
    hint: () => 'ask the department to drop the row next time; ' + "to list the subject again, send it under the new decision's 认定文书号",
  },
  REGISTER_IMPORT_OUT_OF_ORDER: {
    title: 'Import out of order',
    message: (a) =>
      `${a.batch} (published ${a.publishedOn}) was imported, but the register already holds the later ${a.later} ` +
      `(published ${a.laterOn}): the register applies events in the order recorded, so a record in both batches ` +
      `now reads as ${a.batch} has it`,
    hint: (a) =>
      'check the records both batches hold with hrss-credit register list; ' +
      `import history oldest first (${a.batch} before ${a.later}) from now on`,
  },
  IMPORT_DATE_FUTURE: {
    title: 'Import date after today',
    message: (a) => `${a.batch} was imported as published on ${a.on}, after today (${a.today}); today's views do not show it yet`,
    hint: () =>
      'check the date of --published-on: register import brings in lists already published, on or before today; if the ' +
      'date is wrong, record the right one with hrss-credit register note',
  },
  OBJECTION_DEADLINE_PENDING: {
    title: 'Objection deadline pending',
    message: (a) =>
      `the deadline of objection ${a.number} needs the ${a.year} holiday schedule, which the working-day ` +
      'calendar does not have yet, so it is not computed (Monday–Friday is never assumed) and objection list shows it as pending',
    hint: (a) =>
      `Once the State Council's notice on the ${a.year} holidays is out, create ${a.file} in the workspace, ` +
      `e.g. ${calendarExample(a.year)} (with every holiday range and weekend workday of the notice); ` +
      `the deadline is then computed. Meanwhile keep to ${a.workingDays} working days by hand`,
  },
  FILE_FEEDBACK_COPY: {
    title: 'Feedback copy',
    message: (a) => `"${a.name}" is a feedback copy written by hrss-credit validate --annotate, not a list; it was not read`,
    hint: () => 'Correct the original file and send it; move the feedback copy out of the department folder',
  },
} satisfies Partial<CodeCatalogue>;
