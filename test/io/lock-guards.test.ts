// The lock's guards (issue 18): its refresh timer, a same-host lock judged by its holder's boot and
// start (pid reuse; pid 1, 0, −1), another host's lock with a time in the future, and a lock that is
// not a regular file (a dangling link busy-looped, a FIFO blocked beyond Ctrl-C).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { acquireLock, LOCK_FILE, STALE_MS } from '../../src/io/lock.js';
import { bootId, startTicks } from '../../src/io/process-start.js';
import { ToolError } from '../../src/diagnostics/tool-error.js';
import { messagesFor, renderToolError } from '../../src/messages/index.js';
import { ROOT, cleanup, tempDir } from '../helpers/cases.js';

let tmp: string;
let n = 0;
beforeAll(() => {
  tmp = tempDir('lock-guards');
});
afterAll(() => cleanup(tmp));

function folder(): string {
  const dir = join(tmp, `d${++n}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function writeLock(dir: string, holder: Record<string, unknown>, mtime = Date.now()): void {
  const path = join(dir, LOCK_FILE);
  writeFileSync(path, JSON.stringify(holder));
  utimesSync(path, new Date(mtime), new Date(mtime));
}

async function heldBy(dir: string): Promise<string> {
  try {
    const lock = await acquireLock(dir, { waitMs: 0 });
    lock.release();
    return 'taken';
  } catch (err) {
    return (err as { code?: string }).code ?? 'error';
  }
}

describe('the refresh timer', () => {
  it('touches the lock every refreshMs while held, and stops once the lock is released or no longer ours', async () => {
    const dir = folder();
    const path = join(dir, LOCK_FILE);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    try {
      const t0 = Date.parse('2030-01-01T00:00:00Z');
      vi.setSystemTime(t0);
      const lock = await acquireLock(dir, { waitMs: 0, refreshMs: 1000 });
      const created = statSync(path).mtimeMs;
      vi.advanceTimersByTime(999);
      expect(statSync(path).mtimeMs).toBe(created);
      vi.advanceTimersByTime(1);
      expect(statSync(path).mtimeMs).toBe(t0 + 1000);
      vi.advanceTimersByTime(1000);
      expect(statSync(path).mtimeMs).toBe(t0 + 2000);
      // Another writer took it over: the timer no longer touches their lock.
      const theirs = JSON.stringify({ host: 'HRSS-PC09', pid: 4242, since: 'x', token: 'theirs' });
      writeFileSync(path, theirs);
      utimesSync(path, new Date(t0), new Date(t0));
      vi.advanceTimersByTime(5000);
      expect(statSync(path).mtimeMs).toBe(t0);
      lock.release();
      expect(readFileSync(path, 'utf8')).toBe(theirs);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a lock of this host is judged by its holder', () => {
  const host = hostname();
  const boot = bootId();
  const start = startTicks(process.pid);
  const linux = boot !== undefined && start !== undefined;
  const now = new Date().toISOString();

  it("records the holder's boot and start where the system tells them", async () => {
    const dir = folder();
    const lock = await acquireLock(dir, { waitMs: 0 });
    const holder = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'));
    lock.release();
    expect(holder).toMatchObject({ host, pid: process.pid });
    if (linux) expect(holder).toMatchObject({ boot, start });
  });

  const stale: [string, Record<string, unknown>][] = [
    ['pid 0 (kill(0) signals the whole group)', { pid: 0, since: now }],
    ['pid −1 (kill(−1) signals every process)', { pid: -1, since: now }],
    ['pid 1 (init) without a recorded start', { pid: 1, since: now }],
    ['pid 1.5', { pid: 1.5, since: now }],
    [
      'a live pid, the lock taken before this machine last started',
      { pid: process.pid, since: new Date(Date.now() - uptime() * 1000 - 10 * 60_000).toISOString() },
    ],
  ];
  if (linux) {
    stale.push([
      'a live pid that started at another time than the lock records (pid reused)',
      { pid: process.pid, since: now, boot, start: (start as number) + 1 },
    ]);
    stale.push([
      'a live pid, the lock from another boot',
      { pid: process.pid, since: now, boot: '00000000-0000-0000-0000-000000000000', start },
    ]);
    stale.push([
      'pid 1 with another boot',
      { pid: 1, since: now, boot: '00000000-0000-0000-0000-000000000000', start: startTicks(1) ?? 1 },
    ]);
    // A lock without marks, taken before the process now holding its pid started (an older version's lock).
    const processStart = Date.now() - process.uptime() * 1000;
    const bootAt = Date.now() - uptime() * 1000;
    if (processStart - bootAt > 3 * 60_000)
      stale.push([
        'a live pid that started after the lock was taken (no marks)',
        { pid: process.pid, since: new Date(processStart - 90_000).toISOString() },
      ]);
  }
  for (const [what, holder] of stale) {
    it(`${what}: stale, taken over at once`, async () => {
      const dir = folder();
      writeLock(dir, { host, token: 'old', ...holder });
      expect(await heldBy(dir)).toBe('taken');
    });
  }

  it('a live holder is respected: its marks match, or (no marks) it ran before the lock was taken', async () => {
    const dir = folder();
    writeLock(dir, { host, pid: process.pid, since: now, token: 'x', ...(linux ? { boot, start } : {}) }, Date.now() - 10 * STALE_MS);
    expect(await heldBy(dir)).toBe('LOCK_HELD');
    const old = folder();
    writeLock(old, { host, pid: process.pid, since: now, token: 'x' }, Date.now() - 10 * STALE_MS);
    expect(await heldBy(old)).toBe('LOCK_HELD');
  });

  it('the message of a held lock (register, compile) says how to clear a stale one', () => {
    for (const [code, file] of [
      ['REGISTER_LOCKED', 'register/.lock'],
      ['LOCK_HELD', 'packages/.hrss-credit.lock'],
    ] as const) {
      const err = new ToolError(code, { host: 'HRSS-PC07', pid: 4242, since: now });
      for (const lang of ['zh-CN', 'en'] as const) {
        const text = renderToolError(messagesFor(lang), err);
        expect(text, `${code} ${lang}`).toContain(file);
        expect(text, `${code} ${lang}`).toContain('30');
      }
    }
  });
});

describe("another host's lock with a time in the future", () => {
  const cases: [string, number, string][] = [
    ['a year ahead (a PC with a wrong clock)', 365 * 24 * 3600_000, 'taken'],
    ['more than 30 s ahead', STALE_MS + 10_000, 'taken'],
    ['10 s ahead (clocks a little apart)', 10_000, 'LOCK_HELD'],
    ['10 s behind', -10_000, 'LOCK_HELD'],
  ];
  for (const [what, ahead, expected] of cases) {
    it(`${what}: ${expected}`, async () => {
      const dir = folder();
      writeLock(dir, { host: 'HRSS-PC09', pid: 4242, since: new Date().toISOString(), token: 'x' }, Date.now() + ahead);
      expect(await heldBy(dir)).toBe(expected);
    });
  }
});

/** acquireLock in a process of its own (a lock that hangs must not hang the test worker): its answer, or 'hung'. */
function acquireElsewhere(dir: string): Promise<string> {
  const script = `import { acquireLock } from ${JSON.stringify(join(ROOT, 'dist', 'io', 'lock.js'))};
try { const l = await acquireLock(${JSON.stringify(dir)}, { waitMs: 300 }); l.release(); console.log('taken'); }
catch (err) { console.log(err?.code ?? 'error'); }`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 'hung' : out.trim());
    });
  });
}

// No mkfifo on Windows, and links there need rights a clerk's PC does not give.
describe.skipIf(process.platform === 'win32')('a lock that is not a regular file', () => {
  const kinds: [string, (path: string) => void][] = [
    ['a dangling link', (p) => symlinkSync(join(tmp, 'nowhere', 'gone'), p)],
    [
      'a link to a file',
      (p) => {
        const target = join(tmp, `target-${n}`);
        writeFileSync(target, JSON.stringify({ host: 'x', pid: 1, token: 't' }));
        symlinkSync(target, p);
      },
    ],
    ['a FIFO', (p) => execFileSync('mkfifo', [p])],
    ['a folder', (p) => mkdirSync(p)],
  ];
  for (const [what, make] of kinds) {
    it(`${what}: refused at once with LOCK_NOT_FILE, never a hang`, async () => {
      const dir = folder();
      make(join(dir, LOCK_FILE));
      expect(await acquireElsewhere(dir)).toBe('LOCK_NOT_FILE');
    });
  }
});
