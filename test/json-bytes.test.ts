// reporters/json-bytes.ts writes a document's JSON straight into bytes (register list and diff): the bytes must be
// those of the old way, the sink's pass over formatJson's text, for any record — control characters, lone
// surrogates, bidi marks, non-BMP characters, quotes, backslashes, DEL and C1 — and any other value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../src/diagnostics/report-document.js';
import { BYTES_PER_PART, JsonBytes, jsonBytesParts } from '../src/reporters/json-bytes.js';
import { ListedBytes } from '../src/reporters/listed-bytes.js';
import type { ListedRecordDoc } from '../src/schemas/documents/commands-register.js';
import { terminalSafe } from '../src/reporters/sink.js';

/** The old way: the whole document as one string, through the sink, encoded by stdout. */
const old = (doc: unknown): Buffer => Buffer.from(terminalSafe(formatJson(doc), false), 'utf8');
const bytes = (parts: Iterable<Buffer>): Buffer => Buffer.concat([...parts]);

/** Characters that take every way through the encoder: plain, escaped, the sink's, 2-, 3- and 4-byte UTF-8. */
const CHARS = [
  'a',
  '0',
  ' ',
  '"',
  '\\',
  '/',
  '\n',
  '\t',
  '\r',
  '\u0000',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009f',
  '\u00a0',
  'é',
  '\u061c',
  '\u200e',
  '\u200f',
  '\u2028',
  '\u2029',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
  '\u2067',
  '\u2030',
  '\u2400',
  '新',
  '乡',
  '（',
  '\ufffd',
  '\uffff',
  '\ud800',
  '\udfff',
  '\ud83d\ude00',
  '\u{20000}',
  '\u{10ffff}',
];
const text = fc
  .array(fc.oneof(fc.constantFrom(...CHARS), fc.string({ maxLength: 3, unit: 'binary' })), { maxLength: 12 })
  .map((a) => a.join(''));

/** A record as register list and diff print it (schemas/documents/commands-register.ts ListedRecord). */
const record = fc.record({
  id: fc.oneof(fc.stringMatching(/^[0-9a-f]{12}$/), text),
  listType: fc.constantFrom('red', 'black'),
  domain: text,
  department: text,
  subjectName: text,
  subjectKey: fc.oneof(fc.constantFrom('410702********0010', '9141070000000U1P3G'), text),
  batch: fc.constantFrom('2026Q1', '2026Q2-2'),
  publishedOn: fc.constant('2026-04-15'),
  publishUntil: fc.constant('2029-03-30'),
  status: fc.constantFrom('active', 'expired', 'removed'),
  removal: fc.option(
    fc.record({ type: fc.constantFrom('violation', 'expired'), on: fc.constant('2026-07-15'), batch: fc.option(text), reason: text }),
  ),
  objection: fc.boolean(),
});

describe('JSON as bytes (register list, diff)', () => {
  it('is byte for byte the sink over formatJson, for any records streamed', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), fc.constantFrom('2026-10-15', '\u202e\u001b[31m'), (items, on) => {
        const head = { schemaVersion: 1, command: 'register list', on };
        expect(bytes(jsonBytesParts(head, { key: 'records', items }))).toEqual(old({ ...head, records: items }));
      }),
      { numRuns: 200 },
    );
  });

  it('writes a listed record by its members (listed-bytes.ts) as the generic writer does, spellings kept or not', () => {
    // Few spellings of the kept members (the same bytes written again from what was kept), and many.
    const few = fc.constantFrom('就业办', '\u202e', '"', '2026Q1');
    const listed = fc.oneof(
      record,
      record.chain((r) => fc.record({ domain: few, department: few, batch: few }).map((f) => ({ ...r, ...f }))),
    );
    fc.assert(
      fc.property(fc.array(listed, { maxLength: 12 }), (items) => {
        const head = { schemaVersion: 1, command: 'register list', on: '2026-10-15' };
        const writer = new ListedBytes(2);
        const write = (out: JsonBytes, item: unknown): void => writer.write(out, item as ListedRecordDoc);
        expect(bytes(jsonBytesParts(head, { key: 'records', items, write }))).toEqual(old({ ...head, records: items }));
      }),
      { numRuns: 300 },
    );
  });

  it('writes items given back as bytes made already, one buffer or its pieces (register list’s runs), as value() would', () => {
    fc.assert(
      fc.property(fc.array(fc.array(record, { minLength: 1, maxLength: 4 }), { maxLength: 6 }), fc.boolean(), (runs, pieces) => {
        const head = { schemaVersion: 1, command: 'register list', on: '2026-10-15' };
        // A run's records two levels down, `,\n    ` between them, each taken as a piece of its own (cli/list-part.ts).
        const write = (_: JsonBytes, run: unknown): Uint8Array | Uint8Array[] => {
          const out = new JsonBytes();
          const parts = (run as unknown[]).map((r, i) => {
            if (i > 0) out.text(',\n    ');
            out.value(r, 2);
            return out.take();
          });
          return pieces ? parts : Buffer.concat(parts);
        };
        expect(bytes(jsonBytesParts(head, { key: 'records', items: runs, write }))).toEqual(old({ ...head, records: runs.flat() }));
      }),
      { numRuns: 200 },
    );
  });

  it('is the same for a whole document of any values (undefined members, toJSON, no prototype, empty, nested)', () => {
    const value = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 2 }),
        text,
        fc.constantFrom(undefined, new Date(Date.UTC(2026, 0, 1)), [], {}, Object.create(null), Number.NaN, -0, 1e21, 0.1, () => 1),
        fc.constantFrom(new Map([['a', 1]]), new String('乙'), Symbol('s')),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(fc.oneof(text, fc.constantFrom('0', '10', '__proto__')), tie('value'), { maxKeys: 3 }),
        fc.dictionary(text, tie('value'), { maxKeys: 3 }).map((d) => Object.assign(Object.create(null), d)),
      ),
    })).value;
    fc.assert(
      fc.property(fc.dictionary(text, value, { maxKeys: 5 }), (doc) => {
        expect(bytes(jsonBytesParts(doc))).toEqual(old(doc));
      }),
      { numRuns: 200 },
    );
  });

  it('writes every string as stringify and the sink would, one at a time', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (s) => {
        const out = new JsonBytes();
        out.string(s);
        expect(out.take()).toEqual(Buffer.from(terminalSafe(JSON.stringify(s), false), 'utf8'));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes UTF-8 bytes as they are only where string() would write their text so (utf8String: register list’s names)', () => {
    // Any bytes: texts encoded, cut anywhere, and malformed, overlong and surrogate sequences strung in.
    const odd = [0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xa0, 0xef, 0xf0, 0xf4, 0x8f, 0x90, 0xf5, 0xff, 0x22, 0x5c, 0x7f];
    const encoded = fc.tuple(text, fc.nat()).map(([t, cut]) => {
      const b = Buffer.from(t, 'utf8');
      return b.subarray(0, cut % (b.length + 1) || b.length);
    });
    const raw = fc.array(fc.oneof(fc.constantFrom(...odd), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }).map((a) => Buffer.from(a));
    let asTheyAre = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(encoded, raw), { maxLength: 3 }), fc.nat(4), (pieces, pad) => {
        const b = Buffer.concat(pieces);
        const within = Buffer.concat([Buffer.alloc(pad, 0x22), b, Buffer.alloc(pad, 0x22)]);
        const out = new JsonBytes();
        const written = out.utf8String(within, pad, pad + b.length);
        const got = out.take();
        if (!written) {
          expect(got.length).toBe(0);
          return;
        }
        asTheyAre++;
        // What string() writes of their text, and they themselves, quoted.
        const decoded = new JsonBytes();
        decoded.string(b.toString('utf8'));
        expect(got).toEqual(decoded.take());
        expect(got).toEqual(Buffer.concat([Buffer.from('"'), b, Buffer.from('"')]));
      }),
      { numRuns: 5000 },
    );
    expect(asTheyAre).toBeGreaterThan(500);
    // Each refused kind: string() would escape it, the sink would, or it is not well-formed UTF-8.
    for (const refused of ['"', '\\', '\u001b', '\u007f', '\u0085', '\u061c', '\u200f', '\u2028', '\u202e', '\u2066']) {
      const b = Buffer.from(`甲${refused}`, 'utf8');
      expect(new JsonBytes().utf8String(b, 0, b.length)).toBe(false);
    }
    for (const malformed of [[0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe4, 0xb9], [0x80]]) {
      expect(new JsonBytes().utf8String(Buffer.from(malformed), 0, malformed.length)).toBe(false);
    }
    const plain = Buffer.from('新乡市某某商贸有限公司 A-1 😀', 'utf8');
    expect(new JsonBytes().utf8String(plain, 0, plain.length)).toBe(true);
  });

  it('a part taken is kept as it was while later parts are written (parts are views of larger buffers, never written over)', () => {
    const out = new JsonBytes();
    const kept: { part: Buffer; copy: Buffer }[] = [];
    const texts: string[] = [];
    // Parts of every size, across several 1 MiB buffers, a value larger than one among them.
    for (let i = 0; i < 3000; i++) {
      const t = i === 1500 ? '乙'.repeat(700_000) : `甲${i}`.repeat(1 + (i % 97) * 7);
      texts.push(t);
      out.string(t);
      if (i % 3 === 0) {
        const part = out.take();
        kept.push({ part, copy: Buffer.from(part) });
      }
    }
    const last = out.take();
    kept.push({ part: last, copy: Buffer.from(last) });
    for (const k of kept) expect(k.part.equals(k.copy)).toBe(true);
    expect(Buffer.concat(kept.map((k) => k.part)).toString('utf8')).toBe(texts.map((t) => JSON.stringify(t)).join(''));
    expect(out.size).toBe(0);
  });

  it('grows by doubling what is pending for a writer that takes no parts: a few copies, not one a write', () => {
    const out = new JsonBytes();
    const bufferOf = (): Buffer => (out as unknown as { buf: Buffer }).buf;
    const texts = ['甲'.repeat(600_000)];
    out.string(texts[0] as string);
    let grown = 0;
    let last = bufferOf();
    for (let i = 0; i < 2_000; i++) {
      const t = `乙${i}`.repeat(40);
      texts.push(t);
      out.string(t);
      if (bufferOf() !== last) grown++;
      last = bufferOf();
    }
    // ~1.8 MB written after the first 1.8 MB, all pending: a buffer twice the pending each time grows once or twice.
    expect(grown).toBeLessThanOrEqual(3);
    expect(out.take().toString('utf8')).toBe(texts.map((t) => JSON.stringify(t)).join(''));
  });

  it('writes a long list in parts of about BYTES_PER_PART, each a whole number of records', () => {
    const items = Array.from({ length: 3_000 }, (_, i) => ({ id: String(i).padStart(12, '0'), subjectName: `新乡市测试${i}有限公司` }));
    const parts = [...jsonBytesParts({ schemaVersion: 1 }, { key: 'records', items })];
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) expect(p.length).toBeLessThan(BYTES_PER_PART + 1024);
    // Each part ends where a record does: decoded alone, none splits a character.
    for (const p of parts) expect(Buffer.from(p.toString('utf8'), 'utf8')).toEqual(p);
    expect(JSON.parse(bytes(parts).toString('utf8')).records).toHaveLength(3_000);
  });

  it('pulls the records one part at a time: no more are made than the part being written needs', () => {
    let made = 0;
    function* items(): Generator<{ id: string }> {
      for (let i = 0; i < 100_000; i++) {
        made++;
        yield { id: String(i).padStart(12, '0') };
      }
    }
    const parts = jsonBytesParts({ schemaVersion: 1 }, { key: 'records', items: items() });
    parts.next(); // the first part
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThan(100_000 / 10);
  });
});
