/** Who writes to the register, from where and when (register.md: every writing command names who did it). */
import { hostname, userInfo } from 'node:os';
import type { Author } from '../../register/events.js';

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

/** An instant as Beijing time, to the second: `2026-10-15T09:30:00+08:00`. */
export function beijingInstant(now: Date): string {
  return `${new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** `--by`, else HRSS_CREDIT_USER (the CLI passes both as `by`), else the config's clerk, else the OS user. */
export function resolveAuthor(by: string | undefined, clerk: string | undefined, now: Date): Author {
  const name = [by, clerk, osUser()].map((s) => s?.trim() ?? '').find((s) => s !== '') ?? 'unknown';
  return { at: beijingInstant(now), by: name, host: hostname() };
}
