// canonical-scan.ts against canonical.ts: the scan accepts exactly the text canonicalJson writes, every
// proper beginning of it as a prefix, and no other spelling of the same value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/register/canonical.js';
import { scanCanonical } from '../../src/register/canonical-scan.js';

const objectArb = fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue(), { maxKeys: 6 });
const scan = (text: string, prefix = false, lenient = false) => {
  const b = Buffer.from(text, 'utf8');
  return scanCanonical(b, 0, b.length, prefix, lenient);
};

describe('the canonical scan', () => {
  it('accepts canonicalJson of any object whole, and any proper beginning of it as a prefix', () => {
    fc.assert(
      fc.property(objectArb, fc.nat(), (o, k) => {
        const text = canonicalJson(o);
        expect(scan(text)).toBe('complete');
        const bytes = Buffer.from(text, 'utf8');
        const cut = 1 + (k % (bytes.length - 1 || 1));
        if (cut < bytes.length) expect(scanCanonical(bytes, 0, cut, true)).toBe('prefix');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses any other spelling of the same object: spacing, key order, escapes', () => {
    fc.assert(
      fc.property(objectArb, (o) => {
        const canonical = canonicalJson(o);
        for (const other of [JSON.stringify(o, null, 1), JSON.stringify(Object.fromEntries(Object.entries(o).reverse()))]) {
          if (other !== canonical && JSON.stringify(JSON.parse(other)) === JSON.stringify(JSON.parse(canonical)))
            expect(scan(other), other).not.toBe('complete');
        }
      }),
      { numRuns: 300 },
    );
  });

  it("the lenient reading (another tool's torn line) allows spaces and any key order, still one object only", () => {
    expect(scan('{"b": 1, "a": [1.0, "\\/"]', true, true)).toBe('prefix');
    expect(scan('{"b": 1, "a": 2}', false, true)).toBe('complete');
    expect(scan('{"b":1}\r{"a"', true, true)).toBe('invalid');
    expect(scan('{"b":1}{"a"', true, true)).toBe('invalid');
    expect(scan('{"b": 1, "a"', true, false)).toBe('invalid');
  });
});
