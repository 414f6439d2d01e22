/** How many threads a command may use: the one rule of the commands that start one. */
import { availableParallelism, loadavg } from 'node:os';

/**
 * The last minute's load is under the processors less `reserve`. The log hashed beside start-up (cli/early-log.ts)
 * keeps none in reserve: a thread begun for every command that reads the register, its work a short head start.
 */
export function processorFree(reserve: number): boolean {
  return (loadavg()[0] ?? 0) < availableParallelism() - reserve;
}

/**
 * A processor free beside this thread: two or more, the last minute's load under their number (processorFree(0)).
 * The rule of a second thread whose work only moves off this one — compile's 共享 workbook (xlsx/workbook-thread.ts),
 * register list's records (cli/list-split.ts, which also needs the early hash, begun by the same rule) — where on a
 * busy machine its start and copies are only added (docs/decisions.md "A second thread: one rule to begin it, one
 * to give it up").
 */
export function processorFreeBeside(): boolean {
  return availableParallelism() > 1 && processorFree(0);
}

/**
 * Whether a second thread can shorten a long wait the user sits through (the log read and checked beside the parse:
 * io/register/log-check.ts): on two processors or more, whatever the load. A scheduler that shares the processors
 * per runnable thread (Windows'; Linux's within a session) gives a second thread its own share on a busy machine too,
 * so the command ends sooner while the other programs lose about what its thread costs (decisions.md "register verify
 * on two cores, whatever the load"); a load average said only that the wait would be long, not that it could not be
 * shortened.
 */
export function secondThreadShortens(): boolean {
  return availableParallelism() > 1;
}
