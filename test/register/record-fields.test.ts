// A record read from its bytes (register/record-fields.ts), against JSON.parse and stored.ts textOf as the oracle:
// whatever the reader gives is what the present path would keep, and what it cannot read it leaves to that path (null).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/register/canonical.js';
import { RecordFieldReader } from '../../src/register/record-fields.js';
import { SUMMARY_FIELDS, textOf, type RecordSummary } from '../../src/register/stored.js';

/** What the present path keeps of a parsed record (chain.ts withId, recordReadable; stored.ts StoredRecord), or null. */
function oracle(v: unknown): RecordSummary | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const r = v as Record<string, unknown>;
  if ((r.listType !== 'red' && r.listType !== 'black') || typeof r.subjectName !== 'string') return null;
  if (typeof r.id !== 'string' || r.id === '') return null;
  return Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, f === 'listType' ? r[f] : textOf(r[f])])) as unknown as RecordSummary;
}

const text = fc.oneof(
  fc.constantFrom('', '就业办', '新乡市〔2026〕3号', '91410700MA3X7K2P20', 'é', '𠮷', '\u007f', '},{"id":', 'red', 'black'),
  fc.string({ maxLength: 6 }),
  // Escapes in the line: a quote, a backslash, a control character, a lone surrogate, U+2028.
  fc.constantFrom('"', '\\', '\n', '\u0001', '\ud800', '\u2028', 'a"b'),
);
const value = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 1e21) },
  { weight: 1, arbitrary: fc.constantFrom({ id: 'x' }, [{ creditCode: 'y' }], [], {}, { listType: 'red', a: [1, '}'] }) },
);
/** Members a record may have: the summary's, other tools' (before, between and after them in key order). */
const OTHER = ['authority', 'source', 'zz', '__proto__', '0', 'listTypeX', 'i'];
/** Keys the reader leaves to JSON.parse: non-ASCII, escaped. */
const ODD = ['a\u00e9', 'id\\x', 'z"q'];
const plainText = fc.constantFrom('', '就业办', '新乡市〔2026〕3号', '91410700MA3X7K2P20', 'é', '𠮷', '\u007f', '},{"id":', 'red');
const idArb = fc.integer({ min: 0, max: 0xfffffff }).map((n) => `e${n.toString(16).padStart(11, '0')}`);
const members = (keys: readonly string[], v: fc.Arbitrary<unknown>) => Object.fromEntries(keys.map((k) => [k, v]));
/** Records as our writer writes them, other members beside them. */
const plainArb = fc.record(
  {
    ...members(SUMMARY_FIELDS, plainText),
    ...members(OTHER, value),
    listType: fc.constantFrom('red', 'black'),
    id: idArb,
    subjectName: plainText,
  },
  { requiredKeys: ['listType', 'id', 'subjectName'] },
);
/** Any member any value, odd keys too. */
const awkwardArb = fc.record(
  {
    ...members([...SUMMARY_FIELDS, ...OTHER, ...ODD], value),
    listType: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('red', 'black') }, { weight: 1, arbitrary: value }),
    id: fc.oneof({ weight: 4, arbitrary: idArb }, { weight: 1, arbitrary: value }),
  },
  { requiredKeys: [] },
);
const recordArb = fc.oneof(plainArb, awkwardArb).map((r) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>);

describe('a record read from its bytes', () => {
  it('gives what JSON.parse and textOf give, or leaves the record to them', () => {
    const reader = new RecordFieldReader();
    let read = 0;
    let left = 0;
    fc.assert(
      fc.property(recordArb, (r) => {
        const bytes = Buffer.from(canonicalJson(r), 'utf8');
        // Somewhere inside a larger buffer, as a line's records are.
        const buf = Buffer.concat([Buffer.from('[1,'), bytes, Buffer.from(']')]);
        const got = reader.read(buf, 3, 3 + bytes.length);
        const want = oracle(JSON.parse(bytes.toString('utf8')));
        if (got === null) left++;
        else {
          read++;
          expect(got).toEqual(want);
        }
        // Null only where the present path would refuse the record, or a member read is no plain string.
        const plain = SUMMARY_FIELDS.every(
          (f) => r[f] === undefined || (typeof r[f] === 'string' && !/["\\\u0000-\u001f\ud800-\udfff]/.test(r[f] as string)),
        );
        const oddKey = Object.keys(r).some((k) => /[^\x20-\x7e]|["\\]/.test(k));
        if (want !== null && plain && !oddKey) expect(got).not.toBeNull();
      }),
      { seed: 3301, numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(300);
    expect(left).toBeGreaterThan(300);
  });

  it('a piece that is not one whole record (a split cut inside one) is left to JSON.parse, or read as it parses', () => {
    const reader = new RecordFieldReader();
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 4 }), fc.nat(), fc.nat(), (records, x, y) => {
        const buf = Buffer.from(canonicalJson(records), 'utf8');
        // Any span that starts at a `{` and ends after a `}`, as a split at `},{"K":` gives inside a nested array.
        const opens = [...buf.keys()].filter((i) => buf[i] === 0x7b);
        const closes = [...buf.keys()].filter((i) => buf[i] === 0x7d).map((i) => i + 1);
        const start = opens[x % opens.length] as number;
        const after = closes.filter((e) => e > start);
        if (after.length === 0) return;
        const end = after[y % after.length] as number;
        const got = reader.read(buf, start, end);
        if (got === null) return;
        // Read: then the span is one JSON object, and what the reader gave is what parsing it gives.
        expect(got).toEqual(oracle(JSON.parse(buf.toString('utf8', start, end))));
      }),
      { seed: 3302, numRuns: 2000 },
    );
  });

  it('reads a record of our writer, its repeated members given as the same texts', () => {
    const reader = new RecordFieldReader();
    const r = {
      authority: '新乡市人力资源和社会保障局',
      creditCode: '91410700MA3X7K2P20',
      department: '就业办',
      id: '6f1742789153',
      listType: 'black',
      periodMonths: 36,
      source: { file: 'x.xlsx', id: 'not this one', row: 3 },
      subjectName: '新乡市样例有限公司',
    };
    const buf = Buffer.from(canonicalJson(r), 'utf8');
    const a = reader.read(buf, 0, buf.length);
    expect(a).toEqual(oracle(r));
    expect(a?.id).toBe('6f1742789153');
    expect(reader.read(buf, 0, buf.length - 1)).toBeNull();
    expect(reader.read(buf, 1, buf.length)).toBeNull();
  });
});
