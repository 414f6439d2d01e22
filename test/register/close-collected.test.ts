// The checkpoint's descriptor is closed once, even by a collection: the parts decoded from a file
// (register/checkpoint-parts.ts) close it when the garbage collector takes them, at whatever moment that is. Before
// ce5e16e, a checkpoint decoded and then refused by the early hash (log-hash.ts) was closed by the reader and again
// when its parts were collected: the number belonged by then to another file, or to one of libuv's own (a worker
// thread's epoll set or eventfd: log-hash.ts starts one per read), whose next use aborts the process without a word
// (SIGABRT; vitest's "Worker exited unexpectedly" in log-hash.test, at whichever test a collection ran). Without that
// commit this test fails with EBADF. decisions.md "A descriptor closed twice aborts the process".
import { closeSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { chain } from '../helpers/register-chain.js';
import type { EventBody } from '../../src/register/events.js';
import { readLog } from '../../src/io/register/register-store.js';
import { dropEarlyLog, startLogHash } from '../../src/io/register/log-hash.js';
import { logOf, logText, registerWorkspace } from './register-files.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
afterEach(() => dropEarlyLog());

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Collections, each followed by a turn of the event loop (where finalizers run). */
async function collect(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Files opened after a read take the numbers its descriptors had (the lowest free ones): each still reads its own. */
async function othersStayOpen(ws: string): Promise<void> {
  const others = Array.from({ length: 32 }, (_, i) => {
    const path = join(ws, `other-${i}.txt`);
    writeFileSync(path, `other file ${i}`);
    return { path, fd: openSync(path, 'r') };
  });
  await collect();
  for (const [i, other] of others.entries()) {
    const buf = Buffer.alloc(32);
    // EBADF when a collected part closed this number behind its back.
    const n = readSync(other.fd, buf, 0, buf.length, 0);
    expect(buf.toString('utf8', 0, n)).toBe(`other file ${i}`);
    closeSync(other.fd);
  }
}

describe('the parts of a checkpoint decoded and then refused, once collected', () => {
  it('refused by the early hash (the log edited under it): the files opened after the read stay open', async () => {
    const ws = registerWorkspace(dirs, 'hrss-close-collected-');
    const events = chain(Array.from({ length: 6 }, (_, i) => ({ type: 'note', text: `备注${i}`, ids: [] }) as EventBody));
    writeFileSync(logOf(ws), logText(events));
    readLog(ws, { checkpoint: false });
    const log = readFileSync(logOf(ws));
    log[10] = log[10] === 0x30 ? 0x31 : 0x30;
    writeFileSync(logOf(ws), log);
    startLogHash(ws, 0);
    const read = readLog(ws, { extendBytes: Number.MAX_SAFE_INTEGER });
    expect(read.hashedEarly).toBeUndefined();
    await othersStayOpen(ws);
  });
});
