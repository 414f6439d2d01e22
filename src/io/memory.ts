/**
 * Gives memory back between two large phases of one command. compile lets a province's register
 * (~600 MB of records) go before it makes the workbooks; V8 would collect it only once the heap had
 * grown by as much again (1.3 GB peak, over register.md's 1 GB). One full collection there costs
 * ~0.1 s and keeps the peak to the larger phase. V8 offers it only through its `gc` function, exposed
 * here for this one call; nothing else changes.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

export function collectGarbage(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}

/**
 * collectGarbage once the job running now has ended. A value an `await` resumed a function with stays on the stack
 * of that job (the promise job's frames) until it ends, whatever the function does with its own variable: compile
 * let a province's register go (`loaded = undefined`) in the job its `await loadRegisterPausing` resumed, and a
 * collection there freed nothing of it (~70 MiB of checkpoint parts kept through the workbooks' writing).
 */
export async function collectGarbageAfterJob(): Promise<void> {
  await Promise.resolve();
  collectGarbage();
}
