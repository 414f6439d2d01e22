/** A Ctrl-C that came once the command was committed did not stop it: it says so (io/interrupt.ts), on stderr. */
import { takeCommit } from '../io/interrupt.js';
import { displayPath } from '../io/paths.js';
import type { CommandEnv } from './env.js';
import { screenPath } from '../reporters/screen-path.js';

export function noteInterruptedCommit(env: CommandEnv): void {
  const taken = takeCommit();
  if (!taken?.signal) return;
  const c = taken.commit;
  // The package's path as every path on the screen (reporters/screen-path.ts): `\` on Windows.
  const shown =
    c.kind === 'package' ? { kind: 'package' as const, path: screenPath(displayPath(env.io.cwd, c.path), process.platform) } : c;
  env.io.stderr.write(`${env.m.ui.interruptedAfterCommit(shown)}\n`);
}
