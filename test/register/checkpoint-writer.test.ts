// The checkpoint's encoder fed an event at a time (register/checkpoint-writer.ts; decisions.md "A checkpoint built as
// the lines are read"): register verify builds the checkpoint as it reads the lines and keeps no record, and the file
// is byte for byte what the version-3 encoder wrote from every record held (the digest below was taken with it, at
// 45b70ae, over the same histories; taken again when the body's first line gained `orphans`, checkpoint-extend.ts),
// whichever way it is built.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { chain } from '../helpers/register-chain.js';
import { eventLine } from '../../src/register/chain.js';
import type { EventBody } from '../../src/register/events.js';
import { readLog } from '../../src/io/register/register-store.js';
import { CHECKPOINT_FILE } from '../../src/io/register/register-checkpoint.js';
import { registerList, registerVerify } from '../../src/api/register/register.js';
import { historyArb, largeHistory } from './checkpoint-histories.js';
import { asciiJson } from '../../src/register/checkpoint.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function workspaceWith(bodies: EventBody[]): string {
  const ws = mkdtempSync(join(tmpdir(), 'hrss-checkpoint-writer-'));
  dirs.push(ws);
  mkdirSync(join(ws, 'register'));
  writeFileSync(join(ws, 'register', 'events.jsonl'), chain(bodies).map(eventLine).join(''));
  return ws;
}
const checkpointOf = (ws: string): Buffer | null => {
  const f = join(ws, 'register', CHECKPOINT_FILE);
  return existsSync(f) ? readFileSync(f) : null;
};

/** 60 generated histories (seed 2226) and the large fixed one. */
const histories = (): EventBody[][] => [...fc.sample(historyArb, { seed: 2226, numRuns: 60 }), largeHistory()];
/** The SHA-256 of their checkpoints in order ('none' where a history keeps none), as the encoder wrote them before. */
const BEFORE = { kept: 32, sha256: '3e894e368378a8eac59250d0931ebc36a1f395c8b7a61d7540e456d86c71a55a' };

describe('the checkpoint built an event at a time', () => {
  it('writes the bytes the encoder wrote from every record held: from held events (a read) and as the lines are read (register verify)', () => {
    for (const build of ['read', 'verify'] as const) {
      const digest = createHash('sha256');
      let kept = 0;
      for (const h of histories()) {
        const ws = workspaceWith(h);
        if (build === 'read') readLog(ws, { checkpoint: false });
        else expect(registerVerify({ cwd: ws, workspace: ws, today: '2026-10-15' }).valid).toBe(true);
        const file = checkpointOf(ws);
        if (file) kept++;
        digest.update(file ?? 'none');
        rmSync(ws, { recursive: true });
      }
      expect({ build, kept, sha256: digest.digest('hex') }).toEqual({ build, ...BEFORE });
    }
  }, 300_000);

  it('register verify keeps only the chain of the events it reads (no records), and its checkpoint reads back the same state', () => {
    const ws = workspaceWith(largeHistory());
    const read = readLog(ws, { checkpoint: false, chainOnly: true });
    expect(read.result.ok).toBe(true);
    expect(read.result.events.map((e) => ('records' in e ? e.records.length : -1))).toEqual([0, -1, 0, -1]);
    const full = readLog(ws, { checkpoint: false });
    expect(read.result.events.map((e) => [e.seq, e.hash])).toEqual(full.result.events.map((e) => [e.seq, e.hash]));
    expect(read.result.head).toEqual(full.result.head);
    const head = `${full.result.head?.seq}:${full.result.head?.hash.slice(0, 16)}`;
    expect(registerVerify({ cwd: ws, workspace: ws, today: '2026-10-15', head })).toMatchObject({ valid: true, events: 4 });
    // Listed through the checkpoint verify wrote, and from the log alone: the same records.
    const through = registerList({ cwd: ws, workspace: ws, today: '2026-10-15', status: 'all' });
    rmSync(join(ws, 'register', CHECKPOINT_FILE));
    const scratch = registerList({ cwd: ws, workspace: ws, today: '2026-10-15', status: 'all' });
    expect(through.records.length).toBe(30_002);
    expect(JSON.stringify(through)).toBe(JSON.stringify(scratch));
  }, 120_000);

  it('a record the checkpoint cannot keep (a lone surrogate) after many it could: no checkpoint, verify still valid', () => {
    const large = largeHistory();
    const ws = workspaceWith([
      ...large,
      {
        type: 'publish',
        batch: '2026Q3',
        on: '2026-10-15',
        package: '3'.repeat(64),
        records: [{ ...(large[0] as { records: object[] }).records[0], id: 'd00000000001', subjectName: '新乡\ud800' }],
        removals: [],
        unchanged: [],
      } as unknown as EventBody,
    ]);
    expect(registerVerify({ cwd: ws, workspace: ws, today: '2026-10-15' })).toMatchObject({ valid: true, events: 5 });
    expect(checkpointOf(ws)).toBeNull();
  }, 120_000);
});

describe("asciiJson (the checkpoint's JSON lines and removals)", () => {
  it('escapes every UTF-16 unit from U+007F as \\u and four lower-case hex digits, as the JSON.stringify + replace it stands for', () => {
    const reference = (v: unknown): string =>
      JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom('\u007f', '\ud800', '\udfff', '😀', '就业办', '\uffff', '"\\\n\u2028'),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ id: text, reason: text, n: fc.integer() }), { maxLength: 5 }), text, (xs, t) => {
        expect(asciiJson(xs)).toBe(reference(xs));
        expect(asciiJson(t)).toBe(reference(t));
        expect([...asciiJson(xs)].every((c) => c.charCodeAt(0) < 0x7f)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
