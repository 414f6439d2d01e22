/**
 * The register's lock, register/.lock (register.md "Durability and sharing"): the shared lock of
 * src/io/lock.ts (host, pid, start time, refreshed while held; another host's lock taken over only
 * after 30 s unrefreshed, this host's as soon as its process is gone), under the register's own file
 * name and error: a writer that waited in vain fails with REGISTER_LOCKED (exit 2).
 */
import { ToolError } from '../../diagnostics/tool-error.js';
import type { LockOptions as SharedLockOptions } from '../lock.js';
import { nodePort } from '../node-port.js';
import type { IoPort } from '../port.js';

export interface RegisterLock {
  /** Throws REGISTER_LOCKED when another writer has taken the lock over meanwhile (a stalled share). */
  assertHeld(): void;
  release(): void;
}

export type LockOptions = Omit<SharedLockOptions, 'file'>;

export const REGISTER_LOCK_FILE = '.lock';

function asRegisterLocked(err: unknown): unknown {
  if (err instanceof ToolError && err.code === 'LOCK_HELD')
    return new ToolError('REGISTER_LOCKED', { host: err.args.host ?? '?', pid: err.args.pid ?? '?', since: err.args.since ?? '?' });
  return err;
}

/** Takes register/.lock in `dir` (the register folder), on the port (io/lock.ts on Node's). */
export async function acquireRegisterLock(dir: string, options: LockOptions = {}, io: IoPort = nodePort): Promise<RegisterLock> {
  let lock;
  try {
    lock = await io.lock(dir, { ...options, file: REGISTER_LOCK_FILE });
  } catch (err) {
    throw asRegisterLocked(err);
  }
  const held = lock;
  return {
    assertHeld() {
      try {
        held.assertHeld();
      } catch (err) {
        throw asRegisterLocked(err);
      }
    },
    release: () => held.release(),
  };
}
