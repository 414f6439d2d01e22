/**
 * What bin/ does before the command's modules load (issue 22; docs/decisions.md "The log hashed beside
 * start-up"): for a command that reads the register, the log of the workspace it names (-w, --workspace) or
 * would find from the folder it runs in starts being hashed on a second thread (io/register/log-hash.ts).
 * A guess: the register's reader takes the result only for the log it reads itself, unchanged since.
 * Loads nothing but Node's own modules and small files of its own (argv.ts, io/workspace/find.ts, io/processors.ts).
 */
import { secondThreadShortens } from '../io/processors.js';
import { resolve } from 'node:path';
import { optionValue } from './argv.js';

/**
 * The commands that read register/events.jsonl whole (`register verify` reads it from its first line, not through a
 * checkpoint). compile and status check the submissions first: the hash runs beside that (a province's dry run 0.76×
 * the wall at the same CPU, bench/RESULTS.md "Compile writing, the log hashed beside"); not the reports, which read
 * the register only for some batches.
 */
const READS_REGISTER = new Set(['register', 'publish', 'diff', 'objection', 'compile', 'status']);

/** The common options that take a value (program.ts addCommon): their value is not the command's name. */
const TAKES_VALUE = new Set(['-w', '--workspace', '--config', '--format', '--lang', '--today', '--ignore', '--max-findings']);

/** The command's words (`register show` → ['register', 'show']): the arguments that are no option and no option's value. */
function commandWords(argv: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const a = argv[i] as string;
    if (TAKES_VALUE.has(a)) i++;
    else if (!a.startsWith('-')) words.push(a);
  }
  return words;
}

/**
 * Whether to hash the log beside start-up: HRSS_CREDIT_EARLY_HASH=off never, =on always (to measure one against the
 * other), else on two processors or more whatever the load — verify's rule (decisions.md "The early hash whatever the
 * load"): the hashing (a province's ~0.75 s) moves off the main thread, which waits on it, at the same CPU for the
 * process; a load average says the processors are shared, not that a second thread cannot shorten the wait.
 */
export function earlyHashWanted(env: Readonly<Record<string, string | undefined>>): boolean {
  const asked = env.HRSS_CREDIT_EARLY_HASH;
  if (asked === 'off') return false;
  return asked === 'on' || secondThreadShortens();
}

/**
 * Begins hashing the register's log for a command that reads it (earlyHashWanted). Nothing for any other command,
 * or --help. Never throws; what the command prints is the same either way.
 */
export async function startEarlyLog(argv: readonly string[], cwd: () => string, env: NodeJS.ProcessEnv): Promise<void> {
  if (env.HRSS_CREDIT_EARLY_HASH === 'off') return;
  try {
    const [command, sub] = commandWords(argv);
    if (!command || !READS_REGISTER.has(command) || (command === 'register' && sub === 'verify')) return;
    if (argv.some((a) => a === '-h' || a === '--help')) return;
    if (!earlyHashWanted(env)) return;
    const workspace = await findWorkspace(argv, cwd());
    if (workspace) (await import('../io/register/log-hash.js')).startLogHash(workspace);
  } catch {
    // A folder gone from under the process: the command says so itself.
  }
}

/** -w DIR, else as api/context.ts finds it (io/workspace/find.ts: loaded only here, for a command that reads the register). */
async function findWorkspace(argv: readonly string[], cwd: string): Promise<string | undefined> {
  const given = optionValue([...argv], '--workspace', '-w');
  if (given) return resolve(cwd, given);
  return (await import('../io/workspace/find.js')).findWorkspaceUp(cwd);
}
