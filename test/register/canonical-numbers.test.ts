// canonical-scan.ts takes a plain whole number (`0`, or 1–15 digits without a leading zero) as canonical without
// making a string of it; every other spelling is still judged by Number and JSON.stringify. The scan must accept
// exactly the numbers canonicalJson writes: checked against that oracle over canonical and near-canonical spellings
// (leading zeros, `-0`, fractions, exponents, 15 to 20 digits, beyond 2^53), inside a record-like line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/register/canonical.js';
import { scanCanonical } from '../../src/register/canonical-scan.js';

const digits = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));
const spelling = fc.oneof(
  fc.nat().map(String),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.bigInt({ min: 10n ** 13n, max: 10n ** 21n }).map(String),
  fc
    .tuple(
      fc.constantFrom('', '-'),
      digits(1, 20),
      fc.constantFrom('', '.0', '.5', '.50', 'e2', 'E2', 'e+2', 'e-7', '.'),
      fc.constantFrom('', '0'),
    )
    .map(([sign, d, tail, zero]) => `${sign}${zero}${d}${tail}`),
  fc.constantFrom('0', '-0', '00', '01', '0.0', '1e21', '1e+21', '9007199254740993', '999999999999999', '1000000000000000', '-'),
);

/** What canonicalJson writes for the value the text parses to is the text itself. */
function oracle(text: string): 'complete' | 'invalid' {
  try {
    return canonicalJson(JSON.parse(text)) === text ? 'complete' : 'invalid';
  } catch {
    return 'invalid';
  }
}

const scan = (text: string): string => {
  const b = Buffer.from(text, 'utf8');
  return scanCanonical(b, 0, b.length);
};

describe('numbers in the canonical scan', () => {
  it('accepts a number exactly when canonicalJson writes it so, whatever its spelling and place', () => {
    fc.assert(
      fc.property(spelling, spelling, (a, b) => {
        for (const text of [`{"periodMonths":${a},"source":{"row":${b},"sheet":"名单"}}`, `{"a":[${a},${b}],"z":${a}}`, `{"n":${a}}`])
          expect(scan(text), text).toBe(oracle(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('the edges of the plain form', () => {
    expect(scan('{"n":0}')).toBe('complete');
    expect(scan('{"n":999999999999999}')).toBe('complete');
    expect(scan('{"n":1000000000000000}')).toBe('complete');
    expect(scan('{"n":9007199254740993}')).toBe('invalid');
    for (const bad of ['00', '01', '-0', '1.0', '1e2', '1E2', '0.50', '-01']) expect(scan(`{"n":${bad}}`), bad).toBe('invalid');
  });
});
