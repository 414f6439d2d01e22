// The memory port's appends (io/memory-port.ts openAppend): the register's log is written a line at a time,
// and copying the whole file on each append made an n-line log cost n²/2 bytes copied. Appends now fill a
// buffer that doubles when full: n appends make about log2(n) buffers, not n. What a reader holds never
// changes under it, also when the file is cut back and written again, or appended through another handle.
import { describe, expect, it } from 'vitest';
import { MemoryPort } from '../../src/io/memory-port.js';

const enc = new TextEncoder();
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('the memory port appends in amortised time', () => {
  it('1,000 appends of a line make a few buffers (doubling), and the file is every line in order', () => {
    const io = new MemoryPort();
    io.mkdir('/ws');
    const w = io.openAppend('/ws/events.jsonl', { create: true });
    const buffers = new Set<ArrayBufferLike>();
    let expected = '';
    for (let i = 0; i < 1000; i++) {
      const line = `{"seq":${i}}\n`;
      expect(w.write(enc.encode(line))).toBe(line.length);
      expected += line;
      buffers.add(io.readFileSync('/ws/events.jsonl').buffer);
    }
    w.close();
    expect(text(io.readFileSync('/ws/events.jsonl'))).toBe(expected);
    expect(io.statSync('/ws/events.jsonl').size).toBe(expected.length);
    // ~12 KB grown from 64 bytes by doubling: about 9 buffers; one per append before.
    expect(buffers.size).toBeLessThanOrEqual(12);
  });

  it('bytes a reader was handed stay as they were: after more appends, a cut-back, another handle', () => {
    const io = new MemoryPort();
    io.writeFile('/ws/a.log', 'one\n');
    const w = io.openAppend('/ws/a.log');
    w.write(enc.encode('two\n'));
    const seen = io.readFileSync('/ws/a.log');
    w.write(enc.encode('three\n'));
    expect(text(seen)).toBe('one\ntwo\n');
    w.truncate(4);
    w.write(enc.encode('TWO\n'));
    expect(text(seen)).toBe('one\ntwo\n');
    expect(text(io.readFileSync('/ws/a.log'))).toBe('one\nTWO\n');
    const seen2 = io.readFileSync('/ws/a.log');
    const other = io.openAppend('/ws/a.log');
    other.write(enc.encode('x\n'));
    w.write(enc.encode('y\n'));
    expect(text(seen2)).toBe('one\nTWO\n');
    expect(text(io.readFileSync('/ws/a.log'))).toBe('one\nTWO\nx\ny\n');
    // A whole-file write replaces the file; the old handle's next append goes after the new bytes.
    io.writeFile('/ws/a.log', 'new\n');
    w.write(enc.encode('z\n'));
    expect(text(seen2)).toBe('one\nTWO\n');
    expect(text(io.readFileSync('/ws/a.log'))).toBe('new\nz\n');
    // A read handle sees the appends (as a file descriptor does), and only the file's bytes.
    const r = io.openRead('/ws/a.log');
    const buf = new Uint8Array(32);
    expect(r.read(buf, 0, 32, 0)).toBe(6);
  });
});
