// readLog searches for line ends only in the bytes it has read. Its read buffer is 16 MB; a search for the
// last line's end ran on through the unused rest of it on every read of a small log (found profiling the
// consistency property: a few milliseconds per command, on every command). Asserted on the searches made.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { chain } from '../helpers/register-chain.js';
import { eventLine } from '../../src/register/chain.js';
import type { EventBody } from '../../src/register/events.js';
import { readLog } from '../../src/io/register/register-store.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('readLog searches only the bytes it read', () => {
  afterEach(() => vi.restoreAllMocks());

  it('no search for a line end reaches past the log', () => {
    const bodies = [1, 2, 3].map(
      (q): EventBody => ({
        type: 'publish',
        batch: `2026Q${q}`,
        on: '2026-04-15',
        package: 'f'.repeat(64),
        records: [],
        removals: [],
        unchanged: [],
      }),
    );
    const text = chain(bodies).map(eventLine).join('');
    const ws = mkdtempSync(join(tmpdir(), 'hrss-log-scan-'));
    dirs.push(ws);
    mkdirSync(join(ws, 'register'));
    writeFileSync(join(ws, 'register', 'events.jsonl'), text);
    const size = Buffer.byteLength(text);
    const extents: number[] = [];
    const indexOf = Buffer.prototype.indexOf;
    vi.spyOn(Buffer.prototype, 'indexOf').mockImplementation(function (this: Buffer, ...args: unknown[]) {
      if (args[0] === 0x0a) extents.push(this.length);
      return Reflect.apply(indexOf, this, args);
    });
    const read = readLog(ws, { checkpoint: false });
    expect(read.result.ok).toBe(true);
    expect(read.result.events.length).toBe(3);
    expect(extents.length).toBeGreaterThan(0);
    expect(Math.max(...extents)).toBeLessThanOrEqual(size);
  });
});
