// Reliability of the register under crashes and concurrent writers (register.md "Durability and
// sharing"). Kill moments are random (a fixed seed); what is asserted never depends on timing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compiledExample,
  copyWorkspace,
  eventsFile,
  packageRecords,
  readEvents,
  runCli,
  spawnBin,
  tempDir,
  TODAY,
  ROOT,
  waitFor,
  writePackage,
} from './helpers.js';
import { mulberry32 } from '../helpers/random.js';

let tmp: string;
let template: string;
let n = 0;
const env = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '100' };

beforeAll(async () => {
  tmp = tempDir('register-crash');
  template = await compiledExample(tmp);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const fresh = (): string => copyWorkspace(template, join(tmp, `ws-${++n}`));
const cli = (ws: string, args: string[]) => runCli([...args, '-w', ws, '--today', TODAY], ROOT, env);

/** After any crash: the log verifies once a torn tail is cut, and each batch is in it wholly or not at all. */
async function assertWholeOrNothing(ws: string, expected: Map<string, string[]>): Promise<void> {
  if (existsSync(eventsFile(ws))) {
    let v = await cli(ws, ['register', 'verify', '--format', 'json']);
    if (v.code === 1 && JSON.parse(v.stdout).broken.reason === 'torn') {
      expect((await cli(ws, ['register', 'repair'])).code).toBe(0);
      v = await cli(ws, ['register', 'verify', '--format', 'json']);
    }
    expect(v.code, v.stdout).toBe(0);
  }
  const events = readEvents(ws).filter((e) => e.type === 'publish');
  for (const e of events) expect((e.records as { id: string }[]).map((r) => r.id)).toEqual(expected.get(e.batch as string));
  expect(new Set(events.map((e) => e.batch)).size).toBe(events.length);
}

describe('crashes', () => {
  it('a power cut mid-append (a torn line) loses that event only; repair cuts it; publishing again records it whole', async () => {
    const ws = fresh();
    expect((await cli(ws, ['publish', '2026Q3'])).code).toBe(0);
    writePackage(ws, '2026Q4', packageRecords(ws).slice(0, 3));
    const before = readFileSync(eventsFile(ws));
    const p = spawnBin(['publish', '2026Q4', '-w', ws, '--today', TODAY], ROOT, { HRSS_CREDIT_FAULT: 'register-torn:200' });
    expect((await p.done).signal).toBe('SIGKILL');
    expect(readFileSync(eventsFile(ws)).subarray(0, before.length).equals(before)).toBe(true);
    expect(readFileSync(eventsFile(ws)).length).toBe(before.length + 200);
    const v = await cli(ws, ['register', 'verify', '--format', 'json']);
    expect(JSON.parse(v.stdout).broken).toEqual({ line: 2, reason: 'torn' });
    // A writer refuses the torn log until it is repaired; the dead writer's lock is taken over.
    expect((await cli(ws, ['publish', '2026Q4'])).code).toBe(2);
    expect((await cli(ws, ['register', 'repair'])).code).toBe(0);
    expect(readFileSync(eventsFile(ws)).subarray(0, before.length).equals(before)).toBe(true);
    expect((await cli(ws, ['publish', '2026Q4'])).code).toBe(0);
    expect(readEvents(ws).map((e) => [e.type, e.batch])).toEqual([
      ['publish', '2026Q3'],
      ['repair', undefined],
      ['publish', '2026Q4'],
    ]);
  });

  it('kill -9 at random moments during publish, 20 times: the log always verifies and a batch is published wholly or not at all', async () => {
    const random = mulberry32(20261015);
    const ws = fresh();
    const records = packageRecords(ws);
    const expected = new Map<string, string[]>([['2026Q3', records.map((r) => r.id)]]);
    const batches = ['2027Q1', '2027Q2', '2027Q3', '2027Q4', '2028Q1', '2028Q2', '2028Q3', '2028Q4', '2029Q1', '2029Q2'];
    for (const b of batches) {
      const slice = records.slice(0, 1 + Math.floor(random() * records.length));
      writePackage(ws, b, slice);
      expected.set(
        b,
        slice.map((r) => r.id),
      );
    }
    for (let i = 0; i < 20; i++) {
      const batch = [...expected.keys()][i % expected.size] as string;
      const p = spawnBin(['publish', batch, '-w', ws, '--today', TODAY], ROOT, { HRSS_CREDIT_LOCK_WAIT_MS: '100' });
      // Somewhere between start-up and the end of the append (node starts in ~100-300 ms here).
      await new Promise((r) => setTimeout(r, Math.floor(random() * 450)));
      p.kill('SIGKILL');
      await p.done;
      await assertWholeOrNothing(ws, expected);
    }
    // Whatever the kills left, every batch can still be published, once.
    for (const b of expected.keys()) expect([0], b).toContain((await cli(ws, ['publish', b])).code);
    await assertWholeOrNothing(ws, expected);
    expect(
      readEvents(ws)
        .filter((e) => e.type === 'publish')
        .map((e) => e.batch)
        .sort(),
    ).toEqual([...expected.keys()].sort());
  }, 120_000);
});

describe('two writers', () => {
  it('while one publisher holds the lock the other fails with REGISTER_LOCKED (exit 2); one event, a valid chain', async () => {
    const ws = fresh();
    const release = join(tmp, `release-${++n}`);
    const first = spawnBin(['publish', '2026Q3', '-w', ws, '--today', TODAY], ROOT, { HRSS_CREDIT_FAULT: `register-hold:${release}` });
    await waitFor(() => existsSync(join(ws, 'register', '.lock')));
    const second = await cli(ws, ['publish', '2026Q3', '--format', 'json']);
    expect(second.code).toBe(2);
    expect(JSON.parse(second.stdout).error.code).toBe('REGISTER_LOCKED');
    writeFileSync(release, '');
    expect((await first.done).code).toBe(0);
    expect(readEvents(ws).map((e) => e.seq)).toEqual([1]);
    expect((await cli(ws, ['register', 'verify'])).code).toBe(0);
    expect(existsSync(join(ws, 'register', '.lock'))).toBe(false);
  });

  it('two publishers of different batches racing: each succeeds or fails with exit 2, never a broken chain', async () => {
    const ws = fresh();
    writePackage(ws, '2026Q4', packageRecords(ws).slice(0, 2));
    const a = spawnBin(['publish', '2026Q3', '-w', ws, '--today', TODAY], ROOT);
    const b = spawnBin(['publish', '2026Q4', '-w', ws, '--today', TODAY], ROOT);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect([0, 2]).toContain(ra.code);
    expect([0, 2]).toContain(rb.code);
    expect((await cli(ws, ['register', 'verify'])).code).toBe(0);
    expect(readEvents(ws)).toHaveLength([ra.code, rb.code].filter((c) => c === 0).length);
  });
});

describe('two writers of one batch', () => {
  it('racing to publish the same package: one event; the other finds it published (exit 0) or gives up (exit 2)', async () => {
    const ws = fresh();
    const a = spawnBin(['publish', '2026Q3', '-w', ws, '--today', TODAY], ROOT);
    const b = spawnBin(['publish', '2026Q3', '-w', ws, '--today', TODAY], ROOT);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect([0, 2]).toContain(ra.code);
    expect([0, 2]).toContain(rb.code);
    expect([ra.code, rb.code]).toContain(0);
    expect(readEvents(ws).map((e) => e.batch)).toEqual(['2026Q3']);
    expect((await cli(ws, ['register', 'verify'])).code).toBe(0);
  });
});
