// cleanText and the XML-character check look for what they fix with a character loop, not a regular
// expression (issue 22 item 3: both were among validate's hot spots); on any text they decide as the
// expressions they replace decided.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, invalidXmlChars, toXmlSafe } from '../../src/domain/text.js';

const DIRTY = /_x000[dD]_|[\u200b-\u200d\u2060\ufeff\u00a0\t\r\n]| {2}|^ | $/;
const XML_SUSPECT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

const piece = fc.oneof(
  fc.constantFrom(' ', '  ', '_x000d_', '_x000D_', '_x000a_', '_x00', '\t', '\r\n', '\n', '\u00a0', '\u200b', '\u2060', '\ufeff', '张三'),
  fc.constantFrom('\u0000', '\u0008', '\u000b', '\u001f', '\ud800', '\udc00', '\ud83d\ude00', '\ufffe', '\uffff', '\ufffd', 'a'),
  fc.string({ maxLength: 3 }),
);
const text = fc.array(piece, { maxLength: 8 }).map((xs) => xs.join(''));

describe('the loops that replaced two regular expressions', () => {
  it('cleanText leaves alone exactly the texts the expression found clean', () => {
    fc.assert(
      fc.property(text, (t) => {
        if (!DIRTY.test(t)) expect(cleanText(t)).toBe(t);
        else
          expect(cleanText(t)).toBe(
            t
              .replace(/_x000[dD]_/g, '')
              .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
              .replace(/\r\n?/g, '\n')
              .replace(/[ \t\u00a0]+/g, ' ')
              .replace(/ ?\n ?/g, '\n')
              .replace(/\n{2,}/g, '\n')
              .trim(),
          );
      }),
      { numRuns: 2000, seed: 223 },
    );
  });

  it('invalidXmlChars and toXmlSafe give what the expressions give', () => {
    const INVALID =
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
    fc.assert(
      fc.property(text, (t) => {
        const found = [
          ...new Set([...t.matchAll(INVALID)].map((m) => `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)),
        ];
        expect(invalidXmlChars(t)).toEqual(found);
        expect(toXmlSafe(t)).toBe(XML_SUSPECT.test(t) ? t.replace(INVALID, '\ufffd') : t);
      }),
      { numRuns: 2000, seed: 223 },
    );
  });

  it('finds each kind of dirt and each invalid character', () => {
    for (const t of [' a', 'a ', 'a  b', 'a\tb', 'a\rb', 'a \nb', 'a_x000D_b', 'a_x000d_b', 'a\u00a0b', 'a\u200cb', 'a\u2060b', 'a\ufeffb'])
      expect(cleanText(t), JSON.stringify(t)).not.toBe(t);
    for (const t of ['a', 'a b', '张 三', '_x000a_', '_x000D', '']) expect(cleanText(t)).toBe(t);
    expect(invalidXmlChars('a\u0001b\ud800c\uffff')).toEqual(['U+0001', 'U+D800', 'U+FFFF']);
    expect(invalidXmlChars('😀\t\r\n')).toEqual([]);
  });
});
