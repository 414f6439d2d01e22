// RecordIndex against a model that compares each record with every earlier one: a duplicate joins the
// first record of its identity; otherwise the first earlier record of the subject on the other list is a
// conflict, else the first on the same list and domain is a same-subject finding. A duplicate once cut
// the subject's chain (merge-once's report): red d1, black, red d1, red d2 gave sameSubject, not conflict.
import { describe, expect, it } from 'vitest';
import { type Finding, RecordIndex } from '../src/table/record-index.js';
import { mulberry32 } from './helpers/random.js';

type Rec = { list: 'red' | 'black'; domain: string; subject: string; decision: string; row: number };

function indexed(recs: Rec[]): Finding[] {
  const index = new RecordIndex();
  const place = index.placeId({ departmentRank: 0, file: 'f.xlsx', sheetIndex: 0 });
  for (const r of recs) index.add(r.list, r.domain, r.subject, r.decision, place, r.row, { subjectLabel: () => r.subject });
  return index.findings();
}

/** What the index must find, by brute force: [kind, rows…] in the index's order (others, then duplicates). */
function model(recs: Rec[]): (string | number)[][] {
  const others: (string | number)[][] = [];
  const groups = new Map<string, number[]>();
  const firsts: Rec[] = [];
  /** Groups in the order their second record came (the index's order). */
  const twice: number[][] = [];
  for (const r of recs) {
    const key = [r.list, r.domain, r.subject, r.decision].join('|');
    const group = groups.get(key);
    if (group) {
      group.push(r.row);
      if (group.length === 2) twice.push(group);
      continue;
    }
    groups.set(key, [r.row]);
    const conflict = firsts.find((e) => e.subject === r.subject && e.list !== r.list);
    const same = firsts.find((e) => e.subject === r.subject && e.list === r.list && e.domain === r.domain);
    if (conflict) others.push(['conflict', r.row, conflict.row]);
    else if (same) others.push(['sameSubject', r.row, same.row]);
    firsts.push(r);
  }
  const dups = twice.map((g) => ['duplicate', ...g]);
  return [...others, ...dups];
}

function shape(fs: Finding[]): (string | number)[][] {
  return fs.map((f) => (f.kind === 'duplicate' ? ['duplicate', ...f.places.map((p) => p.row)] : [f.kind, f.place.row, f.other.row]));
}

const rec = (row: number, list: 'red' | 'black', decision: string, subject = '主体甲', domain = '劳动合同'): Rec => ({
  list,
  domain,
  subject,
  decision,
  row,
});

describe('RecordIndex keeps a subject’s chain whole when a record is a duplicate', () => {
  it('a red record after a duplicate still conflicts with the black one before it', () => {
    const recs = [rec(2, 'red', 'd1'), rec(3, 'black', 'dX'), rec(4, 'red', 'd1'), rec(5, 'red', 'd2')];
    expect(shape(indexed(recs))).toEqual([
      ['conflict', 3, 2],
      ['conflict', 5, 3],
      ['duplicate', 2, 4],
    ]);
  });

  it('three copies of one record are one duplicate finding', () => {
    const recs = [rec(2, 'red', 'd1'), rec(3, 'red', 'd2'), rec(4, 'red', 'd2'), rec(5, 'red', 'd2')];
    expect(shape(indexed(recs))).toEqual([
      ['sameSubject', 3, 2],
      ['duplicate', 3, 4, 5],
    ]);
  });

  it('finds what a comparison with every earlier record finds (400 seeded lists)', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const rand = mulberry32(seed);
      const n = Math.floor(rand() * 80);
      const recs: Rec[] = [];
      for (let i = 0; i < n; i++)
        recs.push(
          rec(
            i + 2,
            rand() < 0.5 ? 'red' : 'black',
            `d${Math.floor(rand() * 3)}`,
            `主体${Math.floor(rand() * 6)}`,
            `领域${Math.floor(rand() * 2)}`,
          ),
        );
      expect(shape(indexed(recs)), `seed ${seed}`).toEqual(model(recs));
    }
  });
});
