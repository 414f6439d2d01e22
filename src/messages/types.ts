/** The shape of a message catalogue: a missing code or argument is a compile error. */
import type { Code, CodeArgs, Severity } from '../diagnostics/codes.js';
import type { ToolErrorCode } from '../diagnostics/tool-error.js';
import type { DocumentName } from '../schemas/documents/index.js';
import type { CalendarSource } from '../domain/working-days.js';
import type { LapseKind, SubmissionState } from '../schemas/states.js';
import type { ShownBreak } from './break-reason.js';

export interface CodeMessage<C extends Code> {
  /** A short name for `rules` and tables. */
  title: string;
  message(args: CodeArgs[C]): string;
  /** How to fix it. */
  hint(args: CodeArgs[C]): string;
}

export type CodeCatalogue = { [C in Code]: CodeMessage<C> };

export type ToolErrorCatalogue = Record<ToolErrorCode, (args: Record<string, string | number>) => string>;

/** One language's words for what every command may render (zh-CN/language.ts, en/language.ts). */
export interface LanguageCatalogue {
  codes: CodeCatalogue;
  toolErrors: ToolErrorCatalogue;
  ui: UiText;
}

/** Words of the interface itself: headings, summaries, help. */
export interface UiText {
  severity: Record<Severity, string>;
  fieldNames: Record<string, string>;
  columns: { location: string; severity: string; code: string; message: string; hint: string };
  sheetRow(sheet: string | undefined, row: number | undefined, column: string | undefined, header: string | undefined): string;
  /** The line of a text file (the config, a template: JSON), where a list's location names a row. */
  textLine(line: number): string;
  /**
   * A grouped table line: one finding on `count` rows, the first `ranges` of them (first, last row)
   * shown, `more` when there are others.
   */
  rowRanges(
    sheet: string | undefined,
    column: string | undefined,
    ranges: Array<[number, number]>,
    more: boolean,
    count: number,
    header: string | undefined,
  ): string;
  /** Under a file's table when --max-findings lines were shown. */
  moreFindings(count: number): string;
  /** Findings of a code in a file beyond limits.maxFindingsPerCode: counted, not listed. */
  droppedFindings(code: string, dropped: number, kept: number): string;
  summary(s: { files: number; rows: number; errors: number; warnings: number; info: number }): string;
  valid: string;
  invalid: string;
  noFindings: string;
  hintPrefix: string;
  error: string;
  debugHint: string;
  /** --debug: a fault noticed and gone on from (diagnostics/unexpected.ts), e.g. a descriptor closed twice. */
  debugNoticed(where: string, code: string, message: string): string;
  /** A usage error from its args (kind, name, value, allowed, suggestion): cli/program.ts usageArgs. */
  usage(args: Record<string, string | number>): string;
  help: {
    usage: string;
    optionsToken: string;
    commandToken: string;
    arguments: string;
    options: string;
    commands: string;
    helpOption: string;
    helpCommand: string;
    versionOption: string;
    program: string;
    validate: string;
    validatePaths: string;
    compile: string;
    compileQuarter: string;
    exportCmd: string;
    exportTarget: string;
    verify: string;
    verifyDir: string;
    status: string;
    statusQuarter: string;
    rules: string;
    rulesCode: string;
    matrix: string;
    calendar: string;
    calendarYear: string;
    supervise: string;
    superviseYear: string;
    report: string;
    reportTarget: string;
    opt: Record<
      | 'workspace'
      | 'config'
      | 'format'
      | 'lang'
      | 'today'
      | 'strict'
      | 'ignore'
      | 'quiet'
      | 'debug'
      | 'noColor'
      | 'ascii'
      | 'maxFindings'
      | 'department'
      | 'quarter'
      | 'dryRun'
      | 'force'
      | 'zip'
      | 'out'
      | 'template'
      | 'to'
      | 'audience'
      | 'xlsx'
      | 'reportOut',
      string
    >;
  };
  rules: { code: string; severity: string; fixed: string; meaning: string; fix: string; unknown(code: string): string };
  matrix: { department: string; aliases: string; domains: string; authority: string; domainAliases: string };
  compile: {
    written(path: string): string;
    dryRun: string;
    notWritten: string;
    counts: string;
    /** truth.md's figures: rows received (报送条数), resent unchanged (重复报送未变). */
    rows: string;
    unchanged: string;
    /** Of the records published, those that correct one already public (其中更正), and the removals (移出条数). */
    corrected: string;
    removals: string;
    red: string;
    black: string;
    department: string;
    submitted: string;
    nil: string;
    missing: string;
    /** A supplementary batch's department that sent no rows, listed for the removals it records. */
    removalsOnly: string;
    /** `sheet`: the package's 报送情况.xlsx; `verify`: the verify command line, ready to paste (domain/shell-line.ts). */
    next(sheet: string, verify: string): string;
    zip(path: string): string;
    replaced(path: string): string;
    notWrittenExists: string;
    /** next: the batch to use instead (REGISTER_BATCH_PUBLISHED's `next`). */
    notWrittenPublished(next: string): string;
    manifestHash(sha256: string, file: string): string;
    pruned(paths: string[]): string;
    progress(done: number, total: number, name: string): string;
  };
  verify: {
    ok(n: number): string;
    changed: string;
    missing: string;
    added: string;
    bad(n: number): string;
    inconsistent: string;
    manifestInvalid(key: string, problem: string): string;
    manifestMismatch(actual: string, expected: string, file: string): string;
    manifestUnchecked(actual: string, file: string): string;
    /** The hash file holds no SHA-256, or two that differ: nothing to check against (docs/decisions.md). */
    manifestHashUnreadable(actual: string, file: string): string;
  };
  exported(n: number, dir: string): string;
  progressRows(file: string, rows: number): string;
  /** Ctrl-C came after the register event was written (or the package swapped in): the command finished. */
  interruptedAfterCommit(c: { kind: 'event'; seq: number } | { kind: 'package'; path: string }): string;
  status: {
    columns: string[];
    yes: string;
    no: string;
    none: string;
    unknown(folder: string): string;
    quarterLevel: string;
    total: string;
    /** With a register: what a department still has to send (removal requests, corrections), by record id. */
    awaiting(a: { department: string; removals: readonly string[]; corrections: readonly string[] }): string;
    /** A batch the register records as published: said once, and nothing is checked against the register. */
    published(p: { batch: string; on: string; seq: number }): string;
    /** Above the first findings named under the table: `shown` of `total` errors and warnings. */
    findingsHead(shown: number, total: number): string;
    /** Where every finding is, with its fix: `command` checks the quarter and writes nothing. */
    findingsAll(command: string): string;
    /** The two columns added while objections are open past their deadline or pending (supervise's names). */
    objectionColumns: readonly [string, string];
    /** Under the table: the overdue and pending objections by number, the calendar files to add, where to see them. */
    objections(o: { overdue: readonly string[]; pending: readonly string[]; files: readonly string[] }): string;
  };
  calendar: CalendarUiText;
  reports: ReportsUiText;
  /** The department side: template, measures, validate --annotate (department.md). */
  forms: {
    help: {
      template: string;
      templateDepartment: string;
      quarter: string;
      all: string;
      outFile: string;
      measures: string;
      annotate: string;
    };
    written(path: string): string;
    skipped(path: string): string;
    measures: {
      list: string;
      domain: string;
      department: string;
      basis: string;
      items: string;
      none: string;
      red: string;
      black: string;
      all: string;
    };
    annotate: {
      written(path: string): string;
      /** A zip given to validate --annotate: its lists get no copy; why, and how to get one (as the page says). */
      zipNoCopy(zip: string): string;
      sheet: string;
      link: string;
      omitted(n: number): string;
      none: string;
      /** The 检查结果 sheet's title: the file checked, when (Beijing time), by which tool. */
      title(file: string, time: string, tool: string): string;
      /** Its one summary line. */
      overview(errors: number, warnings: number, info: number): string;
    };
  };
}

export interface LaunchUiText {
  /** Double-clicked with nothing dropped: the three things a person can do instead of the help. */
  doubleClick(version: string): string;
  /** The last line before the window closes. */
  pressAnyKey: string;
}

export interface ObjectionUi {
  help: {
    objection: string;
    add: string;
    received: string;
    from: string;
    summary: string;
    record: string;
    subject: string;
    channel: string;
    providerCheck: string;
    list: string;
    open: string;
    overdue: string;
    all: string;
    year: string;
    resolve: string;
    number: string;
    outcome: string;
    opinion: string;
    on: string;
    letter: string;
    out: string;
    docNumber: string;
    finding: string;
  };
  recorded(number: string, recordId: string, subject: string, received: string): string;
  deadline(deadline: string | null, n: number): string;
  resolved(number: string, outcome: string, on: string): string;
  revoked(recordId: string): string;
  awaitingCorrection(recordId: string): string;
  letter(path: string, bytes: number): string;
  listColumns: string[];
  /** `split`: of the n, how many are overdue and how many have their deadline pending (said apart when any). */
  listSummary(n: number, today: string, split?: { overdue: number; pending: number }): string;
  pending: string;
  /** 剩余工作日 of a resolved objection: none are left; the day it was resolved instead. */
  closedOn(on: string): string;
  status: Record<'open' | 'resolved', string>;
  /** The outcomes, keyed by the contract's Chinese value (JSON keeps it; the terminal shows this). */
  outcomes: Record<'维持' | '更正' | '撤销', string>;
  overdue: string;
  late: string;
  awaiting: string;
  /** The outcome of an objection closed by another objection's 撤销 of the same record (its number). */
  closedBy(number: string): string;
}

export interface RegisterUi {
  help: {
    publish: string;
    publishBatch: string;
    on: string;
    listOn: string;
    by: string;
    register: string;
    verify: string;
    head: string;
    repair: string;
    list: string;
    status: string;
    department: string;
    list_: string;
    expiringBefore: string;
    find: string;
    full: string;
    xlsx: string;
    show: string;
    showQuery: string;
    diff: string;
    diffA: string;
    diffB: string;
    importCmd: string;
    importFiles: string;
    importBatch: string;
    publishedOn: string;
    importDepartment: string;
    note: string;
    noteText: string;
    noteId: string;
  };
  imported(batch: string, on: string, records: number): string;
  noted(seq: number): string;
  /** A register write refused because --strict counts its warnings as errors: nothing was written. */
  strictRefused: string;
  published(batch: string, on: string, records: number, removals: number): string;
  alreadyPublished(batch: string, on: string, seq: number): string;
  head(head: string): string;
  by(by: string, host: string, at: string): string;
  verifyOk(events: number, head: string | null): string;
  verifyBroken(line: number, reason: string): string;
  verifyHint(reason: string): string;
  /** By shownBreak (break-reason.ts): `blankOnly` is a log of blank lines and no event. */
  reasons: Record<ShownBreak, string>;
  repairIntact: string;
  repairCut(line: number, bytes: number, backup: string): string;
  /** The cut made without a copy: the disk had no room for one (the cut bytes were an unfinished line, never an event). */
  repairCutNoCopy(line: number, bytes: number, problem: string): string;
  /** Blank lines after the last event cut (an editor's): `backup` '' and `problem` when the disk had no room for a copy. */
  repairCutBlank(line: number, bytes: number, backup: string, problem?: string): string;
  listColumns: string[];
  listSummary(n: number, on: string): string;
  ledger(path: string): string;
  /** With --xlsx, a list longer than a screen's table: its rows are in the 台账, not printed. */
  ledgerNotPrinted(rows: number): string;
  /** --full: said on stderr (stdout's JSON stays one document); `ledger`: a 台账 was written, masked all the same. */
  fullShown(ledger: boolean): string;
  status: Record<'active' | 'expired' | 'removed', string>;
  removalTypes: Record<'violation' | 'early' | 'revoked' | 'corrected' | 'expired', string>;
  listTypes: Record<'red' | 'black', string>;
  objection: string;
  showNone(query: string): string;
  showEvents: string;
  /** An event's business date (--on / --today) and when it was written to the log (the real clock), told apart. */
  eventOn(on: string): string;
  eventAt(at: string, who: string): string;
  effects(effect: string): string;
  diffHeading(from: string, to: string): string;
  diffSections: Record<'added' | 'removed' | 'corrected' | 'unchanged', string>;
  diffCounts: string[];
}

export interface SchemaUi {
  help: { schema: string; name: string };
  name: string;
  about: string;
  /** After the list: how to print one. */
  next: string;
  documents: Record<DocumentName, string>;
}

export interface CalendarUiText {
  title(year: number): string;
  source(s: CalendarSource): string;
  holidays: string;
  workdays: string;
  none: string;
  range(from: string, to: string, days: number): string;
  weekdays: readonly string[];
  workingDays(n: number): string;
  coverage(builtin: string, local: string): string;
  notCovered(year: number): string;
  badYear(value: string): string;
}

export interface ReportsUiText {
  badYear(value: string): string;
  state: Record<SubmissionState, string>;
  /** Nothing sent to a batch whose deadline is still ahead: not 未报送, neither on time nor late (reporters/row-state.ts). */
  notDue: string;
  /** A department listed in a supplementary batch only for the removals it records (it sent no rows): not 未报送. */
  removalsOnly: string;
  /** 补报: a regular batch's list sent in a supplementary batch of the quarter (reporters/row-state.ts). */
  sentLateIn(batch: string): string;
  onTime: string;
  late(days: number): string;
  /** A year's 逾期天数 for a department: the days its sent batches were late, and how many due batches it never sent. */
  yearDaysLate(days: number, missing: number): string;
  /** No 报送日期: timeliness unknown. */
  noDate: string;
  /** A batch without a deadline (a supplementary one): timeliness does not apply (schemas/documents/timeliness-kind.ts). */
  noDeadline: string;
  unknown: string;
  yes: string;
  no: string;
  lapse: Record<LapseKind, string>;
  superviseTitle(year: number): string;
  noBatches(year: number): string;
  lapsesTitle: string;
  noLapses: string;
  registerUnknown: string;
  objectionsUnknown: string;
  /** Pretty table and the 督查情况表's first sheet. */
  rowColumns: string[];
  /** The workbook's two numeric columns for 已发布 (the terminal shows them as one, red/black). */
  publishedColumns: [string, string];
  /** The 督查明细 sheet's last columns: truth.md's figures the status and the manifest show (rows, unchanged, corrected, removals). */
  figureColumns: [string, string, string, string];
  /**
   * The 督查明细 sheet's three objection columns (收到, 逾期办结, 超期), saying what the row's 批次 means for them: an
   * objection counts in the quarter it was received, however many quarters it stays open (docs/decisions.md "An
   * objection across quarters in 督查").
   */
  objectionColumns: [string, string, string, string];
  lapseColumns: string[];
  tallyColumns: string[];
  /** 报送情况.xlsx's header row (package.md): the package is the office's, written in zh-CN whatever --lang. */
  packageStatusColumns: string[];
  /** 报送情况.xlsx's second sheet: records published per department and domain, as numbers (红, 黑). */
  packageDomainSheet: string;
  packageDomainColumns: string[];
  sheets: { rows: string; lapses: string; counts: string };
  xlsxWritten(path: string): string;
  reportWritten(path: string): string;
  // The HTML report.
  title: string;
  batchTitle(batch: string): string;
  yearTitle(year: number): string;
  /** The page's heading: bureau, title and what it covers, with the language's own brackets. */
  heading(bureau: string, title: string, what: string): string;
  madeOn(date: string): string;
  source: Record<'package' | 'submissions' | 'none', string>;
  basis(text: string): string;
  listSep: string;
  keyFigures: string;
  figRed: string;
  figBlack: string;
  figTotal: string;
  /** A year's timeliness counts department-quarters (truth.md), and says so. */
  figOnTimeYear: string;
  figLateYear: string;
  figMissingYear: string;
  figOnTime: string;
  figLate: string;
  figMissing: string;
  figNoDate: string;
  figRemovals: string;
  figObjections: string;
  figObjectionsOverdue: string;
  figObjectionsPending: string;
  objectionsPendingNote(files: string): string;
  /** Objections resolved after their deadline (逾期办结). */
  figObjectionsLate: string;
  byDepartment: string;
  byDomain: string;
  trend: string;
  /** The trend table's last row: the quarters' figures added up (a record published in two quarters counted twice). */
  quarterSum: string;
  quarterSumNote(sum: number, total: number): string;
  timeliness: string;
  red: string;
  black: string;
  department: string;
  domain: string;
  batch: string;
  total: string;
  daysLate: string;
  sentOn: string;
  deadline: string;
  status: string;
  /** The objections table's column: 已办结 / 办理中 is how an objection is handled, not a submission's state. */
  objectionStatus: string;
  signedOff: string;
  findings: string;
  noFindings: string;
  code: string;
  severity: string;
  count: string;
  departments: string;
  removals: string;
  objections: string;
  notKnown: string;
  subject: string;
  identifier: string;
  type: string;
  date: string;
  number: string;
  received: string;
  chartNote: string;
}

/** The self-check page's own words (selfcheck.md): messages/page.ts picks zh-CN/page.ts or en/page.ts. */
export interface PageText {
  title: string;
  intro: string;
  /** What was baked in: the workspace (or none), the instant, the tool and version, departments and measures. */
  baked(workspace: string, writtenAt: string, tool: string, departments: number, measures: number): string;
  offline: string;
  drop: string;
  pick: string;
  department: string;
  departmentFromFile: string;
  checking(file: string): string;
  rowsRead(file: string, rows: number): string;
  cancel: string;
  cancelled: string;
  failed(reason: string): string;
  result(file: string): string;
  columns: { location: string; severity: string; code: string; message: string };
  hintPrefix: string;
  downloadAnnotated(name: string): string;
  downloadJson: string;
  noAnnotated: string;
  /** A zip's lists get no marked-up copy (as `validate --annotate` on a zip). */
  noAnnotatedZip: string;
  /** The hint under MATRIX_DEPARTMENT_UNKNOWN on the page: the picker, not a folder name or --department. */
  pickDepartment: string;
  /** The verdict when the check fails; it stands above the findings (the terminal's, ui.invalid, below them). */
  invalid: string;
  /** A case file (PDF, picture, scan) dropped alone: judged as evidence only, no list read, so no copy. */
  evidenceOnly: string;
  bureauOnly: string;
  language: string;
  /** `hrss-credit page`: where the page went, and its size. */
  written(path: string, kb: number): string;
  help: { page: string; out: string };
}
