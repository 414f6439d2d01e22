// reporters/register-views.ts diffPieces draws diff's table from one stream of tagged records, each section's rows
// waiting in a hold (the CLI's: a temporary file) until the stream is done: the text must be diffView's of the whole
// document, whatever the sections' sizes (bordered up to 200 rows, aligned past) and whatever a cell holds.
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../src/messages/index.js';
import { type Hold, memoryHold } from '../src/reporters/json-sections.js';
import { type DiffItemDoc, diffPieces, diffView } from '../src/reporters/register-views.js';
import type { DiffDocument, ListedRecordDoc } from '../src/schemas/documents/commands-register.js';
import { terminalSafe } from '../src/reporters/sink.js';

const record = (i: number, name: string): ListedRecordDoc => ({
  id: String(i).padStart(12, '0'),
  listType: i % 2 === 0 ? 'red' : 'black',
  domain: '劳务派遣',
  department: i % 3 === 0 ? '就业办' : '市劳动保障监察支队',
  subjectName: name,
  subjectKey: '9141070000000U1P3G',
  batch: '2026Q1',
  publishedOn: '2026-04-15',
  publishUntil: '2029-04-14',
  status: i % 5 === 0 ? 'removed' : 'active',
  removal: i % 5 === 0 ? { type: 'violation', on: '2026-07-15', batch: '2026Q2', reason: '违法' } : null,
  objection: i % 7 === 0,
});

/** A name of i's own: most plain, some with what the hold's lines must carry (a NUL, SOH, a line break). */
const name = (i: number): string =>
  i % 97 === 1
    ? `张\0三${i}`
    : i % 89 === 2
      ? `\u0001李${i}`
      : i % 83 === 3
        ? `王\n五${i}`
        : `新乡市测试${'甲'.repeat(i % 11)}${i}有限公司`;

function counting(log: { bytes: number; closed: number; order: string[] }): () => Hold {
  return () => {
    const inner = memoryHold();
    return {
      write: (b) => {
        log.bytes += b.length;
        if (log.order.at(-1) !== 'write') log.order.push('write');
        inner.write(b);
      },
      read: (piece) => {
        log.order.push('read');
        return inner.read(piece);
      },
      close: () => {
        log.closed++;
      },
    };
  };
}

describe('diffPieces', () => {
  for (const lang of ['zh-CN', 'en'] as const)
    it(`is diffView's text of the whole document, its sections' rows held until the stream is done (${lang})`, () => {
      const ctx = { m: messagesFor(lang), chalk: new Chalk({ level: 0 }), ascii: false, width: 120, quiet: false, strict: false };
      // added past a bordered table (aligned), removed one under it (bordered), corrected none, unchanged at its edge.
      const sizes = { added: 450, removed: 30, corrected: 0, unchanged: 201 } as const;
      const items: DiffItemDoc[] = [];
      let i = 0;
      for (const [key, n] of Object.entries(sizes) as [keyof typeof sizes, number][])
        for (let k = 0; k < n; k++, i++) items.push([key, record(i, name(i))]);
      // In the register's order: the sections interleaved.
      items.sort((a, b) => ((Number(a[1].id) * 7919) % 683) - ((Number(b[1].id) * 7919) % 683));
      const counts: DiffDocument['counts'] = {
        byDepartment: { 就业办: { added: 150, removed: 10, corrected: 0, unchanged: 67 } },
        byDomain: { 劳务派遣: { added: 450, removed: 30, corrected: 0, unchanged: 201 } },
      };
      const doc: DiffDocument = {
        schemaVersion: 1,
        command: 'diff',
        from: '2026Q1',
        to: '2026Q2',
        added: [],
        removed: [],
        corrected: [],
        unchanged: [],
        counts,
      };
      for (const [key, r] of items) (doc[key] as ListedRecordDoc[]).push(r);
      const log = { bytes: 0, closed: 0, order: [] as string[] };
      let asked = false;
      const pieces = [
        ...diffPieces(
          '2026Q1',
          '2026Q2',
          items,
          () => {
            asked = true;
            return counts;
          },
          ctx,
          counting(log),
          () => log.order.push('between'),
        ),
      ];
      expect(asked).toBe(true);
      // Once the stream is done, before any row is read back (the CLI collects garbage there).
      expect(log.order).toEqual(['write', 'between', 'read', 'read']);
      // What reaches the terminal: text through the sink, bytes (the aligned rows, made terminal-safe) past it.
      const shown = pieces.map((p) => (typeof p === 'string' ? terminalSafe(p, false) : p.toString('utf8'))).join('');
      expect(shown).toBe(terminalSafe(diffView(doc, ctx), false));
      // The two aligned sections' rows went through their holds (each closed); the bordered one stayed in memory.
      expect(log.closed).toBe(2);
      expect(log.bytes).toBeGreaterThan(651 * 60);
      expect(pieces.length).toBeGreaterThan(2);
    });

  it('gives the terminal diffView’s bytes through the sink whatever the cells hold and wherever the hold cuts its bytes', () => {
    // Cells the sink changes (controls, DEL, C1, bidi marks, U+2028, escapes of ours and not), wide characters, a pair
    // of surrogates and lone ones (a cell ending in a high one before a cell starting with a low one).
    const nasty = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('', '\0', '\u0001', '\n', '\r', '\t', '\u007f', '\u0085', '\u202e', '\u2028', '\u061c', '\u200f'),
      fc.constantFrom('\x1b[31m', '\x1b[1m红\x1b[22m', '\r\x1b[K', '\x1b[2J', '\x1b]0;x\x07', '𠀀', '😀', 'ｶ', '한'),
      // Made at run time: a lone surrogate in the source is U+FFFD once transformed.
      fc.constantFrom([0xd800], [0xdc00], [0x61, 0xd83d], [0xde00, 0x62]).map((units) => String.fromCharCode(...units)),
    );
    const cellArb = fc.array(nasty, { maxLength: 3 }).map((xs) => xs.join(''));
    const itemArb = fc
      .record({
        // Mostly added (aligned past 200 rows), some removed and unchanged (bordered).
        key: fc.oneof(
          { weight: 9, arbitrary: fc.constant('added' as const) },
          { weight: 1, arbitrary: fc.constant('removed' as const) },
          { weight: 1, arbitrary: fc.constant('unchanged' as const) },
        ),
        subjectName: cellArb,
        subjectKey: cellArb,
        domain: cellArb,
        department: cellArb,
      })
      .map(({ key, ...cells }) => [key, cells] as const);
    fc.assert(
      fc.property(
        fc.array(itemArb, { minLength: 250, maxLength: 300 }),
        fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(0 as const, 1 as const),
        (drawn, cuts, level) => {
          const ctx = { m: messagesFor('zh-CN'), chalk: new Chalk({ level }), ascii: false, width: 120, quiet: false, strict: false };
          const items: DiffItemDoc[] = drawn.map(([key, cells], i) => [key, { ...record(i, 'x'), ...cells }]);
          const doc: DiffDocument = {
            schemaVersion: 1,
            command: 'diff',
            from: '2026Q1',
            to: '2026Q2',
            added: [],
            removed: [],
            corrected: [],
            unchanged: [],
            counts: { byDepartment: {}, byDomain: {} },
          };
          for (const [key, r] of items) (doc[key] as ListedRecordDoc[]).push(r);
          // A hold that gives its bytes back cut at the sizes drawn, as a file read in pieces cuts them, each lent when
          // asked so (one buffer, overwritten by the next piece).
          const recut = (): Hold => {
            const inner = memoryHold();
            return {
              write: (b) => inner.write(b),
              *read(_piece, lent) {
                const all = Buffer.concat([...inner.read()]);
                const one = Buffer.alloc(100);
                for (let at = 0, k = 0; at < all.length; k++) {
                  const n = cuts[k % cuts.length] as number;
                  const piece = all.subarray(at, at + n);
                  if (lent) {
                    one.fill(0);
                    one.set(piece);
                    yield one.subarray(0, piece.length);
                  } else yield piece;
                  at += n;
                }
              },
            };
          };
          const colour = level > 0;
          const pieces = [...diffPieces('2026Q1', '2026Q2', items, () => doc.counts, ctx, recut)];
          const shown = Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(terminalSafe(p, colour)) : p)));
          expect(shown.equals(Buffer.from(terminalSafe(diffView(doc, ctx), colour)))).toBe(true);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('refuses a record of no section (an internal error, not a document missing it)', () => {
    const ctx = { m: messagesFor('en'), chalk: new Chalk({ level: 0 }), ascii: false, width: 120, quiet: false, strict: false };
    const items = [['moved', record(1, 'a')]] as unknown as DiffItemDoc[];
    const counts = { byDepartment: {}, byDomain: {} };
    expect(() => [...diffPieces('a', 'b', items, () => counts, ctx, memoryHold)]).toThrow(/moved/);
  });
});
