#!/usr/bin/env node
// Sets the exit code from run(); nothing else but the interrupt handling (STYLE.md: the library
// returns, bin/ exits). Ctrl-C or a kill removes a half-written package before the process ends.
import { run } from '../dist/cli/program.js';
import { runInterruptTasks } from '../dist/io/cleanup.js';

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    runInterruptTasks();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
