/**
 * One compile at a time per packages folder: a lock file created exclusively (`wx`), holding the
 * host, pid, start time and a random token, and refreshed (its mtime touched) while held.
 *
 * The folder often lives on a Windows share used from two PCs (register.md "Durability and
 * sharing", which the package lock follows): a lock of another host is stale only when it has gone
 * unrefreshed for 30 s — a pid says nothing about another machine; a lock of this host is stale as
 * soon as its process no longer runs. A stale lock is taken over under a short-lived guard file
 * (itself created with `wx`): the contender holding the guard looks again, renames the stale lock
 * aside to a unique name and only then creates its own with `wx`, so exactly one contender wins
 * (docs/decisions.md "The compile lock").
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ToolError } from '../diagnostics/tool-error.js';
import { onInterrupt } from './cleanup.js';
import { beforeAccess } from './faults.js';
import { placeNew } from './place-new.js';
import { bootedAt, bootId, ownMark, startTicks } from './process-start.js';
import { readRegular } from './regular-file.js';
import type { PortLock, PortLockOptions } from './port.js';

export const LOCK_FILE = '.hrss-credit.lock';

/** A lock of another host unrefreshed for this long is stale (register.md: 30 s). */
export const STALE_MS = 30_000;
/** How often a held lock is refreshed: well inside STALE_MS, even on a slow share. */
export const REFRESH_MS = 7_000;
/**
 * A lock of this host without the marks of its holder (an older version's): taken before the machine
 * last started (with this much allowance for the uptime's rounding and clock adjustments) it is stale.
 */
export const BOOT_SKEW_MS = 60_000;

/** Whether a process still runs (a lock or temporary folder of a dead one is stale). */
export function alive(pid: number): boolean {
  // kill(0) and kill(-1) signal a whole group or every process: they say nothing of one process.
  if (!Number.isSafeInteger(pid) || pid < 1) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A lock held: the port's (io/port.ts); Node's refresh also touches the lock file's mtime (every REFRESH_MS by a timer). */
export type Lock = PortLock;

/** How a lock is taken: the port's options (io/port.ts), one definition for both ports. */
export type LockOptions = PortLockOptions;

interface Holder {
  host?: string;
  pid?: number;
  since?: string;
  token?: string;
  /** The holder's boot id and start in ticks since boot (Linux; process-start.ts). */
  boot?: string;
  start?: number;
}

// A FIFO must not block the open, a link is not followed (the lock is always a file we created).
const READ_LOCK = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

function kindOf(st: Stats): string {
  return st.isSymbolicLink() ? 'link' : st.isFIFO() ? 'FIFO' : st.isDirectory() ? 'folder' : st.isSocket() ? 'socket' : 'device';
}

interface Seen {
  holder: Holder | undefined;
  ino: number;
  mtimeMs: number;
}

/**
 * What lies at `path` now; undefined when nothing does. Something other than a regular file (a link —
 * dangling ones made this loop for ever —, a FIFO, which blocked the open beyond Ctrl-C) is LOCK_NOT_FILE.
 */
function look(path: string): Seen | undefined {
  let lst: Stats;
  try {
    lst = lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  if (!lst.isFile()) throw new ToolError('LOCK_NOT_FILE', { path, kind: kindOf(lst) });
  let fd: number;
  try {
    fd = openSync(path, READ_LOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP' || code === 'ENXIO') throw new ToolError('LOCK_NOT_FILE', { path, kind: code === 'ELOOP' ? 'link' : 'FIFO' });
    throw err;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new ToolError('LOCK_NOT_FILE', { path, kind: kindOf(st) });
    let holder: Holder | undefined;
    try {
      const parsed = JSON.parse(readFileSync(fd, 'utf8')) as unknown;
      if (parsed && typeof parsed === 'object') holder = parsed as Holder;
    } catch {
      // Being written right now, or garbage: judged by its age alone.
    }
    return { holder, ino: st.ino, mtimeMs: st.mtimeMs };
  } finally {
    closeSync(fd);
  }
}

/**
 * The staleness rules (docs/decisions.md "The lock: when it is stale"). This host's lock is judged by
 * its holder: stale when the pid is no process (0, −1, not a number), no longer runs, or now names
 * another process — another boot or another start than the lock records (Linux), or, for a lock that
 * records neither, a lock taken before this machine last started, a process started after the lock was
 * taken, or pid 1 (init: never a hrss-credit without a recorded start). Another host's lock is judged by
 * its refresh time alone: stale when more than `staleMs` away from this PC's clock, in either direction
 * (a time far in the future is another PC's wrong clock, not a fresh lock).
 */
function isStale(seen: Seen, host: string, now: number, staleMs: number): boolean {
  const h = seen.holder;
  // A lock without a host was written by an older version on this machine.
  if (h && typeof h.pid === 'number' && (h.host === undefined || h.host === host)) return !holderRuns(h as Holder & { pid: number });
  return Math.abs(now - seen.mtimeMs) > staleMs;
}

/** Whether the process a lock of this host names is still the one that took it. */
function holderRuns(h: Holder & { pid: number }): boolean {
  if (!alive(h.pid)) return false;
  const boot = bootId();
  if (typeof h.boot === 'string' && boot !== undefined) {
    if (h.boot !== boot) return false;
    if (typeof h.start === 'number') return startTicks(h.pid) === h.start;
  }
  // No marks recorded (an older version, or a system without /proc): judged by the lock's own time.
  const since = typeof h.since === 'string' ? Date.parse(h.since) : NaN;
  if (Number.isNaN(since)) return h.pid > 1;
  if (since < bootedAt() - BOOT_SKEW_MS) return false;
  const ticks = startTicks(h.pid);
  if (ticks !== undefined && boot !== undefined && startedAfter(ticks, since)) return false;
  return h.pid > 1;
}

/** Whether a process that started `ticks` after boot started after the instant `since` (plus allowance). */
function startedAfter(ticks: number, since: number): boolean {
  // USER_HZ is 100 on every Linux that Node runs on.
  return bootedAt() + ticks * 10 > since + BOOT_SKEW_MS / 12;
}

const sameLock = (a: Seen, b: Seen): boolean => a.ino === b.ino && a.holder?.token === b.holder?.token && a.mtimeMs === b.mtimeMs;

function asideName(path: string, host: string): string {
  return `${path}.stale-${host.replace(/[^\w.-]/g, '_')}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * Creates `path` exclusively with `content`; false when it exists already. The content is written to
 * a private file first and hard-linked into place (link fails when the target exists, like `wx`), so
 * a process killed at any moment never leaves a half-written lock that others would have to respect
 * for 30 s. Where the file system has no hard links (some shares), an exclusive create and a copy (io/place-new.ts).
 */
function createExclusive(path: string, content: string): boolean {
  beforeAccess(path);
  const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, content, { flag: 'wx' });
    return placeNew(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Takes over the stale lock `judged` when no other contender is doing so; true when the lock file
 * was moved aside (the caller then races for a fresh one with `wx`).
 */
function takeOver(path: string, judged: Seen, host: string, now: number, staleMs: number): boolean {
  const guard = `${path}.takeover`;
  if (!createExclusive(guard, JSON.stringify({ host, pid: process.pid }))) {
    // A contender that died holding the guard (a window of microseconds) must not block for ever.
    const g = look(guard);
    if (g && isStale(g, host, now, staleMs)) {
      try {
        renameSync(guard, asideName(guard, host));
      } catch {
        // Another contender cleared it first.
      }
    }
    return false;
  }
  try {
    const again = look(path);
    if (!again) return true;
    if (!sameLock(again, judged)) return false;
    const aside = asideName(path, host);
    renameSync(path, aside);
    rmSync(aside, { force: true });
    return true;
  } finally {
    rmSync(guard, { force: true });
  }
}

/** Takes the lock of a packages folder; released on release(), and on Ctrl-C or a kill signal. */
export async function acquireLock(dir: string, options: LockOptions = {}): Promise<Lock> {
  const waitMs = options.waitMs ?? 3000;
  const staleMs = options.staleMs ?? STALE_MS;
  const now = options.now ?? Date.now;
  const host = options.host ?? hostname();
  try {
    beforeAccess(dir);
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new ToolError('PATH_NOT_FOLDER', { path: dir });
    throw new ToolError('WRITE_FAILED', { problem: code ?? 'mkdir', path: dir });
  }
  const path = join(dir, options.file ?? LOCK_FILE);
  const token = randomBytes(12).toString('hex');
  const content = JSON.stringify({ host, pid: process.pid, since: new Date(now()).toISOString(), token, ...ownMark() });
  const deadline = Date.now() + waitMs;
  // A file-system error on the way (EACCES, EROFS on a read-only share) is WRITE_FAILED naming the folder.
  const io = <T>(f: () => T): T => {
    try {
      return f();
    } catch (err) {
      if (err instanceof ToolError) throw err;
      throw new ToolError('WRITE_FAILED', { problem: (err as NodeJS.ErrnoException).code ?? 'lock', path: dir });
    }
  };
  for (;;) {
    if (io(() => createExclusive(path, content))) return holdLock(path, token, options.refreshMs ?? REFRESH_MS);
    const seen = io(() => look(path));
    if (!seen) {
      // Gone between the two looks (its holder released it): try again — within the same deadline.
      if (Date.now() >= deadline) throw new ToolError('LOCK_HELD', { pid: '?', since: '?', host });
      await sleep(10);
      continue;
    }
    if (isStale(seen, host, now(), staleMs) && io(() => takeOver(path, seen, host, now(), staleMs))) continue;
    if (Date.now() >= deadline) {
      const h = seen.holder ?? {};
      throw new ToolError('LOCK_HELD', { pid: h.pid ?? '?', since: h.since ?? '?', host: h.host ?? host });
    }
    await sleep(150);
  }
}

function holdLock(path: string, token: string, refreshMs: number): Lock {
  const ours = (): boolean => {
    const bytes = readRegular(path);
    if (typeof bytes === 'string') return false;
    try {
      return (JSON.parse(bytes.toString('utf8')) as Holder).token === token;
    } catch {
      return false;
    }
  };
  let released = false;
  const refresh = (): boolean => {
    if (released || !ours()) return false;
    const t = new Date();
    try {
      utimesSync(path, t, t);
      return true;
    } catch {
      return false;
    }
  };
  const timer = setInterval(refresh, refreshMs);
  timer.unref();
  const release = (): void => {
    if (released) return;
    clearInterval(timer);
    // Never remove a lock that another compile has taken over in the meantime.
    if (ours()) rmSync(path, { force: true });
    released = true;
  };
  const forget = onInterrupt(release);
  return {
    refresh,
    assertHeld() {
      if (refresh()) return;
      const h = look(path)?.holder ?? {};
      throw new ToolError('LOCK_HELD', { pid: h.pid ?? '?', since: h.since ?? '?', ...(h.host ? { host: h.host } : {}) });
    },
    release() {
      forget();
      release();
    },
  };
}
