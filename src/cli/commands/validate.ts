/** `hrss-credit validate <path…>` */
import type { CommandEnv } from '../program.js';
import { validate } from '../../api/validate.js';
import { formatJson, toJsonReport } from '../../reporters/json.js';

export async function validateCommand(env: CommandEnv, paths: string[], opts: { department?: string; quarter?: string }): Promise<number> {
  const started = Date.now();
  const progress = env.io.stderr.isTTY === true && env.flags.format !== 'json';
  let shown = false;
  const report = await validate(paths, {
    ...env.common,
    ...(progress
      ? {
          onProgress: (file: string, rows: number) => {
            if (Date.now() - started < 1000) return;
            shown = true;
            env.io.stderr.write(`\r\x1b[K${env.m.ui.progressRows(file, rows)}`);
          },
        }
      : {}),
    ...(opts.department !== undefined ? { department: opts.department } : {}),
    ...(opts.quarter !== undefined ? { quarter: opts.quarter } : {}),
  });
  if (shown) env.io.stderr.write('\r\x1b[K');
  if (env.flags.format === 'json') env.io.stdout.write(formatJson(toJsonReport(report, env.m)));
  else {
    // cli-table3 is loaded only when a table is printed.
    const { formatDiagnostics, formatSummary } = await import('../../reporters/pretty.js');
    const o = { chalk: env.chalk, ascii: env.flags.ascii ?? false, quiet: env.flags.quiet ?? false, width: env.width };
    env.io.stdout.write(formatDiagnostics(report, env.m, o) + formatSummary(report, env.m, o));
  }
  return report.exitCode;
}
