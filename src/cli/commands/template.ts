/** `hrss-credit template <department> [--quarter Q] [--out FILE]` and `template --all --quarter Q`. */
import { sourceDateEpoch, type CommandEnv } from '../env.js';
import { template } from '../../api/department/template.js';
import { emit } from '../render.js';
import type { TemplateDocument } from '../../schemas/documents/commands-check.js';
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
  const doc: TemplateDocument = { schemaVersion: 1, command: 'template', quarter: res.quarter, written: res.written, skipped: res.skipped };
  emit(env, 'template', doc);
  return 0;
}
