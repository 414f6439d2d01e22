/**
 * One compile at a time per packages folder: a lock file created exclusively, holding the pid.
 * A lock left by a process that no longer runs (killed, power cut) is stale and taken over.
 */
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { ToolError } from '../api/errors.js';
import { onInterrupt } from './cleanup.js';

export const LOCK_FILE = '.hrss-credit.lock';

/** Whether a process still runs (a lock or temporary folder of a dead one is stale). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface Lock {
  release(): void;
}

/** Takes the lock of a packages folder; released on release(), and on Ctrl-C or a kill signal. */
export async function acquireLock(dir: string, waitMs = 3000): Promise<Lock> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
      const forget = onInterrupt(release);
      return {
        release() {
          forget();
          release();
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new ToolError('WRITE_FAILED', { problem: (err as NodeJS.ErrnoException).code ?? 'lock', path: dir });
    }
    let holder: { pid?: number; since?: string } = {};
    try {
      holder = JSON.parse(readFileSync(path, 'utf8')) as typeof holder;
    } catch {
      // Being written right now, or garbage: look again shortly.
    }
    if (holder.pid !== undefined && !alive(holder.pid)) {
      rmSync(path, { force: true });
      continue;
    }
    if (Date.now() >= deadline) throw new ToolError('LOCK_HELD', { pid: holder.pid ?? '?', since: holder.since ?? '?' });
    await sleep(150);
  }
}
