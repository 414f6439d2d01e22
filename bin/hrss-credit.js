#!/usr/bin/env node
// Sets the exit code from main(); nothing else (STYLE.md: the library returns, bin/ exits). The Node
// version is checked first, by a module that loads on any Node: the rest is imported only after it.
// Every import is dynamic so that a clone not yet installed (no dist/ or node_modules/: `npm ci` not run,
// or running) gets a sentence and exit 2 instead of Node's stack trace (docs/decisions.md "A clone not installed").
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

/**
 * The one message this file writes itself, since the catalogue (dist/messages) may be what is missing. Its
 * language and JSON chosen as node-check.ts chooses them. Anything but a missing module is thrown on.
 */
function notInstalled(error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || args.includes('--debug')) throw error;
  const named = /Cannot find (?:package|module) '([^']+)'/.exec(String(error.message))?.[1] ?? '';
  const missing = named.startsWith(`${root}dist`)
    ? 'dist'
    : named
        .split(/[\\/]/)
        .slice(0, named.startsWith('@') ? 2 : 1)
        .join('/');
  let lang = process.env.HRSS_CREDIT_LANG ?? '';
  for (const [i, a] of args.entries()) {
    if (a === '--lang') lang = args[i + 1] ?? '';
    else if (a.startsWith('--lang=')) lang = a.slice(7);
  }
  const text = /^en\b/i.test(lang)
    ? `hrss-credit is not installed completely (${missing} is missing): run npm ci in ${root}, then try again.`
    : `hrss-credit 尚未安装完整（缺少 ${missing}）：请在 ${root} 中运行 npm ci，完成后再试。`;
  process.exitCode = 2;
  if (!args.some((a, i) => a === '--format=json' || (a === '--format' && args[i + 1] === 'json'))) {
    process.stderr.write(`${text}\n`);
    return;
  }
  const doc = {
    schemaVersion: 1,
    tool: { name: 'hrss-credit', version: JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version },
    command: args.find((a) => /^[a-z]+$/.test(a)) ?? '',
    valid: false,
    stats: { files: 0, rows: 0, errors: 0, warnings: 0, info: 0 },
    diagnostics: [],
    dropped: [],
    error: { code: 'NOT_INSTALLED', message: text },
  };
  process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
}

let check;
try {
  check = await import('../dist/cli/node-check.js');
} catch (error) {
  notInstalled(error);
}
const refusal = check?.nodeRefusalOutput(process.version, args, process.env);
if (refusal !== undefined) {
  process.stdout.write(refusal.stdout);
  process.stderr.write(refusal.stderr);
  process.exitCode = 2;
} else if (check !== undefined) {
  try {
    // The register's log hashed on a second thread while the command's modules load (dist/cli/early-log.js).
    await (await import('../dist/cli/early-log.js')).startEarlyLog(args, () => process.cwd(), process.env);
    const { main } = await import('../dist/cli/main.js');
    process.exitCode = await main(root);
  } catch (error) {
    notInstalled(error);
  }
}
