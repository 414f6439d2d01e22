// The log hashed beside start-up (io/register/log-hash.ts, cli/early-log.ts; decisions.md "The log hashed beside
// start-up"): whatever the checkpoint and whatever happens to the log after the hash began, a read given the early
// hash gives the events, head, state and checkpoint a read without it gives; it is used only for the log it was
// begun on, unchanged since, and only when the checkpoint is the one its head named.
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { AUTHOR, chain } from '../helpers/register-chain.js';
import { eventLine } from '../../src/register/chain.js';
import type { EventBody } from '../../src/register/events.js';
import { replay, statusesOn } from '../../src/register/state.js';
import { checkpointCovers } from '../../src/register/checkpoint.js';
import { appendEvent, readLog, eventsPath } from '../../src/io/register/register-store.js';
import { SEGMENT_FILE } from '../../src/io/register/register-checkpoint.js';
import { CheckpointBuilder } from '../../src/register/checkpoint-writer.js';
import { dropEarlyLog, startLogHash, takeEarlyLog } from '../../src/io/register/log-hash.js';
import { startEarlyLog } from '../../src/cli/early-log.js';
import { historyArb, largeHistory } from './checkpoint-histories.js';
import { checkpointOf, logOf, logText, registerWorkspace } from './register-files.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
afterEach(() => dropEarlyLog());

const workspace = (): string => registerWorkspace(dirs, 'hrss-log-hash-');

/** What a reader sees of a read: its outcome and the state replayed from it. */
function outcome(read: ReturnType<typeof readLog>) {
  const state = replay(read.result.events);
  return {
    ok: read.result.ok,
    head: read.result.head,
    broken: read.result.ok ? null : read.result.broken,
    tornAt: read.tornAt,
    size: read.size,
    unterminated: read.unterminated,
    events: read.result.events.map((e) => ({ seq: e.seq, hash: e.hash, type: e.type })),
    // Where each record's line is (the log of one workspace or the other) aside.
    statuses: JSON.stringify(statusesOn(state, '2026-10-15'), (k, v) => (k === 'source' ? 'the log' : v)),
  };
}

/** The checkpoint a read of `log` from its first line writes. */
function checkpointFor(log: string): Buffer | null {
  const ws = workspace();
  writeFileSync(logOf(ws), log);
  readLog(ws, { checkpoint: false });
  return existsSync(checkpointOf(ws)) ? readFileSync(checkpointOf(ws)) : null;
}

type Scenario = 'fresh' | 'stale' | 'extended' | 'edited-checkpoint' | 'log-edited' | 'deleted' | 'torn';
const SCENARIOS: Scenario[] = ['fresh', 'stale', 'extended', 'edited-checkpoint', 'log-edited', 'deleted', 'torn'];

describe('the log hashed beside start-up', () => {
  it('gives the read, state and checkpoint a read in the thread gives, whatever the checkpoint; it checks a checkpoint that matches', () => {
    let early = 0;
    fc.assert(
      fc.property(historyArb, historyArb, fc.constantFrom(...SCENARIOS), fc.nat(), fc.nat(), (bodies, more, scenario, cutAt, byteAt) => {
        const events = chain([...bodies, ...more]);
        const full = logText(events);
        const cut = 1 + (cutAt % events.length);
        let log = Buffer.from(full, 'utf8');
        let checkpoint = checkpointFor(scenario === 'fresh' ? full : logText(events.slice(0, cut)));
        if (scenario === 'deleted') checkpoint = null;
        if (scenario === 'edited-checkpoint' && checkpoint) {
          const at = byteAt % checkpoint.length;
          checkpoint[at] = (checkpoint[at] as number) ^ 0x10;
        }
        if (scenario === 'log-edited') {
          const at = byteAt % Buffer.byteLength(logText(events.slice(0, cut)));
          log[at] = log[at] === 0x30 ? 0x31 : 0x30;
        }
        if (scenario === 'torn') log = Buffer.concat([log, Buffer.from('{"seq":')]);
        // The same files in two workspaces: one read with the hash begun early, one without.
        const [withEarly, without] = [workspace(), workspace()];
        for (const ws of [withEarly, without]) {
          writeFileSync(logOf(ws), log);
          if (checkpoint) writeFileSync(checkpointOf(ws), checkpoint);
        }
        startLogHash(withEarly, 0);
        const options = scenario === 'extended' ? { extendBytes: 0 } : {};
        const a = readLog(withEarly, options);
        const b = readLog(without, options);
        expect(outcome(a)).toEqual(outcome(b));
        // The checkpoint each leaves (kept, extended, rebuilt or none) is the same file.
        const left = (ws: string) => (existsSync(checkpointOf(ws)) ? readFileSync(checkpointOf(ws)).toString('base64') : null);
        expect(left(withEarly)).toEqual(left(without));
        const covers = existsSync(checkpointOf(withEarly)) ? checkpointCovers(readFileSync(checkpointOf(withEarly))) : null;
        // One that covers a whole valid log is keyed by its SHA-256 (an edited log leaves the old one, unused).
        if (a.result.ok && covers?.bytes === log.length) expect(covers.sha256).toBe(createHash('sha256').update(log).digest('hex'));
        // A checkpoint that matches the log was checked by the early hash; one that does not never is.
        const matches =
          checkpoint !== null && (scenario === 'fresh' || scenario === 'stale' || scenario === 'extended' || scenario === 'torn');
        expect(a.hashedEarly).toBe(matches ? true : undefined);
        if (a.hashedEarly) early++;
        expect(b.hashedEarly).toBeUndefined();
      }),
      { numRuns: 60 },
    );
    // Some run took the early path. How many is the random histories' (8 to 24 of 60 over fast-check's seeds 1-25):
    // a bound of more than 10 failed for about one seed in five ('expected 10 to be greater than 10').
    expect(early).toBeGreaterThan(0);
  }, 300_000);

  it('with a segment beside the checkpoint (an append wrote it): the same read, state and files as without the early hash', async () => {
    const notes = Array.from({ length: 3 }, (_, i) => ({ type: 'note', text: `备注${i}`, ids: [] }) as EventBody);
    const batch = largeHistory()[0] as EventBody & { records: unknown[] };
    const publish = { ...batch, records: batch.records.slice(0, 50) } as EventBody;
    for (const scenario of ['as written', 'a note after it', 'segment edited'] as const) {
      const source = workspace();
      writeFileSync(logOf(source), logText(chain(notes)));
      readLog(source, { checkpoint: false });
      await appendEvent(source, AUTHOR, () => ({ body: publish, value: undefined }), {
        lock: { waitMs: 0 },
        extendBytes: 0,
        segmentFrom: 0,
      });
      if (scenario === 'a note after it')
        await appendEvent(source, AUTHOR, () => ({ body: notes[0] as EventBody, value: undefined }), {
          lock: { waitMs: 0 },
          extendBytes: Number.MAX_SAFE_INTEGER,
        });
      const segment = readFileSync(join(source, 'register', SEGMENT_FILE));
      if (scenario === 'segment edited') segment[segment.length - 5] = (segment[segment.length - 5] as number) ^ 1;
      const [withEarly, without] = [workspace(), workspace()];
      for (const ws of [withEarly, without]) {
        writeFileSync(logOf(ws), readFileSync(logOf(source)));
        writeFileSync(checkpointOf(ws), readFileSync(checkpointOf(source)));
        writeFileSync(join(ws, 'register', SEGMENT_FILE), segment);
      }
      startLogHash(withEarly, 0);
      const add = vi.spyOn(CheckpointBuilder.prototype, 'add');
      const a = readLog(withEarly, { extendBytes: 0 });
      const b = readLog(without, { extendBytes: 0 });
      expect(outcome(a), scenario).toEqual(outcome(b));
      expect(a.hashedEarly, scenario).toBe(true);
      // Through the segment nothing is left to parse but the note (each read extends with it); an edited segment is
      // ignored: each read parses the batch.
      expect(add, scenario).toHaveBeenCalledTimes(scenario === 'as written' ? 0 : 2);
      add.mockRestore();
      const left = (ws: string) =>
        [checkpointOf(ws), join(ws, 'register', SEGMENT_FILE)].map((f) => (existsSync(f) ? readFileSync(f).toString('base64') : null));
      expect(left(withEarly), scenario).toEqual(left(without));
    }
  });

  it('a checkpoint that matches is checked by the early hash, not read again in the thread', () => {
    const ws = workspace();
    const events = chain(Array.from({ length: 5 }, (_, i) => ({ type: 'note', text: `备注${i}`, ids: [] }) as EventBody));
    writeFileSync(logOf(ws), logText(events));
    readLog(ws, { checkpoint: false });
    startLogHash(ws, 0);
    const read = readLog(ws);
    expect(read.hashedEarly).toBe(true);
    expect(read.result.head?.seq).toBe(5);
  });

  it('a line appended after the hash began (a writer of ours) leaves it unused: the read sees the new line', () => {
    const ws = workspace();
    const events = chain(Array.from({ length: 4 }, (_, i) => ({ type: 'note', text: `备注${i}`, ids: [] }) as EventBody));
    writeFileSync(logOf(ws), logText(events.slice(0, 3)));
    readLog(ws, { checkpoint: false });
    startLogHash(ws, 0);
    appendFileSync(logOf(ws), eventLine(events[3] as (typeof events)[number]));
    const read = readLog(ws);
    expect(read.hashedEarly).toBeUndefined();
    expect(read.result.ok).toBe(true);
    expect(read.result.head?.seq).toBe(4);
    expect(read.size).toBe(Buffer.byteLength(logText(events)));
  });

  it('a checkpoint replaced after the hash began (another reader wrote a new one) is read as without it', () => {
    const ws = workspace();
    const events = chain(Array.from({ length: 6 }, (_, i) => ({ type: 'note', text: `备注${i}`, ids: [] }) as EventBody));
    writeFileSync(logOf(ws), logText(events));
    writeFileSync(checkpointOf(ws), checkpointFor(logText(events.slice(0, 2))) as Buffer);
    startLogHash(ws, 0);
    writeFileSync(checkpointOf(ws), checkpointFor(logText(events)) as Buffer);
    const read = readLog(ws);
    expect(read.hashedEarly).toBeUndefined();
    expect(read.result.head?.seq).toBe(6);
  });

  it('is used for the log it was begun on only: another workspace’s read hashes its own', () => {
    const [one, other] = [workspace(), workspace()];
    const events = chain([{ type: 'note', text: '一', ids: [] }]);
    for (const ws of [one, other]) {
      writeFileSync(logOf(ws), logText(events));
      readLog(ws, { checkpoint: false });
    }
    startLogHash(one, 0);
    const read = readLog(other);
    expect(read.hashedEarly).toBeUndefined();
    expect(read.result.head?.seq).toBe(1);
    // Handed over once, to the first reader, whichever log it wanted.
    expect(takeEarlyLog(eventsPath(one))).toBeUndefined();
  });
});

describe('bin/ begins it for the commands that read the register', () => {
  /** A workspace whose log is large enough to be worth a thread (its content is not read here). */
  function large(): string {
    const ws = workspace();
    writeFileSync(logOf(ws), Buffer.alloc(5 << 20, 0x20));
    // A checkpoint whose head says it covers a prefix (the early hash checks it; the rest of it is not read here).
    writeFileSync(checkpointOf(ws), `${JSON.stringify({ covers: { bytes: 100 } })}\n`);
    mkdirSync(join(ws, 'submissions'));
    return ws;
  }
  const begun = async (argv: string[], cwd: string, env: NodeJS.ProcessEnv, ws: string): Promise<boolean> => {
    dropEarlyLog();
    await startEarlyLog(argv, () => cwd, env);
    const early = takeEarlyLog(eventsPath(ws));
    early?.handle.close();
    return early !== undefined;
  };

  it('register show, publish, diff, compile and status, named by -w or found from the folder a clerk runs in; not verify, validate, --help, or off', async () => {
    const ws = large();
    const on = { HRSS_CREDIT_EARLY_HASH: 'on' };
    expect(await begun(['register', 'show', 'x', '-w', ws], '/', on, ws)).toBe(true);
    expect(await begun(['--format', 'json', 'publish', '2026Q3', `--workspace=${ws}`], '/', on, ws)).toBe(true);
    expect(await begun(['diff', '2026Q1', '2026Q2'], join(ws, 'submissions'), on, ws)).toBe(true);
    expect(await begun(['compile', '2026Q3', '--dry-run', '-w', ws], '/', on, ws)).toBe(true);
    expect(await begun(['status', '2026Q3'], join(ws, 'submissions'), on, ws)).toBe(true);
    expect(await begun(['report', '2026', '-w', ws], '/', on, ws)).toBe(false);
    expect(await begun(['register', 'verify', '-w', ws], '/', on, ws)).toBe(false);
    expect(await begun(['validate', ws], ws, on, ws)).toBe(false);
    expect(await begun(['register', 'show', 'x', '-w', ws, '--help'], '/', on, ws)).toBe(false);
    expect(await begun(['register', 'show', 'x', '-w', ws], '/', { HRSS_CREDIT_EARLY_HASH: 'off' }, ws)).toBe(false);
  });

  it('a log with no checkpoint is not hashed early: its read from the first line hashes what it parses', async () => {
    const ws = large();
    rmSync(checkpointOf(ws));
    expect(await begun(['register', 'show', 'x', '-w', ws], '/', { HRSS_CREDIT_EARLY_HASH: 'on' }, ws)).toBe(false);
  });

  it('a small log is hashed in the thread (a worker costs more than it saves)', async () => {
    const ws = workspace();
    writeFileSync(logOf(ws), logText(chain([{ type: 'note', text: '一', ids: [] }])));
    expect(await begun(['register', 'show', 'x', '-w', ws], '/', { HRSS_CREDIT_EARLY_HASH: 'on' }, ws)).toBe(false);
  });
});
