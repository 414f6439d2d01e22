// What counts as an ID- or mobile-shaped number inside free text (docs/decisions.md "Personal
// information in text"), and the one masking function every output goes through.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../src/domain/credit-code.js';
import { makeIdNumber } from '../../src/domain/id-number.js';
import {
  findPersonalInfo,
  isIdNumberShaped,
  maskPersonalInfo,
  matchPersonalInfo,
  mayHoldNumber,
  mayHoldNumberUtf8,
  mayStartNumberAscii,
  redactIdNumbers,
} from '../../src/domain/mask.js';
import { invalidXmlChars, toXmlSafe } from '../../src/domain/text.js';

const ID = makeIdNumber('410702', '1986-05-04', '019'); // 41070219860504019X
const ID_X = makeIdNumber('410702', '1990-01-01', '001');
const MASKED = `${ID.slice(0, 6)}********${ID.slice(-4)}`;
const fullWidth = (s: string): string => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('ID numbers next to letters, underscores and CJK are masked (the old \\b-style boundary skipped them)', () => {
  it.each([
    [`ID${ID}`, `ID${MASKED}`],
    [`x${ID}X`, `x${MASKED}X`],
    [`张三_${ID}.xlsx`, `张三_${MASKED}.xlsx`],
    [`身份证${ID}，`, `身份证${MASKED}，`],
    [`${ID_X.toLowerCase()}`, `${ID_X.slice(0, 6)}********${ID_X.slice(-4)}`],
  ])('%s', (text, masked) => {
    expect(redactIdNumbers(text)).toBe(masked);
  });
  it('typed with spaces or hyphens, or in full-width digits', () => {
    expect(redactIdNumbers(`号码 ${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`)).toBe(`号码 ${MASKED}`);
    expect(redactIdNumbers(`号码${fullWidth(ID)}`)).toBe(`号码${MASKED}`);
  });
  it('15-digit old numbers', () => {
    expect(redactIdNumbers('旧号410702800101001')).toBe('旧号410702*****1001');
  });
  // Round 32: groups other than 6-8-4 (as a phone or a card reader shows it) went out in full, and no warning.
  it('grouped any other way, with its own check digit: in fours, in threes and fours, the old 15 as 6-6-3', () => {
    const fours = ID.replace(/(.{4})(?=.)/g, '$1 ');
    expect(fours).toBe(`${ID.slice(0, 4)} ${ID.slice(4, 8)} ${ID.slice(8, 12)} ${ID.slice(12, 16)} ${ID.slice(16)}`);
    expect(redactIdNumbers(`备注：另有身份证 ${fours} 已核`)).toBe(`备注：另有身份证 ${MASKED} 已核`);
    const threes = `${ID.slice(0, 3)}-${ID.slice(3, 6)}-${ID.slice(6, 10)}-${ID.slice(10, 14)}-${ID.slice(14)}`;
    expect(redactIdNumbers(threes)).toBe(MASKED);
    expect(redactIdNumbers('旧号 410702 800101 001')).toBe('旧号 410702*****1001');
  });
  it('grouped so, without the check digit or inside a longer grouped run, it is left: a card number, a reference', () => {
    const wrong = `${ID.slice(0, 17)}${ID[17] === '1' ? '2' : '1'}`.replace(/(.{4})(?=.)/g, '$1 ');
    expect(redactIdNumbers(wrong)).toBe(wrong);
    const card = `6222 ${ID.replace(/(.{4})(?=.)/g, '$1 ')}`;
    expect(redactIdNumbers(card)).toBe(card);
    expect(findPersonalInfo('编号 2026 0903 1234 5678 90')).toEqual([]);
  });
  // Seen: an ID that lost its check digit (17 digits: cut by Excel or a typist) went out in full.
  it('17-digit fragments of an 18-digit number (its check digit lost) are masked like an ID', () => {
    const cut = ID.slice(0, 17);
    expect(redactIdNumbers(`证件号码${cut}有误`)).toBe(`证件号码${cut.slice(0, 6)}*******${cut.slice(-4)}有误`);
    expect(findPersonalInfo(`号码 ${cut.slice(0, 6)} ${cut.slice(6, 14)} ${cut.slice(14)}`).map((m) => [m.kind, m.value])).toEqual([
      ['idNumber', cut],
    ]);
    // Not the 17 first digits of a whole number, nor 17 digits without a birth date.
    expect(findPersonalInfo(ID).map((m) => m.value)).toEqual([ID]);
    expect(findPersonalInfo('编号12345678901234567')).toEqual([]);
  });
});

describe('not personal information', () => {
  it.each([
    '新人社监罚〔2026〕12号',
    '2026-08-03 至 2029-08-02，20260803',
    makeCreditCode('91410700', 'MA3X7K2P'),
    '123502001549897397',
    '账号 6222021234567890123 与 41070219860504019X1', // a longer digit run is no ID or phone
    '电话 3012345', // a local number without its area code is any 7 digits
    '编号 037312345678', // 12 digits in one run: a record id may look so; a typed phone has its separator
    '订单 913812345678',
  ])('%s', (text) => {
    expect(findPersonalInfo(text)).toEqual([]);
  });
  it('an all-digit credit code whose own check holds is not an ID even with a date-like middle', () => {
    expect(isIdNumberShaped('123502001549897397')).toBe(false);
    expect(isIdNumberShaped(ID)).toBe(true);
  });
});

describe('mobile numbers', () => {
  it.each(['13812345678', '138 1234 5678', '138-1234-5678', fullWidth('13812345678'), '+86 13812345678'])('%s', (typed) => {
    const found = findPersonalInfo(`联系电话${typed}。`);
    expect(found.map((m) => [m.kind, m.value])).toEqual([['mobile', '13812345678']]);
    expect(maskPersonalInfo(`联系电话${typed}。`)).toBe(`联系电话${typed.startsWith('+86 ') ? '+86 ' : ''}138****5678。`);
  });
  it('redactIdNumbers leaves phones to the 公示 masking', () => {
    expect(redactIdNumbers('13812345678')).toBe('13812345678');
  });
  it('an ID and a phone in one text', () => {
    expect(maskPersonalInfo(`身份证${ID}，手机13812345678`)).toBe(`身份证${MASKED}，手机138****5678`);
  });
});

describe('fixed-line numbers with their area code (privacy.md: "a mobile or landline phone number is masked")', () => {
  it.each([
    ['0373-3012345', '03733012345', '0373***2345'],
    ['0373 3012345', '03733012345', '0373***2345'],
    ['(0373)3012345', '03733012345', '0373***2345'],
    ['（０３７３）３０１２３４５', '03733012345', '0373***2345'],
    ['（(0371)4766426', '03714766426', '（0371***6426'],
    ['0373－30123456', '037330123456', '0373****3456'],
    ['03733012345', '03733012345', '0373***2345'],
    ['010-62345678', '01062345678', '010****5678'],
    ['02162345678', '02162345678', '021****5678'],
  ])('%s', (typed, value, masked) => {
    expect(findPersonalInfo(`联系电话：${typed}，请联系`).map((m) => [m.kind, m.value])).toEqual([['landline', value]]);
    expect(maskPersonalInfo(`联系电话：${typed}，请联系`)).toBe(`联系电话：${masked}，请联系`);
  });
});

describe('a mobile number glued to +86 is still a mobile number', () => {
  it.each(['+8613812345678', '8613812345678', '+86-138-1234-5678'])('%s', (typed) => {
    expect(maskPersonalInfo(`电话${typed}`)).toBe(`电话${typed.slice(0, typed.indexOf('138'))}138****5678`);
  });
});

describe('characters XML 1.0 forbids', () => {
  it('finds and replaces U+FFFE, U+FFFF, C0 controls and lone surrogates; keeps tab, LF, CR and pairs', () => {
    const text = 'a\uFFFEb\uFFFFc\u0001d\ud800e\udc00f\t\n\r😀';
    expect(invalidXmlChars(text)).toEqual(['U+FFFE', 'U+FFFF', 'U+0001', 'U+D800', 'U+DC00']);
    expect(toXmlSafe(text)).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\t\n\r😀');
    expect(invalidXmlChars('正常文字😀')).toEqual([]);
  });
});

describe('the quick tests before the expressions (mask.ts mayHoldNumber, mayStartNumber)', () => {
  // Pieces that make every kind of number and near-miss: IDs (18, 17, 15 digits, X), mobiles with and without +86,
  // fixed lines with ( ) and - and spaces, credit codes (13 digits from a 9), and what sits around them.
  const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
  const day = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2025, 11, 31)), noInvalidDate: true });
  const id = fc
    .tuple(fc.constantFrom('410702', '110101', '100000'), day, digits(3))
    .map(([a, d, q]) => makeIdNumber(a, d.toISOString().slice(0, 10), q));
  const piece = fc.oneof(
    id,
    id.map((x) => x.slice(0, 17)),
    id.map((x) => x.slice(0, 6) + x.slice(8, 17)),
    id.map((x) => `${x.slice(0, 6)} ${x.slice(6, 14)}-${x.slice(14)}`),
    fc.tuple(fc.constantFrom('13', '15', '19', '12', '86', '+86', '+86 1', '861', '8613'), digits(9)).map(([a, b]) => a + b),
    fc.tuple(fc.constantFrom('0373-', '(0373)', '0373 ', '010', '(010) ', '021-', '0'), digits(7), digits(1)).map((p) => p.join('')),
    fc.constantFrom(makeCreditCode('91410700', 'MA3X7K2P'), '9141070000000U1P3G', '12410700000123456X'),
    digits(1),
    digits(4),
    digits(11),
    fc.constantFrom(' ', '-', ')', '(', '+', 'X', 'x', 'U', '张', '\u3000', '－', '）', '（', '＋', '  ', '--'),
    fc.string({ maxLength: 3 }),
  );
  const text = fc
    .array(fc.tuple(piece, fc.boolean()), { maxLength: 6 })
    .map((a) => a.map(([p, wide]) => (wide ? p.replace(/[0-9X()+-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : p)).join(''));

  it('pass over no text in which the expressions find a number: findPersonalInfo finds what they find', () => {
    let found = 0;
    fc.assert(
      fc.property(text, (t) => {
        const all = matchPersonalInfo(t);
        if (all.length > 0) found++;
        expect(findPersonalInfo(t)).toEqual(all);
      }),
      { numRuns: 20_000 },
    );
    // Not vacuous: many of the texts hold a number.
    expect(found).toBeGreaterThan(2_000);
  });

  it('mayStartNumberAscii (a credit code’s bytes as the checkpoint holds them) is false only where the expressions find nothing', () => {
    // The texts above and credit-code-shaped ones (18 characters of GB 32100's set, runs of digits of every length),
    // asked as bytes inside a larger buffer; a text past ASCII is always true (left to the gate).
    const code = fc
      .array(fc.oneof(fc.constantFrom(...'0123456789'), fc.constantFrom(...'ABCDEFGHJKLMNPQRTUWXY')), {
        minLength: 18,
        maxLength: 18,
      })
      .map((a) => a.join(''));
    const runs = fc
      .tuple(fc.constantFrom('', 'A', 'MA', '9141', 'X'), piece, fc.constantFrom('', 'U', 'X', '1', 'AB'))
      .map((p) => p.join(''));
    let passed = 0;
    let found = 0;
    fc.assert(
      fc.property(fc.oneof(text, code, runs), fc.nat(4), (t, pad) => {
        const b = Buffer.from(t, 'utf8');
        const within = Buffer.concat([Buffer.alloc(pad, 0x31), b, Buffer.alloc(pad, 0x31)]);
        const may = mayStartNumberAscii(within, pad, pad + b.length);
        const all = matchPersonalInfo(t);
        if (all.length > 0) found++;
        if (!/^[\x00-\x7f]*$/.test(t)) expect(may).toBe(true);
        else if (!may) {
          passed++;
          expect(all).toEqual([]);
          expect(maskPersonalInfo(t)).toBe(t);
        }
      }),
      { numRuns: 20_000 },
    );
    // Not vacuous: texts passed over, and texts holding a number (which it never passed over).
    expect(passed).toBeGreaterThan(2_000);
    expect(found).toBeGreaterThan(1_000);
    // A code whose 14 digits begin with 9 (a province's): passed over; one holding a mobile or a fixed line: not.
    const ask = (t: string): boolean => mayStartNumberAscii(Buffer.from(t), 0, t.length);
    expect([ask('91410700000039FD3T'), ask('AB13912345678CDEFG'), ask('A03733012345BCDEFG'), ask('91410700ma3x7k2p0j')]).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('asked of UTF-8 bytes (register list’s names as they lie in the checkpoint), mayHoldNumber answers as of their text', () => {
    // Any bytes: the texts above encoded, cut anywhere (a character's bytes split), and the bytes of digits, the gaps,
    // their full-width forms' leads and tails, and malformed sequences, strung together.
    const pieces = [0x30, 0x39, 0x20, 0x2d, 0x29, 0x28, 0x41, 0xef, 0xbc, 0x90, 0x99, 0x8d, 0x89, 0x8e, 0xe3, 0x80, 0xf0, 0xc2, 0xff];
    const encoded = fc.tuple(text, fc.nat(), fc.nat()).map(([t, a, b]) => {
      const all = Buffer.from(t, 'utf8');
      return all.subarray(Math.min(a, b) % (all.length + 1), Math.max(a, b) % (all.length + 1) || all.length);
    });
    const raw = fc
      .array(fc.oneof(fc.constantFrom(...pieces), fc.integer({ min: 0, max: 255 })), { maxLength: 40 })
      .map((a) => Buffer.from(a));
    const mixed = fc.array(fc.oneof(encoded, raw), { maxLength: 4 }).map((a) => Buffer.concat(a));
    let holding = 0;
    fc.assert(
      fc.property(fc.oneof(encoded, raw, mixed), fc.nat(8), (b, pad) => {
        // Asked of a range inside a larger buffer, as of a column's bytes.
        const within = Buffer.concat([Buffer.alloc(pad, 0x31), b, Buffer.alloc(pad, 0x31)]);
        const expected = mayHoldNumber(b.toString('utf8'));
        if (expected) holding++;
        expect(mayHoldNumberUtf8(within, pad, pad + b.length)).toBe(expected);
      }),
      { numRuns: 20_000 },
    );
    expect(holding).toBeGreaterThan(2_000);
    expect(mayHoldNumberUtf8(Buffer.from('１３９１２３４５６７８'), 0, 33)).toBe(true);
    expect(mayHoldNumberUtf8(Buffer.from('1391234567８'), 0, 13)).toBe(true);
    expect(mayHoldNumberUtf8(Buffer.from('139123\u3000456－78）9'), 0, Buffer.byteLength('139123\u3000456－78）9'))).toBe(true);
    expect(mayHoldNumberUtf8(Buffer.from('13912345張678'), 0, Buffer.byteLength('13912345張678'))).toBe(false);
  });

  it('a credit code of 13 digits from a 9 holds no number; an ID, a mobile or a fixed line in the same place does', () => {
    expect(findPersonalInfo('9141070000000U1P3G')).toEqual([]);
    expect(findPersonalInfo(`U${ID}U`).map((m) => m.kind)).toEqual(['idNumber']);
    expect(findPersonalInfo('U8613912345678U').map((m) => m.kind)).toEqual(['mobile']);
    expect(findPersonalInfo('U(0373)3012345U').map((m) => m.kind)).toEqual(['landline']);
  });
});
