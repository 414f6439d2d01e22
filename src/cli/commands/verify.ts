/** `hrss-credit verify <package-dir>` */
import type { CommandEnv } from '../program.js';
import { verify } from '../../api/verify.js';
import { formatJson } from '../../reporters/json.js';
import { TOOL_NAME, TOOL_VERSION } from '../../version.js';

export async function verifyCommand(env: CommandEnv, dir: string): Promise<number> {
  const r = verify(dir, env.io.cwd);
  if (env.flags.format === 'json') {
    env.io.stdout.write(formatJson({ schemaVersion: 1, tool: { name: TOOL_NAME, version: TOOL_VERSION }, command: 'verify', valid: r.ok, checked: r.checked, changed: r.changed, missing: r.missing, added: r.added }));
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
