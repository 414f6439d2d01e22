/** Whether a second thread would find a processor free: the one rule of the two commands that start one. */
import { availableParallelism, loadavg } from 'node:os';

/**
 * The last minute's load is under the processors less `reserve`. The log hashed beside start-up (cli/early-log.ts)
 * keeps none in reserve; the log read and checked on a second thread (io/register/log-check.ts) half a processor, as
 * its thread moves work rather than saving it (decisions.md "register verify on two cores").
 */
export function processorFree(reserve: number): boolean {
  return (loadavg()[0] ?? 0) < availableParallelism() - reserve;
}
