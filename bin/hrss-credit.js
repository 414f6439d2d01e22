#!/usr/bin/env node
// Sets the exit code from main(); nothing else (STYLE.md: the library returns, bin/ exits). The Node
// version is checked first, by a module that loads on any Node: the rest is imported only after it,
// since a static import is loaded (and can fail) before any line of this file runs.
import { fileURLToPath } from 'node:url';
import { nodeRefusalOutput } from '../dist/cli/node-check.js';

const refusal = nodeRefusalOutput(process.version, process.argv.slice(2), process.env);
if (refusal !== undefined) {
  process.stdout.write(refusal.stdout);
  process.stderr.write(refusal.stderr);
  process.exitCode = 2;
} else {
  // The register's log hashed on a second thread while the command's modules load (dist/cli/early-log.js).
  await (await import('../dist/cli/early-log.js')).startEarlyLog(process.argv.slice(2), () => process.cwd(), process.env);
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(fileURLToPath(new URL('..', import.meta.url)));
}
