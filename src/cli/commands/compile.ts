/** `hrss-credit compile <quarter>` */
import { sourceDateEpoch, type CommandEnv } from '../env.js';
import { compile } from '../../api/quarter/compile.js';
import { shownPath } from '../../io/paths.js';
import { formatJson, toJsonReport } from '../../reporters/json.js';
import { formatDiagnostics, formatSummary, makeTable } from '../../reporters/pretty.js';
import { visible } from '../../reporters/visible.js';
import { commandLine, nativePath, shellFor } from '../../domain/shell-line.js';
import type { Figures } from '../../schemas/documents/figures.js';
import type { CompileKeys } from '../../schemas/documents/commands.js';

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
  if (env.flags.format === 'json') {
    env.io.stdout.write(
      formatJson(
        toJsonReport(res.report, env.m, {
          // The command's keys as their one schema types them (schemas/documents/commands.ts).
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
            rows: s.rows,
            red: s.red,
            black: s.black,
            unchanged: s.unchanged,
            corrected: s.corrected,
            removals: s.removals,
          })),
          totals: figuresOnly(res.summary.totals),
        } satisfies CompileKeys),
      ),
    );
    return res.report.exitCode;
  }
  const c = env.m.ui.compile;
  // Paths in the clerk's view are shown, never obeyed (control characters made visible).
  const shown = (p: string): string => visible(where(p));
  if (res.pruned.length > 0) env.io.stderr.write(`${env.chalk.yellow(c.pruned(res.pruned.map(shown)))}\n`);
  const o = {
    chalk: env.chalk,
    ascii: env.flags.ascii ?? false,
    quiet: env.flags.quiet ?? false,
    strict: env.flags.strict ?? false,
    width: env.width,
    ...(env.flags.maxFindings ? { maxFindings: env.flags.maxFindings } : {}),
  };
  let out = formatDiagnostics(res.report, env.m, o);
  if (!o.quiet) {
    // The lines and the 汇总 row show the same figures (truth.md): rows received, red/black published, unchanged.
    const table = makeTable([c.department, c.submitted, c.rows, c.red, c.black, c.unchanged], o);
    for (const s of res.statuses)
      table.push([
        visible(s.name),
        s.submitted ? (s.nilReport ? c.nil : c.submitted) : env.chalk.yellow(c.missing),
        String(s.rows),
        String(s.red),
        String(s.black),
        String(s.unchanged),
      ]);
    const t = res.summary.totals;
    table.push([c.counts, '', String(t.rows), String(t.red), String(t.black), String(t.unchanged)]);
    out += `${table.toString()}\n`;
  }
  out += formatSummary(res.report, env.m, o);
  if (opts.dryRun) out += `${c.dryRun}\n`;
  else if (res.written && res.packageDir) {
    out += `${env.chalk.green(c.written(shown(res.packageDir)))}\n`;
    if (res.zipPath) out += `${c.zip(shown(res.zipPath))}\n`;
    if (res.replaced) out += `${c.replaced(shown(res.replaced))}\n`;
    if (res.manifestSha256) out += `${c.manifestHash(res.manifestSha256, shown(res.manifestHashFile ?? ''))}\n`;
    // The next step, ready to paste into this platform's shell (quoted, its own separators).
    const shell = shellFor(process.platform);
    const summaryPath = nativePath(`${shown(res.packageDir)}/报送情况.xlsx`, shell);
    out += `${c.next(summaryPath, commandLine(['hrss-credit', 'verify', { path: shown(res.packageDir) }], shell))}\n`;
  } else out += `${env.chalk.red(onlyExists(res.report) ? c.notWrittenExists : c.notWritten)}\n`;
  env.io.stdout.write(out);
  return res.report.exitCode;
}

function figuresOnly(t: Figures): Figures {
  return { rows: t.rows, red: t.red, black: t.black, unchanged: t.unchanged, corrected: t.corrected, removals: t.removals };
}

/** Refused only because the package is there already: the advice is --force, not a new submission. */
function onlyExists(report: { diagnostics: readonly { code: string; severity: string }[] }): boolean {
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  return errors.length > 0 && errors.every((d) => d.code === 'PACKAGE_EXISTS');
}
