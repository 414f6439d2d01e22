/** `hrss-credit export <quarter|package-dir> --to DIR` */
import type { CommandEnv } from '../env.js';
import { exportPackage } from '../../api/quarter/export.js';
import { shownPath } from '../../io/paths.js';
import { formatJson, toJsonDocument } from '../../reporters/json.js';
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
  if (env.flags.format === 'json') {
    env.io.stdout.write(
      formatJson(
        toJsonDocument('export', { dir, files: r.files, records: r.records }, { stats: { files: r.files.length, rows: r.records } }),
      ),
    );
  } else env.io.stdout.write(`${env.m.ui.exported(r.files.length, dir)}\n${r.files.map((f) => `  ${f}`).join('\n')}\n`);
  return 0;
}
