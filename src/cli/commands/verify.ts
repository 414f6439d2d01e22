/** `hrss-credit verify <package-dir>` */
import type { CommandEnv } from '../program.js';
import { verify } from '../../api/verify.js';
import { formatJson, toJsonDocument } from '../../reporters/json.js';

export async function verifyCommand(env: CommandEnv, dir: string): Promise<number> {
  const r = verify(dir, env.io.cwd);
  if (env.flags.format === 'json') {
    const differences = r.changed.length + r.missing.length + r.added.length;
    env.io.stdout.write(
      formatJson(toJsonDocument('verify', { checked: r.checked, changed: r.changed, missing: r.missing, added: r.added }, { valid: r.ok, stats: { files: r.checked, errors: differences } })),
    );
    return r.ok ? 0 : 1;
  }
  const v = env.m.ui.verify;
  let out = '';
  for (const f of r.changed) out += `${env.chalk.red(v.changed)}  ${f}\n`;
  for (const f of r.missing) out += `${env.chalk.red(v.missing)}  ${f}\n`;
  for (const f of r.added) out += `${env.chalk.red(v.added)}  ${f}\n`;
  out += r.ok ? `${env.chalk.green(v.ok(r.checked))}\n` : `${env.chalk.red(v.bad(r.changed.length + r.missing.length + r.added.length))}\n`;
  env.io.stdout.write(out);
  return r.ok ? 0 : 1;
}
