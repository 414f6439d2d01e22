/**
 * Ctrl-C around a commit (truth.md "Small truths"): before a register event is written (or compile's
 * package swapped into place) an interrupt stops the command at once — exit 130, nothing written;
 * once it is written, the command finishes and says that it was. bin/ asks `deferInterrupt` on each
 * signal; long synchronous work (reading a large register) calls a `pausePoint` now and then so that
 * the signal is seen within a second.
 *
 * Fault points for the tests (HRSS_CREDIT_FAULT; never set in normal use), each told to the test over
 * the IPC channel it opened, so that it acts on an event and not after a number of seconds:
 * - `interrupt-while-reading`: at the first pause while the register is read, says "reading-register"
 *   and waits for the interrupt (which must end the process);
 * - `interrupt-before-commit`: just before an event is written, says "before-commit" and waits likewise;
 * - `interrupt-after-commit`: just after an event is written (or a package swapped), says
 *   "after-commit" and waits until an interrupt has arrived (and was deferred), then goes on;
 * - `early-hash-hold` (io/register/log-hash.ts): the log hashed beside start-up never ends (its worker keeps
 *   moving), on a log of any size; says "early-hash-wait" when the reader first waits for it.
 */

/** What was committed: a register event (its seq) or a package swapped into place (its folder). */
export type Commit = { kind: 'event'; seq: number } | { kind: 'package'; path: string };

let commit: Commit | null = null;
let deferred: NodeJS.Signals | null = null;

const spec = (): string => process.env.HRSS_CREDIT_FAULT ?? '';

/** bin/: whether this signal waits for the command to finish (something is committed) instead of ending it. */
export function deferInterrupt(signal: NodeJS.Signals): boolean {
  if (!commit) return false;
  deferred ??= signal;
  return true;
}

/**
 * The command is committed (the event is written, the package in place): an interrupt no longer stops
 * it. Cleared by `takeCommit` when the command has finished (the CLI), so that a later command in the
 * same process starts afresh.
 */
export function enterCommit(what: Commit): void {
  commit = what;
}

/** Just after the commit: where the tests interrupt a committed command (`interrupt-after-commit`). */
export async function afterCommit(): Promise<void> {
  if (spec().includes('interrupt-after-commit')) await faultPause('after-commit', () => deferred !== null);
}

/** The commit of the command that just finished and whether an interrupt came after it; resets both. */
export function takeCommit(): { commit: Commit; signal: NodeJS.Signals | null } | null {
  const c = commit;
  const signal = deferred;
  commit = null;
  deferred = null;
  return c ? { commit: c, signal } : null;
}

/** The last point where an interrupt stops the command with nothing written: lets a pending signal in. */
export async function beforeCommit(): Promise<void> {
  if (spec().includes('interrupt-before-commit')) await faultPause('before-commit', () => false);
  await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * A pause point for long synchronous work: lets the event loop run (and a pending signal be handled)
 * at most every 50 ms of work, so an interrupt is seen well within a second.
 */
export function pausePoint(fault?: 'reading-register'): () => Promise<void> {
  let last = performance.now();
  let first = true;
  return async () => {
    if (first && fault && spec().includes('interrupt-while-reading')) await faultPause(fault, () => false);
    first = false;
    if (performance.now() - last < 50) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}

/** Tells the test where the command is and waits until `until()` holds (polled; an interrupt may end the process meanwhile). */
async function faultPause(point: string, until: () => boolean): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) return;
  send(point);
  await new Promise<void>((resolve) => {
    const t = setInterval(() => {
      if (!until()) return;
      clearInterval(t);
      resolve();
    }, 10);
  });
  process.disconnect?.();
}
