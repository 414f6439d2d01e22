/** `hrss-credit validate <path…>` */
import type { CommandEnv } from '../program.js';
import { validate } from '../../api/validate.js';
import { formatJson, toJsonReport } from '../../reporters/json.js';
import { visible } from '../../reporters/visible.js';

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
            env.io.stderr.write(`\r\x1b[K${env.m.ui.progressRows(visible(file), rows)}`);
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
    const { writeDiagnostics, formatSummary } = await import('../../reporters/pretty.js');
    const o = { chalk: env.chalk, ascii: env.flags.ascii ?? false, quiet: env.flags.quiet ?? false, strict: env.flags.strict ?? false, width: env.width, ...(env.flags.maxFindings ? { maxFindings: env.flags.maxFindings } : {}) };
    // Piece by piece, so that Ctrl-C is handled while a long report is drawn.
    await writeDiagnostics(report, env.m, o, (s) => env.io.stdout.write(s));
    env.io.stdout.write(formatSummary(report, env.m, o));
  }
  return report.exitCode;
}
