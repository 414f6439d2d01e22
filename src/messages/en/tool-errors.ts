/** English texts of the tool's own errors (a config, a template, a package, the register, a write, a usage). */
import type { ToolErrorCatalogue } from '../types.js';
import { enCalendarFileInvalid } from './calendar.js';
import { bytesEn } from './words.js';
import { shownBreak } from '../break-reason.js';

type ToolArgs = Record<string, string | number>;

/** What is wrong with a broken register line (REGISTER_CORRUPT's reason). */
const CORRUPT_EN: Record<string, string> = {
  json: 'not JSON',
  schema: 'not a register event',
  seq: 'sequence out of order',
  prev: 'does not link to the line before',
  hash: 'hash mismatch: edited',
  canonical: 'not exactly as this tool writes it: edited or reformatted',
  linebreak: 'events joined by CR or U+2028 line ends',
  torn: 'unfinished last line',
  blank: 'blank lines after the last event',
  blankOnly: 'no event at all, only blank lines',
};

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
    case 'encoding':
      return 'the file is neither UTF-8 nor GB18030 text; save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)';
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
    case 'creditCode':
      return (
        `value ${v} is not a valid unified social credit code (18 characters, check characters per GB 32100); ` +
        `write the bureau's code, or leave the key out`
      );
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
    case 'codesOnOpenField':
      return (
        `the ${v} column holds free text, a number or a date and cannot have "codes" (codes are for the list type, ` +
        'domain, subject type, ID types, severity and department); remove its "codes"'
      );
    case 'noOutputs':
      return 'it has no outputs list';
    case 'recordId':
      return (
        `the record id${a.value !== undefined ? ` ${a.value}` : ''} does not match its content: the file was edited by ` +
        'hand; compile again'
      );
    case 'content':
      return `the content is not as this tool writes it (${a.detail ?? ''}); compile the quarter again with hrss-credit compile`;
    case 'packageNotFile':
      return 'not a regular file (a pipe, a device or a folder), not read; compile the quarter again with hrss-credit compile';
    case 'packageTooLarge':
      return (
        `the file is too large (over ${bytesEn(Number(a.limit))}) to be one this tool wrote; compile the quarter again with ` +
        `hrss-credit compile`
      );
    default:
      return v ? `value ${v} is invalid` : 'the content is invalid';
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
      return (
        `the argument ${a.value}" ends in a quote: the command prompt read the \\" at the end of the path as a quote, and the ` +
        `options after it became part of the path; drop the trailing \\ (write "${a.value}") and run it again`
      );
    case 'emptyNote':
      return (
        'the remark is empty: write it in quotes after register note, e.g. hrss-credit register note "phoned 就业办 about the ' +
        'correction"'
      );
    case 'emptyValue':
      return `option ${a.name} is empty: write its text (in quotes when it holds spaces)`;
    case 'unknownRecordId':
      return (
        `${a.name} ${a.value}: no record in the register has this id; a record's id is the 12 characters (0–9, a–f) register list and ` +
        'register show print: find it with hrss-credit register show <name, credit code or ID number>'
      );
    case 'missingOneOf':
      return (
        `give one of ${a.names} to say ` +
        (a.what === 'record'
          ? 'which record the objection is about (its id, or the subject’s name, credit code or ID number)'
          : 'what to do')
      );
    case 'exclusive':
      return `give only one of ${a.names}`;
    case 'invalidYear':
      return `option ${a.name}: "${a.value}" is not a year; write four digits, e.g. 2026`;
    case 'templateAllAndDepartment':
      return (
        `give a department ("${a.value}") or --all, not both: hrss-credit template ${a.value} writes that department's form, ` +
        `hrss-credit template --all --quarter ${a.quarter} one for every department`
      );
    case 'templateWhich':
      return (
        `say which department's form to write, e.g. hrss-credit template ${a.example}; for one per department, ` +
        `hrss-credit template --all --quarter ${a.quarter}`
      );
    case 'templateAllQuarter':
      return (
        '--all needs --quarter: each form goes into submissions/<quarter>/<department>/; name the quarter, e.g. ' +
        `hrss-credit template --all --quarter ${a.quarter}`
      );
    case 'templateAllOut':
      return '--all and --out do not go together: --out names one file, --all writes one form into each department’s folder; drop --out';
    case 'templateName':
      return (
        `the department name "${a.value}" cannot be a file name (no / \\ : * ? " < > | or control characters, no dot or space ` +
        'at the end, not a device name such as CON or NUL); give it a name that can be one in the config’s matrix'
      );
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
        ? `${a.option} ${a.value} is before the objection was received (${a.limit}); it cannot be resolved before it was received, check ` +
          `the date`
        : `${a.option} ${a.value} is before the record was published (${a.limit}); check the date`,
  QUARTER_NOT_FOUND: (a) => `submissions/ has no folder for ${a.quarter}`,
  PACKAGE_NOT_FOUND: (a) =>
    a.batch === undefined
      ? `package not found: ${a.path}`
      : a.use === 'diff'
        ? `nothing to compare as ${a.path}: the register has no publication of batch ${a.batch}, and there is no package folder ` +
          `${a.path} here or packages/${a.batch}/ in the workspace; record it first (hrss-credit publish ${a.batch}; ` +
          `an older batch: hrss-credit register import <its list> --batch ${a.batch}), compile it, or give a package folder's path`
        : a.workspace === 'none'
          ? `package not found: ${a.path} is no folder or file here, and no workspace was found to look for batch ${a.batch}'s package ` +
            'in; give the package folder’s path, or the workspace with -w'
          : `package not found: ${a.path} is no folder or file here, and the workspace has no package of batch ${a.batch} ` +
            `(packages/${a.batch}/ or packages/${a.batch}.zip); compile it first (hrss-credit compile ${a.batch}), or give the ` +
            'package folder’s path',
  PACKAGE_INVALID: (a) =>
    `package ${a.path} cannot be read: ${a.file !== undefined ? `${a.file}${a.key ? ` ${a.key}` : ''}: ` : ''}${problemEn(a)}`,
  REGISTER_CORRUPT: (a) =>
    `the register ${a.path} is broken at line ${a.line} ` +
    `(${CORRUPT_EN[shownBreak(String(a.reason), Number(a.line))] ?? a.reason}); it is neither read nor written until repaired: run ` +
    'hrss-credit register verify' +
    (a.reason === 'torn'
      ? ', then hrss-credit register repair to cut the unfinished last line'
      : shownBreak(String(a.reason), Number(a.line)) === 'blankOnly'
        ? ', then hrss-credit register repair to cut the blank lines; if the register is new and nothing was ever recorded in it, you ' +
          'may delete register/events.jsonl instead'
        : a.reason === 'blank'
          ? ', then hrss-credit register repair to cut the blank lines at its end'
          : ''),
  REGISTER_LOCKED: (a) =>
    `someone else is writing the register (process ${a.pid} on ${a.host}, since ${a.since}); try again when they have finished. A stale ` +
    `lock is taken over by itself: another PC's after 30 s without a refresh, this PC's once its process has ended or the PC ` +
    `restarted; if it still blocks, make sure no hrss-credit runs on ${a.host}, then delete register/.lock`,
  REGISTER_HEAD_SHORT: (a) =>
    `the hash of --head ${a.head} is too short: at least ${a.min} hex digits are needed (a short one can be matched by a forged ` +
    `history); copy the whole head SEQ:HASH printed at publication`,
  REGISTER_HEAD_INVALID: (a) =>
    `--head ${a.head} is not a register head: it is SEQ:HASH, a number, a colon and at least ${a.min} hex digits ` +
    '(0–9, a–f), e.g. 7:3f9a0c1d2e4b5a69; copy the head publish printed',
  LOCK_NOT_FILE: (a) =>
    `the lock file ${a.path} is not a regular file (${a.kind}), so nobody can tell whether someone is writing; make sure no hrss-credit ` +
    `is running, delete it and try again`,
  REGISTER_UNREADABLE: (a) =>
    `cannot read the register ${a.path} (${a.problem}); check whether the file is open elsewhere or its permissions`,
  EXPORT_TARGET_NOT_EMPTY: (a) =>
    `the export folder ${a.path} is not empty; choose an empty folder, or add --force to overwrite files of the same name`,
  LOCK_HELD: (a) =>
    `another compile is running (process ${a.pid}${a.host ? ` on ${a.host}` : ''}, since ${a.since}); try again when it has finished. A ` +
    `stale lock is taken over by itself (another PC's after 30 s without a refresh, this PC's once its process ended or the PC ` +
    `restarted); if it still blocks, make sure no hrss-credit is running, then delete packages/.hrss-credit.lock`,
  // Only a package write (scope "package": built in a temporary folder, then swapped) may promise the old package is untouched.
  WRITE_FAILED: (a) =>
    a.scope === 'package'
      ? `writing the package failed (${a.problem}); the previous package is untouched${a.path ? `: ${a.path}` : ''}`
      : `writing failed (${writeProblemEn(String(a.problem))})${a.path ? `: ${a.path}` : ''}; no half-written file was left and an ` +
        `existing file of that name is unchanged; ` +
        (a.problem === 'EACCES' || a.problem === 'EPERM'
          ? 'the file is read-only or this user may not write it: clear its read-only attribute (Windows: right-click → ' +
            'Properties → untick Read-only) or get write permission on its folder, then try again'
          : 'free disk space or check write permission, then try again'),
  CALENDAR_FILE_INVALID: (a) => enCalendarFileInvalid(a),
  DEPARTMENT_UNKNOWN: (a) => `the responsibility matrix has no department "${a.name}"; run hrss-credit matrix to see the names`,
  ANNOTATE_DIR_UNSAFE: (a) =>
    a.where === 'quarter'
      ? `feedback copies may not be written into a submissions quarter folder (${a.path}): compile would take the folder for a ` +
        `department; give --annotate no folder (the copies then go to 检查结果/ beside submissions/) or one outside submissions/`
      : `feedback copies may not be written into a department folder (${a.path}): they would be taken for submitted files; give ` +
        `--annotate a folder outside the department folders`,
  OUTPUT_IN_TOOL_FOLDER: (a) =>
    `files are never written into the tool's own folder (${a.path}): they would go when the tool is replaced; run it in the workspace, ` +
    `or name the workspace with -w or the file with --out`,
  DIFF_ORDER_REVERSED: (a) =>
    `nothing compared: ${a.from} (${a.fromOn === 'package' ? 'a package not yet published' : `published ${a.fromOn}`}) ` +
    `is later than ${a.to} (published ${a.toOn}); diff says how the ` +
    `public list changed from the earlier batch to the later one, so write the earlier first: hrss-credit diff ${a.to} ${a.from}`,
  MEASURES_FILE_MISSING: (a) =>
    `the measures catalogue ${a.file} that the config key measures names does not exist, and ` +
    `${a.command === 'measures' ? 'printing the catalogue' : 'the department form'} needs it: put ` +
    `the file at ${a.file} in the workspace, or remove measures from the config file (no catalogue)`,
  PAGE_ASSETS_MISSING: (a) =>
    `the self-check page's program files are missing (${a.path}, ${a.problem}): the installation is incomplete; install the tool ` +
    `again (from a clone, run npm run build first)`,
  INTERNAL: (a) => `internal error: ${a.message ?? ''} (run with --debug for details and report it)`,
};
