// truth.md "Small truths": Ctrl-C during publish, import or any register write — before the event is
// written the command stops (exit 130) and the log is unchanged; after it is written the command
// finishes and says that the event was recorded. The same for compile's package swap. A real child
// process and SIGINT; the child tells where it is over IPC (io/interrupt.ts fault points), so the test
// acts on that event, never after a number of seconds.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir, EXAMPLE_2026Q2_IMPORT } from '../helpers/cases.js';
import { CHECKPOINT_FILE } from '../../src/io/register/register-checkpoint.js';
import { spawner } from '../helpers/spawn-at.js';

/** What register/ holds besides the checkpoint (a cache a reader may leave: decisions.md "The register's checkpoint"). */
const registerFiles = (ws: string): string[] => readdirSync(join(ws, 'register')).filter((f) => f !== CHECKPOINT_FILE);

const TODAY = ['--today', '2026-10-15'];
let tmp = '';
let template = '';
let n = 0;

const children = spawner();

/** The CLI in a child with an IPC channel: `at` resolves when it says it reached that point. */
const spawnAt = (args: string[], fault: string, more: Record<string, string> = {}) => children.spawnAt(tmp, args, fault, more);

const fresh = (): string => {
  const ws = join(tmp, `ws-${++n}`);
  cpSync(template, ws, { recursive: true });
  return ws;
};
const log = (ws: string): string =>
  existsSync(join(ws, 'register', 'events.jsonl')) ? readFileSync(join(ws, 'register', 'events.jsonl'), 'utf8') : '';
const HISTORY = (ws: string): string[] => readdirSync(join(ws, 'history', '2026Q2')).map((f) => join(ws, 'history', '2026Q2', f));

beforeAll(async () => {
  tmp = tempDir('interrupt');
  template = join(tmp, 'template');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), template, { recursive: true });
  // A register of one event (劳动关系科's 2026Q2, imported), then 2026Q3 compiled against it.
  const imp = await runCli(['register', 'import', ...HISTORY(template), ...EXAMPLE_2026Q2_IMPORT, '-w', template, ...TODAY], tmp);
  expect(imp.code, imp.stdout).toBe(0);
  const comp = await runCli(['compile', '2026Q3', '-w', template, ...TODAY], tmp);
  expect(comp.code, comp.stdout).toBe(0);
});
afterAll(() => {
  // A child a failed test left waiting (one that never let the interrupt in) is ended, not left running.
  children.killAll();
  rmSync(tmp, { recursive: true, force: true });
});

describe('Ctrl-C before the event is written: exit 130, the log as it was, the lock gone', () => {
  it('publish, while the register is read', async () => {
    const ws = fresh();
    const before = log(ws);
    const p = spawnAt(['publish', '2026Q3', '-w', ws, ...TODAY], 'interrupt-while-reading');
    await p.at('reading-register');
    p.interrupt();
    const r = await p.done;
    expect(r.code).toBe(130);
    expect(log(ws)).toBe(before);
    expect(registerFiles(ws)).toEqual(['events.jsonl']);
  });

  it('publish, while it waits for the log hashed beside start-up (cli/early-log.ts): the wait does not hold the interrupt', async () => {
    // The fault's worker keeps hashing and never ends; a wait that held the signal until the hash ended would never
    // let the command stop (the test would time out).
    const ws = fresh();
    const before = log(ws);
    const checkpoint = readFileSync(join(ws, 'register', CHECKPOINT_FILE));
    const p = spawnAt(['publish', '2026Q3', '-w', ws, ...TODAY], 'early-hash-hold', { HRSS_CREDIT_EARLY_HASH: 'on' });
    await p.at('early-hash-wait');
    p.interrupt();
    const r = await p.done;
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(log(ws)).toBe(before);
    expect(readFileSync(join(ws, 'register', CHECKPOINT_FILE))).toEqual(checkpoint);
    expect(registerFiles(ws)).toEqual(['events.jsonl']);
  }, 30_000);

  it('publish, with the event sealed and not yet written', async () => {
    const ws = fresh();
    const before = log(ws);
    const p = spawnAt(['publish', '2026Q3', '-w', ws, ...TODAY], 'interrupt-before-commit');
    await p.at('before-commit');
    p.interrupt();
    const r = await p.done;
    expect(r.code).toBe(130);
    expect(log(ws)).toBe(before);
    expect(registerFiles(ws)).toEqual(['events.jsonl']);
  });

  it('register import into a workspace without a register', async () => {
    const ws = fresh();
    rmSync(join(ws, 'register'), { recursive: true, force: true });
    const p = spawnAt(['register', 'import', ...HISTORY(ws), ...EXAMPLE_2026Q2_IMPORT, '-w', ws, ...TODAY], 'interrupt-before-commit');
    await p.at('before-commit');
    p.interrupt();
    const r = await p.done;
    expect(r.code).toBe(130);
    expect(log(ws)).toBe('');
  });
});

describe('Ctrl-C after the event is written: the command finishes and says so', () => {
  it('publish: exit 0, the event appended once, a note on stderr', async () => {
    const ws = fresh();
    const before = log(ws);
    const p = spawnAt(['publish', '2026Q3', '-w', ws, ...TODAY], 'interrupt-after-commit');
    await p.at('after-commit');
    p.interrupt();
    const r = await p.done;
    expect(r.code, r.stderr).toBe(0);
    const added = log(ws).slice(before.length).split('\n').filter(Boolean);
    expect(added.map((l) => (JSON.parse(l) as { type: string; seq: number }).type)).toEqual(['publish']);
    expect(r.stderr).toContain('事件已写入登记簿（第 2 条）');
    expect(r.stdout).toContain('2:');
    expect(registerFiles(ws)).toEqual(['events.jsonl']);
  });

  it('compile: exit 0 once the package is swapped in, and the package verifies', async () => {
    const ws = fresh();
    const p = spawnAt(['compile', '2026Q3', '--force', '-w', ws, '--lang', 'en', ...TODAY], 'interrupt-after-commit');
    await p.at('after-commit');
    p.interrupt();
    const r = await p.done;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Interrupted (Ctrl-C) after the package was written to');
    expect((await runCli(['verify', join(ws, 'packages', '2026Q3')], tmp)).code).toBe(0);
  });
});
