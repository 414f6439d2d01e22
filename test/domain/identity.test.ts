// register.md "Record identity": fixed vectors (the id pinned, and recomputed here from the documented
// identity string with node:crypto), and properties: folding variants keep the id, other subjects,
// decisions, lists and domains change it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeCreditCode, CREDIT_CODE_CHARSET } from '../../src/domain/credit-code.js';
import { formatYmd } from '../../src/domain/dates.js';
import { makeIdNumber } from '../../src/domain/id-number.js';
import { decisionKeyOf, foldDecisionNo, recordIdentity, subjectKeyOf, type IdentitySource } from '../../src/domain/identity.js';
import { foldKey } from '../../src/domain/text.js';

const sha12 = (s: string): string => createHash('sha256').update(Buffer.from(s, 'utf8')).digest('hex').slice(0, 12);

const PERSON: IdentitySource = {
  listType: 'black',
  domain: '劳动保障监察',
  subjectType: '自然人',
  subjectName: '张伟',
  creditCode: '',
  idNumber: '410702199001010015',
  decisionNo: '新人社监罚〔2026〕12号',
  decisionDate: '2026-08-01',
};

describe('fixed vectors', () => {
  const vectors: [string, IdentitySource, string, string, boolean][] = [
    [
      'a natural person by the ID number and the 文书号',
      PERSON,
      'black|劳动保障监察|410702199001010015|新人社监罚〔2026〕12号',
      '0e67f42f4b17',
      false,
    ],
    [
      'an organisation by the credit code and, with no 文书号, the 认定日期',
      {
        listType: 'red',
        domain: '就业',
        subjectType: '法人及非法人组织',
        subjectName: '新乡市红旗区鑫达劳务服务有限公司',
        creditCode: '91410702MA9LQ3T4X3',
        idNumber: '',
        decisionNo: '',
        decisionDate: '2026-09-20',
      },
      'red|就业|91410702MA9LQ3T4X3|2026-09-20',
      'f693a4f73d04',
      false,
    ],
    [
      "a 个体工商户 by its credit code, never its operator's ID; [2026] folds to 〔2026〕",
      {
        listType: 'black',
        domain: '劳动保障监察',
        subjectType: '个体工商户',
        subjectName: '新乡市牧野区老王劳务部',
        creditCode: '92410783MA40RB6U55',
        idNumber: '410702199001010015',
        decisionNo: '新人社监罚[2026]7号',
        decisionDate: '2026-08-02',
      },
      'black|劳动保障监察|92410783MA40RB6U55|新人社监罚〔2026〕7号',
      '9ff480345f13',
      false,
    ],
    [
      'no valid identifier: the folded name, weak; full-width （２０２６） and spaces fold',
      {
        listType: 'black',
        domain: '劳动保障监察',
        subjectType: '法人及非法人组织',
        subjectName: ' 新乡市 某某劳务（服务）部 ',
        creditCode: '无',
        idNumber: '',
        decisionNo: '新人社监罚（２０２６） 3号',
        decisionDate: '2026-08-03',
      },
      'black|劳动保障监察|新乡市某某劳务(服务)部|新人社监罚〔2026〕3号',
      'a2740610d70a',
      true,
    ],
    [
      'another document type: its number folded',
      {
        listType: 'black',
        domain: '劳动保障监察',
        subjectType: '自然人',
        subjectName: 'Li Ming',
        creditCode: '',
        idType: '外国人护照',
        idNumber: 'e 1234567',
        decisionNo: '',
        decisionDate: '2026-08-04',
      },
      'black|劳动保障监察|E1234567|2026-08-04',
      'db2f2265d6fa',
      false,
    ],
  ];
  it.each(vectors)('%s', (_label, source, identity, id, weak) => {
    const got = recordIdentity(source);
    expect(got.identity).toBe(identity);
    expect(got.id).toBe(id);
    expect(sha12(identity)).toBe(id);
    expect(got.weak).toBe(weak);
  });

  it('an ID number with a wrong check digit is no key: the credit code, else the name', () => {
    const bad = { ...PERSON, idNumber: '410702199001010016' };
    expect(subjectKeyOf(bad)).toEqual({ key: '张伟', weak: true });
    expect(recordIdentity(bad).id).toBe(sha12('black|劳动保障监察|张伟|新人社监罚〔2026〕12号'));
  });

  it('a 15-digit number is the same person as its 18-digit form', () => {
    expect(subjectKeyOf({ ...PERSON, idNumber: '410702900101001' }).key).toBe('410702199001010015');
  });

  it('folds 文书号 brackets of every kind to 〔〕', () => {
    for (const no of [
      '新人社监罚〔2026〕12号',
      '新人社监罚[2026]12号',
      '新人社监罚(2026)12号',
      '新人社监罚（2026）12号',
      '新人社监罚【2026】12号',
      '新人社监罚［2026］12号',
      '新人社监罚﹝2026﹞12号',
      '新人社监罚〖2026〗12号',
      ' 新人社监罚 〔２０２６〕 １２号 ',
    ]) {
      expect(foldDecisionNo(no)).toBe('新人社监罚〔2026〕12号');
    }
    expect(decisionKeyOf({ decisionNo: '  ', decisionDate: '2026-08-01' })).toBe('2026-08-01');
  });
});

// ---- properties ---------------------------------------------------------------------------------

const FW_OFFSET = 0xfee0;
/** Some ASCII characters of a string turned full-width, at positions the mask picks. */
function fullWidth(s: string, mask: number[]): string {
  return [...s]
    .map((c, i) => (mask[i % mask.length] && c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + FW_OFFSET) : c))
    .join('');
}
/** Spaces (half-width, ideographic, non-breaking) put around and inside. */
function spaced(s: string, at: number[]): string {
  const chars = [...s];
  const spaces = [' ', '\u3000', '  ', '\u00a0'];
  for (const p of at) chars.splice(p % (chars.length + 1), 0, spaces[p % spaces.length] as string);
  return ` ${chars.join('')}\u3000`;
}

const bits = fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 1, maxLength: 20 });
const positions = fc.array(fc.nat(40), { maxLength: 4 });
const birth = fc
  .date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2008-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => formatYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
const idNumber = fc
  .tuple(fc.constantFrom('410702', '410711', '410782', '110105'), birth, fc.integer({ min: 0, max: 999 }))
  .map(([area, b, seq]) => makeIdNumber(area, b, String(seq).padStart(3, '0')));
const body8 = fc.array(fc.constantFrom(...CREDIT_CODE_CHARSET.split('')), { minLength: 8, maxLength: 8 }).map((a) => a.join(''));
const creditCode = fc.tuple(fc.constantFrom('91410702', '92410783', '12410700', '52410700'), body8).map(([p, b]) => makeCreditCode(p, b));
const year = fc.integer({ min: 2015, max: 2030 });
const seq = fc.integer({ min: 1, max: 999 });
const bracket = fc.constantFrom(['〔', '〕'], ['[', ']'], ['(', ')'], ['（', '）'], ['【', '】'], ['［', '］'], ['﹝', '﹞'], ['〖', '〗']);
const decisionNo = (y: number, n: number, [o, c]: readonly [string, string]): string => `新人社监罚${o}${y}${c}${n}号`;

describe('properties', () => {
  it('an ID number written with lower-case x, full-width digits or spaces gives the same id', () => {
    fc.assert(
      fc.property(idNumber, bits, positions, (id, fw, at) => {
        const variant = spaced(fullWidth(id.toLowerCase(), fw), at);
        expect(recordIdentity({ ...PERSON, idNumber: variant }).id).toBe(recordIdentity({ ...PERSON, idNumber: id }).id);
      }),
    );
  });

  it('a credit code in lower case, full-width or spaced gives the same id', () => {
    fc.assert(
      fc.property(creditCode, bits, positions, (code, fw, at) => {
        const org = { ...PERSON, subjectType: '法人及非法人组织', idNumber: '', creditCode: code };
        const variant = spaced(fullWidth(code.toLowerCase(), fw), at);
        expect(recordIdentity({ ...org, creditCode: variant }).id).toBe(recordIdentity(org).id);
      }),
    );
  });

  it('〔2026〕, [2026], (2026), full-width digits and spaces in the 文书号 give the same id', () => {
    fc.assert(
      fc.property(year, seq, bracket, bits, positions, (y, n, br, fw, at) => {
        const variant = spaced(fullWidth(decisionNo(y, n, br), fw), at);
        expect(recordIdentity({ ...PERSON, decisionNo: variant }).id).toBe(
          recordIdentity({ ...PERSON, decisionNo: decisionNo(y, n, ['〔', '〕']) }).id,
        );
      }),
    );
  });

  it('a name-only subject keeps its id whatever the spaces and full-width letters', () => {
    fc.assert(
      fc.property(fc.constantFrom('新乡市ABC劳务部', '张 伟', '新乡市某某(分公司)'), bits, positions, (name, fw, at) => {
        const weak = { ...PERSON, idNumber: '', subjectName: name };
        const got = recordIdentity({ ...weak, subjectName: spaced(fullWidth(name, fw), at) });
        expect(got.weak).toBe(true);
        expect(got.id).toBe(recordIdentity(weak).id);
      }),
    );
  });

  it('different subjects give different ids', () => {
    fc.assert(
      fc.property(idNumber, idNumber, (a, b) => {
        fc.pre(a !== b);
        expect(recordIdentity({ ...PERSON, idNumber: a }).id).not.toBe(recordIdentity({ ...PERSON, idNumber: b }).id);
      }),
    );
    fc.assert(
      fc.property(creditCode, creditCode, (a, b) => {
        fc.pre(a !== b);
        const org = { ...PERSON, subjectType: '法人及非法人组织', idNumber: '' };
        expect(recordIdentity({ ...org, creditCode: a }).id).not.toBe(recordIdentity({ ...org, creditCode: b }).id);
      }),
    );
  });

  it('different decisions, lists or domains give different ids', () => {
    fc.assert(
      fc.property(year, seq, year, seq, bracket, (y1, n1, y2, n2, br) => {
        fc.pre(y1 !== y2 || n1 !== n2);
        const a = recordIdentity({ ...PERSON, decisionNo: decisionNo(y1, n1, br) });
        const b = recordIdentity({ ...PERSON, decisionNo: decisionNo(y2, n2, br) });
        expect(a.id).not.toBe(b.id);
      }),
    );
    const base = recordIdentity(PERSON).id;
    expect(recordIdentity({ ...PERSON, listType: 'red' }).id).not.toBe(base);
    expect(recordIdentity({ ...PERSON, domain: '就业' }).id).not.toBe(base);
    expect(recordIdentity({ ...PERSON, decisionNo: '', decisionDate: '2026-08-01' }).id).not.toBe(base);
    expect(recordIdentity({ ...PERSON, decisionNo: '', decisionDate: '2026-08-02' }).id).not.toBe(
      recordIdentity({ ...PERSON, decisionNo: '', decisionDate: '2026-08-01' }).id,
    );
  });

  it('the fast path of the 文书号 folding gives what the folding gives', () => {
    const slow = (v: string): string =>
      foldKey(v)
        .replace(/[[(【〖﹝]/g, '〔')
        .replace(/[\])】〗﹞]/g, '〕');
    const unit = fc.constantFrom(...'新人社监罚字号第〔〕[]()（）【】〖〗﹝﹞［］０１2026AaßéİΣ-./、_x000D \u3000\u00a0\u200b\t'.split(''));
    fc.assert(
      fc.property(fc.string({ unit }), (v) => {
        expect(foldDecisionNo(v)).toBe(slow(v));
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 24 }), (v) => {
        expect(foldDecisionNo(v)).toBe(slow(v));
      }),
    );
  });

  it('a credit code counts exactly when its 18 characters are of the GB 32100 set', () => {
    const org = { ...PERSON, subjectType: '法人及非法人组织', idNumber: '' };
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('')), minLength: 18, maxLength: 18 }),
        (code) => {
          const inSet = [...code].every((c) => CREDIT_CODE_CHARSET.includes(c));
          expect(subjectKeyOf({ ...org, creditCode: code })).toEqual(inSet ? { key: code, weak: false } : { key: '张伟', weak: true });
        },
      ),
    );
  });

  it('the id is 12 lowercase hex digits of the SHA-256 of the identity string', () => {
    fc.assert(
      fc.property(idNumber, year, seq, bracket, (id, y, n, br) => {
        const got = recordIdentity({ ...PERSON, idNumber: id, decisionNo: decisionNo(y, n, br) });
        expect(got.identity).toBe(`black|劳动保障监察|${id}|新人社监罚〔${y}〕${n}号`);
        expect(got.id).toMatch(/^[0-9a-f]{12}$/);
        expect(got.id).toBe(sha12(got.identity));
      }),
    );
  });
});
