/** `hrss-credit export <quarter|package-dir> --to DIR` */
import type { CommandEnv } from '../env.js';
import { exportPackage } from '../../api/quarter/export.js';
import { shownPath } from '../../io/paths.js';
import { toCommandDocument } from '../../reporters/json.js';
import { emit } from '../render.js';
import type { ExportDocument } from '../../schemas/documents/commands-check.js';
import { sourceDateEpoch } from '../env.js';

export async function exportCommand(
  env: CommandEnv,
  target: string,
  opts: { to: string; force?: boolean; template?: string; audience?: 'public' | 'sharing' },
): Promise<number> {
  const epoch = sourceDateEpoch(env.io.env);
  const r = await exportPackage(target, {
    ...env.common,
    to: opts.to,
    ...(opts.force ? { force: true } : {}),
    ...(opts.template ? { template: opts.template } : {}),
    ...(opts.audience ? { audience: opts.audience } : {}),
    ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}),
  });
  const dir = shownPath(env.io.cwd, r.dir);
  // A removal whose record the register does not hold is a warning (EXPORT_REMOVED_NOT_FOUND): the files are written all the same.
  const doc: ExportDocument = toCommandDocument(r.report, env.m, 'export', { dir, files: r.files, records: r.records });
  emit(env, 'export', doc);
  return r.report.exitCode;
}
