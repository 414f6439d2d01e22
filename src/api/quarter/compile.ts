/**
 * `hrss-credit compile <quarter>`: checks every department of the quarter and, only when there is
 * no error, writes the package whole (package.md). A second compile waits briefly for the lock,
 * then fails (exit 2); an interrupted one leaves the previous package as it was.
 */
import { publishedBatchFinding } from '../register/compile-published.js';
import { publishedBatch, registerBefore } from '../register/status-published.js';
import { join, resolve } from 'node:path';
import { makeDiagnostic } from '../../diagnostics/diagnostic.js';
import { onInterrupt } from '../../io/cleanup.js';
import { beforeSwap } from '../../io/faults.js';
import {
  pruneReplaced,
  readFilesBelow,
  recoverPackages,
  removePackageSet,
  sha256File,
  swapIntoPlace,
  tempName,
  writeFileDurable,
} from '../../io/package/package-fs.js';
import { pathExists } from '../../io/workspace/workspace.js';
import { keepReplacedOf } from '../../schemas/config.js';
import { displayPath } from '../../io/paths.js';
import type { LoadedTemplate } from '../../io/workspace/template.js';
import { buildJsonReport } from '../../diagnostics/report-document.js';
import { loadMessages, renderMessage } from '../../messages/render.js';
import { makeContext, type CommonOptions } from '../context.js';
import { ToolError } from '../../diagnostics/tool-error.js';
import {
  countedFindings,
  fixedInstant,
  quarterSummary,
  templateFor,
  writePackage,
  type DepartmentStatus,
  type QuarterSummary,
} from './package.js';
import { checkQuarter, parseBatchArg, requireWorkspace } from './quarter.js';
import { makeReport, type Report } from '../../diagnostics/report.js';
import { countRecords, sortRecords } from './records.js';
import { hasRegister, planFromWorkspace, type RegisterPlan } from '../register/register-compile.js';
import { loadRegisterPausing } from '../../io/register/register-store.js';
import type { PortLock } from '../../io/port.js';
import { afterCommit, beforeCommit, enterCommit } from '../../io/interrupt.js';
import { collectGarbage, collectGarbageAfterJob } from '../../io/memory.js';

/** A register this large (records) is collected as soon as compile has its plan (io/memory.ts). */
const LARGE_REGISTER = 200_000;
import { quarterEnd } from '../../domain/quarter.js';

export interface CompileOptions extends CommonOptions {
  dryRun?: boolean;
  force?: boolean;
  zip?: boolean;
  /** Write the package into this folder instead of the workspace's packages/. */
  out?: string;
  template?: string;
  /** Seconds since the epoch (SOURCE_DATE_EPOCH): every timestamp written. */
  sourceDateEpoch?: number;
  onProgress?(done: number, total: number, name: string): void;
  /** The command's environment (CliIo.env) for the second thread's switch, HRSS_CREDIT_WORKBOOK_THREAD; the api reads no env. */
  threadEnv?: Readonly<Record<string, string | undefined>>;
}

export interface CompileResult {
  report: Report;
  written: boolean;
  packageDir?: string;
  zipPath?: string;
  replaced?: string;
  /** SHA-256 of the package's manifest.json (also in <quarter>.manifest.sha256 beside it). */
  manifestSha256?: string;
  manifestHashFile?: string;
  /** Older replaced packages removed (packages.keepReplaced). */
  pruned: string[];
  statuses: DepartmentStatus[];
  summary: QuarterSummary;
  counts: { red: number; black: number };
}

function stamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

export async function compile(quarterArg: string, options: CompileOptions): Promise<CompileResult> {
  const ctx = makeContext(options);
  const workspace = requireWorkspace(ctx);
  const batch = parseBatchArg(ctx, quarterArg);
  const quarter = batch.quarter;
  const template = templateFor(ctx, options.template);
  const packagesDir = options.out ? resolve(ctx.cwd, options.out) : join(workspace, 'packages');

  // One compile at a time: the lock is taken before anything is checked or recovered, so that a
  // second compile waits or fails (exit 2) and never writes over the first one's package.
  // The lock is the port's (io/lock.ts's lock file on Node's; in a MemoryPort one holder at a time, nothing on the disk).
  const lock = options.dryRun ? undefined : await ctx.io.lock(packagesDir);
  try {
    return await checkAndWrite(ctx, quarter, template, packagesDir, options, workspace, lock, batch.n);
  } finally {
    lock?.release();
  }
}

async function checkAndWrite(
  ctx: ReturnType<typeof makeContext>,
  quarter: ReturnType<typeof parseBatchArg>['quarter'],
  template: LoadedTemplate,
  packagesDir: string,
  options: CompileOptions,
  workspace: string,
  lock?: PortLock,
  batch = 1,
): Promise<CompileResult> {
  // An earlier run that was interrupted is finished or rolled back before anything else.
  if (!options.dryRun) recoverPackages(packagesDir, undefined, ctx.io);

  const check = await checkQuarter(ctx, quarter, {
    collect: true,
    batch,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const finalDir = join(packagesDir, check.label);
  if (!options.dryRun && !options.force && pathExists(finalDir, ctx.io)) {
    ctx.collector.add(
      makeDiagnostic('PACKAGE_EXISTS', { path: displayPath(workspace, finalDir) }, { file: displayPath(workspace, finalDir) }),
    );
  }
  // With a register (register.md), read once (a broken one is REGISTER_CORRUPT): a published batch cannot
  // be compiled again, and the batch is checked against what is public today.
  let loaded = hasRegister(workspace, ctx.io) ? await loadRegisterPausing(workspace, ctx.io) : undefined;
  if (!options.dryRun && loaded) {
    const published = publishedBatchFinding(loaded.state, check.label);
    if (published) ctx.collector.add(published);
  }
  // A published batch — a dry run, or the real compile refused above — is checked as status checks it: against
  // the register as it stood before its publication, on that day — never against its own removals and rows
  // (the refused compile listed its own removal as REMOVAL_NOT_FOUND and every row as REGISTER_ALREADY_ACTIVE).
  const published = loaded ? publishedBatch(loaded.state, check.label) : undefined;
  if (loaded && published) loaded = registerBefore(loaded, published.seq);
  // A register with no event knows nothing of what is public (docs/decisions.md "An empty register/ folder"): nothing
  // is checked against it — so the first batch ever published, compiled with no register, is not checked here either.
  if (loaded && loaded.events.length === 0) loaded = undefined;
  let records = sortRecords(check.records, ctx.matrix);
  let register: RegisterPlan | undefined;
  let large = false;
  if (loaded) {
    const planned = planFromWorkspace(
      workspace,
      {
        records,
        today: published ? published.on : ctx.today,
        quarterEnd: quarterEnd(quarter),
        requests: check.departments.flatMap((d) => d.removalRequests),
      },
      loaded,
    );
    for (const f of planned.findings) ctx.collector.add(f.diagnostic, f.department, ctx.matrix.departmentRank(f.department));
    register = planned.plan;
    records = register.records;
    large = loaded.state.records.size >= LARGE_REGISTER;
    loaded = undefined;
  }
  let report = makeReport(ctx, 'compile', check.files, check.rows, check.label);
  const summary = quarterSummary(
    check,
    ctx.matrix.departments,
    ctx.config.submission.deadline,
    countedFindings(report),
    ctx.config.publication.maskRule,
    register,
  );
  const statuses = summary.departments;
  // 补报: a department missing from a regular batch whose list came in a supplementary batch of the quarter — its
  // PACKAGE_SUBMISSION_MISSING names that batch, as status does (api/reports/sent-late.ts); the table stays 未报送.
  if (batch === 1 && statuses.some((d) => !d.submitted)) {
    const late = await import('../reports/sent-late.js');
    report = late.nameSentLate(report, await late.sentLateIn(options, quarter));
  }
  const { red, black } = countRecords(records);
  const counts = { red, black };
  const result: CompileResult = { report, written: false, statuses, summary, counts, pruned: [] };
  if (report.exitCode !== 0 || options.dryRun) return result;
  // The plan is all the package needs of the register: its 移出名单 rows made now (the removed records' summaries,
  // register-compile.ts), a province's register and checkpoint parts (~70 MB read) are let go before the workbooks
  // are made, collected at once when it was large (io/memory.ts) — after this job, whose stack holds the register
  // the await above resumed it with (collectGarbageAfterJob). A dry run writes nothing: nothing to collect.
  if (large && register) {
    void register.removed;
    await collectGarbageAfterJob();
  }

  const epoch = options.sourceDateEpoch;
  const instant = fixedInstant(quarter, epoch);
  const generatedAt = (epoch !== undefined ? new Date(epoch * 1000) : ctx.now).toISOString().replace(/\.\d+Z$/, 'Z');
  const temp = tempName(check.label);
  const tempDir = join(packagesDir, temp);
  const zipTemp = `${tempDir}.zip`;
  const hashTemp = `${tempDir}.manifest.sha256`;
  const io = ctx.io;
  const removeTemps = (): void => removePackageSet(tempDir, io);
  const undo = onInterrupt(removeTemps);
  try {
    // The package's own language (config `lang`, else Chinese), never the run's --lang: the same
    // inputs make the same report.json whoever runs the compile (docs/decisions.md).
    const m = await loadMessages(ctx.config.lang ?? 'zh-CN');
    const reportJson = buildJsonReport(report, (d) => renderMessage(m, d));
    await writePackage(tempDir, {
      check,
      records,
      statuses,
      template,
      config: ctx.config,
      instant,
      generatedAt,
      reportJson,
      workspace,
      diagnostics: { errors: report.stats.errors, warnings: report.stats.warnings, info: report.stats.info },
      ...(register ? { register } : {}),
      ...(large ? { between: collectGarbage } : {}),
      ...(options.threadEnv ? { threadEnv: options.threadEnv } : {}),
      io,
    });
    // The manifest's own hash, beside the package (and its zip): verify checks it, so that an edit
    // of the manifest's counts, inputs or departments does not pass unnoticed.
    const manifestSha256 = sha256File(join(tempDir, 'manifest.json'), io).sha256;
    writeFileDurable(hashTemp, `${manifestSha256}  ${check.label}/manifest.json\n`, io);
    const extra = [{ temp: `${temp}.manifest.sha256`, to: `${check.label}.manifest.sha256` }];
    if (options.zip) {
      const entries = readFilesBelow(tempDir, io).map((f) => ({ name: `${check.label}/${f.rel}`, data: f.data }));
      // The writer is loaded when a package is written (a dry run writes nothing).
      const { zipBuffer } = await import('../../io/xlsx/xlsx-writer.js');
      writeFileDurable(zipTemp, await zipBuffer(entries, instant), io);
      extra.unshift({ temp: `${temp}.zip`, to: `${check.label}.zip` });
    }
    await beforeSwap();
    // The last moment Ctrl-C leaves the previous package as it was; once swapped, compile finishes (io/interrupt.ts).
    await beforeCommit();
    // A compile paused past the lock's staleness (a sleeping laptop) may have lost it to another PC.
    lock?.assertHeld();
    // The old zip and hash go with the old package: a zip beside the new folder is always the new one.
    const replaced = swapIntoPlace(packagesDir, temp, check.label, stamp(ctx.now), extra, io);
    enterCommit({ kind: 'package', path: finalDir });
    await afterCommit();
    result.written = true;
    result.packageDir = finalDir;
    result.manifestSha256 = manifestSha256;
    result.manifestHashFile = join(packagesDir, `${check.label}.manifest.sha256`);
    if (options.zip) result.zipPath = join(packagesDir, `${check.label}.zip`);
    if (replaced) result.replaced = join(packagesDir, replaced);
    // Replaced packages hold full identifiers: only the newest few are kept.
    result.pruned = pruneReplaced(packagesDir, check.label, keepReplacedOf(ctx.config), io).map((n) => join(packagesDir, n));
    return result;
  } catch (err) {
    removeTemps();
    if (err instanceof ToolError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new ToolError(
      'WRITE_FAILED',
      { problem: code ?? (err as Error).message, path: displayPath(ctx.cwd, finalDir), scope: 'package' },
      { cause: err },
    );
  } finally {
    undo();
  }
}
