// The compile lock (register.md "Durability and sharing", which the package lock follows): exactly
// one of many contenders takes over a stale lock; another host's lock is judged by its refresh
// time only, on an injected clock or a back-dated mtime (no test waits wall-clock seconds).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock, LOCK_FILE, STALE_MS } from '../../src/io/lock.js';
import { ROOT, cleanup, tempDir } from '../helpers/cases.js';

const DEAD_PID = 2 ** 22 + 12345;
let tmp: string;
beforeAll(() => {
  tmp = tempDir('lock');
});
afterAll(() => cleanup(tmp));

function folder(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function writeLock(dir: string, holder: Record<string, unknown>, ageMs = 0): string {
  const path = join(dir, LOCK_FILE);
  writeFileSync(path, JSON.stringify(holder));
  const t = new Date(Date.now() - ageMs);
  utimesSync(path, t, t);
  return path;
}

async function heldBy(dir: string, options: Parameters<typeof acquireLock>[1] = {}): Promise<string> {
  try {
    const lock = await acquireLock(dir, { waitMs: 0, ...options });
    lock.release();
    return 'taken';
  } catch (err) {
    return (err as { code?: string }).code ?? 'error';
  }
}

interface Contender {
  child: ChildProcessWithoutNullStreams;
  next(): Promise<string>;
}

function startContender(): Contender {
  const child = spawn(process.execPath, [join(ROOT, 'test', 'helpers', 'lock-contender.mjs')], { stdio: 'pipe' });
  const lines: string[] = [];
  const waiting: ((l: string) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (l) => {
    const w = waiting.shift();
    if (w) w(l);
    else lines.push(l);
  });
  return {
    child,
    next: () => (lines.length > 0 ? Promise.resolve(lines.shift()!) : new Promise((r) => waiting.push(r))),
  };
}

describe('the compile lock', () => {
  it("many contenders over a dead process's lock: exactly one wins, 30 trials in a row", async () => {
    const contenders = Array.from({ length: 6 }, startContender);
    try {
      expect(await Promise.all(contenders.map((c) => c.next()))).toEqual(Array(6).fill('ready'));
      for (let trial = 0; trial < 30; trial++) {
        const dir = folder(`race-${trial}`);
        writeLock(dir, { host: hostname(), pid: DEAD_PID, since: '2026-10-15T08:00:00Z', token: 'dead' });
        const at = Date.now() + 30;
        for (const c of contenders) c.child.stdin.write(`go ${dir} ${at}\n`);
        const answers = await Promise.all(contenders.map((c) => c.next()));
        expect(
          answers.filter((a) => a === 'won'),
          `trial ${trial}: ${answers.join(' ')}`,
        ).toHaveLength(1);
        expect(answers.filter((a) => a === 'lost')).toHaveLength(5);
        const winner = contenders[answers.indexOf('won')]!;
        winner.child.stdin.write('release\n');
        expect(await winner.next()).toBe('released');
        // Nothing left behind: no lock, no guard, no stale lock moved aside.
        expect(readdirSync(dir)).toEqual([]);
      }
    } finally {
      for (const c of contenders) c.child.stdin.end();
    }
  });

  it('records host, pid, start time and a token, and refresh() touches it while held', async () => {
    const dir = folder('record');
    const lock = await acquireLock(dir, { waitMs: 0 });
    const path = join(dir, LOCK_FILE);
    const held = JSON.parse(readFileSync(path, 'utf8'));
    expect(held).toMatchObject({ host: hostname(), pid: process.pid });
    expect(typeof held.since).toBe('string');
    expect(typeof held.token).toBe('string');
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(path, old, old);
    expect(lock.refresh()).toBe(true);
    expect(Date.now() - statSync(path).mtimeMs).toBeLessThan(STALE_MS);
    lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it("another host's lock refreshed recently is respected, even when its pid is unknown here", async () => {
    const dir = folder('other-host-fresh');
    writeLock(dir, { host: 'OTHER-PC', pid: DEAD_PID, since: '2026-10-15T08:00:00Z', token: 'x' }, 5_000);
    expect(await heldBy(dir)).toBe('LOCK_HELD');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).host).toBe('OTHER-PC');
  });

  it("another host's lock unrefreshed for more than 30 s is taken over (back-dated mtime)", async () => {
    const dir = folder('other-host-stale');
    writeLock(dir, { host: 'OTHER-PC', pid: process.pid, since: '2026-10-15T08:00:00Z', token: 'x' }, STALE_MS + 5_000);
    expect(await heldBy(dir)).toBe('taken');
  });

  it("judges another host's lock by the injected clock", async () => {
    const dir = folder('other-host-clock');
    writeLock(dir, { host: 'OTHER-PC', pid: process.pid, since: '2026-10-15T08:00:00Z', token: 'x' });
    expect(await heldBy(dir, { now: () => Date.now() + STALE_MS - 5_000 })).toBe('LOCK_HELD');
    expect(await heldBy(dir, { now: () => Date.now() + STALE_MS + 5_000 })).toBe('taken');
  });

  it("this host's lock of a live process is respected however old; of a dead one, taken at once", async () => {
    const live = folder('same-host-live');
    writeLock(live, { host: hostname(), pid: process.pid, since: new Date().toISOString(), token: 'x' }, 10 * STALE_MS);
    expect(await heldBy(live)).toBe('LOCK_HELD');
    const dead = folder('same-host-dead');
    writeLock(dead, { host: hostname(), pid: DEAD_PID, since: '2026-10-15T08:00:00Z', token: 'x' });
    expect(await heldBy(dead)).toBe('taken');
  });

  it('a half-written lock (no content yet) is respected until it is 30 s old', async () => {
    const dir = folder('empty');
    writeFileSync(join(dir, LOCK_FILE), '');
    expect(await heldBy(dir)).toBe('LOCK_HELD');
    expect(await heldBy(dir, { now: () => Date.now() + STALE_MS + 5_000 })).toBe('taken');
  });

  it('a release never removes a lock another compile has taken over meanwhile', async () => {
    const dir = folder('taken-over');
    const lock = await acquireLock(dir, { waitMs: 0 });
    writeLock(dir, { host: 'OTHER-PC', pid: 1, since: '2026-10-15T08:00:00Z', token: 'theirs' });
    expect(lock.refresh()).toBe(false);
    lock.release();
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).token).toBe('theirs');
  });

  it('a lock that cannot be written (read-only share) is WRITE_FAILED naming the folder', async () => {
    const dir = folder('read-only');
    process.env.HRSS_CREDIT_FAULT = `io:EROFS@${join(dir, LOCK_FILE)}`;
    try {
      await expect(acquireLock(dir, { waitMs: 0 })).rejects.toMatchObject({ code: 'WRITE_FAILED', args: { problem: 'EROFS', path: dir } });
    } finally {
      delete process.env.HRSS_CREDIT_FAULT;
    }
  });

  it('a packages folder that is a file is a clear error naming it', async () => {
    const file = join(folder('file-out'), 'not-a-folder');
    writeFileSync(file, 'x');
    await expect(acquireLock(file, { waitMs: 0 })).rejects.toMatchObject({ code: 'PATH_NOT_FOLDER', args: { path: file } });
  });
});

describe('a compile that lost its lock', () => {
  it('does not swap its package into place when another PC took the lock over meanwhile', async () => {
    const ws = join(tmp, 'lost-lock');
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
    const packages = join(ws, 'packages');
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'hrss-credit.js'), 'compile', '2026Q3', '-w', ws, '--today', '2026-10-15', '--format', 'json'],
      {
        env: { ...process.env, HRSS_CREDIT_FAULT: 'pause-before-swap' },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      },
    );
    let stdout = '';
    child.stdout?.on('data', (d) => (stdout += d));
    const done = new Promise<number | null>((r) => child.on('close', r));
    // Wait for the event: the whole package written in its temporary folder, the swap not yet done
    // (the fault hook says so over IPC and waits for our word).
    await new Promise<void>((resolve) => child.on('message', (m) => (m === 'paused-before-swap' ? resolve() : undefined)));
    expect(readdirSync(packages).some((n) => n.startsWith('.2026Q3.tmp-') && existsSync(join(packages, n, 'manifest.json')))).toBe(true);
    writeLock(packages, { host: 'OTHER-PC', pid: 4242, since: '2026-10-15T09:00:00Z', token: 'theirs' });
    child.send('go on');
    expect(await done).toBe(2);
    expect(JSON.parse(stdout).error.code).toBe('LOCK_HELD');
    expect(existsSync(join(packages, '2026Q3'))).toBe(false);
    expect(JSON.parse(readFileSync(join(packages, LOCK_FILE), 'utf8')).token).toBe('theirs');
  });
});
