/** `hrss-credit template <department> [--quarter Q] [--out FILE]` and `template --all --quarter Q`. */
import { sourceDateEpoch, type CommandEnv } from '../env.js';
import { template } from '../../api/department/template.js';
import { formatJson } from '../../reporters/json.js';
import { defaultOutputBase, refuseToolFolder } from '../tool-folder.js';

export async function templateCommand(
  env: CommandEnv,
  department: string | undefined,
  opts: { all?: boolean; quarter?: string; out?: string },
): Promise<number> {
  const epoch = sourceDateEpoch(env.io.env);
  // One form with no --out goes into the workspace, else the current folder: never the tool's folder.
  if (!opts.all && opts.out === undefined) refuseToolFolder(env, defaultOutputBase(env));
  const res = await template(department, {
    ...env.common,
    ...(opts.all ? { all: true } : {}),
    ...(opts.quarter !== undefined ? { quarter: opts.quarter } : {}),
    ...(opts.out !== undefined ? { out: opts.out } : {}),
    ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}),
  });
  if (env.flags.format === 'json') {
    env.io.stdout.write(
      formatJson({ schemaVersion: 1, command: 'template', quarter: res.quarter, written: res.written, skipped: res.skipped }),
    );
    return 0;
  }
  const f = env.m.ui.forms;
  for (const w of res.written) env.io.stdout.write(`${f.written(w.path)}\n`);
  for (const s of res.skipped) env.io.stdout.write(`${env.chalk.yellow(f.skipped(s.path))}\n`);
  return 0;
}
