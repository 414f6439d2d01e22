/**
 * Fault injection for the register's crash tests (HRSS_CREDIT_FAULT, read at each call so that an
 * in-process test can set it; never set in normal use):
 * - `register-hold:<file>`: once the lock is held, wait until <file> exists (a second writer meets a held lock);
 * - `register-torn:<n>`: write only the first n bytes of the event's line, then die as a power cut would;
 * - `register-enospc:<n>`: write only the first n bytes of the event's line, then fail as a full disk does.
 */
// The hold's file is the test's signal on the real disk (not the workspace's port): node:fs reads it.
import { existsSync } from 'node:fs';
import type { AppendHandle } from '../port.js';

const spec = (): string => process.env.HRSS_CREDIT_FAULT ?? '';

export function registerFault(point: 'locked'): Promise<void>;
export function registerFault(point: 'write', out: AppendHandle, line: Buffer): void;
export function registerFault(point: 'locked' | 'write', out?: AppendHandle, line?: Buffer): Promise<void> | void {
  if (point === 'locked') {
    const m = /register-hold:([^,]+)/.exec(spec());
    if (!m) return Promise.resolve();
    const file = m[1] as string;
    return new Promise((resolve) => {
      const t = setInterval(() => {
        if (existsSync(file)) {
          clearInterval(t);
          resolve();
        }
      }, 20);
    });
  }
  const m = /register-torn:(\d+)/.exec(spec());
  if (m && out !== undefined && line) {
    out.write(line, 0, Math.min(Number(m[1]), line.length));
    process.kill(process.pid, 'SIGKILL');
  }
  const full = /register-enospc:(\d+)/.exec(spec());
  if (full && out !== undefined && line) {
    out.write(line, 0, Math.min(Number(full[1]), line.length));
    throw Object.assign(new Error('ENOSPC: injected fault, write'), { code: 'ENOSPC', syscall: 'write' });
  }
}
