// reporters/json-sections.ts writes diff's document from one stream of records tagged with their section: the bytes
// must be those of the whole document made at once (the sink over formatJson), whatever the order the records come
// in; the first section's records go out as they come, the later sections' are held as bytes until their turn.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../src/diagnostics/report-document.js';
import { type Hold, jsonSectionsParts, memoryHold } from '../src/reporters/json-sections.js';
import { terminalSafe } from '../src/reporters/sink.js';
import { ListedBytes } from '../src/reporters/listed-bytes.js';
import type { ListedRecordDoc } from '../src/schemas/documents/commands-register.js';

const old = (doc: unknown): Buffer => Buffer.from(terminalSafe(formatJson(doc), false), 'utf8');
const bytes = (parts: Iterable<Buffer>): Buffer => Buffer.concat([...parts]);

const SECTIONS = ['added', 'removed', 'corrected', 'unchanged'] as const;
type Section = (typeof SECTIONS)[number];

const text = fc
  .array(fc.oneof(fc.constantFrom('a', '"', '\\', '\n', '\u001b', '\u202e', '新', '\ud800', '\ud83d\ude00'), fc.string({ maxLength: 3 })), {
    maxLength: 6,
  })
  .map((a) => a.join(''));
const record = fc.record({
  id: fc.stringMatching(/^[0-9a-f]{12}$/),
  subjectName: text,
  removal: fc.option(fc.record({ type: fc.constantFrom('violation', 'expired'), reason: text })),
  replaces: fc.option(fc.stringMatching(/^[0-9a-f]{12}$/), { nil: undefined }),
  objection: fc.boolean(),
});

describe('diff’s JSON from one stream of tagged records', () => {
  it('is byte for byte the whole document through the sink, for any records in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...SECTIONS), record), { maxLength: 12 }), text, (items, from) => {
        const head = { schemaVersion: 1, command: 'diff', from, to: '2026Q2' };
        const counts = Object.assign(Object.create(null) as object, { [from]: { added: 1 } });
        const whole: Record<string, unknown> = { ...head };
        for (const k of SECTIONS) whole[k] = items.filter(([s]) => s === k).map(([, r]) => r);
        whole.counts = counts;
        expect(bytes(jsonSectionsParts(head, SECTIONS, items, () => ({ counts })))).toEqual(old(whole));
      }),
      { numRuns: 300 },
    );
  });

  it('writes the first section’s records as they come, and holds a later section’s until the stream is done', () => {
    let made = 0;
    const seen: Section[] = [];
    function* items(): Generator<[Section, { id: string; name: string }]> {
      for (let i = 0; i < 40_000; i++) {
        made++;
        const section = i % 2 === 0 ? 'added' : 'removed';
        seen.push(section);
        yield [section, { id: String(i).padStart(12, '0'), name: `新乡市测试${i}有限公司` }];
      }
    }
    let tailAsked = 0;
    const parts = jsonSectionsParts({ schemaVersion: 1 }, ['added', 'removed'], items(), () => {
      tailAsked = made;
      return { counts: {} };
    });
    const first = parts.next();
    expect(first.done).toBe(false);
    // Out before the stream is done: the first part holds added records only, none of the removed ones made beside them.
    expect(made).toBeLessThan(40_000 / 4);
    const text0 = (first.value as Buffer).toString('utf8');
    expect(text0).toContain('"added": [');
    expect(text0).not.toContain('"removed"');
    const rest = [first.value as Buffer, ...parts];
    expect(tailAsked).toBe(40_000);
    const doc = JSON.parse(bytes(rest).toString('utf8')) as { added: { id: string }[]; removed: { id: string }[] };
    expect(doc.added).toHaveLength(20_000);
    expect(doc.removed.map((r) => Number(r.id))).toEqual(Array.from({ length: 20_000 }, (_, i) => 2 * i + 1));
    expect(seen).toHaveLength(40_000);
  });

  it('puts a later section’s bytes in the hold it is given (the CLI’s: a temporary file), one for each section with records, closed at the end', () => {
    const holds: { bytes: number; closed: boolean }[] = [];
    const counting = (): Hold => {
      const inner = memoryHold();
      const seen = { bytes: 0, closed: false };
      holds.push(seen);
      return {
        write: (b) => {
          seen.bytes += b.length;
          inner.write(b);
        },
        read: () => inner.read(),
        close: () => {
          seen.closed = true;
        },
      };
    };
    const items: [Section, { id: string }][] = Array.from({ length: 9_000 }, (_, i) => [
      i % 3 === 0 ? 'added' : 'removed',
      { id: String(i).padStart(12, '0') },
    ]);
    const head = { schemaVersion: 1, command: 'diff' };
    const out = bytes(jsonSectionsParts(head, SECTIONS, items, () => ({ counts: {} }), counting));
    const whole: Record<string, unknown> = { ...head };
    for (const k of SECTIONS) whole[k] = items.filter(([s]) => s === k).map(([, r]) => r);
    whole.counts = {};
    expect(out).toEqual(old(whole));
    // removed only (corrected and unchanged have none): 6,000 records, ~230 KB of JSON: in the hold but its last part.
    expect(holds).toHaveLength(1);
    expect(holds[0]?.bytes).toBeGreaterThan(150_000);
    expect(holds[0]?.closed).toBe(true);
  });

  it('an item its writer takes (a listed record, listed-bytes.ts) gives the bytes value() gives; one it refuses goes to value()', () => {
    const listed = (i: number): ListedRecordDoc => ({
      id: String(i).padStart(12, '0'),
      listType: i % 2 === 0 ? 'red' : 'black',
      domain: '劳务派遣',
      department: '就业办',
      subjectName: i % 5 === 0 ? `张"三\u001b${i}` : `新乡市测试${i}有限公司`,
      subjectKey: '9141070000000U1P3G',
      batch: '2026Q1',
      publishedOn: '2026-04-15',
      publishUntil: '2029-04-14',
      status: i % 3 === 0 ? 'removed' : 'active',
      removal: i % 3 === 0 ? { type: 'violation', on: '2026-07-15', batch: '2026Q2', reason: `违法\\${i}` } : null,
      objection: i % 7 === 0,
    });
    const items: [Section, ListedRecordDoc & { replaces?: string }][] = Array.from({ length: 3_000 }, (_, i) => [
      SECTIONS[i % 4] as Section,
      i % 4 === 2 ? { ...listed(i), replaces: 'f'.repeat(12) } : listed(i),
    ]);
    const head = { schemaVersion: 1, command: 'diff' };
    const writer = new ListedBytes(2);
    let taken = 0;
    const write = (out: Parameters<ListedBytes['write']>[0], item: unknown): boolean => {
      if ((item as { replaces?: string }).replaces !== undefined) return false;
      taken++;
      writer.write(out, item as ListedRecordDoc);
      return true;
    };
    const out = bytes(jsonSectionsParts(head, SECTIONS, items, () => ({ counts: {} }), memoryHold, write));
    const whole: Record<string, unknown> = { ...head };
    for (const k of SECTIONS) whole[k] = items.filter(([s]) => s === k).map(([, r]) => r);
    whole.counts = {};
    expect(out).toEqual(old(whole));
    expect(taken).toBe(2_250);
  });

  it('refuses a record of no section (an internal error, not a document missing it)', () => {
    const parts = jsonSectionsParts({}, ['added'], [['moved' as 'added', {}]], () => ({}));
    expect(() => [...parts]).toThrow(/moved/);
  });
});
