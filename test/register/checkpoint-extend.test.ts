// A checkpoint extended by the events after it (register/checkpoint-extend.ts; decisions.md "A checkpoint extended,
// not rebuilt"): the read that parsed a tail past the checkpoint writes the file a build from the first line writes,
// byte for byte, from the old file's parts and the new events alone — however the log was cut into tails — and the
// state read through it is a replay's; a write that fails at any point leaves the old checkpoint (valid) or none.
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { chain } from '../helpers/register-chain.js';
import { eventLine } from '../../src/register/chain.js';
import type { EventBody, RegisterEvent } from '../../src/register/events.js';
import { checkpointCovers } from '../../src/register/checkpoint.js';
import { CheckpointBuilder } from '../../src/register/checkpoint-writer.js';
import { extendStats } from '../../src/register/checkpoint-extend.js';
import { loadRegister, readLog } from '../../src/io/register/register-store.js';
import { CHECKPOINT_FILE } from '../../src/io/register/register-checkpoint.js';
import { MemoryPort } from '../../src/io/memory-port.js';
import { registerShow } from '../../src/api/register/register.js';
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

const workspace = (): string => registerWorkspace(dirs, 'hrss-checkpoint-extend-');
const text = logText;

/** The checkpoint a build from the first line writes for `log` (null: none can be kept). */
function built(log: string): Buffer | null {
  const ws = workspace();
  writeFileSync(logOf(ws), log);
  readLog(ws, { checkpoint: false });
  const file = existsSync(checkpointOf(ws)) ? readFileSync(checkpointOf(ws)) : null;
  rmSync(ws, { recursive: true });
  return file;
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

describe('a checkpoint extended by the events after it', () => {
  it('is byte for byte the checkpoint a build from the first line writes, however the log was cut into tails, and reads back as a replay', () => {
    fc.assert(
      fc.property(historyArb, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), (bodies, cuts) => {
        const events = chain(bodies);
        const points = [...new Set(cuts.map((c) => 1 + (c % events.length)))].sort((a, b) => a - b);
        const ws = workspace();
        writeFileSync(logOf(ws), text(events.slice(0, points[0])));
        readLog(ws, { checkpoint: false });
        const kept = existsSync(checkpointOf(ws));
        let from = points[0] as number;
        for (const to of [...points.slice(1), events.length]) {
          if (to === from) continue;
          appendFileSync(logOf(ws), text(events.slice(from, to)));
          const before = extendStats.events;
          const add = vi.spyOn(CheckpointBuilder.prototype, 'add');
          const read = readLog(ws, { extendBytes: 0 });
          expect(read.result.ok).toBe(true);
          // Only the new events went through the encoder (an extension), unless there was no checkpoint to extend.
          if (kept && existsSync(checkpointOf(ws)) && extendStats.events > before) expect(add).toHaveBeenCalledTimes(to - from);
          add.mockRestore();
          from = to;
        }
        const expected = built(text(events));
        // (A history none can be kept of — a lone surrogate in a tail — leaves the old checkpoint, of its prefix.)
        if (kept && expected) expect(readFileSync(checkpointOf(ws)).equals(expected)).toBe(true);
        // Read through the extended checkpoint: the events and state of a replay from scratch.
        const through = readLog(ws);
        rmSync(checkpointOf(ws), { force: true });
        const scratch = readLog(ws, { checkpoint: false });
        expect(plainState(through.result.events)).toEqual(plainState(scratch.result.events));
        rmSync(ws, { recursive: true });
      }),
      { numRuns: 80, seed: 2227 },
    );
  }, 120_000);

  it('a large publish after a small prefix (the id table doubles): the same bytes as a build, the base never re-encoded', () => {
    const large = largeHistory();
    const small = { ...(large[0] as EventBody & { records: unknown[] }), batch: '2025Q4' };
    small.records = small.records.slice(0, 10);
    const events = chain([small as EventBody, ...large]);
    const ws = workspace();
    const cut = 1;
    writeFileSync(logOf(ws), text(events.slice(0, cut)));
    readLog(ws, { checkpoint: false });
    appendFileSync(logOf(ws), text(events.slice(cut)));
    const add = vi.spyOn(CheckpointBuilder.prototype, 'add');
    readLog(ws);
    expect(add).toHaveBeenCalledTimes(events.length - cut);
    expect(readFileSync(checkpointOf(ws)).equals(built(text(events)) as Buffer)).toBe(true);
  });

  it('a publish followed by register show: the first read extends the checkpoint (only the new event encoded), the next reads write nothing', () => {
    const bodies = largeHistory();
    const events = chain(bodies);
    const ws = workspace();
    // A city's register with a checkpoint, then a publish of a batch (its line well over EXTEND_BYTES).
    const last = events.length - 1;
    let cut = last;
    while (cut > 0 && Buffer.byteLength(eventLine(events[cut] as RegisterEvent)) < 64 << 10) cut--;
    expect(cut).toBeGreaterThan(0);
    writeFileSync(logOf(ws), text(events.slice(0, cut)));
    readLog(ws, { checkpoint: false });
    const base = statSync(checkpointOf(ws));
    appendFileSync(logOf(ws), text(events.slice(cut)));
    const add = vi.spyOn(CheckpointBuilder.prototype, 'add');
    const id = (events[cut] as { records: { id: string }[] }).records[0]?.id as string;
    const shown = registerShow(id, { cwd: ws, workspace: ws, today: '2026-10-15' });
    expect(shown.records.map((r) => r.id)).toContain(id);
    expect(add).toHaveBeenCalledTimes(events.length - cut);
    const extended = statSync(checkpointOf(ws));
    expect(extended.ino).not.toBe(base.ino);
    expect(checkpointCovers(readFileSync(checkpointOf(ws)))).toMatchObject({ seq: events[last]?.seq, lines: events.length });
    // The next command reads through it and writes nothing: the same file, nothing encoded.
    add.mockClear();
    registerShow(id, { cwd: ws, workspace: ws, today: '2026-10-15' });
    expect(add).not.toHaveBeenCalled();
    expect(statSync(checkpointOf(ws)).ino).toBe(extended.ino);
    expect(statSync(checkpointOf(ws)).mtimeMs).toBe(extended.mtimeMs);
  });

  it('a write that fails half-way leaves the old checkpoint, valid, and no temporary file; the next read extends it', () => {
    const events = chain(smallHistory());
    const ws = workspace();
    const cut = events.length - 2;
    writeFileSync(logOf(ws), text(events.slice(0, cut)));
    readLog(ws, { checkpoint: false });
    const old = readFileSync(checkpointOf(ws));
    appendFileSync(logOf(ws), text(events.slice(cut)));
    process.env.HRSS_CREDIT_FAULT = `enospc-partial@${CHECKPOINT_FILE}`;
    const expected = plainState(readLog(ws).result.events);
    expect(readFileSync(checkpointOf(ws)).equals(old)).toBe(true);
    expect(readdirSync(join(ws, 'register')).sort()).toEqual(['events.jsonl', CHECKPOINT_FILE]);
    delete process.env.HRSS_CREDIT_FAULT;
    // The old checkpoint still matches its prefix: read through it, the same state; this read extends it.
    expect(plainState(readLog(ws, { extendBytes: 0 }).result.events)).toEqual(expected);
    expect(readFileSync(checkpointOf(ws)).equals(built(text(events)) as Buffer)).toBe(true);
  });

  it('a crash at any point of the write (the temporary file cut anywhere, never renamed) changes nothing a read gives', () => {
    const events = chain(smallHistory());
    const cut = events.length - 2;
    const io = new MemoryPort();
    const ws = '/ws';
    io.put(`${ws}/register/events.jsonl`, text(events.slice(0, cut)));
    readLog(ws, { checkpoint: false, io });
    const old = Buffer.from(io.readFileSync(`${ws}/register/${CHECKPOINT_FILE}`));
    io.put(`${ws}/register/events.jsonl`, text(events));
    // What the extension writes, taken from a port that lets it finish.
    const done = new MemoryPort();
    done.put(`${ws}/register/events.jsonl`, text(events.slice(0, cut)));
    done.put(`${ws}/register/${CHECKPOINT_FILE}`, old);
    done.put(`${ws}/register/events.jsonl`, text(events));
    const extending = readLog(ws, { io: done, extendBytes: 0 });
    const whole = Buffer.from(done.readFileSync(`${ws}/register/${CHECKPOINT_FILE}`));
    expect(whole.equals(old)).toBe(false);
    const expected = plainState(readLog(ws, { io: done }).result.events);
    // The read that extended it goes on reading the parts it had not read from the file it checked (renamed over,
    // as a descriptor keeps its file): the same state.
    expect(plainState(extending.result.events)).toEqual(expected);
    // The process killed with the temporary file at any length: the old checkpoint stays (a temporary name is
    // never read); the file renamed whole is read through; either gives a replay's state.
    for (const at of [0, 1, 7, 64, 1000, Math.floor(whole.length / 2), whole.length - 1]) {
      const crashed = new MemoryPort();
      crashed.put(`${ws}/register/events.jsonl`, text(events));
      crashed.put(`${ws}/register/${CHECKPOINT_FILE}`, old);
      crashed.put(`${ws}/register/${CHECKPOINT_FILE}.tmp-crash`, whole.subarray(0, at));
      expect(plainState(readLog(ws, { io: crashed }).result.events)).toEqual(expected);
      // A file cut short put in the checkpoint's place (a copy that failed): ignored and rebuilt.
      crashed.put(`${ws}/register/${CHECKPOINT_FILE}`, whole.subarray(0, at));
      expect(plainState(loadRegister(ws, crashed).events)).toEqual(expected);
    }
  });

  it('where a held-open file cannot be renamed over (Windows), the old file is read whole and closed, and the rename tried again', () => {
    const events = chain(smallHistory());
    const cut = events.length - 2;
    const ws = '/ws';
    let refused = 0;
    let armed = false;
    class HeldOpen extends MemoryPort {
      override rename(from: string, to: string): void {
        if (armed && to.endsWith(CHECKPOINT_FILE) && refused === 0) {
          refused++;
          throw Object.assign(new Error('EPERM: operation not permitted, rename'), { code: 'EPERM' });
        }
        super.rename(from, to);
      }
    }
    const io = new HeldOpen();
    io.put(`${ws}/register/events.jsonl`, text(events.slice(0, cut)));
    readLog(ws, { checkpoint: false, io });
    io.put(`${ws}/register/events.jsonl`, text(events));
    armed = true;
    const add = vi.spyOn(CheckpointBuilder.prototype, 'add');
    const read = readLog(ws, { io, extendBytes: 0 });
    expect(refused).toBe(1);
    expect(add).toHaveBeenCalledTimes(events.length - cut);
    expect(Buffer.from(io.readFileSync(`${ws}/register/${CHECKPOINT_FILE}`)).equals(built(text(events)) as Buffer)).toBe(true);
    expect(
      io
        .readdirSync(`${ws}/register`)
        .map((d) => d.name)
        .sort(),
    ).toEqual(['events.jsonl', CHECKPOINT_FILE]);
    // The read goes on from the parts it read before the rename: a replay's state.
    const scratch = new MemoryPort();
    scratch.put(`${ws}/register/events.jsonl`, text(events));
    expect(plainState(read.result.events)).toEqual(plainState(readLog(ws, { io: scratch, checkpoint: false }).result.events));
  });
});
