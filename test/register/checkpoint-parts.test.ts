// A checkpoint read part by part (register/checkpoint-parts.ts; decisions.md "A checkpoint read part by part"):
// one pass checks the body, then a reader of one record reads a small share of the file, a part changed under
// the open file after the pass is refused rather than read as another value, and the file is closed once read.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chain } from '../helpers/register-chain.js';
import { eventLine } from '../../src/register/chain.js';
import type { EventBody, RegisterRecord } from '../../src/register/events.js';
import { decodeCheckpoint } from '../../src/register/checkpoint.js';
import {
  ascending,
  below,
  chained,
  CheckpointChangedError,
  CheckpointParts,
  type CheckpointBytes,
  type PartSpec,
} from '../../src/register/checkpoint-parts.js';
import { crc32 } from '../../src/register/crc32.js';
import { prefixOf } from '../../src/register/lazy-state.js';
import { replay, replayEager } from '../../src/register/state.js';
import { storedFields } from '../../src/register/stored-columns.js';
import type { LineSource, StoredRecord } from '../../src/register/stored.js';
import { readLog } from '../../src/io/register/register-store.js';
import { CHECKPOINT_FILE } from '../../src/io/register/register-checkpoint.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const idOf = (i: number): string => `r${String(i).padStart(11, '0')}`;
const record = (i: number): RegisterRecord =>
  ({
    id: idOf(i),
    listType: i % 3 === 0 ? 'black' : 'red',
    domain: '劳务派遣',
    department: i % 2 === 0 ? '就业办' : '市社保中心',
    subjectName: `新乡市测试${i}有限公司`,
    subjectType: '法人及非法人组织',
    creditCode: '',
    idType: '',
    idNumber: '',
    decisionNo: `新人社罚〔2026〕${i}号`,
    decisionDate: '2026-03-31',
    publishUntil: '2029-03-30',
    severity: '',
    facts: '事实',
  }) as unknown as RegisterRecord;

/** Three batches of 2,000 records, the second removing a few of the first: a checkpoint of many 64 KiB blocks. */
function threeBatches(): { log: string; checkpoint: Buffer; ws: string } {
  const bodies: EventBody[] = [0, 1, 2].map(
    (b) =>
      ({
        type: 'publish',
        batch: `2026Q${b + 1}`,
        on: `2026-0${4 + 3 * b}-15`,
        package: '0'.repeat(64),
        records: Array.from({ length: 2000 }, (_, k) => record(b * 2000 + k)),
        removals:
          b === 1 ? [0, 3, 6].map((i) => ({ id: idOf(i), type: 'early', reason: '提前移出', on: '2026-07-01', department: '' })) : [],
        unchanged: [],
      }) as unknown as EventBody,
  );
  const log = chain(bodies).map(eventLine).join('');
  const ws = mkdtempSync(join(tmpdir(), 'hrss-checkpoint-parts-'));
  dirs.push(ws);
  mkdirSync(join(ws, 'register'));
  writeFileSync(join(ws, 'register', 'events.jsonl'), log);
  readLog(ws, { checkpoint: false });
  return { log, checkpoint: readFileSync(join(ws, 'register', CHECKPOINT_FILE)), ws };
}

/** Bytes as a file that counts what is read of it and whether it was closed. */
function counted(bytes: Uint8Array): CheckpointBytes & { readBytes: number; closed: number } {
  const file = {
    size: bytes.length,
    readBytes: 0,
    closed: 0,
    read(buf: Uint8Array, offset: number, length: number, position: number): number {
      const part = bytes.subarray(Math.min(position, bytes.length), Math.min(position + length, bytes.length));
      buf.set(part, offset);
      file.readBytes += part.length;
      return part.length;
    },
    close(): void {
      file.closed++;
    },
  };
  return file;
}

const noLines: LineSource = {
  readLine: () => {
    throw new Error('no whole record is asked here');
  },
};

describe('a checkpoint read part by part', () => {
  it('one pass reads the file once; one record’s entry then reads under a fifth of it, the same entry as a replay', () => {
    const { log, checkpoint } = threeBatches();
    expect(checkpoint.length).toBeGreaterThan(5 * (1 << 16));
    const file = counted(checkpoint);
    const events = decodeCheckpoint(file, noLines);
    expect(events).not.toBeNull();
    // The head and the body's first line are read before the pass: a little over the file once.
    expect(file.readBytes).toBeLessThan(checkpoint.length + 80_000);
    const afterPass = file.readBytes;
    const state = replay(events ?? []);
    const entry = state.records.get(idOf(3));
    expect(file.readBytes - afterPass).toBeLessThan(checkpoint.length / 5);
    expect(file.closed).toBe(0);
    // What a replay of the log's own lines makes of it (its publication and the removal of batch 2).
    const eager = replayEager(
      chain([]).concat(
        log
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l)),
      ),
    );
    const fields = (e: typeof entry) => e && { ...e, publications: e.publications.map((p) => storedFields(p as StoredRecord)) };
    const expected = eager.records.get(idOf(3));
    expect(entry?.removals).toEqual(expected?.removals);
    expect(fields(entry)?.publications.map((p) => [p.id, p.subjectName, p.decisionNo, p.batch])).toEqual([
      [idOf(3), '新乡市测试3有限公司', '新人社罚〔2026〕3号', '2026Q1'],
    ]);
    // Every part read: the file is closed, once.
    prefixOf(events ?? [])?.loadAll?.();
    expect(file.closed).toBe(1);
    expect(state.records.get(idOf(5999))?.publications[0]?.subjectName).toBe('新乡市测试5999有限公司');
  });

  it('a part changed in the file after the pass is refused (CheckpointChangedError), never read as another value', () => {
    const { checkpoint } = threeBatches();
    const bytes = Buffer.from(checkpoint);
    const events = decodeCheckpoint(counted(bytes), noLines) ?? [];
    expect(events.length).toBe(3);
    // Everything after the head and the body's first line rewritten under the open file.
    const start = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1;
    for (let i = start; i < bytes.length; i++) bytes[i] = (bytes[i] as number) ^ 0x01;
    expect(() => replay(events).records.get(idOf(3))).toThrow(CheckpointChangedError);
  });

  it('the pass refuses a body whose CRC-32 or numbers are not what they must be; a part is checked where it is read', () => {
    const body = Buffer.alloc(3 * (1 << 16) + 12);
    for (let i = 0; i < body.length; i += 4) body.writeUInt32LE(i % 1000, i);
    const specs: PartSpec[] = [
      { at: 8, len: 1 << 16, check: (b: Uint8Array) => b.length % 4 === 0 },
      { at: (1 << 16) + 8, len: 0 },
      { at: 2 * (1 << 16), len: (1 << 16) + 12 },
    ];
    const file = counted(body);
    expect(CheckpointParts.scan(file, 0, body.length, specs, crc32(body) ^ 1)).toBeNull();
    expect(CheckpointParts.scan(file, 0, body.length, [{ at: 8, len: 1 << 16, check: () => false }], crc32(body))).toBeNull();
    const parts = CheckpointParts.scan(file, 0, body.length, specs, crc32(body));
    expect(parts).not.toBeNull();
    // A few bytes across a block's end, and a whole part, as they lie in the body.
    expect(Buffer.from(parts?.range(2, (1 << 16) - 2, (1 << 16) + 6) ?? [])).toEqual(body.subarray(3 * (1 << 16) - 2, 3 * (1 << 16) + 6));
    expect(Buffer.from(parts?.load(0) ?? [])).toEqual(body.subarray(8, 8 + (1 << 16)));
    expect(parts?.load(1).length).toBe(0);
    body[3 * (1 << 16) + 2] = 0xff;
    expect(() => parts?.range(2, (1 << 16) + 1, (1 << 16) + 3)).toThrow(CheckpointChangedError);
    expect(() => parts?.load(2)).toThrow(CheckpointChangedError);
  });

  it('a part taken is checked as a loaded one but not kept: each take reads the file again, and a change is refused', () => {
    const body = Buffer.alloc(2 * (1 << 16));
    for (let i = 0; i < body.length; i += 4) body.writeUInt32LE(i % 997, i);
    const specs: PartSpec[] = [
      { at: 0, len: 1 << 16 },
      { at: 1 << 16, len: 1 << 16 },
    ];
    const file = counted(body);
    const parts = CheckpointParts.scan(file, 0, body.length, specs, crc32(body));
    expect(parts).not.toBeNull();
    const before = file.readBytes;
    expect(Buffer.from(parts?.take(1) ?? [])).toEqual(body.subarray(1 << 16));
    // Not kept (a text column or an event's removals keep what they make of it, not the parts).
    expect(parts?.isLoaded(1)).toBe(false);
    expect(file.readBytes).toBe(before + (1 << 16));
    const again = file.readBytes;
    parts?.take(1);
    expect(file.readBytes).toBe(again + (1 << 16));
    body[(1 << 16) + 5] = 0xff - (body[(1 << 16) + 5] ?? 0);
    expect(() => parts?.take(1)).toThrow(CheckpointChangedError);
  });

  it('the pass’s checks hold across pieces: indexes below the table’s size, offsets in order from 0 to the end, the id chain forward', () => {
    const u16 = (...xs: number[]) => new Uint8Array(Uint16Array.from(xs).buffer);
    const u32 = (...xs: number[]) => new Uint8Array(Uint32Array.from(xs).buffer);
    expect(below(3, 2)(u16(0, 2, 1))).toBe(true);
    expect(below(3, 2)(u16(0, 3))).toBe(false);
    expect(below(3, 4)(u32(2, 70000))).toBe(false);
    const offsets = (...pieces: number[][]) => {
      const count = pieces.flat().length;
      const check = ascending(count, 0, 9, 10);
      return pieces.every((p) => check(u32(...p)));
    };
    expect(offsets([0, 2], [2, 5], [9])).toBe(true);
    expect(offsets([1, 2], [5, 9])).toBe(false); // not from 0
    expect(offsets([0, 5], [4, 9])).toBe(false); // back across pieces
    expect(offsets([0, 5], [7, 8])).toBe(false); // not ending at the text's length
    const rows = ascending(3, null, null, 10, true);
    expect(rows(u32(1, 4)) && rows(u32(4))).toBe(false); // strictly: the same row twice
    const chain = (...pieces: number[][]) => {
      const check = chained(4);
      return pieces.every((p) => check(u32(...p)));
    };
    expect(chain([3, 0], [4, 0])).toBe(true);
    expect(chain([3, 0], [3, 0])).toBe(false); // row 2 chained to itself (row + 1 = 3)
    expect(chain([5])).toBe(false); // past the last row
  });
});
