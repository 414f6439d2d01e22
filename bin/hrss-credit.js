#!/usr/bin/env node
// Sets the exit code from run(); nothing else (STYLE.md: the library returns, bin/ exits).
import { run } from '../dist/cli/program.js';

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
