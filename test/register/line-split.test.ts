// line-split.ts searches only inside the line it splits. The caller hands it the log's buffer, with every
// line after this one in it: a search running on to the buffer's end at each line made reading a log
// quadratic in its length (found profiling the consistency property, where reading the register was the
// largest cost). Asserted on the searches made, not on time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { splitRecords } from '../../src/register/line-split.js';

const line = (batch: string): string =>
  `{"type":"publish","batch":"${batch}","records":[{"id":"a","n":1},{"id":"b","n":2},{"id":"c","n":3}],"removals":[]}`;

describe('splitRecords searches only its own line', () => {
  afterEach(() => vi.restoreAllMocks());

  it('splits the first line of a log without reading the lines after it', () => {
    const first = line('2026Q1');
    const log = Buffer.from(`${first}\n${line('2026Q2')}\n${'x'.repeat(100_000)}\n`);
    const end = Buffer.byteLength(first);
    const searched: number[] = [];
    const indexOf = Buffer.prototype.indexOf;
    vi.spyOn(Buffer.prototype, 'indexOf').mockImplementation(function (this: Buffer, ...args: unknown[]) {
      searched.push(this.byteOffset + this.length - log.byteOffset);
      return Reflect.apply(indexOf, this, args);
    });
    const split = splitRecords(log, 0, end, (b) => b.toString('utf8'));
    expect(split?.pieces.length).toBe(6);
    expect(JSON.parse(log.toString('utf8', split!.pieces[4], split!.pieces[5]))).toEqual({ id: 'c', n: 3 });
    expect(searched.length).toBeGreaterThan(0);
    // Every search ends where the line ends (a search on the whole buffer would reach the log's end).
    expect(Math.max(...searched)).toBeLessThanOrEqual(end);
  });

  it('a line in the middle of the buffer splits the same as on its own', () => {
    const a = line('2026Q1');
    const b = line('2026Q2');
    const log = Buffer.from(`${a}\n${b}\n${a}\n`);
    const start = Buffer.byteLength(a) + 1;
    const end = start + Buffer.byteLength(b);
    const split = splitRecords(log, start, end, (x) => x.toString('utf8'));
    const alone = splitRecords(Buffer.from(b), 0, Buffer.byteLength(b), (x) => x.toString('utf8'));
    expect(split?.header).toBe(alone?.header);
    expect(split?.pieces.map((p) => p - start)).toEqual(alone?.pieces);
  });
});
