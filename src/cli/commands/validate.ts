/** `hrss-credit validate <path…>` */
import { sourceDateEpoch, type CommandEnv } from '../env.js';
import { validate } from '../../api/department/validate.js';
import { toJsonReport } from '../../reporters/json.js';
import { emitChunks } from '../render.js';
import type { ValidateDocument } from '../../schemas/documents/commands-check.js';
import { screenPath } from '../../reporters/screen-path.js';

export async function validateCommand(
  env: CommandEnv,
  paths: string[],
  opts: { department?: string; quarter?: string; annotate?: string | true },
): Promise<number> {
  const started = Date.now();
  const progress = env.io.stderr.isTTY === true && env.flags.format !== 'json';
  let shown = false;
  const options = {
    ...env.common,
    ...(progress
      ? {
          onProgress: (file: string, rows: number) => {
            if (Date.now() - started < 1000) return;
            shown = true;
            env.io.stderr.write(`\r\x1b[K${env.m.ui.progressRows(screenPath(file, process.platform), rows)}`);
          },
        }
      : {}),
    ...(opts.department !== undefined ? { department: opts.department } : {}),
    ...(opts.quarter !== undefined ? { quarter: opts.quarter } : {}),
  };
  let annotated: ValidateDocument['annotated'];
  let notAnnotated: ValidateDocument['notAnnotated'];
  let report;
  if (opts.annotate !== undefined) {
    // The feedback copies (department.md): loaded only when asked for.
    const { validateAndAnnotate } = await import('../../api/department/annotate.js');
    const epoch = sourceDateEpoch(env.io.env);
    const res = await validateAndAnnotate(paths, {
      ...options,
      ...(opts.annotate !== true ? { annotate: opts.annotate } : {}),
      lang: env.m.lang,
      ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}),
      // Never into the tool's own folder (a prompt opened there, as README.txt says).
      ...(env.io.toolDir !== undefined ? { toolDir: env.io.toolDir } : {}),
    });
    report = res.report;
    annotated = res.written;
    if (res.notAnnotated.length > 0) notAnnotated = res.notAnnotated;
  } else report = await validate(paths, options);
  if (shown) env.io.stderr.write('\r\x1b[K');
  const doc: ValidateDocument = {
    ...toJsonReport(report, env.m),
    command: 'validate',
    ...(annotated ? { annotated } : {}),
    ...(notAnnotated ? { notAnnotated } : {}),
  };
  // Piece by piece, so that Ctrl-C is handled while a long report is drawn.
  await emitChunks(env, 'validate', doc);
  return report.exitCode;
}
