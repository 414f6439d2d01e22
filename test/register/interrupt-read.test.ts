// Ctrl-C during a read of the register (round 32; docs/decisions.md "Ctrl-C during a read-only command"). The
// read-only commands (register list|show|verify, diff, objection list) read the log synchronously, and a signal's
// handler runs only between turns of the event loop: a clerk's Ctrl-C during a province's 10 s read waited for its
// end. They now read it first a pause at a time (cli/register-prime.ts): the child says "reading-register" at its
// first pause (HRSS_CREDIT_FAULT=interrupt-while-reading, io/interrupt.ts), is sent SIGINT and must end with 130,
// nothing on stdout, the register's files as they were. Without the change the child never pauses: it finishes and
// the test's wait fails. And a writer's read interrupted in a pause lets go of its descriptors and scratch file at
// once (register-store.ts readLogPausing), not at the process's end.
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_2026Q2_IMPORT, ROOT, runCli, tempDir } from '../helpers/cases.js';
import { chain } from '../helpers/register-chain.js';
import { readLogPausing } from '../../src/io/register/register-store.js';
import { runInterruptTasks } from '../../src/io/cleanup.js';
import { nodePort } from '../../src/io/node-port.js';
import type { IoPort } from '../../src/io/port.js';
import type { EventBody } from '../../src/register/events.js';
import { logOf, logText, registerWorkspace } from './register-files.js';
import { spawner } from '../helpers/spawn-at.js';

const TODAY = ['--today', '2026-10-15'];
let tmp = '';
let ws = '';
const children = spawner();
const dirs: string[] = [];

/** A read-only command in a child that says "reading-register" at its first pause (io/interrupt.ts). */
const spawnAt = (args: string[]) => children.spawnAt(tmp, args, 'interrupt-while-reading');

/** Every file of register/ with its bytes: what a read-only command must leave as it was. */
const registerFiles = (): Record<string, string> =>
  Object.fromEntries(
    readdirSync(join(ws, 'register'))
      .sort()
      .map((f) => [f, readFileSync(join(ws, 'register', f)).toString('base64')]),
  );

beforeAll(async () => {
  tmp = tempDir('interrupt-read');
  ws = join(tmp, 'ws');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  const history = join(ws, 'history', '2026Q2');
  const lists = readdirSync(history).map((f) => join(history, f));
  const imp = await runCli(['register', 'import', ...lists, ...EXAMPLE_2026Q2_IMPORT, '-w', ws, ...TODAY], tmp);
  expect(imp.code, imp.stdout).toBe(0);
});
afterAll(() => {
  children.killAll();
  rmSync(tmp, { recursive: true, force: true });
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('Ctrl-C during a read-only command: exit 130 at once, nothing written', () => {
  for (const args of [
    ['register', 'list'],
    ['register', 'show', '劳动关系科'],
    ['register', 'verify'],
    ['diff', '2026Q2', '2026Q2'],
    ['objection', 'list'],
  ]) {
    it(args.join(' '), async () => {
      const before = registerFiles();
      const p = spawnAt([...args, '-w', ws, ...TODAY]);
      await p.at('reading-register');
      p.interrupt();
      const r = await p.done;
      expect(r.code, r.stderr).toBe(130);
      expect(r.stdout).toBe('');
      expect(registerFiles()).toEqual(before);
    });
  }
});

/** Node's port, counting the handles it opens that are not closed yet. */
function countingPort(): { io: IoPort; open: () => number } {
  let open = 0;
  const wrap = <H extends { close(): void }>(h: H): H => {
    open++;
    let closed = false;
    return new Proxy(h, {
      get(target, key, receiver) {
        if (key === 'close')
          return () => {
            if (!closed) open--;
            closed = true;
            target.close();
          };
        const v = Reflect.get(target, key, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
  };
  const io = new Proxy(nodePort, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver);
      if (key === 'openRead' || key === 'openAppend')
        return (...a: unknown[]) => wrap((v as (...x: unknown[]) => { close(): void }).apply(target, a));
      return typeof v === 'function' ? v.bind(target) : v;
    },
  }) as IoPort;
  return { io, open: () => open };
}

describe("a writer's read interrupted in its pause", () => {
  it('closes its descriptors and removes its scratch file when the interrupt runs, not at the process end', async () => {
    const dir = registerWorkspace(dirs, 'hrss-interrupt-read-');
    const events = chain(Array.from({ length: 8 }, (_, i) => ({ type: 'note', text: `备注${i}`, ids: [] }) as EventBody));
    writeFileSync(logOf(dir), logText(events));
    const { io, open } = countingPort();
    let pauses = 0;
    let openAtPause = 0;
    // The third pause is where Ctrl-C comes: the interrupt tasks run (as cli/main.ts runs them), and the process would
    // exit there — the pause never returns.
    const pause = (): Promise<void> => {
      if (++pauses < 3) return Promise.resolve();
      openAtPause = open();
      runInterruptTasks();
      return new Promise<void>(() => {});
    };
    // Read as a large log is (sinkBytes 0): its checkpoint built as the lines come, spilled to a scratch file.
    void readLogPausing(dir, pause, io, { sinkBytes: 0 });
    await new Promise((r) => setTimeout(r, 50));
    expect(pauses).toBe(3);
    expect(openAtPause).toBeGreaterThan(0);
    expect(open()).toBe(0);
    expect(readdirSync(join(dir, 'register'))).toEqual(['events.jsonl']);
  });
});
