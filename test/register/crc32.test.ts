// The checkpoint's body check (register/crc32.ts): the JavaScript CRC-32 (used where Node has no zlib.crc32,
// before 20.15) gives what zlib gives, and either catches a flipped bit.
import * as zlib from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, crc32Combine, crc32Js, crc32Of } from '../../src/register/crc32.js';

describe('crc32', () => {
  it('the JavaScript CRC-32 is the standard one (the check value of "123456789") and zlib’s', () => {
    expect(crc32Js(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    const native = (zlib as { crc32?: (b: Uint8Array) => number }).crc32;
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(crc32Js(bytes)).toBe(crc32(bytes));
        if (native) expect(crc32Js(bytes)).toBe(native(bytes));
      }),
    );
  });

  it('continued over parts it is the CRC-32 of the whole (the checkpoint is written in parts): JavaScript and zlib alike', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 100 }), { maxLength: 5 }), (parts) => {
        const whole = crc32(Buffer.concat(parts));
        expect(parts.reduce((c, p) => crc32(p, c), 0)).toBe(whole);
        expect(parts.reduce((c, p) => crc32Js(p, c), 0)).toBe(whole);
      }),
    );
    // An empty part (a column of no values: a view of an empty ArrayBuffer, for which zlib.crc32 gives 0) adds nothing.
    const empty = Buffer.from(new Uint32Array(0).buffer);
    expect(crc32(empty, crc32(Buffer.from('abc')))).toBe(crc32(Buffer.from('abc')));
  });

  it('a flipped bit changes it', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.nat(), (bytes, at) => {
        const edited = Uint8Array.from(bytes);
        const i = at % edited.length;
        edited[i] = (edited[i] as number) ^ (1 << (at % 8));
        expect(crc32(edited)).not.toBe(crc32(bytes));
      }),
    );
  });

  it('goes on from the CRC-32 of the bytes before (the checkpoint checks each part it loads from the value where it starts)', () => {
    const native = (zlib as { crc32?: (b: Uint8Array, v?: number) => number }).crc32;
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (a, b) => {
        const whole = Buffer.concat([a, b]);
        expect(crc32Js(b, crc32Js(a))).toBe(crc32Js(whole));
        expect(crc32(b, crc32(a))).toBe(crc32(whole));
        if (native) expect(native(b, crc32Js(a))).toBe(crc32Js(whole));
      }),
    );
  });

  it('combined from two CRC-32s and the second length it is the CRC-32 of both (an extended checkpoint carries parts unread)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (a, b) => {
        const ab = crc32(Buffer.concat([a, b]));
        expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(ab);
        expect(crc32Of(crc32(a), ab, b.length)).toBe(crc32(b));
      }),
    );
    // Lengths past 2^31 bits and past a 16-bit count of bytes: the powers of x are taken to every bit of the length.
    const a = Buffer.alloc(3, 7);
    const b = Buffer.alloc((1 << 20) + 12345, 0x5a);
    expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(crc32(Buffer.concat([a, b])));
  });
});
