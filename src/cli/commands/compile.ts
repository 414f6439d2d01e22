/** `hrss-credit compile <quarter>` */
import { sourceDateEpoch, type CommandEnv } from '../env.js';
import { compile } from '../../api/quarter/compile.js';
import { shownPath } from '../../io/paths.js';
import { toJsonReport } from '../../reporters/json.js';
import { compilePrunedLine } from '../../reporters/check-views.js';
import { figuresOf } from '../../schemas/documents/figures.js';
import type { CompileDocument, CompileKeys } from '../../schemas/documents/commands.js';
import { contextOf, emitChunks } from '../render.js';

export async function compileCommand(
  env: CommandEnv,
  quarter: string,
  opts: { dryRun?: boolean; force?: boolean; zip?: boolean; out?: string; template?: string },
): Promise<number> {
  const started = Date.now();
  const progress = env.io.stderr.isTTY && env.flags.format !== 'json';
  const epoch = sourceDateEpoch(env.io.env);
  const res = await compile(quarter, {
    ...env.common,
    ...(opts.dryRun ? { dryRun: true } : {}),
    ...(opts.force ? { force: true } : {}),
    ...(opts.zip ? { zip: true } : {}),
    ...(opts.out ? { out: opts.out } : {}),
    ...(opts.template ? { template: opts.template } : {}),
    ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}),
    // The command's environment, not the process's (an in-process run, the page, a test give their own).
    threadEnv: env.io.env,
    ...(progress
      ? {
          onProgress: (d: number, t: number, n: string) => {
            if (Date.now() - started > 1000) env.io.stderr.write(`\r\x1b[K${env.m.ui.compile.progress(d, t, n)}`);
          },
        }
      : {}),
  });
  if (progress && Date.now() - started > 1000) env.io.stderr.write('\r\x1b[K');
  const where = (p: string): string => shownPath(env.io.cwd, p);
  // The command's keys as their one schema types them (schemas/documents/commands.ts).
  const doc: CompileDocument = toJsonReport(res.report, env.m, {
    written: res.written,
    ...(res.packageDir ? { package: where(res.packageDir) } : {}),
    ...(res.zipPath ? { zip: where(res.zipPath) } : {}),
    ...(res.replaced ? { replaced: where(res.replaced) } : {}),
    ...(res.manifestSha256 ? { manifestSha256: res.manifestSha256 } : {}),
    ...(res.manifestHashFile ? { manifestHashFile: where(res.manifestHashFile) } : {}),
    pruned: res.pruned.map(where),
    counts: res.counts,
    // truth.md's figures per department, and `totals` their sum (the 汇总 row).
    departments: res.statuses.map((s) => ({
      name: s.name,
      submitted: s.submitted,
      nilReport: s.nilReport,
      onTime: s.onTime,
      ...figuresOf(s),
    })),
    totals: figuresOf(res.summary.totals),
  } satisfies CompileKeys);
  // Paths in the clerk's view are shown, never obeyed (control characters made visible); on stderr, so
  // that stdout stays the document's.
  if (env.flags.format !== 'json' && res.pruned.length > 0) env.io.stderr.write(compilePrunedLine(doc.pruned, contextOf(env)));
  await emitChunks(env, 'compile', doc, { dryRun: opts.dryRun === true, platform: process.platform });
  return res.report.exitCode;
}
