// A handle closed twice closes its descriptor once (io/node-port.ts closeOnce, io/register/log-hash.ts): the
// second close must not close the file that was given the same descriptor number since. When that file was one of
// libuv's own, its next use aborted the test process without a word (vitest's "Worker exited unexpectedly").
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { nodePort } from '../../src/io/node-port.js';
import { dropEarlyLog, startLogHash, takeEarlyLog } from '../../src/io/register/log-hash.js';
import { cleanup, tempDir } from '../helpers/cases.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) cleanup(d);
});
afterEach(() => dropEarlyLog());

function files(): { a: string; b: string; root: string } {
  const root = tempDir('hrss-close-once-');
  dirs.push(root);
  const a = join(root, 'a.txt');
  const b = join(root, 'b.txt');
  writeFileSync(a, 'first file');
  writeFileSync(b, 'second file');
  return { a, b, root };
}

/** The other file, opened after the first was closed (on Linux it takes the lowest free number: the first's). */
function readsWhole(handle: { read(buf: Uint8Array, o: number, l: number, p: number): number }, text: string): void {
  const buf = Buffer.alloc(64);
  const n = handle.read(buf, 0, buf.length, 0);
  expect(buf.toString('utf8', 0, n)).toBe(text);
}

describe("a handle's second close leaves the descriptor's next owner open", () => {
  it('a read handle of the node port', () => {
    const { a, b } = files();
    const first = nodePort.openRead(a);
    first.close();
    const second = nodePort.openRead(b);
    expect(() => first.close()).not.toThrow();
    readsWhole(second, 'second file');
    second.close();
  });

  it('an append handle of the node port', () => {
    const { a, b } = files();
    const first = nodePort.openAppend(a);
    first.close();
    const second = nodePort.openRead(b);
    expect(() => first.close()).not.toThrow();
    readsWhole(second, 'second file');
    second.close();
  });

  it('the log opened early for the reader (the hash begun beside start-up)', () => {
    const { b, root } = files();
    const ws = join(root, 'ws');
    mkdirSync(join(ws, 'register'), { recursive: true });
    const log = join(ws, 'register', 'events.jsonl');
    writeFileSync(log, '{"seq":0}\n');
    writeFileSync(join(ws, 'register', 'events.jsonl.checkpoint'), '{"covers":{"bytes":10}}\n');
    startLogHash(ws, 1);
    const early = takeEarlyLog(log);
    expect(early).toBeDefined();
    early?.digests();
    early?.handle.close();
    const second = nodePort.openRead(b);
    expect(() => early?.handle.close()).not.toThrow();
    readsWhole(second, 'second file');
    second.close();
  });
});
