// io/spool.ts: bytes put aside in a temporary file (a long diff's later sections) come back the same, in order, in
// pieces no larger than asked, or as written when no size is asked; the file leaves nothing in the folder (POSIX:
// unlinked once open) and is closed after.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSpool } from '../../src/io/spool.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const folder = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'hrss-spool-'));
  dirs.push(d);
  return d;
};

describe('fileSpool', () => {
  it('gives back every byte written, in order, in pieces of at most the size asked', () => {
    const dir = folder();
    const spool = fileSpool(dir);
    const written: Buffer[] = [];
    for (let i = 0; i < 300; i++) {
      const b = Buffer.from(`${i}:${'新'.repeat(i % 37)}\n`, 'utf8');
      written.push(b);
      spool.write(b);
    }
    const all = Buffer.concat(written);
    expect(spool.size).toBe(all.length);
    const pieces = [...spool.read(1000)];
    expect(pieces.every((p) => p.length <= 1000)).toBe(true);
    expect(pieces.length).toBe(Math.ceil(all.length / 1000));
    expect(Buffer.concat(pieces)).toEqual(all);
  });

  it('lent, gives back every byte in one buffer read again for each piece (a reader that copies them at once)', () => {
    const spool = fileSpool(folder());
    const all = Buffer.from(Array.from({ length: 2500 }, (_, i) => `${i}新`).join(''), 'utf8');
    spool.write(all.subarray(0, 1234));
    spool.write(all.subarray(1234));
    const copies: Buffer[] = [];
    const buffers = new Set<ArrayBufferLike>();
    for (const piece of spool.read(1000, true)) {
      copies.push(Buffer.from(piece));
      buffers.add(piece.buffer);
    }
    expect(Buffer.concat(copies)).toEqual(all);
    expect(copies.length).toBe(Math.ceil(all.length / 1000));
    expect(buffers.size).toBe(1);
  });

  it("asked for no size, gives back the pieces as they were written (a JSON section's parts end after an item)", () => {
    const spool = fileSpool(folder());
    const written = [70_000, 5, 65_536, 131_073].map((n, i) => Buffer.alloc(n, 97 + i));
    for (const b of written) spool.write(b);
    expect([...spool.read()]).toEqual(written);
  });

  it('makes no file until written, and leaves none in its folder (unlinked once open, on POSIX)', () => {
    const dir = folder();
    const spool = fileSpool(dir);
    expect(readdirSync(dir)).toEqual([]);
    spool.write(Buffer.from('a'));
    if (process.platform !== 'win32') expect(readdirSync(dir)).toEqual([]);
    expect(Buffer.concat([...spool.read()]).toString()).toBe('a');
    expect(readdirSync(dir)).toEqual([]);
    // Closed after its read: closing again is nothing.
    spool.close();
    expect([...fileSpool(dir).read()]).toEqual([]);
  });

  it('closed before its read (a stream that ended early), its bytes are gone', () => {
    const dir = folder();
    const spool = fileSpool(dir);
    spool.write(Buffer.alloc(70_000, 1));
    spool.close();
    spool.close();
    expect(readdirSync(dir)).toEqual([]);
  });
});
