// jsonWithItemsParts gives, a part at a time, exactly the bytes formatJson would (register list --format json).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJson, ITEMS_PER_PART, jsonWithItemsParts } from '../src/diagnostics/report-document.js';

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

  it('is the same across parts, for any value (undefined members, a Date, a map of no prototype, empty ones)', () => {
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

  it('writes a long list in parts, never as one string', () => {
    const items = Array.from({ length: 60_000 }, (_, i) => ({
      id: String(i).padStart(12, '0'),
      subjectName: '新乡市测试有限公司'.repeat(4),
    }));
    const parts = [...jsonWithItemsParts({ schemaVersion: 1 }, 'records', items)];
    expect(parts.length).toBeGreaterThan(2);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(2 << 20);
    expect(JSON.parse(parts.join('')).records).toHaveLength(60_000);
  });

  it('keeps each part of records under V8’s large-object size (128 KiB), so that its strings die young', () => {
    // A register list record's size (~400 bytes of JSON, Chinese names: a UTF-16 string). A part made in the
    // large-object space is freed only by a full collection: a province's list (parts of 1,000) let its heap
    // grow to ~360 MB between two.
    const items = Array.from({ length: 5_000 }, (_, i) => ({
      id: String(i).padStart(12, '0'),
      subjectName: `新乡市测试${i}有限公司`,
      department: '劳动关系科',
      domain: '劳动合同',
      decisionNo: `新人社罚〔2026〕${i}号`,
      subjectKey: '914107000000FY9TXB',
      publishUntil: '2029-03-30',
      status: 'active',
      listType: 'red',
    }));
    const parts = [...jsonWithItemsParts({ schemaVersion: 1 }, 'records', items)];
    expect(parts.length).toBeGreaterThan(5_000 / ITEMS_PER_PART);
    // Two bytes a character: a part's string is under 128 KiB.
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(64 * 1024);
    expect(JSON.parse(parts.join('')).records).toHaveLength(5_000);
  });
});
