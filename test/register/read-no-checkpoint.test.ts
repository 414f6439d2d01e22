// A read with no usable checkpoint, in bounded memory (decisions.md "A read with no checkpoint, in bounded memory"):
// a large log read from its first line by any command gives each event to the checkpoint's builder as verify does
// (chain.ts EventSink, the columns spilled), writes the checkpoint, and reads the events back through it. The read must
// be a replay from scratch, and the checkpoint verify's, byte for byte; where none can be written (another tool's
// lines, a last line without `\n`, a full disk) the log is read again as before.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { chain } from '../helpers/register-chain.js';
import { eventLine } from '../../src/register/chain.js';
import type { EventBody, RegisterEvent } from '../../src/register/events.js';
import { replay } from '../../src/register/state.js';
import { prefixOf } from '../../src/register/lazy-state.js';
import { readLog, readLogPausing, wholeRecords } from '../../src/io/register/register-store.js';
import { registerVerify } from '../../src/api/register/register.js';
import { historyArb, largeHistory } from './checkpoint-histories.js';
import { checkpointOf, logOf, logText, plainValue, registerWorkspace } from './register-files.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const workspaceWith = (log: string | Buffer): string => {
  const ws = registerWorkspace(dirs, 'hrss-read-no-checkpoint-');
  writeFileSync(logOf(ws), log);
  return ws;
};

function outcome(read: ReturnType<typeof readLog>) {
  return plainValue({
    ok: read.result.ok,
    head: read.result.head,
    broken: read.result.ok ? null : read.result.broken,
    tornAt: read.tornAt,
    size: read.size,
    unterminated: read.unterminated,
    events: read.result.events,
    state: replay(read.result.events),
  });
}

/** The read from the first line that keeps every record (no checkpoint used, none read back). */
function fromScratch(log: string | Buffer) {
  const ws = workspaceWith(log);
  const read = readLog(ws, { checkpoint: false });
  return read;
}

/** The checkpoint register verify writes of this log, or null. */
function verifysCheckpoint(log: string | Buffer): Buffer | null {
  const ws = workspaceWith(log);
  registerVerify({ cwd: ws, workspace: ws, today: '2026-10-15' });
  return existsSync(checkpointOf(ws)) ? readFileSync(checkpointOf(ws)) : null;
}

/** What a broken log's read says: where the chain broke, and each event's place in it (seq, hash, prev, type). */
const chainOf = (read: ReturnType<typeof readLog>) => ({
  ok: read.result.ok,
  head: read.result.head,
  broken: read.result.ok ? null : read.result.broken,
  tornAt: read.tornAt,
  size: read.size,
  unterminated: read.unterminated,
  events: read.result.events.map((e) => [e.seq, e.hash, e.prev, e.type]),
});

const records = (events: ReturnType<typeof readLog>['result']['events']) => events.flatMap((e) => ('records' in e ? e.records : []));

describe('a read with no usable checkpoint, built as verify builds it', () => {
  it('is a replay from scratch, read through the checkpoint it wrote — verify’s, byte for byte', () => {
    const histories = [...fc.sample(historyArb, { seed: 3030, numRuns: 40 }), largeHistory()];
    let through = 0;
    for (const bodies of histories) {
      const log = logText(chain(bodies));
      const ws = workspaceWith(log);
      const got = readLog(ws, { sinkBytes: 0 });
      const expected = fromScratch(log);
      expect(outcome(got)).toEqual(outcome(expected));
      expect(wholeRecords(records(got.result.events))).toEqual(wholeRecords(records(expected.result.events)));
      const verified = verifysCheckpoint(log);
      const written = existsSync(checkpointOf(ws)) ? readFileSync(checkpointOf(ws)) : null;
      expect(written === null ? null : written.toString('base64')).toBe(verified === null ? null : verified.toString('base64'));
      // Read back through the checkpoint it wrote (lazy-state.ts), not kept as read; and no scratch file left.
      if (written) {
        expect(prefixOf(got.result.events)).toBeDefined();
        through++;
      }
      expect(readdirSync(join(ws, 'register')).sort()).toEqual(written ? ['events.jsonl', 'events.jsonl.checkpoint'] : ['events.jsonl']);
    }
    expect(through).toBeGreaterThan(20);
  }, 300_000);

  it('a writer’s read under the lock (readLogPausing) goes the same way', async () => {
    const log = logText(chain(largeHistory()));
    const ws = workspaceWith(log);
    const got = await readLogPausing(ws, async () => {}, undefined, { sinkBytes: 0 });
    expect(prefixOf(got.result.events)).toBeDefined();
    expect(outcome(got)).toEqual(outcome(fromScratch(log)));
  }, 120_000);

  // Where no checkpoint can be kept the events read are those of a second read that keeps them (as before).
  const bodies = (): EventBody[] => largeHistory();
  const cases: Record<string, () => string | Buffer> = {
    'a last line without its `\\n` (another tool’s)': () => logText(chain(bodies())).slice(0, -1),
    'a torn last line': () => {
      const events = chain([...bodies(), { type: 'note', text: '备注', ids: [] } as EventBody]);
      return logText(events.slice(0, -1)) + eventLine(events[events.length - 1] as RegisterEvent).slice(0, 30);
    },
    'a line another tool wrote (keys not in order)': () => {
      const events = chain(bodies());
      const [first, ...rest] = events as [RegisterEvent, ...RegisterEvent[]];
      const { hash, ...unsealed } = first as RegisterEvent & Record<string, unknown>;
      // The same event, its members in another order (its hash still ours): not canonical, so no checkpoint.
      const reordered = `${JSON.stringify({ hash, ...Object.fromEntries(Object.entries(unsealed).reverse()) })}\n`;
      return reordered + logText(rest);
    },
    'a broken hash in the middle': () => {
      const lines = logText(chain(bodies())).split('\n');
      lines[1] = (lines[1] as string).replace(/"hash":"(.)/, (_, c: string) => `"hash":"${c === '0' ? '1' : '0'}`);
      return lines.join('\n');
    },
  };
  for (const [name, make] of Object.entries(cases))
    it(`${name}: the outcome of a read from scratch`, () => {
      const log = make();
      const ws = workspaceWith(log);
      const got = readLog(ws, { sinkBytes: 0 });
      const expected = fromScratch(log);
      // A broken log is refused by every reader but verify and repair: its events say only where the chain broke.
      if (!expected.result.ok) expect(chainOf(got)).toEqual(chainOf(expected));
      else expect(outcome(got)).toEqual(outcome(expected));
      expect(readdirSync(join(ws, 'register')).filter((f) => f.includes('tmp'))).toEqual([]);
    }, 120_000);

  it('a checkpoint that cannot be written (a full disk): the log read again, its records kept as read', () => {
    const log = logText(chain(largeHistory()));
    const ws = workspaceWith(log);
    process.env.HRSS_CREDIT_FAULT = 'enospc-partial@events.jsonl.checkpoint';
    let got: ReturnType<typeof readLog>;
    try {
      got = readLog(ws, { sinkBytes: 0 });
    } finally {
      delete process.env.HRSS_CREDIT_FAULT;
    }
    expect(existsSync(checkpointOf(ws))).toBe(false);
    expect(prefixOf(got.result.events)).toBeUndefined();
    expect(outcome(got)).toEqual(outcome(fromScratch(log)));
    expect(readdirSync(join(ws, 'register'))).toEqual(['events.jsonl']);
  }, 120_000);
});
