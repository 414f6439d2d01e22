// canonicalJson writes a copy of the value with its keys in order through one JSON.stringify; canonicalText builds
// the same text member by member. The engine lists an array-index key first and in numeric order, and a plain
// object's `__proto__` assignment sets no member: there, and for an array with a hole, the text is built member by
// member. Same text, same refusals, for any value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalText } from '../../src/register/canonical.js';

/** Keys the engine orders or assigns otherwise than it inserts them, beside ordinary ones. */
const awkwardKey = fc.oneof(
  fc.constantFrom('0', '9', '10', '01', '-1', '1.5', '4294967294', '4294967295', '__proto__', 'toJSON', '', 'a', 'Z', '名'),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const valueArb = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 1 }),
    fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(awkwardKey, tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** An object with the key `__proto__` as JSON.parse makes one: an own member. */
const withProto = (): unknown => JSON.parse('{"b":1,"__proto__":{"y":[1],"x":2},"a":2}');

describe('canonicalJson: one JSON.stringify of a key-ordered copy, the member-by-member text where that differs', () => {
  it('is canonicalText for any value, awkward keys, undefined members and nesting included', () => {
    fc.assert(
      fc.property(fc.dictionary(awkwardKey, valueArb, { maxKeys: 6 }), (o) => {
        expect(canonicalJson(o)).toBe(canonicalText(o));
      }),
      { numRuns: 500 },
    );
  });

  it('array-index keys keep code-point order, as the log has always had them', () => {
    const o = { b: 1, 10: 'ten', 9: 'nine', 4294967294: 'top', 4294967295: 'not an index', '01': 'zero one' };
    const text = '{"01":"zero one","10":"ten","4294967294":"top","4294967295":"not an index","9":"nine","b":1}';
    expect(canonicalJson(o)).toBe(text);
    expect(canonicalJson({ nested: [o] })).toBe(`{"nested":[${text}]}`);
    // What one JSON.stringify of a copy would have written: the indices first, in numeric order.
    expect(JSON.stringify(o)).not.toBe(text);
  });

  it('a `__proto__` member is written like any other', () => {
    expect(canonicalJson(withProto())).toBe('{"__proto__":{"x":2,"y":[1]},"a":2,"b":1}');
    expect(canonicalJson([withProto()])).toBe('[{"__proto__":{"x":2,"y":[1]},"a":2,"b":1}]');
  });

  it('an array with a hole and undefined members: the text canonicalText writes', () => {
    const holed = [1, 2, 3];
    delete holed[1];
    expect(canonicalJson({ a: holed })).toBe(canonicalText({ a: holed }));
    expect(canonicalJson([undefined, { a: undefined, b: [undefined] }])).toBe('[null,{"b":[null]}]');
  });

  it('refuses what is not JSON as canonicalText does', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, () => 1, Symbol('s'), 1n]) {
      for (const v of [bad, { a: bad }, [bad], { 10: 1, z: [bad] }]) {
        expect(() => canonicalText(v)).toThrow(TypeError);
        expect(() => canonicalJson(v)).toThrow(TypeError);
      }
    }
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});
