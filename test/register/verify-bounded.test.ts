// register verify in bounded memory (decisions.md "register verify in bounded memory"): the checkpoint it builds
// spills its text columns, offsets, key hashes and removals to a scratch file (register/checkpoint-spill.ts), and the
// reader gives it each record as it is parsed (chain.ts EventSink) instead of holding a line's records to its end.
// Neither may change a byte of the checkpoint or a finding: checked against the builder that holds everything and the
// reader that keeps every record, on generated histories and on lines whose split into records does not fit.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { chain } from '../helpers/register-chain.js';
import { eventLine } from '../../src/register/chain.js';
import type { EventBody, StoredEvent } from '../../src/register/events.js';
import { CheckpointBuilder } from '../../src/register/checkpoint-writer.js';
import { MemorySpill, type Spill } from '../../src/register/checkpoint-spill.js';
import { readLog } from '../../src/io/register/register-store.js';
import { CHECKPOINT_FILE } from '../../src/io/register/register-checkpoint.js';
import { registerVerify } from '../../src/api/register/register.js';
import { historyArb, largeHistory } from './checkpoint-histories.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function workspaceWith(text: string): string {
  const ws = mkdtempSync(join(tmpdir(), 'hrss-verify-bounded-'));
  dirs.push(ws);
  mkdirSync(join(ws, 'register'));
  writeFileSync(join(ws, 'register', 'events.jsonl'), text);
  return ws;
}
const logOf = (bodies: EventBody[]): string => chain(bodies).map(eventLine).join('');
const registerFiles = (ws: string): string[] => readdirSync(join(ws, 'register')).sort();
const checkpointOf = (ws: string): Buffer | null =>
  registerFiles(ws).includes(CHECKPOINT_FILE) ? readFileSync(join(ws, 'register', CHECKPOINT_FILE)) : null;

const COVERS = { seq: 1, hash: 'a'.repeat(64), bytes: 1, lines: 1, sha256: 'b'.repeat(64) };

/** The file a builder writes: held (finish) or spilled (finishStream, pieces of `piece` bytes). */
function built(events: readonly StoredEvent[], spill?: Spill, piece?: number): Buffer | null {
  const b = new CheckpointBuilder(spill ? { spill, ...(piece ? { spillPiece: piece } : {}) } : {});
  for (const e of events) b.add(e);
  if (!spill) {
    const parts = b.finish(COVERS);
    return parts ? Buffer.concat(parts) : null;
  }
  const stream = b.finishStream(COVERS);
  if (!stream) return null;
  const out = Buffer.concat([...stream.pieces()].map((p) => Buffer.from(p)));
  expect(out.length).toBe(stream.bytes);
  return out;
}

describe('the checkpoint spilled while it is built', () => {
  it('is byte for byte the checkpoint held in memory, whatever the size of the pieces spilled', () => {
    const histories = [...fc.sample(historyArb, { seed: 2227, numRuns: 25 }), largeHistory()];
    let kept = 0;
    for (const h of histories) {
      const ws = workspaceWith(logOf(h));
      const read = readLog(ws, { checkpoint: false });
      expect(read.result.ok).toBe(true);
      const held = built(read.result.events);
      for (const piece of [8, 1 << 20]) {
        const spill = new MemorySpill();
        const spilled = built(read.result.events, spill, piece);
        // Compared as bytes (a deep equality walks a Buffer an element at a time).
        expect(spilled === null ? null : spilled.length).toBe(held === null ? null : held.length);
        if (held && spilled) expect(held.equals(spilled)).toBe(true);
        // Something went to the spill (pieces and CRC-32s combined) whenever there was a record.
        if (held && read.result.events.some((e) => 'records' in e && e.records.length > 0)) expect(spill.written).toBeGreaterThan(0);
      }
      if (held) kept++;
      rmSync(ws, { recursive: true });
    }
    expect(kept).toBeGreaterThan(10);
  }, 300_000);

  it('a spill that cannot be written (a full disk) means no checkpoint, never a wrong one', () => {
    const ws = workspaceWith(logOf(largeHistory()));
    const events = readLog(ws, { checkpoint: false }).result.events;
    let writes = 0;
    const full: Spill = {
      write() {
        if (++writes > 3) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      },
      read() {
        throw new Error('not read: nothing is written after a failed spill');
      },
    };
    const b = new CheckpointBuilder({ spill: full, spillPiece: 64 });
    for (const e of events) b.add(e);
    expect(writes).toBeGreaterThan(3);
    expect(b.finishStream(COVERS)).toBeNull();
  }, 120_000);

  it('register verify leaves no scratch file beside the log, whole or broken', () => {
    const ws = workspaceWith(logOf(largeHistory()));
    expect(registerVerify({ cwd: ws, workspace: ws, today: '2026-10-15' })).toMatchObject({ valid: true, events: 4 });
    expect(registerFiles(ws)).toEqual(['events.jsonl', CHECKPOINT_FILE]);
    // The same log with its last line's hash edited: broken at line 4, no checkpoint and no scratch file.
    const lines = logOf(largeHistory()).split('\n');
    lines[3] = (lines[3] as string).replace(/"hash":"(.)/, (_, c: string) => `"hash":"${c === '0' ? '1' : '0'}`);
    const broken = workspaceWith(lines.join('\n'));
    expect(registerVerify({ cwd: broken, workspace: broken, today: '2026-10-15' })).toMatchObject({ valid: false, broken: { line: 4 } });
    expect(registerFiles(broken)).toEqual(['events.jsonl']);
  }, 120_000);
});

// Records as another writer's fields may leave them: the first key differs from record to record, or a nested array
// holds objects that begin with the records' first key — the split at `},{"<first key>":` (line-split.ts) then does
// not fit, and the line is parsed whole from the record where the split failed.
const rec = (i: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: `e${i.toString(16).padStart(11, '0')}`,
  listType: i % 2 ? 'red' : 'black',
  domain: '劳务派遣',
  department: '就业办',
  subjectName: `新乡市样例${i}有限公司`,
  subjectType: '法人及非法人组织',
  creditCode: '',
  idType: '',
  idNumber: '',
  decisionNo: `新人社〔2026〕${i}号`,
  decisionDate: '2026-03-01',
  publishUntil: '2029-03-01',
  severity: '一般',
  ...extra,
});
const publish = (
  batch: string,
  records: Record<string, unknown>[],
  removals: { id: string; type: string; reason: string }[] = [],
): EventBody =>
  ({ type: 'publish', batch, on: '2026-04-15', package: '1'.repeat(64), records, removals, unchanged: [] }) as unknown as EventBody;
const objection = (id: string): EventBody => ({ type: 'objection-add', on: '2026-05-01', id, objection: 'O1' }) as EventBody;

const TRICKY: Record<string, EventBody[]> = {
  'records whose first key differs (the split merges two)': [
    // Pieces: 1 | 2 and 3 (no `},{"authority":` between them) | 4: the second does not parse, the line is parsed whole.
    publish('2026Q1', [rec(1, { authority: '局' }), rec(2, { authority: '局' }), rec(3), rec(4, { authority: '局' })]),
    objection(rec(3).id as string),
    publish('2026Q2', [rec(6)], [{ id: rec(4).id as string, type: 'violation', reason: '违法' }]),
  ],
  "a nested array of objects that begin with the records' first key (the split cuts a record)": [
    publish('2026Q1', [rec(1), rec(2, { creditCode: '', zz: [{ creditCode: 'x' }, { creditCode: 'y' }] }), rec(3)]),
    publish('2026Q2', [rec(7), rec(8)]),
  ],
  'a record without its list type after readable ones (a schema break at its line)': [
    publish('2026Q1', [rec(1)]),
    publish('2026Q2', [rec(2), rec(3), { ...rec(4), listType: undefined }, rec(5)]),
    publish('2026Q3', [rec(6)]),
  ],
  'a record that is not an object among records (a schema break)': [
    publish('2026Q1', [rec(1), 7 as unknown as Record<string, unknown>, rec(2)]),
  ],
  'a record without a subject name, after a split that did not fit': [
    publish('2026Q1', [rec(1, { authority: '局' }), rec(2), { ...rec(3), subjectName: 5 }]),
  ],
  // Records the reader of bytes (record-fields.ts) leaves to JSON.parse, among ones it reads: a summary member that is
  // a number, null, an object or escaped text; no id (our identity's); another member holding the summary's keys.
  'records read from their bytes beside ones parsed (numbers, escapes, no id, nested summary keys)': [
    publish('2026Q1', [
      rec(1, { source: { id: 'x', listType: 'red', subjectName: '别' } }),
      rec(2, { creditCode: 914107, idNumber: null, severity: { a: 1 } }),
      rec(3, { subjectName: '新乡"引号"\\公司\n', decisionNo: '\u0001' }),
      { ...rec(4), id: undefined },
      rec(5, { id: '' }),
      rec(6, { é: 1, domain: '𠮷' }),
      rec(7),
    ]),
    publish('2026Q2', [rec(8, { department: true }), rec(9)], [{ id: rec(1).id as string, type: 'violation', reason: '违法' }]),
  ],
  'a list type the reader of bytes reads, then refuses as the parser does (a schema break)': [
    publish('2026Q1', [rec(1)]),
    publish('2026Q2', [rec(2), rec(3, { listType: 'Red' })]),
  ],
};

describe("register verify's reader, each record given to the checkpoint as it is parsed", () => {
  for (const [name, bodies] of Object.entries(TRICKY))
    it(`${name}: the findings and the checkpoint of the reader that keeps every record`, () => {
      const text = logOf(bodies);
      const verified = workspaceWith(text);
      const v = registerVerify({ cwd: verified, workspace: verified, today: '2026-10-15' });
      const kept = workspaceWith(text);
      const r = readLog(kept, { checkpoint: false }).result;
      expect({ valid: v.valid, events: v.events, broken: v.broken }).toEqual({
        valid: r.ok,
        events: r.events.length,
        broken: r.ok ? null : r.broken,
      });
      const [a, b] = [checkpointOf(verified), checkpointOf(kept)];
      expect(a === null ? null : a.toString('base64')).toBe(b === null ? null : b.toString('base64'));
      expect(registerFiles(verified)).toEqual(registerFiles(kept));
    });

  it('generated histories (escapes, lone surrogates, contents, corrections): the findings and checkpoint of that reader', () => {
    for (const h of fc.sample(historyArb, { seed: 3303, numRuns: 30 })) {
      const text = logOf(h);
      const verified = workspaceWith(text);
      const v = registerVerify({ cwd: verified, workspace: verified, today: '2026-10-15' });
      const kept = workspaceWith(text);
      const r = readLog(kept, { checkpoint: false }).result;
      expect({ valid: v.valid, events: v.events }).toEqual({ valid: r.ok, events: r.events.length });
      const [a, b] = [checkpointOf(verified), checkpointOf(kept)];
      expect(a === null ? null : a.toString('base64')).toBe(b === null ? null : b.toString('base64'));
    }
  }, 120_000);

  it('the cases above do reach the split that does not fit, and both kinds of break', () => {
    const outcomes = Object.values(TRICKY).map((bodies) => {
      const ws = workspaceWith(logOf(bodies));
      const r = readLog(ws, { checkpoint: false, chainOnly: true }).result;
      return r.ok ? 'ok' : `${r.broken.reason}@${r.broken.line}`;
    });
    expect(outcomes).toEqual(['ok', 'ok', 'schema@2', 'schema@1', 'schema@1', 'ok', 'schema@2']);
  });
});
