// A checkpoint continued by a segment (register/checkpoint-segment.ts; decisions.md "A checkpoint continued by a
// segment"): an append (publish, import) writes, under the lock, the extension of the checkpoint it read through as a
// segment beside it — the new bytes and where the base's parts lie — and every reader reads the base and the segment
// as one file: byte for byte the checkpoint a build from the first line writes. A segment that does not continue
// this base over these bytes of the log (stale, edited, cut short, of another log, its base gone) is ignored, and the
// state read is always a replay's from the first line.
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { AUTHOR, chain } from '../helpers/register-chain.js';
import type { EventBody } from '../../src/register/events.js';
import { CheckpointBuilder } from '../../src/register/checkpoint-writer.js';
import { bytesSource } from '../../src/register/checkpoint-parts.js';
import { segmented, segmentHead } from '../../src/register/checkpoint-segment.js';
import { checkpointHead } from '../../src/register/checkpoint.js';
import { appendEvent, readLog } from '../../src/io/register/register-store.js';
import { SEGMENT_FILE } from '../../src/io/register/register-checkpoint.js';
import { historyArb, largeHistory } from './checkpoint-histories.js';
import { checkpointOf, logOf, logText, plainState, registerWorkspace } from './register-files.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
afterEach(() => {
  delete process.env.HRSS_CREDIT_FAULT;
  vi.restoreAllMocks();
});

const workspace = (): string => registerWorkspace(dirs, 'hrss-checkpoint-segment-');
const segmentOf = (ws: string): string => join(ws, 'register', SEGMENT_FILE);
const append = (ws: string, body: EventBody, extendBytes = 0) =>
  appendEvent(ws, AUTHOR, () => ({ body, value: undefined }), { lock: { waitMs: 0 }, extendBytes, segmentFrom: 0 });

/** The base and the segment read as one file (null: no segment, or none that continues the base). */
function joined(ws: string): Buffer | null {
  if (!existsSync(segmentOf(ws)) || !existsSync(checkpointOf(ws))) return null;
  const base = readFileSync(checkpointOf(ws));
  const seg = readFileSync(segmentOf(ws));
  const head = checkpointHead(bytesSource(base));
  const read = segmentHead(bytesSource(seg));
  if (!head || !read) return null;
  const file = segmented(bytesSource(base), head, bytesSource(seg), read);
  if (!file) return null;
  const out = Buffer.alloc(file.size);
  for (let at = 0; at < out.length; ) at += file.read(out, at, out.length - at, at);
  return out;
}

/** The body (after the head line) of a checkpoint file. */
const bodyOf = (file: Buffer): Buffer => file.subarray(file.indexOf(0x0a) + 1);

/** The checkpoint a build from the first line writes for the log of `ws`. */
function built(ws: string): Buffer | null {
  const other = workspace();
  copyFileSync(logOf(ws), logOf(other));
  readLog(other, { checkpoint: false });
  return existsSync(checkpointOf(other)) ? readFileSync(checkpointOf(other)) : null;
}

/** What a read from the first line gives: of a copy of the log alone (a read from the first line writes a checkpoint). */
function scratch(ws: string): unknown {
  const other = workspace();
  copyFileSync(logOf(ws), logOf(other));
  const read = readLog(other, { checkpoint: false });
  rmSync(other, { recursive: true });
  return read.result.ok ? plainState(read.result.events) : read.result;
}
/** What a read gives that writes nothing (no extension), and whether it read through the segment. */
function through(ws: string): { state: unknown; parsed: number } {
  const add = vi.spyOn(CheckpointBuilder.prototype, 'add');
  const read = readLog(ws, { extendBytes: Number.MAX_SAFE_INTEGER });
  expect(read.result.ok).toBe(true);
  add.mockRestore();
  return { state: plainState(read.result.events), parsed: read.result.events.length };
}

/** largeHistory with its records cut to the first `n` (and what names the others dropped): a few hundred, fast. */
function smallHistory(n = 300): EventBody[] {
  const keep = new Set<string>();
  return largeHistory().map((e) => {
    if (e.type !== 'publish') return e;
    const records = e.records.filter((r, i) => i < n || !r.id.startsWith('b'));
    for (const r of records) keep.add(r.id);
    return { ...e, records, removals: e.removals.filter((r) => keep.has(r.id)) };
  });
}

describe('a checkpoint continued by a segment', () => {
  it('each append writes a segment: base and segment read as one are the bytes of a build, and read back as a replay', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, historyArb, async (before, after) => {
        const ws = workspace();
        writeFileSync(logOf(ws), logText(chain(before)));
        readLog(ws, { checkpoint: false });
        if (!existsSync(checkpointOf(ws))) return;
        const base = readFileSync(checkpointOf(ws));
        for (const body of after) {
          await append(ws, body);
          // The base is never rewritten by an append; the segment continues it over the whole log.
          expect(readFileSync(checkpointOf(ws)).equals(base)).toBe(true);
          const whole = joined(ws);
          const expected = built(ws);
          // (A record the encoder refuses — a lone surrogate — leaves no segment, and none is built either.)
          if (!expected) continue;
          expect(whole).not.toBeNull();
          expect(bodyOf(whole as Buffer).equals(bodyOf(expected))).toBe(true);
          expect(through(ws).state).toEqual(scratch(ws));
        }
        rmSync(ws, { recursive: true });
      }),
      { numRuns: 40, seed: 3030 },
    );
  }, 120_000);

  it('a reader after the append parses nothing and writes nothing: the segment covers the line', async () => {
    const events = chain(largeHistory().slice(0, 2));
    const ws = workspace();
    writeFileSync(logOf(ws), logText(events));
    readLog(ws, { checkpoint: false });
    const [, , publish] = largeHistory();
    await append(ws, publish as EventBody, 64 << 10);
    expect(existsSync(segmentOf(ws))).toBe(true);
    const base = readFileSync(checkpointOf(ws));
    const seg = readFileSync(segmentOf(ws));
    // Default thresholds: a reader through base and segment has no tail to parse, so it neither encodes nor writes.
    const add = vi.spyOn(CheckpointBuilder.prototype, 'add');
    const read = readLog(ws);
    expect(add).not.toHaveBeenCalled();
    expect(readFileSync(checkpointOf(ws)).equals(base)).toBe(true);
    expect(readFileSync(segmentOf(ws)).equals(seg)).toBe(true);
    expect(plainState(read.result.events)).toEqual(scratch(ws));
  });

  it('a checkpoint smaller than SEGMENT_FROM_BYTES (a city’s) is not continued: the next reader extends it, as before', async () => {
    const bodies = smallHistory();
    const ws = workspace();
    writeFileSync(logOf(ws), logText(chain(bodies.slice(0, 2))));
    readLog(ws, { checkpoint: false });
    await appendEvent(ws, AUTHOR, () => ({ body: bodies[2] as EventBody, value: undefined }), { lock: { waitMs: 0 }, extendBytes: 0 });
    expect(existsSync(segmentOf(ws))).toBe(false);
    expect(plainState(readLog(ws, { extendBytes: 0 }).result.events)).toEqual(scratch(ws));
    expect(readFileSync(checkpointOf(ws)).equals(built(ws) as Buffer)).toBe(true);
  });

  it('a note or an objection alone writes no segment; a segment stays valid with such a tail after it', async () => {
    const ws = workspace();
    writeFileSync(logOf(ws), logText(chain(largeHistory().slice(0, 2))));
    readLog(ws, { checkpoint: false });
    await append(ws, { type: 'note', text: '说明', ids: [] } as EventBody, 64 << 10);
    expect(existsSync(segmentOf(ws))).toBe(false);
    await append(ws, largeHistory()[2] as EventBody, 64 << 10);
    const seg = readFileSync(segmentOf(ws));
    await append(ws, { type: 'note', text: '又一说明', ids: [] } as EventBody, 64 << 10);
    expect(readFileSync(segmentOf(ws)).equals(seg)).toBe(true);
    const read = through(ws);
    expect(read.state).toEqual(scratch(ws));
  });

  it('a segment that does not continue this log is ignored: edited, cut short, another base, another log, its base deleted', async () => {
    const bodies = smallHistory();
    const make = async (): Promise<string> => {
      const ws = workspace();
      writeFileSync(logOf(ws), logText(chain(bodies.slice(0, 2))));
      readLog(ws, { checkpoint: false });
      await append(ws, bodies[2] as EventBody);
      return ws;
    };
    const ws = await make();
    const expected = scratch(ws);
    const seg = readFileSync(segmentOf(ws));
    const check = (label: string): void => {
      const add = vi.spyOn(CheckpointBuilder.prototype, 'add');
      const read = readLog(ws, { extendBytes: Number.MAX_SAFE_INTEGER });
      add.mockRestore();
      expect(read.result.ok, label).toBe(true);
      expect(plainState(read.result.events), label).toEqual(expected);
    };
    check('as written');
    // A byte of the segment's own bytes flipped (its body's CRC-32 no longer holds): the base alone, the tail parsed.
    const flipped = Buffer.from(seg);
    flipped[flipped.length - 3] = (flipped[flipped.length - 3] as number) ^ 1;
    writeFileSync(segmentOf(ws), flipped);
    check('flipped');
    for (const at of [0, 10, seg.indexOf(0x0a), seg.indexOf(0x0a) + 1, Math.floor(seg.length / 2), seg.length - 1]) {
      writeFileSync(segmentOf(ws), seg.subarray(0, at));
      check(`cut at ${at}`);
    }
    // The segment of another workspace's log (the same history appended by another author at another time).
    const other = workspace();
    writeFileSync(logOf(other), logText(chain(bodies.slice(0, 2))));
    readLog(other, { checkpoint: false });
    await appendEvent(other, { ...AUTHOR, by: '李四' }, () => ({ body: bodies[2] as EventBody, value: undefined }), {
      lock: { waitMs: 0 },
      extendBytes: 0,
      segmentFrom: 0,
    });
    writeFileSync(segmentOf(ws), readFileSync(segmentOf(other)));
    check('another log');
    writeFileSync(segmentOf(ws), seg);
    check('restored');
    // A byte of the base's body flipped: the two no longer read as one (nor the base alone): from the first line.
    const baseFile = readFileSync(checkpointOf(ws));
    const flippedBase = Buffer.from(baseFile);
    flippedBase[flippedBase.length - 2] = (flippedBase[flippedBase.length - 2] as number) ^ 1;
    writeFileSync(checkpointOf(ws), flippedBase);
    check('base edited');
    // (That read, from the first line, wrote a whole checkpoint and removed the segment: both put back.)
    expect(existsSync(segmentOf(ws))).toBe(false);
    writeFileSync(checkpointOf(ws), baseFile);
    check('segment deleted');
    writeFileSync(segmentOf(ws), seg);
    check('restored again');
    // Its base rebuilt from fewer lines (another base): the segment names the base it continues.
    const log = readFileSync(logOf(ws));
    rmSync(checkpointOf(ws));
    check('base deleted');
    writeFileSync(logOf(ws), log.subarray(0, log.indexOf(0x0a) + 1));
    readLog(ws, { checkpoint: false });
    writeFileSync(logOf(ws), log);
    writeFileSync(segmentOf(ws), seg);
    check('another base');
    // The log edited after the base (a byte of the appended line): the segment's key no longer holds; the chain's
    // break is reported as without a checkpoint.
    const edited = Buffer.from(log);
    const last = edited.lastIndexOf('"on":"');
    edited[last + 6] = (edited[last + 6] as number) ^ 1;
    writeFileSync(logOf(ws), edited);
    const broken = readLog(ws);
    expect(broken.result.ok).toBe(false);
    rmSync(checkpointOf(ws));
    rmSync(segmentOf(ws));
    const fromStart = readLog(ws).result;
    expect(fromStart.ok).toBe(false);
    if (!broken.result.ok && !fromStart.ok) expect(broken.result.broken).toEqual(fromStart.broken);
  });

  it('a read that extends the checkpoint writes one whole file (the compaction) and removes the segment', async () => {
    const bodies = smallHistory();
    const ws = workspace();
    writeFileSync(logOf(ws), logText(chain(bodies.slice(0, 2))));
    readLog(ws, { checkpoint: false });
    await append(ws, bodies[2] as EventBody);
    expect(existsSync(segmentOf(ws))).toBe(true);
    // An event the append left for readers (a note under the threshold), then a read that extends with it.
    await append(ws, { type: 'note', text: '说明', ids: [] } as EventBody, Number.MAX_SAFE_INTEGER);
    const read = readLog(ws, { extendBytes: 0 });
    expect(read.result.ok).toBe(true);
    expect(existsSync(segmentOf(ws))).toBe(false);
    expect(readFileSync(checkpointOf(ws)).equals(built(ws) as Buffer)).toBe(true);
    expect(readdirSync(join(ws, 'register')).sort()).toEqual(['events.jsonl', 'events.jsonl.checkpoint']);
    expect(through(ws).state).toEqual(scratch(ws));
  });

  it('past its limit no segment is written: the next read that parses the tail writes one whole checkpoint and removes the old segment', async () => {
    const bodies = smallHistory();
    const ws = workspace();
    writeFileSync(logOf(ws), logText(chain(bodies.slice(0, 2))));
    readLog(ws, { checkpoint: false });
    await append(ws, bodies[2] as EventBody);
    const seg = readFileSync(segmentOf(ws));
    await appendEvent(ws, AUTHOR, () => ({ body: { ...(bodies[2] as EventBody), batch: '2026Q3' } as EventBody, value: undefined }), {
      lock: { waitMs: 0 },
      extendBytes: 0,
      segmentLimit: 100,
      segmentFrom: 0,
    });
    // The old segment stays (it still continues the base over the lines it covers); the new line is a tail.
    expect(readFileSync(segmentOf(ws)).equals(seg)).toBe(true);
    expect(through(ws).state).toEqual(scratch(ws));
    readLog(ws, { extendBytes: 0 });
    expect(existsSync(segmentOf(ws))).toBe(false);
    expect(readFileSync(checkpointOf(ws)).equals(built(ws) as Buffer)).toBe(true);
  });

  it('a segment that cannot be written (a full disk) is forgotten: the append stands, no temporary file, the next read extends', async () => {
    const bodies = smallHistory();
    const ws = workspace();
    writeFileSync(logOf(ws), logText(chain(bodies.slice(0, 2))));
    readLog(ws, { checkpoint: false });
    process.env.HRSS_CREDIT_FAULT = `enospc-partial@${SEGMENT_FILE}`;
    const out = await append(ws, bodies[2] as EventBody);
    delete process.env.HRSS_CREDIT_FAULT;
    expect(out.event?.seq).toBe(3);
    expect(readdirSync(join(ws, 'register')).sort()).toEqual(['events.jsonl', 'events.jsonl.checkpoint']);
    expect(plainState(readLog(ws, { extendBytes: 0 }).result.events)).toEqual(scratch(ws));
    expect(readFileSync(checkpointOf(ws)).equals(built(ws) as Buffer)).toBe(true);
  });

  it('register verify never reads the segment, and its fresh checkpoint removes it', async () => {
    const bodies = smallHistory();
    const ws = workspace();
    writeFileSync(logOf(ws), logText(chain(bodies.slice(0, 2))));
    readLog(ws, { checkpoint: false });
    await append(ws, bodies[2] as EventBody);
    writeFileSync(segmentOf(ws), 'not a segment\n');
    const read = readLog(ws, { checkpoint: false, chainOnly: true });
    expect(read.result.ok).toBe(true);
    expect(existsSync(segmentOf(ws))).toBe(false);
    expect(readFileSync(checkpointOf(ws)).equals(built(ws) as Buffer)).toBe(true);
  });
});
