/**
 * `hrss-credit export <quarter|package-dir> --to DIR`: the credit-office files of a compiled
 * package, written again from its records.json with a template and for an audience.
 */
import { basename, dirname, join, resolve } from 'node:path';
import { recoverPackages } from '../../io/package/package-fs.js';
import { formatBatch, parseBatch, resolveBatch } from '../../domain/quarter.js';
import { parseRecordsFile } from '../../schemas/documents/records.js';
import { makeContext, type CommonOptions } from '../context.js';
import { ToolError } from '../../diagnostics/tool-error.js';
import { pathExists } from '../../io/workspace/workspace.js';
import { readPackageFile } from '../../io/package/package-read.js';
import { packageProblem } from '../../io/package/package-problem.js';
import { holdsAnything } from '../../io/workspace/folder.js';
import { fixedInstant, templateFor, writeListFiles } from './package.js';
import type { Audience } from './records.js';
import { exportPlan } from './export-plan.js';
import { makeDiagnostic } from '../../diagnostics/diagnostic.js';
import { makeReport, type Report } from '../../diagnostics/report.js';
import { displayPath } from '../../io/paths.js';

export interface ExportOptions extends CommonOptions {
  to: string;
  /** Write into a folder that is not empty (files of the same name are overwritten). */
  force?: boolean;
  template?: string;
  audience?: Audience;
  sourceDateEpoch?: number;
}

export async function exportPackage(
  target: string,
  options: ExportOptions,
): Promise<{ files: string[]; dir: string; records: number; report: Report }> {
  const ctx = makeContext(options);
  const io = ctx.io;
  let dir = resolve(ctx.cwd, target);
  // An interrupted swap of this package is finished (or rolled back) before it is read.
  recoverPackages(dirname(dir), basename(dir), io);
  if (!pathExists(join(dir, 'records.json'), io)) {
    // Not a package folder: a quarter of the workspace's packages/, else a path that is not there.
    // A supplementary batch (2026Q3-2) names its own package (truth.md).
    const b = pathExists(dir, io) ? undefined : resolveBatch(target, ctx.today);
    if (b && ctx.workspace) {
      dir = join(ctx.workspace, 'packages', formatBatch(b));
      recoverPackages(dirname(dir), basename(dir), io);
    }
  }
  if (!pathExists(join(dir, 'records.json'), io)) throw new ToolError('PACKAGE_NOT_FOUND', { path: target });
  const text = readPackageFile(dir, 'records.json', io).toString('utf8');
  let data;
  try {
    data = parseRecordsFile(JSON.parse(text));
  } catch (err) {
    // JSON syntax at its line and column, a value that does not fit, a record id edited by hand: as publish and diff say it.
    throw packageProblem(err, target, 'records.json', text);
  }
  const template = templateFor(ctx, options.template);
  const instant = fixedInstant(parseBatch(data.quarter)?.quarter, options.sourceDateEpoch);
  const audience = options.audience ?? 'public';
  const out = resolve(ctx.cwd, options.to);
  // Like compile: files already there are not overwritten without --force.
  if (!options.force && holdsAnything(out, io)) throw new ToolError('EXPORT_TARGET_NOT_EMPTY', { path: options.to });
  // 移出名单 and 更正名单 as the package has them: the plan it was written with, rebuilt (api/quarter/export-plan.ts).
  const { plan, missing, noRegister } = exportPlan(dir, data, ctx.workspace, io);
  if (missing.length > 0)
    ctx.collector.add(
      makeDiagnostic(
        noRegister ? 'EXPORT_NO_REGISTER' : 'EXPORT_REMOVED_NOT_FOUND',
        { quarter: data.quarter, count: missing.length, ids: missing },
        { file: displayPath(ctx.cwd, join(dir, 'records.json')) },
      ),
    );
  let files: string[];
  try {
    files = await writeListFiles(
      out,
      data.records,
      template.template,
      audience,
      {
        bureau: { name: ctx.config.bureau.name, creditCode: ctx.config.bureau.creditCode },
        maskRule: ctx.config.publication.maskRule,
        quarter: data.quarter,
        instant,
        csvEncoding: ctx.config.export.csvEncoding,
        withCsv: true,
        io,
      },
      plan,
    );
  } catch (err) {
    // Each file is written whole or not at all (io/atomic-write.ts); a full disk or a read-only folder is exit 2.
    const code = (err as NodeJS.ErrnoException).code;
    if (err instanceof ToolError || !code) throw err;
    throw new ToolError('WRITE_FAILED', { problem: code, path: options.to }, { cause: err });
  }
  const report = makeReport(ctx, 'export', files.length, data.records.length);
  return { files, dir: out, records: data.records.length, report };
}
