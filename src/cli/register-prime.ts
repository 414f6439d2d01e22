/**
 * Ctrl-C during a read-only register command (docs/decisions.md "Ctrl-C during a read-only command"): the register's
 * reader is synchronous (register-store.ts readLog), and a signal's handler (cli/main.ts) runs only between turns of
 * the event loop — a clerk's Ctrl-C during a province's 10 s read waited for its end. So before such a command runs,
 * its log is read here a pause at a time (readLogPausing, as a writer reads under its lock): a Ctrl-C then ends the
 * command at once (exit 130), nothing written — the read's descriptor, scratch file and thread let go. The command's
 * own read takes what was read (io/register/log-primed.ts); nothing else of it changes.
 */
import { resolve } from 'node:path';
import type { CommandEnv } from './env.js';
import { nodePort } from '../io/node-port.js';
import { pausePoint } from '../io/interrupt.js';

/** The commands that read the register and write nothing to it; `register verify` reads it from its first line. */
const READ_ONLY = new Set(['register list', 'register show', 'register verify', 'diff', 'objection list', 'objection letter']);

/** The slot's module once a command primed a read (loaded only then: report and supervise load nothing of the register). */
let slot: typeof import('../io/register/log-primed.js') | undefined;
/** register list's second thread's module, once the list's JSON began its thread before the read (list-split.ts). */
let list: typeof import('./list-split.js') | undefined;

/** `options`: the command's own (commander's), when it has them: `register list --xlsx` begins no second thread. */
export async function primeRegisterRead(env: CommandEnv, command: string, options?: unknown): Promise<void> {
  if (!READ_ONLY.has(command)) return;
  const io = env.common.io ?? nodePort;
  try {
    const { findWorkspaceUp } = await import('../io/workspace/find.js');
    const workspace = env.common.workspace ? resolve(env.common.cwd, env.common.workspace) : findWorkspaceUp(env.common.cwd, io);
    if (!workspace) return;
    // The list's JSON on two threads: the second begun now, its start beside this read (list-split.ts).
    if (command === 'register list' && env.flags.format === 'json' && (options as { xlsx?: unknown } | undefined)?.xlsx === undefined) {
      list = await import('./list-split.js');
      list.beginListThreadEarly(env.io.env, workspace);
    }
    const [{ readLogPausing }, primed] = await Promise.all([
      import('../io/register/register-store.js'),
      import('../io/register/log-primed.js'),
    ]);
    slot = primed;
    const way = command === 'register verify' ? { checkpoint: false, chainOnly: true } : {};
    const read = await readLogPausing(workspace, pausePoint('reading-register'), io, way);
    primed.keepPrimed(workspace, io, way, read.size, read);
  } catch {
    // The command's own read says what is wrong (REGISTER_UNREADABLE, a folder that is gone), in its own words.
  }
}

/** After the command: a read it did not take is let go (a later command in the same process reads afresh). */
export function dropPrimedRead(): void {
  slot?.dropPrimed();
  // A second thread begun for the list and not taken by it (a register too small to split) is stopped.
  list?.dropListThread();
}
