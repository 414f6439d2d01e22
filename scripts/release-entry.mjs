// The entry of the single-file release (scripts/release.mjs bundles it into hrss-credit.mjs).
// The same file is also the CSV worker: src/io/csv.ts starts `new Worker(<this file>)` in the bundle,
// and in that thread only csv-worker's own top-level code acts (it listens on parentPort); the CLI
// runs in the main thread only. The main thread does what bin/hrss-credit.js does.
import { isMainThread } from 'node:worker_threads';
import '../dist/io/csv-worker.js';
import { run } from '../dist/cli/program.js';
import { runInterruptTasks } from '../dist/io/cleanup.js';

if (isMainThread) {
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
}
