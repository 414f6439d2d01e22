/** English words of the interface itself: headings, summaries, help (UiText). */
import type { UiText } from '../types.js';
import { enCalendarUi } from './calendar.js';
import { enFieldNames } from './fields.js';
import { enReportsUi } from './reports.js';
import { usageEn } from './tool-errors.js';
import { countEn } from './words.js';

export const enUi: UiText = {
  severity: { error: 'error', warning: 'warning', info: 'info' },
  fieldNames: enFieldNames,
  columns: { location: 'Location', severity: 'Severity', code: 'Code', message: 'Problem', hint: 'Fix' },
  sheetRow: (sheet, row, column, header) =>
    [
      sheet ? `sheet "${sheet}"` : '',
      row !== undefined ? `row ${row}` : '',
      column ? `column ${column}${header ? ` (${header})` : ''}` : '',
    ]
      .filter(Boolean)
      .join(', '),
  textLine: (line) => `line ${line}`,
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
    `${code}: ${dropped} more not listed (only the first ${kept} per code and file are kept, see limits.maxFindingsPerCode); counted in ` +
    `the totals`,
  summary: (s) =>
    `${countEn(s.files, 'file')}, ${countEn(s.rows, 'row')} checked: ${countEn(s.errors, 'error')}, ${countEn(s.warnings, 'warning')}, ` +
    `${s.info} info`,
  valid: 'Check passed.',
  invalid: 'Check failed: fix what the table shows and check again.',
  noFindings: 'No problems found.',
  hintPrefix: 'Fix: ',
  error: 'error',
  debugHint: '(run with --debug for technical details)',
  debugNoticed: (where, code, message) => `[debug] ${where}: ${code} (${message}); skipped, the command went on`,
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
    verifyDir: 'package folder or zip, e.g. packages/2026Q3, or a batch of the workspace, e.g. 2026Q3-2',
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
    corrected: 'of which corrected',
    removals: 'removals',
    red: 'red',
    black: 'black',
    department: 'Department',
    submitted: 'submitted',
    nil: 'nil report',
    missing: 'missing',
    removalsOnly: 'removals only',
    next: (sheet, verify) =>
      `Next: check ${sheet}, then send the 公示 and 共享 folders to the city credit office; ${verify} confirms the package is unchanged.`,
    zip: (p) => `Zip: ${p}`,
    replaced: (p) => `The previous package was kept as ${p}`,
    notWrittenExists:
      'The package of this quarter exists already and was not written again. To write it again from the current files, add --force (the ' +
      'old package is kept under a new name).',
    notWrittenPublished: (next) =>
      'This batch was published (see the register) and is not compiled again, not even with --force: corrections and additions go ' +
      `in a later batch (a supplementary batch such as ${next}).`,
    manifestHash: (h, f) => `SHA-256 of manifest.json: ${h} (stored in ${f}; hrss-credit verify checks it)`,
    pruned: (ps) => `Older replaced packages (full ID numbers) were removed, as packages.keepReplaced says: ${ps.join(', ')}`,
    progress: (d, t, n) => `checking ${d}/${t}: ${n}`,
  },
  verify: {
    ok: (n) => `Verified: ${countEn(n, 'file')} ${n === 1 ? 'matches' : 'match'} the manifest.`,
    changed: 'changed',
    missing: 'missing',
    added: 'added',
    bad: (n) => `Verification failed: ${countEn(n, 'difference')} from the manifest.`,
    inconsistent: 'inconsistent count',
    manifestInvalid: (k, p) =>
      `manifest.json is damaged or was edited (${k}: ${p}), so the package cannot be verified; use the original package or run ` +
      `hrss-credit compile --force again`,
    manifestMismatch: (a, e, f) => `manifest.json was changed: its SHA-256 is ${a}, not ${e} as recorded when it was written (${f})`,
    manifestHashUnreadable: (a, f) =>
      `${f} holds no single SHA-256 (64 hex digits), so manifest.json cannot be checked against it; ` +
      `its SHA-256 is ${a}: compare it with the one compile showed, or write the file again from the package`,
    manifestUnchecked: (a, f) =>
      `${f} not found, so manifest.json itself cannot be checked; its SHA-256 is ${a}: compare it with the one compile showed`,
  },
  exported: (n, d) => `${countEn(n, 'file')} exported to ${d}`,
  progressRows: (f, n) => `checking ${f}: ${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'} read`,
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
      'Of which corrected',
      'Removals',
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
      `${a.department}: ${[
        a.removals.length ? `${countEn(a.removals.length, 'removal request')} awaited (${a.removals.join(', ')})` : '',
        a.corrections.length ? `${countEn(a.corrections.length, 'correction')} awaited (${a.corrections.join(', ')})` : '',
      ]
        .filter(Boolean)
        .join('; ')}`,
    published: (p) =>
      `${p.batch} was published on ${p.on} (register event ${p.seq}): the lines above are what the departments sent, not checked against ` +
      `the register again; corrections and removals go in a later batch.`,
    findingsHead: (shown, total) => (shown < total ? `Findings (the first ${shown} of ${total}):` : `Findings (${total}):`),
    findingsAll: (c) => `Every finding with its fix: ${c} (checks only, writes no package)`,
    objectionColumns: ['Objections overdue', 'Deadline pending'],
    objections: (o) =>
      `${[
        o.overdue.length ? `${countEn(o.overdue.length, 'objection')} overdue (${o.overdue.join(', ')})` : '',
        o.pending.length
          ? `${countEn(o.pending.length, 'objection')} with the deadline pending (${o.pending.join(', ')}; add ${o.files.join(', ')})`
          : '',
      ]
        .filter(Boolean)
        .join('; ')}: see hrss-credit objection list --overdue`,
  },
  calendar: enCalendarUi,
  reports: enReportsUi,
  forms: {
    help: {
      template: "write a department's fill-in workbook (drop-down lists, instructions, cover)",
      templateDepartment: 'the department, e.g. 就业办',
      quarter: 'the quarter (default: the one being collected, the last that has ended: 2026Q3 in October 2026)',
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
      zipNoCopy: (z) =>
        `no feedback copy for ${z}: the lists inside a zip get no marked-up copy (they are read from a temporary copy, and ` +
        'the zip is the department’s file); to get one, unzip it and run hrss-credit validate <list file> --annotate on the ' +
        'list on its own.',
      sheet: '检查结果',
      link: 'go to cell',
      omitted: (n) =>
        `${countEn(n, 'more finding')} of the same kinds ${n === 1 ? 'was' : 'were'} not marked one by one; fix the ones listed ` +
        'and check again.',
      none: 'No findings.',
      title: (file, time, tool) => `Check results: ${file} (checked ${time}, ${tool})`,
      overview: (e, w, i) =>
        `${countEn(e, 'error')}, ${countEn(w, 'warning')}${i ? `, ${countEn(i, 'note')}` : ''}. ` +
        `${e ? 'Fix the errors before sending. ' : ''}Click a location to go to ` +
        `its cell; the cell's note says what is wrong and how to fix it.`,
    },
  },
};
