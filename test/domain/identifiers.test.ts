// Test vectors from docs/reference/format-research.md §2, plus property tests.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkCreditCode,
  creditCodeCheck,
  makeCreditCode,
  normaliseCreditCode,
  orgCodeCheck,
  CREDIT_CODE_CHARSET,
} from '../../src/domain/credit-code.js';
import { ageOn, checkIdNumber, idCheckDigit, looksPrecisionLost, makeIdNumber, normaliseIdNumber } from '../../src/domain/id-number.js';
import { maskIdentifier } from '../../src/domain/mask.js';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each([
    '91350100M000100Y43',
    '91110108551385082Q',
    '91440300708461136T',
    '91350200776049653A',
    '91440101MA5CJQ4N59',
    '9135021359498494XQ',
    '91350213678251743X',
    '123502001549897397',
    '91410700MA3X7K2P20',
    '91410702MA9LQ3T4X3',
    '92410783MA40RB6U55',
    '12410700417536281W',
    '1141070000605312X2',
    '52410700MJY123458H',
  ])('accepts %s', (code) => {
    expect(checkCreditCode(code)).toEqual({ ok: true, value: code });
  });

  it('finds the wrong last character and names the right one', () => {
    expect(checkCreditCode('91350100M000100Y44')).toMatchObject({ ok: false, kind: 'checksum', position: 18, expected: '3' });
  });
  it('checks the organisation code inside (position 17)', () => {
    expect(checkCreditCode('91410700MA3X7K2P30')).toMatchObject({ ok: false, kind: 'checksum', position: 17, expected: '2' });
  });
  it.each(['91410700MA3X7K2P2O', '9141070MA3X7K2P20', '91410700MA3X7K2P200'])('rejects the format of %s', (code) => {
    expect(checkCreditCode(code)).toMatchObject({ ok: false, kind: 'format' });
  });
  it('lets a pilot-era code on the allow-list through', () => {
    expect(checkCreditCode('91350203M0001QAY9B')).toMatchObject({ ok: false, kind: 'checksum', expected: '9' });
    expect(checkCreditCode('91350203M0001QAY9B', new Set(['91350203M0001QAY9B'])).ok).toBe(true);
  });
  it('folds lower case and full-width characters', () => {
    expect(normaliseCreditCode(' 91410700ma3x7k2p２０ ')).toBe('91410700MA3X7K2P20');
  });
  it.each([
    ['M0001QAY', '9'],
    ['MA3X7K2P', '2'],
    ['MA9LQ3T4', 'X'],
    ['MA40RB6U', '5'],
    ['00605312', 'X'],
  ])('GB 11714 check of %s is %s', (body, check) => {
    expect(orgCodeCheck(body)).toBe(check);
  });

  const char = fc.constantFrom(...CREDIT_CODE_CHARSET.split(''));
  const body = fc
    .array(fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'.split('')), { minLength: 8, maxLength: 8 })
    .map((a) => a.join(''));
  const prefix = fc
    .tuple(fc.constantFrom('91', '92', '12', '11', '52'), fc.integer({ min: 100000, max: 999999 }))
    .map(([a, b]) => `${a}${b}`);
  it('accepts every code the generator makes, and rejects any single changed character', () => {
    fc.assert(
      fc.property(prefix, body, fc.integer({ min: 0, max: 17 }), char, (p, b, pos, c) => {
        const code = makeCreditCode(p, b);
        expect(checkCreditCode(code).ok).toBe(true);
        if (code[pos] === c) return;
        const changed = code.slice(0, pos) + c + code.slice(pos + 1);
        expect(checkCreditCode(changed).ok).toBe(false);
      }),
    );
  });
  it('the check character is always in the character set', () => {
    fc.assert(
      fc.property(fc.array(char, { minLength: 17, maxLength: 17 }), (a) =>
        CREDIT_CODE_CHARSET.includes(creditCodeCheck(a.join('')) as string),
      ),
    );
  });
});

describe('公民身份号码 (GB 11643-1999)', () => {
  it.each([
    '11010519491231002X',
    '440524188001010014',
    '11010119900307803X',
    '410702198001010010',
    '410783199003070028',
    '410728197506150034',
    '41072120000229005X',
    '41071119950615108X',
  ])('accepts %s', (id) => {
    expect(checkIdNumber(id, '2026-11-25').ok).toBe(true);
  });
  it('names the right check digit', () => {
    expect(checkIdNumber('110105194912310029')).toEqual({ ok: false, kind: 'checksum', expected: 'X' });
    expect(checkIdNumber('410702198001010011')).toEqual({ ok: false, kind: 'checksum', expected: '0' });
  });
  it('rejects a birth date that does not exist even when the checksum passes', () => {
    expect(checkIdNumber('410781196602290042')).toMatchObject({ ok: false, kind: 'format', reason: 'birthDate' });
  });
  it('rejects a birth date after today', () => {
    const id = makeIdNumber('410702', '2027-01-01', '011');
    expect(checkIdNumber(id, '2026-11-25')).toMatchObject({ ok: false, reason: 'birthDate' });
  });
  it('upgrades a 15-digit number', () => {
    expect(checkIdNumber('410702800101001')).toMatchObject({ ok: true, value: '410702198001010010', upgradedFrom: '410702800101001' });
  });
  it('normalises a lower-case x and full-width digits', () => {
    expect(normaliseIdNumber('１１０１０５１９４９１２３１００２x')).toBe('11010519491231002X');
  });
  it('sees the digits Excel dropped', () => {
    expect(looksPrecisionLost('4.10702E+17')).toBe(true);
    expect(looksPrecisionLost('410702198001010000')).toBe(true);
    expect(looksPrecisionLost('410702198001010010')).toBe(false);
  });
  it('counts age in whole years', () => {
    expect(ageOn('2008-10-16', '2026-10-15')).toBe(17);
    expect(ageOn('2008-10-15', '2026-10-15')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
  });
  const date = fc
    .date({ min: new Date('1930-01-01'), max: new Date('2020-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  it('accepts every number the generator makes and rejects a changed check digit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 110000, max: 659999 }),
        date,
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom(...'0123456789X'.split('')),
        (area, birth, seq, other) => {
          const id = makeIdNumber(String(area), birth, String(seq).padStart(3, '0'));
          expect(checkIdNumber(id).ok).toBe(true);
          if (other !== id[17]) expect(checkIdNumber(id.slice(0, 17) + other)).toMatchObject({ kind: 'checksum', expected: id[17] });
        },
      ),
    );
  });
  it('the check digit of any 17 digits is one of 0-9X', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 17, maxLength: 17 }), (a) =>
        /^[0-9X]$/.test(idCheckDigit(a.join('')) as string),
      ),
    );
  });
});

describe('ID mask', () => {
  it('keeps the first 6 and the last 4 by default', () => {
    expect(maskIdentifier('410702198001010010')).toBe('410702********0010');
  });
  it('shows only the last 2 of a short identifier', () => {
    expect(maskIdentifier('E12345678')).toBe('*******78');
  });
  it('never shows any of the 8 birth-date digits of an 18-digit ID under any rule config allows', () => {
    // Config allows keepStart <= 6 and keepEnd <= 4 (schemas/config.ts); keepEnd 10 would show them.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 4 }), (s, e) => {
        const masked = maskIdentifier('410702198001010010', { keepStart: s, keepEnd: e });
        expect(masked).toHaveLength(18);
        expect(masked.slice(6, 14)).toBe('********');
      }),
    );
  });
  it('config refuses a mask rule that would show a birth-date digit', async () => {
    const { ConfigSchema } = await import('../../src/io/workspace/workspace.js');
    for (const maskRule of [
      { keepStart: 7, keepEnd: 0 },
      { keepStart: 0, keepEnd: 5 },
      { keepStart: 0, keepEnd: 10 },
    ]) {
      expect(ConfigSchema.safeParse({ publication: { maskRule } }).success, JSON.stringify(maskRule)).toBe(false);
    }
    expect(ConfigSchema.safeParse({ publication: { maskRule: { keepStart: 6, keepEnd: 4 } } }).success).toBe(true);
  });
});

describe('ID numbers inside text', async () => {
  const { redactIdNumbers } = await import('../../src/domain/mask.js');
  it('masks every ID-shaped number and leaves credit codes and dates alone', () => {
    expect(redactIdNumbers('号码410702198001010010有误')).toBe('号码410702********0010有误');
    expect(redactIdNumbers('旧号410702800101001')).toBe('旧号410702*****1001');
    expect(redactIdNumbers('91410700MA3X7K2P20 与 123502001549897397 与 20260803')).toBe(
      '91410700MA3X7K2P20 与 123502001549897397 与 20260803',
    );
  });
});
