/**
 * What tells a process apart from a later one that got the same pid (a lock of this host names its
 * holder's pid; after a crash and a reboot, or after long enough, the pid is some other process's).
 * On Linux: the boot's id (/proc/sys/kernel/random/boot_id) and the process's start in clock ticks
 * since boot (/proc/PID/stat field 22) — exact, and no clock is involved. Elsewhere (Windows, macOS)
 * none of this can be read without starting a program, and only the boot instant (os.uptime) is known.
 */
import { readFileSync } from 'node:fs';
import { uptime } from 'node:os';

/** A process's identity beyond its pid; fields absent where the system does not tell them. */
export interface ProcessMark {
  boot?: string;
  start?: number;
}

function readSmall(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The current boot's id (Linux), else undefined. */
export function bootId(): string | undefined {
  return readSmall('/proc/sys/kernel/random/boot_id')?.trim() || undefined;
}

/** The start of process `pid` in clock ticks since boot (Linux /proc/PID/stat), else undefined. */
export function startTicks(pid: number): number | undefined {
  if (!Number.isSafeInteger(pid) || pid < 1) return undefined;
  const stat = readSmall(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // The command name (field 2) is in parentheses and may hold spaces and parentheses: count from the last `)`.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[19]); // field 22, the third field being fields[0]
  return Number.isSafeInteger(ticks) ? ticks : undefined;
}

/** This process's mark, recorded in the locks it takes. */
export function ownMark(): ProcessMark {
  const boot = bootId();
  const start = startTicks(process.pid);
  return { ...(boot ? { boot } : {}), ...(start !== undefined ? { start } : {}) };
}

/** When this machine last started (ms since the epoch), from its uptime: known on every system. */
export function bootedAt(now: number = Date.now()): number {
  return now - uptime() * 1000;
}
