// jsonWithItemsParts gives, a part at a time, exactly the bytes formatJson would (register list --format json).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJson, jsonWithItemsParts } from '../src/diagnostics/report-document.js';

describe('JSON written a part at a time', () => {
  it('is byte for byte the document formatJson makes, for any items and any other members', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { maxLength: 6 }),
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 4 }).filter((k) => k !== 'records'),
          fc.jsonValue(),
          { maxKeys: 3 },
        ),
        (items, extra) => {
          const doc = { schemaVersion: 1, command: 'register list', ...extra };
          const parts = [...jsonWithItemsParts(doc, 'records', items)];
          expect(parts.join('')).toBe(formatJson({ ...doc, records: items }));
        },
      ),
    );
  });

  it('is the same across parts of a thousand items, for any value (undefined members, a Date, a map of no prototype, empty ones)', () => {
    const value = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom(undefined, new Date(Date.UTC(2026, 0, 1)), [], {}, Object.create(null), '\u2028\u001b[31m', '\ud800'),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(fc.string({ maxLength: 3 }), tie('value'), { maxKeys: 3 }),
        fc.dictionary(fc.string({ maxLength: 3 }), tie('value'), { maxKeys: 3 }).map((d) => Object.assign(Object.create(null), d)),
      ),
    })).value;
    fc.assert(
      fc.property(fc.array(value, { minLength: 995, maxLength: 1005 }), (items) => {
        const doc = { schemaVersion: 1, command: 'register list' };
        expect([...jsonWithItemsParts(doc, 'records', items)].join('')).toBe(formatJson({ ...doc, records: items }));
      }),
      { numRuns: 10 },
    );
  });

  it('writes a long list in parts of about a megabyte, never as one string', () => {
    const items = Array.from({ length: 60_000 }, (_, i) => ({
      id: String(i).padStart(12, '0'),
      subjectName: '新乡市测试有限公司'.repeat(4),
    }));
    const parts = [...jsonWithItemsParts({ schemaVersion: 1 }, 'records', items)];
    expect(parts.length).toBeGreaterThan(2);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(2 << 20);
    expect(JSON.parse(parts.join('')).records).toHaveLength(60_000);
  });
});
