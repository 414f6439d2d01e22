/** A Ctrl-C that came once the command was committed did not stop it: it says so (io/interrupt.ts), on stderr. */
import { takeCommit } from '../io/interrupt.js';
import { displayPath } from '../io/paths.js';
import type { CommandEnv } from './env.js';

export function noteInterruptedCommit(env: CommandEnv): void {
  const taken = takeCommit();
  if (!taken?.signal) return;
  const c = taken.commit;
  env.io.stderr.write(
    `${env.m.ui.interruptedAfterCommit(c.kind === 'package' ? { kind: 'package', path: displayPath(env.io.cwd, c.path) } : c)}\n`,
  );
}
