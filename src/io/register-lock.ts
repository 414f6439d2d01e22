/**
 * The register's lock, register/.lock (register.md "Durability and sharing"): the file holds host,
 * pid and start time, and is refreshed while held. On the same host a lock whose process no longer
 * runs is taken over at once; another host's lock only after it has gone unrefreshed for 30 s, never
 * because its pid is unknown here. Writers wait briefly, then fail with REGISTER_LOCKED (exit 2).
 *
 * Written against the small `RegisterLock` interface so that it can move onto the shared lock of
 * src/io/lock.ts once that one follows the same rule (the package lock of compile, ibid.).
 */
import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { ToolError } from '../api/errors.js';
import { onInterrupt } from './cleanup.js';
import { alive } from './lock.js';

export interface RegisterLock {
  release(): void;
}

export interface LockOptions {
  /** How long a writer waits for another one before REGISTER_LOCKED. */
  waitMs?: number;
  /** A lock of another host that has not been refreshed for this long is abandoned. */
  staleMs?: number;
  refreshMs?: number;
  host?: string;
}

interface Holder {
  host?: string;
  pid?: number;
  start?: string;
  since?: string;
  refreshed?: string;
}

export const DEFAULT_LOCK_WAIT_MS = 3000;
export const STALE_MS = 30_000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const processStart = new Date(Date.now() - Math.round(process.uptime() * 1000)).toISOString();

function readHolder(path: string): { holder: Holder; text: string; mtimeMs: number } | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    const mtimeMs = statSync(path).mtimeMs;
    let holder: Holder = {};
    try {
      holder = JSON.parse(text) as Holder;
    } catch {
      // Being written right now, or garbage: judged by its age alone.
    }
    return { holder, text, mtimeMs };
  } catch {
    return undefined;
  }
}

export async function acquireRegisterLock(path: string, options: LockOptions = {}): Promise<RegisterLock> {
  const host = options.host ?? hostname();
  const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
  const staleMs = options.staleMs ?? STALE_MS;
  const deadline = Date.now() + waitMs;
  let last: Holder = {};
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      const since = new Date().toISOString();
      const content = (): string => JSON.stringify({ host, pid: process.pid, start: processStart, since, refreshed: new Date().toISOString() });
      writeSync(fd, content());
      closeSync(fd);
      let released = false;
      const timer = setInterval(() => {
        try {
          writeFileSync(path, content());
        } catch {
          // A share that went away: the next write reports it.
        }
      }, options.refreshMs ?? 10_000);
      timer.unref();
      const release = (): void => {
        if (released) return;
        released = true;
        clearInterval(timer);
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
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new ToolError('WRITE_FAILED', { problem: code ?? 'lock', path: 'register/.lock' });
    }
    const seen = readHolder(path);
    if (seen) {
      last = seen.holder;
      const sameHost = seen.holder.host === host;
      const stale = sameHost && seen.holder.pid !== undefined ? !alive(seen.holder.pid) : Date.now() - seen.mtimeMs > staleMs;
      if (stale && takeOver(path, seen.text)) continue;
    }
    if (Date.now() >= deadline) throw new ToolError('REGISTER_LOCKED', { host: last.host ?? '?', pid: last.pid ?? '?', since: last.since ?? '?' });
    await sleep(50);
  }
}

/**
 * Moves a stale lock aside. A rename succeeds for one process only; if what was moved is not the
 * lock judged stale (another writer took over in between), it is put back.
 */
function takeOver(path: string, staleText: string): boolean {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return false;
  }
  let moved = '';
  try {
    moved = readFileSync(aside, 'utf8');
  } catch {
    // fall through: treat as what we judged
    moved = staleText;
  }
  if (moved !== staleText) {
    try {
      renameSync(aside, path);
    } catch {
      // Someone holds a newer lock already; the moved one is theirs to lose, ours to drop.
    }
    return false;
  }
  rmSync(aside, { force: true });
  return true;
}
