// reporters/register-views.ts diffPieces draws diff's table from one stream of tagged records, each section's rows
// waiting in a hold (the CLI's: a temporary file) until the stream is done: the text must be diffView's of the whole
// document, whatever the sections' sizes (bordered up to 200 rows, aligned past) and whatever a cell holds.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../src/messages/index.js';
import { type Hold, memoryHold } from '../src/reporters/json-sections.js';
import { type DiffItemDoc, diffPieces, diffView } from '../src/reporters/register-views.js';
import type { DiffDocument, ListedRecordDoc } from '../src/schemas/documents/commands-register.js';

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

function counting(log: { bytes: number; closed: number }): () => Hold {
  return () => {
    const inner = memoryHold();
    return {
      write: (b) => {
        log.bytes += b.length;
        inner.write(b);
      },
      read: (piece) => inner.read(piece),
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
      const log = { bytes: 0, closed: 0 };
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
        ),
      ];
      expect(asked).toBe(true);
      expect(pieces.join('')).toBe(diffView(doc, ctx));
      // The two aligned sections' rows went through their holds (each closed); the bordered one stayed in memory.
      expect(log.closed).toBe(2);
      expect(log.bytes).toBeGreaterThan(651 * 60);
      expect(pieces.length).toBeGreaterThan(2);
    });

  it('refuses a record of no section (an internal error, not a document missing it)', () => {
    const ctx = { m: messagesFor('en'), chalk: new Chalk({ level: 0 }), ascii: false, width: 120, quiet: false, strict: false };
    const items = [['moved', record(1, 'a')]] as unknown as DiffItemDoc[];
    const counts = { byDepartment: {}, byDomain: {} };
    expect(() => [...diffPieces('a', 'b', items, () => counts, ctx, memoryHold)]).toThrow(/moved/);
  });
});
