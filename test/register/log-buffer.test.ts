// readLog reads a small log into a buffer its size, not into the 16 MiB chunk a large log is read by: a
// 16 MiB buffer taken for a log of a few kilobytes, by every command that reads the register, was memory
// the garbage collector then paid for (found profiling the consistency property: a fifth of the CPU of
// status, supervise, register list and diff on a small register). Asserted on the buffers taken, not on time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chain } from '../helpers/register-chain.js';
import { MemoryPort } from '../../src/io/memory-port.js';
import { readLog } from '../../src/io/register/register-store.js';
import { eventLine } from '../../src/register/chain.js';
import type { EventBody } from '../../src/register/events.js';

const publish = (n: number): EventBody => ({
  type: 'publish',
  batch: `${2000 + Math.floor(n / 4)}Q${(n % 4) + 1}`,
  on: '2026-04-15',
  package: 'f'.repeat(64),
  records: [],
  removals: [],
  unchanged: [],
});

/** A workspace in memory whose log holds `n` events; its size in bytes. */
function logOf(n: number): { io: MemoryPort; size: number } {
  const text = chain(Array.from({ length: n }, (_, i) => publish(i)))
    .map(eventLine)
    .join('');
  const io = new MemoryPort();
  io.put('/ws/register/events.jsonl', text);
  return { io, size: Buffer.byteLength(text) };
}

/** The sizes of the buffers Buffer.allocUnsafe hands out while `f` runs. */
function buffersTaken(f: () => void): number[] {
  const sizes: number[] = [];
  const allocUnsafe = Buffer.allocUnsafe;
  vi.spyOn(Buffer, 'allocUnsafe').mockImplementation((size: number) => {
    sizes.push(size);
    return allocUnsafe(size);
  });
  f();
  return sizes;
}

describe("readLog's buffer fits the log", () => {
  afterEach(() => vi.restoreAllMocks());

  it('a log of three events is read with no buffer over 64 KiB', () => {
    const { io } = logOf(3);
    let events = 0;
    const sizes = buffersTaken(() => {
      const read = readLog('/ws', { checkpoint: false, io });
      expect(read.result.ok).toBe(true);
      events = read.result.events.length;
    });
    expect(events).toBe(3);
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(64 << 10);
  });

  it('a log over 64 KiB is read whole, with no buffer of a mebibyte', () => {
    const { io, size } = logOf(400);
    expect(size).toBeGreaterThan(64 << 10);
    let events = 0;
    const sizes = buffersTaken(() => {
      const read = readLog('/ws', { checkpoint: false, io });
      expect(read.result.ok).toBe(true);
      events = read.result.events.length;
    });
    expect(events).toBe(400);
    expect(Math.max(...sizes)).toBeLessThan(1 << 20);
  });
});
