/**
 * Faults the tool notices and goes on from — never a finding, never a crash — that only `--debug` shows: a descriptor
 * that would not close (EBADF: closed already, the sign of a double close, which once aborted the process:
 * docs/decisions.md "A descriptor closed twice aborts the process"); a second thread given up, its work done by the
 * command's own (io/threads.ts). A close in a finalizer or a best-effort cleanup
 * swallowed such errors silently, and so hid that double close. The CLI listens under --debug (cli/program.ts) and
 * writes each on stderr; without a listener they are kept (the first few) for a test or a later listener.
 */
import { redactIdNumbers } from '../domain/mask.js';

export interface Unexpected {
  /** Where it was noticed: the module and what it was doing ('checkpoint-parts finalizer'). */
  where: string;
  /** The error's code (EBADF) or name. */
  code: string;
  message: string;
}

type Listener = (u: Unexpected) => void;

let listener: Listener | null = null;
const kept: Unexpected[] = [];
const KEEP = 20;

/** Notes an error the caller recovers from; never throws. */
export function noteUnexpected(where: string, err: unknown): void {
  const e = err as { code?: unknown; name?: unknown; message?: unknown } | null;
  const u: Unexpected = {
    where,
    code: typeof e?.code === 'string' ? e.code : typeof e?.name === 'string' ? e.name : 'Error',
    // A thread given up says what its error said (io/threads.ts), which may quote a value it read: masked, as every
    // text shown (no full ID number in any log or terminal output).
    message: redactIdNumbers(typeof e?.message === 'string' ? e.message : String(err)),
  };
  try {
    if (listener) listener(u);
    else if (kept.length < KEEP) kept.push(u);
  } catch {
    // A listener that fails (a closed stderr) changes nothing of the command.
  }
}

/** Sets the listener (null: none), which first gets what was kept meanwhile. */
export function listenUnexpected(l: Listener | null): void {
  listener = l;
  if (!l) return;
  for (const u of kept.splice(0)) noteUnexpected(u.where, u);
}

/** What was noted with no listener, taken (for tests). */
export function takeUnexpected(): Unexpected[] {
  return kept.splice(0);
}
