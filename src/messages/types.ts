/** The shape of a message catalogue: a missing code or argument is a compile error. */
import type { Code, CodeArgs, Severity } from '../diagnostics/codes.js';
import type { ToolErrorCode } from '../diagnostics/tool-error.js';
import type { CalendarUiText } from './calendar.js';
import type { ReportsUiText } from './reports.js';

export interface CodeMessage<C extends Code> {
  /** A short name for `rules` and tables. */
  title: string;
  message(args: CodeArgs[C]): string;
  /** How to fix it. */
  hint(args: CodeArgs[C]): string;
}

export type CodeCatalogue = { [C in Code]: CodeMessage<C> };

export type ToolErrorCatalogue = Record<ToolErrorCode, (args: Record<string, string | number>) => string>;

/** Words of the interface itself: headings, summaries, help. */
export interface UiText {
  severity: Record<Severity, string>;
  fieldNames: Record<string, string>;
  columns: { location: string; severity: string; code: string; message: string; hint: string };
  sheetRow(sheet: string | undefined, row: number | undefined, column: string | undefined, header: string | undefined): string;
  /** A grouped table line: one finding on `count` rows, the first `ranges` of them (first, last row) shown, `more` when there are others. */
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
    red: string;
    black: string;
    department: string;
    submitted: string;
    nil: string;
    missing: string;
    /** `sheet`: the package's 报送情况.xlsx; `verify`: the verify command line, ready to paste (domain/shell-line.ts). */
    next(sheet: string, verify: string): string;
    zip(path: string): string;
    replaced(path: string): string;
    notWrittenExists: string;
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
  };
  calendar: CalendarUiText;
  reports: ReportsUiText;
  /** The department side: template, measures, validate --annotate (department.md). */
  forms: {
    help: { template: string; templateDepartment: string; all: string; outFile: string; measures: string; annotate: string };
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
