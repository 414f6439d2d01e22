/** `hrss-credit verify <package-dir|package.zip>` */
import type { CommandEnv } from '../env.js';
import { verify } from '../../api/quarter/verify.js';
import { shownPath } from '../../io/paths.js';
import { formatJson, toJsonDocument } from '../../reporters/json.js';

export async function verifyCommand(env: CommandEnv, dir: string): Promise<number> {
  const r = await verify(dir, env.io.cwd);
  const hashFile = shownPath(env.io.cwd, r.manifest.hashFile);
  if (env.flags.format === 'json') {
    const differences =
      r.changed.length + r.missing.length + r.added.length + r.inconsistent.length + (r.manifest.ok === false || r.manifestInvalid ? 1 : 0);
    env.io.stdout.write(
      formatJson(
        toJsonDocument(
          'verify',
          {
            kind: r.kind,
            checked: r.checked,
            changed: r.changed,
            missing: r.missing,
            added: r.added,
            inconsistent: r.inconsistent,
            manifest: { ...r.manifest, hashFile },
            ...(r.manifestInvalid
              ? {
                  manifestInvalid: {
                    ...r.manifestInvalid,
                    message: env.m.ui.verify.manifestInvalid(r.manifestInvalid.key, r.manifestInvalid.problem),
                  },
                }
              : {}),
          },
          { valid: r.ok, stats: { files: r.checked, errors: differences } },
        ),
      ),
    );
    return r.ok ? 0 : 1;
  }
  const v = env.m.ui.verify;
  let out = '';
  if (r.manifestInvalid) out += `${env.chalk.red(v.manifestInvalid(r.manifestInvalid.key, r.manifestInvalid.problem))}\n`;
  if (r.manifest.ok === false) out += `${env.chalk.red(v.manifestMismatch(r.manifest.sha256, r.manifest.expected ?? '', hashFile))}\n`;
  else if (r.manifest.ok === null) out += `${env.chalk.yellow(v.manifestUnchecked(r.manifest.sha256, hashFile))}\n`;
  for (const f of r.changed) out += `${env.chalk.red(v.changed)}  ${f}\n`;
  for (const f of r.missing) out += `${env.chalk.red(v.missing)}  ${f}\n`;
  for (const f of r.added) out += `${env.chalk.red(v.added)}  ${f}\n`;
  for (const k of r.inconsistent) out += `${env.chalk.red(v.inconsistent)}  ${k}\n`;
  const bad =
    r.changed.length + r.missing.length + r.added.length + r.inconsistent.length + (r.manifest.ok === false || r.manifestInvalid ? 1 : 0);
  out += r.ok ? `${env.chalk.green(v.ok(r.checked))}\n` : `${env.chalk.red(v.bad(bad))}\n`;
  env.io.stdout.write(out);
  return r.ok ? 0 : 1;
}
