/**
 * Work to undo if the process is interrupted (Ctrl-C, kill): temporary folders and the lock. The
 * CLI's bin/ runs these on SIGINT/SIGTERM; a SIGKILL leaves them to the next run's recovery.
 */
import { rmSync } from 'node:fs';

const tasks = new Set<() => void>();

/** A temporary file removed if the process is interrupted while it exists; call the result once it is gone or renamed. */
export function removeOnInterrupt(path: string): () => void {
  return onInterrupt(() => rmSync(path, { force: true }));
}

export function onInterrupt(task: () => void): () => void {
  tasks.add(task);
  return () => tasks.delete(task);
}

export function runInterruptTasks(): void {
  for (const t of [...tasks].reverse()) {
    try {
      t();
    } catch {
      // Best effort: the next run recovers what is left.
    }
  }
  tasks.clear();
}
