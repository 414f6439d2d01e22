// chain.ts decodes each record of a line with Buffer's UTF-8 decoding (recordText), no longer the reader's
// TextDecoder: ~10 % less CPU a record. The two must give the same text for any bytes — a malformed sequence's
// U+FFFD replacements, a BOM kept, a truncated character at the piece's end — in a Buffer or in the log thread's
// shared memory, or a record of another tool's log would be read otherwise than before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const BEFORE = new TextDecoder('utf-8', { ignoreBOM: true });
/** Bytes that begin, continue or break UTF-8 sequences, beside any byte. */
const awkward = fc.constantFrom(
  0x00,
  0x22,
  0x5c,
  0x7f,
  0x80,
  0x8f,
  0x90,
  0x9f,
  0xa0,
  0xbb,
  0xbf,
  0xc0,
  0xc1,
  0xc2,
  0xdf,
  0xe0,
  0xed,
  0xef,
  0xf0,
  0xf4,
  0xf5,
  0xff,
);
const bytes = fc.array(fc.oneof(fc.integer({ min: 0, max: 255 }), awkward, awkward), { maxLength: 48 });

describe("a record's text", () => {
  it('is the same from Buffer#toString as from the TextDecoder it replaces, for any bytes at any offset', () => {
    fc.assert(
      fc.property(bytes, fc.nat(7), fc.nat(7), fc.boolean(), (body, before, after, shared) => {
        const length = before + body.length + after;
        const buf = shared ? Buffer.from(new SharedArrayBuffer(length)) : Buffer.alloc(length);
        buf.fill(0x61);
        Buffer.from(body).copy(buf, before);
        const end = before + body.length;
        expect(buf.toString('utf8', before, end)).toBe(BEFORE.decode(buf.subarray(before, end)));
      }),
      { numRuns: 20000 },
    );
  });

  it('keeps a BOM and replaces what is malformed, as the reader did', () => {
    const b = Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0xe4, 0xb8, 0x7d, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98]);
    expect(b.toString('utf8', 0, b.length)).toBe(BEFORE.decode(b));
    expect(b.toString('utf8', 0, b.length).startsWith('\ufeff{\ufffd}')).toBe(true);
  });
});
