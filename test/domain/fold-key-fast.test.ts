// foldKey gives back as it is a text of digits, latin capitals and CJK ideographs (text.ts FOLDED_KEY): checked
// against the folding itself, written out here, over texts of those characters and the ones next to them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldKey, toHalfWidth } from '../../src/domain/text.js';

const folding = (value: string): string =>
  toHalfWidth(value)
    .replace(/_x000[dD]_/g, '')
    .replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff]+/g, '')
    .toUpperCase();

const chars = fc.constantFrom(
  ...'09AZaz新乡市测试〔〕（）_x000D_ \u3000\u00a0\u200b\ufeffＡａ１é\u4dff\u4e00\u9fff\ua000ß'.split(''),
  '𠮷',
);

describe('foldKey of a text already folded', () => {
  it('is what the folding gives, for texts of folded characters and their neighbours', () => {
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }), (cs) => {
        const s = cs.join('');
        expect(foldKey(s)).toBe(folding(s));
      }),
      { seed: 3304, numRuns: 5000 },
    );
    for (const s of ['新乡市测试25000有限公司', '91410700MA3X7K2P20', '', 'abc', '新乡 市', 'Ａ１', 'ß', '_x000D_'])
      expect(foldKey(s)).toBe(folding(s));
  });
});
