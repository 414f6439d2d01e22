// A close that fails is noticed, not swallowed (round 32): checkpoint-parts.ts's finalizer and log-hash.ts's
// closeQuietly caught every error of a close and said nothing — what hid the double close that once aborted the
// process (docs/decisions.md "A descriptor closed twice aborts the process"). Now each goes to diagnostics/
// unexpected.ts, which --debug writes on stderr (never a crash, never a finding); without --debug nothing is shown.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CheckpointParts } from '../../src/register/checkpoint-parts.js';
import { crc32 } from '../../src/register/crc32.js';
import { listenUnexpected, noteUnexpected, takeUnexpected } from '../../src/diagnostics/unexpected.js';
import { dropEarlyLog, startLogHash } from '../../src/io/register/log-hash.js';
import { readLog } from '../../src/io/register/register-store.js';
import { run } from '../../src/cli/program.js';
import { chain } from '../helpers/register-chain.js';
import { makeIdNumber } from '../../src/domain/id-number.js';
import type { EventBody } from '../../src/register/events.js';
import { logOf, logText, registerWorkspace } from './register-files.js';

const real = vi.hoisted(() => ({ close: (_fd: number): void => {} }));
vi.mock('node:fs', async (importOriginal) => {
  const fsReal = await importOriginal<typeof import('node:fs')>();
  real.close = fsReal.closeSync;
  return { ...fsReal, closeSync: vi.fn(fsReal.closeSync) };
});

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
async function collect(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
}

const ebadf = (): Error => Object.assign(new Error('EBADF: bad file descriptor, close'), { code: 'EBADF', syscall: 'close' });

describe('a close that fails is noticed', () => {
  it("the parts' finalizer closing a file closed already by someone else: EBADF noticed, nothing thrown", async () => {
    takeUnexpected();
    const body = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
    let closed = false;
    const file = {
      size: body.length,
      read: (buf: Uint8Array, offset: number, length: number, position: number): number => {
        const n = Math.max(0, Math.min(length, body.length - position));
        buf.set(body.subarray(position, position + n), offset);
        return n;
      },
      // As a raw descriptor: a second close is EBADF.
      close: (): void => {
        if (closed) throw ebadf();
        closed = true;
      },
    };
    let parts: CheckpointParts | null = CheckpointParts.scan(file, 0, body.length, [{ at: 0, len: 8 }], crc32(body, 0));
    expect(parts).not.toBeNull();
    file.close(); // the reader's close; the parts, let go unread, close it again when collected
    parts = null;
    await collect();
    expect(takeUnexpected().map((u) => [u.where, u.code])).toEqual([['checkpoint-parts finalizer', 'EBADF']]);
  });

  it('log-hash closing the early descriptor: an error of that close is noticed', async () => {
    takeUnexpected();
    const ws = registerWorkspace(dirs, 'hrss-close-noticed-');
    const events = chain(Array.from({ length: 4 }, (_, i) => ({ type: 'note', text: `备注${i}`, ids: [] }) as EventBody));
    writeFileSync(logOf(ws), logText(events));
    readLog(ws, { checkpoint: false }); // a checkpoint: the early hash starts only with one
    startLogHash(ws, 0);
    const close = vi.mocked(fs.closeSync);
    // The descriptor closed (really), and the close reporting EBADF as a second close of it does.
    close.mockImplementationOnce((fd) => {
      real.close(fd);
      throw ebadf();
    });
    dropEarlyLog();
    expect(takeUnexpected().map((u) => [u.where, u.code])).toEqual([['log-hash close', 'EBADF']]);
  });

  it('an ID number in what was noticed is masked: a thread given up says what its error said, which may quote a value', () => {
    takeUnexpected();
    const id = makeIdNumber('410703', '1979-11-23', '052');
    noteUnexpected('register list thread', { code: 'THREAD_FAILED', message: `record ${id} unreadable` });
    noteUnexpected('log-hash close', new Error(`证件号码 ${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`));
    const messages = takeUnexpected().map((u) => u.message);
    expect(messages[0]).toBe(`record ${id.slice(0, 6)}********${id.slice(14)} unreadable`);
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(m.replace(/\D/g, '')).not.toContain(id.slice(6, 14));
  });

  it('--debug writes what was noticed on stderr, zh and en; without it nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hrss-close-noticed-cli-'));
    dirs.push(dir);
    const cli = async (args: string[]) => {
      let stderr = '';
      const code = await run(args, {
        stdout: { write: () => true, isTTY: false, columns: 120 },
        stderr: { write: (s: string) => (stderr += s), isTTY: false },
        env: {},
        cwd: dir,
      });
      return { code, stderr };
    };
    noteUnexpected('checkpoint-parts finalizer', ebadf());
    const quiet = await cli(['rules', 'FILE_LOOSE']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toContain('EBADF');
    const zh = await cli(['rules', 'FILE_LOOSE', '--debug']);
    expect(zh.code).toBe(0);
    expect(zh.stderr).toContain('[debug] checkpoint-parts finalizer：EBADF');
    noteUnexpected('log-hash close', ebadf());
    expect(takeUnexpected()).toEqual([]); // the listener of the last command (--debug) took it
    listenUnexpected(null);
    noteUnexpected('log-hash close', ebadf());
    const en = await cli(['rules', 'FILE_LOOSE', '--debug', '--lang', 'en']);
    expect(en.stderr).toContain('[debug] log-hash close: EBADF');
    listenUnexpected(null);
  });
});
