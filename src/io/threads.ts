/**
 * The second threads a command begins beside its own — the log checked while it is parsed (register/log-check.ts),
 * compile's 共享 workbook (xlsx/workbook-thread.ts), register list's records (cli/list-split.ts), a province's 台账's
 * sheet pieces (xlsx/sheet-thread.ts) — and the one rule they share (docs/decisions.md "A second thread: one rule to
 * begin it, one to give it up"): asked for by an environment variable (on / off) or else by the command's own test;
 * begun with its output kept off the user's screen; and a thread that cannot start, fails or stops moving is given
 * up — the command does its work in its own thread, the same bytes — and said so under --debug
 * (diagnostics/unexpected.ts), where it was silent.
 */
import type { Worker } from 'node:worker_threads';
import { noteUnexpected } from '../diagnostics/unexpected.js';

/** HRSS_CREDIT_<…>_THREAD's `asked`: `on` always, `off` never; else `auto()` decides. */
export function threadWanted(asked: string | undefined, auto: () => boolean): boolean {
  if (asked === 'off') return false;
  if (asked === 'on') return true;
  return auto();
}

/**
 * The thread `make` begins (its `new Worker(new URL('./x-worker.js', import.meta.url), …)` written at the caller:
 * scripts/release.mjs rewrites that text for the release bundle), or undefined when it cannot start (noted). An error
 * it raises later is noted, never thrown: `onError` then tells the caller, which gives it up. `unref`: the process
 * need not wait for it (a caller that waits for it synchronously, or stops it when done).
 */
export function startThread(what: string, make: () => Worker, options: { unref?: boolean; onError?: () => void } = {}): Worker | undefined {
  try {
    const worker = make();
    if (options.unref) worker.unref();
    worker.on('error', (err) => {
      noteUnexpected(what, err);
      options.onError?.();
    });
    return worker;
  } catch (err) {
    noteUnexpected(what, err);
    return undefined;
  }
}

/** How a thread was given up: it said it failed (why), or it posted nothing for `ms`. */
export type GivenUp = { failed: string } | { stalledMs: number };

/** A thread given up: its work is done in this thread; --debug says so (what it said, or how long it stalled). */
export function threadGivenUp(what: string, how: GivenUp): void {
  if ('failed' in how) noteUnexpected(what, { code: 'THREAD_FAILED', message: how.failed });
  else noteUnexpected(what, { code: 'THREAD_STALLED', message: `nothing for ${how.stalledMs} ms` });
}

/** The message of what a thread caught, to post before it ends (threadGivenUp's `failed`). */
export function failureOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
