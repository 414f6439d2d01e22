/**
 * The process edges that bin/hrss-credit.js and the release bundle (scripts/release-entry.mjs) share:
 * Ctrl-C and kills remove a half-written package, and output to a reader that goes away ends quietly.
 * Both call main() after the Node version check (node-check.ts), so this module and everything it
 * loads may use what Node 20 has.
 */
import { runInterruptTasks } from '../io/cleanup.js';
import { deferInterrupt } from '../io/interrupt.js';
import { preLang, run, type CliIo } from './program.js';
import { startedFromExplorer } from './launch.js';
import { launchUi } from '../messages/launch.js';

type Writable = NodeJS.WriteStream;

/**
 * A reader that goes away (`hrss-credit rules | head -1`) is no error of ours: once the pipe is closed
 * (EPIPE; on Windows also EOF), output to it is dropped and the command ends as it would have, with its
 * own code. Without a listener the stream's 'error' event is thrown from the event loop as a stack
 * trace: the release bundle gave process.stdout to run() as it was, and `validate … | head -2` printed one.
 */
export function pipeEnd(stream: Writable): CliIo['stdout'] {
  let closed = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err && (err.code === 'EPIPE' || err.code === 'EOF' || err.code === 'ERR_STREAM_DESTROYED')) closed = true;
    else throw err;
  });
  return {
    write: (s: string) => (closed ? true : stream.write(s)),
    writeBytes: (b: Uint8Array) => (closed ? true : stream.write(b)),
    // A slow reader: resolves once it has caught up (or has gone away).
    drain: () =>
      closed || !stream.writableNeedDrain
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const done = (): void => {
              stream.off('drain', done);
              stream.off('close', done);
              stream.off('error', done);
              resolve();
            };
            stream.on('drain', done);
            stream.on('close', done);
            stream.on('error', done);
          }),
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
  };
}

/**
 * Runs the command line of this process; returns its exit code (bin/ sets it). `toolDir`: the folder
 * the tool runs from (the clone, or the release folder), where nothing is written by default.
 */
export async function main(toolDir: string): Promise<number> {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      // Once the register event is written (or the package swapped in), the command finishes and says so (io/interrupt.ts).
      if (deferInterrupt(signal)) return;
      runInterruptTasks();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
  const argv = process.argv.slice(2);
  const io: CliIo = { stdout: pipeEnd(process.stdout), stderr: pipeEnd(process.stderr), env: process.env, cwd: process.cwd(), toolDir };
  const code = await run(argv, io);
  // Started from Explorer, the launcher waits for a key (`pause >nul`) so the window stays open to be
  // read: this is the line it waits under. From a prompt or a script nothing waits.
  if (startedFromExplorer(io.env)) io.stderr.write(`\n${launchUi(preLang(argv, io)).pressAnyKey}\n`);
  return code;
}
