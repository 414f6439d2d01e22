#!/usr/bin/env node
// Sets the exit code from run(); nothing else but the interrupt handling (STYLE.md: the library
// returns, bin/ exits). Ctrl-C or a kill removes a half-written package before the process ends.
import { run } from '../dist/cli/program.js';
import { runInterruptTasks } from '../dist/io/cleanup.js';
import { deferInterrupt } from '../dist/io/interrupt.js';

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    // Once the register event is written (or the package swapped in), the command finishes and says so.
    if (deferInterrupt(signal)) return;
    runInterruptTasks();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

// A reader that goes away (`hrss-credit rules | head -1`) is no error of ours: once the pipe is
// closed (EPIPE), output to it is dropped and the command ends as it would have, with its own code.
function pipeEnd(stream) {
  let closed = false;
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') closed = true;
    else throw err;
  });
  return {
    write: (s) => (closed ? true : stream.write(s)),
    // A slow reader: resolves once it has caught up (or has gone away).
    drain: () => (closed || !stream.writableNeedDrain ? Promise.resolve() : new Promise((resolve) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('close', done);
        stream.off('error', done);
        resolve();
      };
      stream.on('drain', done);
      stream.on('close', done);
      stream.on('error', done);
    })),
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
  };
}

process.exitCode = await run(process.argv.slice(2), {
  stdout: pipeEnd(process.stdout),
  stderr: pipeEnd(process.stderr),
  env: process.env,
  cwd: process.cwd(),
});
