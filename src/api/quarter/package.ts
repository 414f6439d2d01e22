/**
 * The bureau package (package.md): 公示/ (masked), 共享/ (full identifiers), 典型案例/ (byte for
 * byte), 报送情况.xlsx, records.json, report.json and manifest.json, all written into one folder.
 */
import { batchTitle } from '../../domain/zh-format.js';
import { removalsOnly } from '../../schemas/documents/removals-only.js';
import { inBatch } from '../../schemas/documents/in-batch.js';
import { basename, join } from 'node:path';
import { isFormulaLike, toXmlSafe } from '../../domain/text.js';
import { DEFAULT_MASK_RULE, type MaskRule } from '../../domain/mask.js';
import { gateFor, publicReader } from '../../domain/privacy.js';
import { addIsoDuration } from '../../domain/dates.js';
import { lateness } from '../../domain/lateness.js';
import { quarterEnd } from '../../domain/quarter.js';
import { coverDate } from '../../table/cover.js';
import type { Config } from '../../schemas/config.js';
import { buildMatrix, type Matrix } from '../../schemas/matrix.js';
import type { CreditRecord } from '../../schemas/record.js';
import type { RecordsFile } from '../../schemas/documents/records.js';
import { codesGaps, type Template } from '../../schemas/template.js';
import { makeDiagnostic } from '../../diagnostics/diagnostic.js';
import { loadTemplate, type LoadedTemplate } from '../../io/workspace/template.js';
import { packageSummaryOf } from '../../schemas/documents/package-summary.js';
import { SUMMARY_FILE } from '../../io/package/package-read.js';
import type { JsonReport } from '../../diagnostics/report-document.js';
import { resolve } from 'node:path';
import type { Quarter } from '../../domain/quarter.js';
import type { Context } from '../context.js';
import { copyFileDurable, listFiles, makeFolder, sha256File, writeFileDurable } from '../../io/package/package-fs.js';
import { readZipEntry } from '../../io/zip/zip-entry.js';
import type { IoPort } from '../../io/port.js';
import type { SheetSpec } from '../../io/xlsx/xlsx-writer.js';
import type { WorkbookThread } from '../../io/xlsx/workbook-thread.js';
import { TOOL_NAME, TOOL_VERSION } from '../../version.js';
import type { DepartmentResult } from '../department/department.js';
import type { QuarterCheck } from './quarter.js';
import { columnsFor, countRecords, exportRow, type Audience, type ExportContext } from './records.js';
import type { RegisterPlan } from '../register/register-compile.js';
import { batchFigures } from './figures.js';
import { addFigures, figuresOf, noRemovals, removalTotal } from '../../schemas/documents/figures.js';
import type { DepartmentStatus, QuarterSummary } from '../../schemas/documents/quarter-summary.js';
import type { Manifest } from '../../schemas/documents/manifest.js';
import { removedSheet } from '../register/removed-sheet.js';
import { CORRECTED_NUMERIC, correctedSheet } from '../register/corrected-sheet.js';
import { zhReportsUi } from '../../messages/zh-CN/reports.js';
import { type TimelinessKind, timelinessKind } from '../../schemas/documents/timeliness-kind.js';

export type CsvEncoding = Config['export']['csvEncoding'];

/**
 * The built-in template's name: workspace.md's config example writes `"template": "templates/credit-office.json"`
 * among the values that "are the defaults", so that name, where no such file is, means the built-in one.
 */
const BUILTIN_TEMPLATE_NAME = 'templates/credit-office.json';

/** The export template: `--template` (from the current folder), else `export.template` (from the workspace), else the built-in one. */
export function templateFor(ctx: Context, option: string | undefined): LoadedTemplate {
  const path = option ?? ctx.config.export.template;
  if (!path) return loadTemplate(undefined, undefined, ctx.io);
  const file = resolve(option ? ctx.cwd : (ctx.workspace ?? ctx.cwd), path);
  const builtIn = path.replaceAll('\\', '/').replace(/^\.\//, '') === BUILTIN_TEMPLATE_NAME && !ctx.io.exists(file);
  if (builtIn) return loadTemplate(undefined, undefined, ctx.io);
  const loaded = loadTemplate(file, path, ctx.io);
  // A codes map that leaves a fixed label out (package.md's own example leaves out 个体工商户): said, not refused.
  for (const gap of codesGaps(loaded.template))
    ctx.collector.add(
      makeDiagnostic(
        'TEMPLATE_CODES_INCOMPLETE',
        { column: gap.header, labels: gap.labels.join('、') },
        { file: path.replaceAll('\\', '/') },
      ),
    );
  return loaded;
}

/** The one instant written into every xlsx and zip: SOURCE_DATE_EPOCH, else the end of the quarter (UTC). */
export function fixedInstant(quarter: Quarter | undefined, epoch: number | undefined): Date {
  if (epoch !== undefined) return new Date(epoch * 1000);
  return new Date(`${quarter ? quarterEnd(quarter) : '2000-01-01'}T23:59:59Z`);
}

/** A line of the quarter summary and the summary: their one schema is schemas/documents/quarter-summary.ts. */
export type { DepartmentStatus, QuarterSummary };

type Counted = { severity: string; department?: string; location: { file?: string }; n?: number };

/** The report's findings as quarterSummary counts them: those kept, and those dropped past the cap (stats count both). */
export function countedFindings(report: {
  diagnostics: readonly { severity: string; department?: string; location: { file?: string } }[];
  dropped: readonly { severity: string; department?: string; file?: string; dropped: number }[];
}): Counted[] {
  return [
    ...report.diagnostics,
    ...report.dropped.map((d) => ({
      severity: d.severity,
      ...(d.department !== undefined ? { department: d.department } : {}),
      location: d.file !== undefined ? { file: d.file } : {},
      n: d.dropped,
    })),
  ];
}

/**
 * One line per department of the matrix, then one per folder that resolves to no department; the
 * error and warning counts come from the collector's findings (cross-record ones included), so that
 * the lines and the quarter level add up to the report's totals.
 */
export function quarterSummary(
  check: QuarterCheck,
  matrixDepartments: readonly { name: string }[],
  deadline: string,
  diagnostics: readonly Counted[],
  maskRule: MaskRule = DEFAULT_MASK_RULE,
  /** With a register: the package's plan, from which the figures are computed (truth.md). */
  plan?: RegisterPlan,
  /** status: the departments something is still awaited from (a correction, a removal), kept in a supplementary batch. */
  owes: ReadonlySet<string> = new Set(),
): QuarterSummary {
  // Timeliness applies to the quarter's regular batch only (register.md "Batches").
  const due = check.batch > 1 ? undefined : addIsoDuration(quarterEnd(check.quarter), deadline);
  // Cover fields and file names are shown on `status` and written into the manifest and
  // 报送情况.xlsx (internal, not 共享): an ID number typed into one of them is masked.
  const safe = gateFor(publicReader(maskRule));
  const line = (name: string, known: boolean, results: DepartmentResult[]): DepartmentStatus => {
    const r: DepartmentResult | undefined = results.find((d) => d.covers > 0) ?? results[0];
    const cover = r?.cover?.values;
    const sentOn = coverDate(cover?.sentOn).date ?? null;
    const daysLate = lateness(sentOn, due);
    const reviewedOn = coverDate(cover?.reviewedOn).date;
    const approvedOn = coverDate(cover?.approvedOn).date;
    return {
      name,
      known,
      folders: results.map((d) => safe(d.display)),
      submitted: results.some((d) => d.covers > 0),
      nilReport: r?.nilReport ?? false,
      onTime: daysLate === null ? null : daysLate === 0,
      sentOn,
      deadline: due ?? null,
      daysLate,
      signedOff: Boolean(cover?.reviewer?.text?.trim() && reviewedOn && cover?.approver?.text?.trim() && approvedOn),
      reviewer: safe(cover?.reviewer?.text ?? ''),
      reviewedOn: coverDate(cover?.reviewedOn).date ?? safe(cover?.reviewedOn?.text ?? ''),
      approver: safe(cover?.approver?.text ?? ''),
      approvedOn: coverDate(cover?.approvedOn).date ?? safe(cover?.approvedOn?.text ?? ''),
      rows: 0,
      red: results.reduce((n, d) => n + d.red, 0),
      black: results.reduce((n, d) => n + d.black, 0),
      unchanged: 0,
      corrected: 0,
      removals: noRemovals(),
      byDomain: Object.assign(Object.create(null) as object, ...results.map((d) => d.byDomain)) as Record<
        string,
        { red: number; black: number }
      >,
      caseFiles: results.flatMap((d) => d.evidence.filter((e) => e.kind !== 'coverScan').map((e) => safe(e.rel))),
      errors: 0,
      warnings: 0,
      info: 0,
    };
  };
  const lines = matrixDepartments.map((dept) =>
    line(
      dept.name,
      true,
      check.departments.filter((d) => d.department?.name === dept.name),
    ),
  );
  const unknown = check.departments.filter((d) => !d.department);
  lines.push(...unknown.map((d) => line(safe(basename(d.folder)), false, [d])));
  const byName = new Map(lines.filter((l) => l.known).map((l) => [l.name, l]));
  // The figures, computed once (api/quarter/figures.ts) from the rows received and, with a register, the plan.
  const figures = batchFigures({
    received: new Map([...byName].map(([name, l]) => [name, { red: l.red, black: l.black, byDomain: l.byDomain }])),
    sent: check.records,
    plan,
  });
  for (const l of lines) {
    if (!l.known) {
      l.rows = l.red + l.black;
      continue;
    }
    const f = figures.get(l.name);
    if (f)
      Object.assign(l, {
        rows: f.rows,
        red: f.red,
        black: f.black,
        unchanged: f.unchanged,
        corrected: f.corrected,
        removals: f.removals,
        byDomain: f.byDomain,
      });
  }
  const quarterLevel = { errors: 0, warnings: 0, info: 0 };
  for (const d of diagnostics) {
    let target: { errors: number; warnings: number; info: number } | undefined =
      d.department !== undefined ? byName.get(d.department) : undefined;
    if (!target) {
      const file = d.location.file ?? '';
      const i = unknown.findIndex((u) => [u.display, safe(u.display)].some((f) => file === f || file.startsWith(`${f}/`)));
      target = i >= 0 ? lines[matrixDepartments.length + i] : undefined;
    }
    target ??= quarterLevel;
    const n = d.n ?? 1;
    if (d.severity === 'error') target.errors += n;
    else if (d.severity === 'warning') target.warnings += n;
    else target.info += n;
  }
  // A supplementary batch holds only the departments that have something to add (schemas/documents/in-batch.ts);
  // a finding about one left out (none is known to arise) stays counted, at the quarter level.
  const shown = lines.filter((l) => !l.known || owes.has(l.name) || inBatch(l, check.batch > 1));
  for (const l of lines) if (!shown.includes(l)) for (const k of ['errors', 'warnings', 'info'] as const) quarterLevel[k] += l[k];
  const sum = (k: 'errors' | 'warnings' | 'info'): number => shown.reduce((n, l) => n + l[k], 0);
  return {
    departments: shown,
    quarterLevel,
    totals: {
      ...addFigures(shown),
      errors: sum('errors') + quarterLevel.errors,
      warnings: sum('warnings') + quarterLevel.warnings,
      info: sum('info') + quarterLevel.info,
    },
  };
}

// Days late: in domain/lateness.ts, so that a report read from packages need not load this module (the package writer).
export { lateness };

/**
 * The workbook writer (and yazl under it), loaded when a file is written: status, the reports and
 * `compile --dry-run` use this module's figures and write nothing (decisions.md "A command loads what it uses").
 */
const writer = (): Promise<typeof import('../../io/xlsx/xlsx-writer.js')> => import('../../io/xlsx/xlsx-writer.js');

function csvText(rows: string[][]): string {
  const cell = (raw: string): string => {
    // The same characters as in the xlsx (U+FFFD for what XML forbids), so 公示.csv and .xlsx agree.
    const v = toXmlSafe(raw);
    // A value a spreadsheet would run is shown as text (package.md "Safety of the output").
    const safe = isFormulaLike(v) ? `'${v}` : v;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export async function encodeCsv(text: string, encoding: CsvEncoding): Promise<Buffer> {
  if (encoding === 'gb18030') return (await import('iconv-lite')).default.encode(text, 'gb18030');
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** The suffix of every sharing file (full identifiers): it always says 共享, whatever the template. */
export function sharingSuffix(template: Template): string {
  return template.sharingSuffix.includes('共享') ? template.sharingSuffix : `${template.sharingSuffix}_共享`;
}

export function listFileName(template: Template, quarter: string, audience: Audience): string {
  const base = template.fileName.replace(/\{quarter\}/g, quarter);
  return audience === 'sharing' ? `${base}${sharingSuffix(template)}` : base;
}

/**
 * The sheets of one audience's files: as text (`text`, the CSVs) and as the workbook's cells (`cells`: 序号 and 公示期限
 * numbers where the sheet has them).
 */
function listSheets(
  records: CreditRecord[],
  template: Template,
  audience: Audience,
  ctx: ExportContext,
  register?: RegisterPlan,
): { text: SheetSpec[]; cells: SheetSpec[] } {
  const cols = columnsFor(template, audience);
  const headers = cols.map((c) => c.header);
  const widths = cols.map((c) => c.width);
  const red = records.filter((r) => r.listType === 'red');
  const black = records.filter((r) => r.listType === 'black');
  const rowsOf = (list: CreditRecord[]): string[][] => list.map((r, i) => exportRow(r, i, cols, audience, ctx));
  // In the workbook, 序号 and 公示期限（月） stay numbers (the CSV is text either way). Each sheet by its own
  // columns: the template's flags are for 红名单 and 黑名单; 移出名单 and 更正名单 have their own columns, of
  // which only 序号 (the first) is a number — a template's 公示期限 at column H must not turn 认定文书号 "2026001"
  // of 移出名单's column H into a number. 更正名单's 版本 (column C) is a number too, as its 序号.
  const listNumeric = cols.map((c) => !c.field && !c.codes && (c.value === 'rowNumber' || c.value === 'periodMonths'));
  const removedNumeric = [true];
  const cellsOf = (rows: string[][], numeric: readonly boolean[]): (string | number)[][] =>
    rows.map((r) => r.map((v, i) => (numeric[i] === true && /^\d{1,9}$/.test(v) ? Number(v) : v)));
  const text: SheetSpec[] = [
    { name: template.sheets.red, headers, widths, rows: rowsOf(red) },
    { name: template.sheets.black, headers, widths, rows: rowsOf(black) },
  ];
  if (register) text.push(removedSheet(template.sheets.removed, register, audience, ctx.maskRule));
  if (register && register.corrected.length > 0) text.push(correctedSheet(template.sheets.corrected, register, audience, ctx.maskRule));
  const cells = text.map((s, k) => ({
    ...s,
    rows: cellsOf(s.rows as string[][], k < 2 ? listNumeric : k === 2 ? removedNumeric : CORRECTED_NUMERIC),
  }));
  return { text, cells };
}

/** The workbook's name of one audience's files. */
function workbookName(template: Template, quarter: string, audience: Audience): string {
  return `${listFileName(template, quarter, audience)}.xlsx`;
}

/** Writes the credit-office files of one audience (also what `export` writes). Returns relative paths. */
export async function writeListFiles(
  dir: string,
  records: CreditRecord[],
  template: Template,
  audience: Audience,
  ctx: ExportContext & { quarter: string; instant: Date; csvEncoding: CsvEncoding; withCsv: boolean; io: IoPort },
  register?: RegisterPlan,
): Promise<string[]> {
  const { text, cells } = listSheets(records, template, audience, ctx, register);
  const written: string[] = [];
  const xlsxName = workbookName(template, ctx.quarter, audience);
  const { workbookBuffer } = await writer();
  writeFileDurable(join(dir, xlsxName), await workbookBuffer(cells, ctx.instant, TOOL_NAME), ctx.io);
  written.push(xlsxName);
  if (ctx.withCsv) {
    for (const s of text) {
      // A sharing file (full identifiers) says so in its name, like the workbook (_共享).
      const name = `${s.name}${audience === 'sharing' ? sharingSuffix(template) : ''}.csv`;
      writeFileDurable(join(dir, name), await encodeCsv(csvText([s.headers, ...(s.rows as string[][])]), ctx.csvEncoding), ctx.io);
      written.push(name);
    }
  }
  return written;
}

/**
 * 共享's workbook begun on a second thread (io/xlsx/workbook-thread.ts), when it is large and a processor is free:
 * made there while this thread writes 公示's files. Its sheets are made here, handed over, and not kept.
 */
async function sharingOnThread(p: PackageInput, ctx: ExportContext): Promise<WorkbookThread | undefined> {
  const plan = p.register;
  const rows = p.records.length + (plan ? plan.removals.length + plan.corrected.length : 0);
  const thread = await import('../../io/xlsx/workbook-thread.js');
  if (!thread.wantWorkbookThread(rows, p.threadEnv ?? {})) return undefined;
  const cells = (): SheetSpec[] => listSheets(p.records, p.template.template, 'sharing', ctx, plan).cells;
  return thread.workbookOnThread(cells(), p.instant, TOOL_NAME, cells);
}

/** 报送情况.xlsx's 分领域条数 rows: 序号, 科室, 领域, 红, 黑 (the figures' byDomain, the same as status and the manifest). */
export function domainRows(statuses: readonly DepartmentStatus[], matrix: Matrix): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (const s of statuses) {
    const domains = Object.keys(s.byDomain).sort((a, b) => matrix.domainRank(a) - matrix.domainRank(b) || (a < b ? -1 : a > b ? 1 : 0));
    for (const dom of domains) {
      const c = s.byDomain[dom] as { red: number; black: number };
      out.push([out.length + 1, s.name, dom, c.red, c.black]);
    }
  }
  return out;
}

export interface PackageInput {
  check: QuarterCheck;
  records: CreditRecord[];
  statuses: DepartmentStatus[];
  template: LoadedTemplate;
  config: Config;
  instant: Date;
  generatedAt: string;
  reportJson: JsonReport;
  workspace: string;
  diagnostics: { errors: number; warnings: number; info: number };
  /** With a register: removals, the 移出名单 sheet and the ids resent unchanged (register.md). */
  register?: RegisterPlan;
  /** The file system the package is written to (the context's port). */
  io: IoPort;
  /**
   * Called between the 公示 and 共享 files (compile: a full collection after a large register, io/memory.ts): each
   * audience's workbook makes ~90 MB of garbage on a province (25,000 移出名单 rows), which V8 would otherwise keep
   * while the next one is made.
   */
  between?: () => void;
  /** The command's environment (CliIo.env): HRSS_CREDIT_WORKBOOK_THREAD on/off, as the command was given it. */
  threadEnv?: Readonly<Record<string, string | undefined>>;
}

const AUDIENCE: Record<string, 'public' | 'sharing' | 'internal'> = { 公示: 'public', 共享: 'sharing', 典型案例: 'public' };

/** Writes the whole package into `dir` (a temporary folder) and returns its manifest. */
export async function writePackage(dir: string, p: PackageInput): Promise<Manifest> {
  const { check, config, io } = p;
  const quarter = check.label;
  const exportCtx = {
    bureau: { name: config.bureau.name, creditCode: config.bureau.creditCode },
    maskRule: config.publication.maskRule,
    quarter,
    instant: p.instant,
    csvEncoding: config.export.csvEncoding,
    io,
  };
  makeFolder(dir, io);
  const sharing = await sharingOnThread(p, exportCtx);
  try {
    return await writeFiles(dir, p, exportCtx, sharing);
  } finally {
    sharing?.stop();
  }
}

async function writeFiles(
  dir: string,
  p: PackageInput,
  exportCtx: ExportContext & { quarter: string; instant: Date; csvEncoding: CsvEncoding; io: IoPort },
  sharing: WorkbookThread | undefined,
): Promise<Manifest> {
  const { check, config, io } = p;
  const quarter = check.label;
  await writeListFiles(join(dir, '公示'), p.records, p.template.template, 'public', { ...exportCtx, withCsv: true }, p.register);
  if (!sharing) {
    p.between?.();
    await writeListFiles(join(dir, '共享'), p.records, p.template.template, 'sharing', { ...exportCtx, withCsv: false }, p.register);
  }

  // 典型案例/<department>/…: evidence and cover scans, byte for byte.
  const inputs: { path: string; sha256: string; bytes: number; department: string }[] = [];
  const published = new Set<string>();
  // The signed cover scans (报送单.pdf/.jpg) carry signatures: internal, not for publication.
  const internal = new Set<string>();
  for (const d of check.departments) {
    const dept = d.department?.name ?? '';
    // manifest.json is internal: the input paths it lists are masked like every location.
    const safe = gateFor(publicReader(config.publication.maskRule));
    for (const inp of d.inputs) inputs.push({ path: safe(inp.display), ...sha256File(inp.path, io), department: dept });
    for (const e of d.evidence) {
      // Evidence inside a zip is pinned by the zip's own hash (listed among d.inputs).
      if (!e.zip) inputs.push({ path: safe(e.display), ...sha256File(e.path, io), department: dept });
      // 典型案例 is public: an ID number in an evidence file's name is masked in the name it is
      // published under (the bytes stay as they are). Windows forbids * in a file name, so the mask
      // there is the full-width ＊; a masked name that meets another (case folded, as Windows does)
      // is kept apart: 报告_410702＊＊＊＊＊＊＊＊0010 (2).pdf.
      const hidden = safe(e.target);
      const masked = hidden === e.target ? e.target : hidden.replace(/\*/g, '＊');
      let rel = masked;
      for (let n = 2; published.has(`${dept}/${rel}`.toLowerCase()); n++) rel = masked.replace(/(\.[^./]*)?$/, (ext) => ` (${n})${ext}`);
      published.add(`${dept}/${rel}`.toLowerCase());
      const target = join(dir, '典型案例', dept, rel);
      if (e.kind === 'coverScan') internal.add(['典型案例', dept, ...rel.split(/[\\/]/)].join('/'));
      if (e.zip) writeFileDurable(target, await readZipEntry(e.zip, io), io);
      else copyFileDurable(e.path, target, io);
    }
  }
  inputs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  // 报送情况.xlsx: the bureau's supervision record (督查), in the office's words whatever --lang (package.md:
  // the package is the credit office's, in Chinese): every word from the zh-CN catalogue, as supervise says it.
  const words = zhReportsUi;
  const yes = (b: boolean): string => (b ? words.yes : words.no);
  // 是否按时 in the words supervise and the report use (a sheet in Chinese, the office's).
  const timeliness: Record<TimelinessKind, (days: number) => string> = {
    missing: () => '',
    onTime: () => words.onTime,
    late: (days) => words.late(days),
    noDeadline: () => words.noDeadline,
    noDate: () => words.noDate,
  };
  const statusRows = p.statuses.map((s, i) => [
    i + 1,
    s.name,
    s.submitted ? words.state.submitted : removalsOnly(s, s.deadline === null) ? words.removalsOnly : words.state.missing,
    yes(s.nilReport),
    s.sentOn ?? '',
    timeliness[timelinessKind(s)](s.daysLate ?? 0),
    // truth.md's figures, the same as status, the manifest, supervise and the report show.
    s.rows,
    s.red,
    s.black,
    s.unchanged,
    s.corrected,
    removalTotal(s.removals),
    s.reviewer,
    s.reviewedOn,
    s.approver,
    s.approvedOn,
    s.caseFiles.join('、'),
    s.warnings,
  ]);
  const { workbookBuffer } = await writer();
  // Both sheets alike (docs/decisions.md "报送情况.xlsx's sheets alike"): a title row naming the bureau and the batch,
  // and printed as the 督查情况表 is — A4 landscape, one page wide, title and header repeated on every page.
  const titleOf = (what: string): string =>
    `${config.bureau.name.replace(/人力资源和社会保障局$/, '人社局')}信用红黑名单${what}（${batchTitle(check.label)}）`;
  writeFileDurable(
    join(dir, '报送情况.xlsx'),
    await workbookBuffer(
      [
        {
          name: '报送情况',
          title: titleOf('报送情况'),
          print: 'a4-landscape',
          headers: words.packageStatusColumns,
          widths: [6, 20, 10, 10, 12, 12, 10, 10, 10, 10, 10, 8, 10, 12, 10, 12, 40, 8],
          rows: statusRows,
        },
        {
          // 分领域条数 as numbers a clerk can sum and filter (it was one text cell, 劳务派遣：红0 黑2): a row per
          // department and domain it published in, departments as in 报送情况, domains in the matrix's order.
          name: words.packageDomainSheet,
          title: titleOf(words.packageDomainSheet),
          print: 'a4-landscape',
          headers: words.packageDomainColumns,
          widths: [6, 20, 20, 12, 12],
          rows: domainRows(p.statuses, buildMatrix(config.matrix)),
        },
      ],
      p.instant,
      TOOL_NAME,
    ),
    io,
  );

  // records.json version 3 (schemas/documents/records.ts): every key present, empty without a register.
  const recordsFile: RecordsFile = {
    schemaVersion: 3,
    quarter,
    audience: 'sharing',
    records: p.records,
    removals: p.register?.removals ?? [],
    unchanged: p.register?.unchanged ?? [],
    corrected: p.register?.corrected ?? [],
  };
  writeFileDurable(join(dir, 'records.json'), `${JSON.stringify(recordsFile, null, 2)}\n`, io);
  writeFileDurable(join(dir, 'report.json'), `${JSON.stringify(p.reportJson, null, 2)}\n`, io);
  // summary.json: what report and supervise read of this batch instead of records.json and report.json (issue 22).
  writeFileDurable(join(dir, SUMMARY_FILE), `${JSON.stringify(packageSummaryOf(quarter, p.records, p.reportJson))}\n`, io);

  // 共享's workbook, made on the second thread meanwhile (or here, should that thread have failed): asked for last,
  // the thread has had every other file's time.
  if (sharing) writeFileDurable(join(dir, '共享', workbookName(p.template.template, quarter, 'sharing')), await sharing.bytes(), io);

  const outputs = listFiles(dir, '', io)
    .filter((f) => f !== 'manifest.json')
    .map((f) => ({
      path: f,
      ...sha256File(join(dir, f), io),
      audience: internal.has(f)
        ? ('internal' as const)
        : (AUDIENCE[f.split('/')[0] as string] ?? (f === 'records.json' ? ('sharing' as const) : ('internal' as const))),
    }));
  const { red, black, byDomain } = countRecords(p.records);
  // Per department, truth.md's figures as the quarter summary holds them (api/quarter/figures.ts): what the package publishes.
  const counts = { red, black, byDepartment: Object.fromEntries(p.statuses.map((s) => [s.name, figuresOf(s)])), byDomain };
  const manifest: Manifest = {
    schemaVersion: 2,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    bureau: { name: config.bureau.name, creditCode: config.bureau.creditCode },
    quarter,
    generatedAt: p.generatedAt,
    template: { name: p.template.template.name, version: p.template.template.version, sha256: p.template.sha256 },
    inputs,
    outputs,
    counts,
    departments: p.statuses.map((s) => ({
      name: s.name,
      ...(s.known ? {} : { known: false }),
      submitted: s.submitted,
      nilReport: s.nilReport,
      onTime: s.onTime,
      sentOn: s.sentOn,
      deadline: s.deadline,
      daysLate: s.daysLate,
      signedOff: s.signedOff,
      reviewer: s.reviewer,
      reviewedOn: s.reviewedOn,
      approver: s.approver,
      approvedOn: s.approvedOn,
    })),
    diagnostics: p.diagnostics,
  };
  writeFileDurable(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, io);
  return manifest;
}
