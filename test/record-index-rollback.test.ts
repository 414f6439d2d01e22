// RecordIndex.rollback (a sheet read on a guess and read again, list-once.ts): after adds, a mark, more
// adds and a rollback to the mark, the next adds find exactly what they would have found had the dropped
// adds never happened — the same findings, in the same order, with the same labels and ids.
import { describe, expect, it } from 'vitest';
import { RecordIndex } from '../src/table/record-index.js';
import { mulberry32 } from './helpers/random.js';

type Add = [list: 'red' | 'black', domain: string, subject: string, decision: string, row: number];

function adds(rand: () => number, n: number, from: number): Add[] {
  const out: Add[] = [];
  for (let i = 0; i < n; i++) {
    // Few subjects, decisions and domains: duplicates, same subjects and conflicts are common.
    out.push([
      rand() < 0.5 ? 'red' : 'black',
      `领域${Math.floor(rand() * 4)}`,
      `主体${Math.floor(rand() * 30)}`,
      `决定${Math.floor(rand() * 3)}`,
      from + i,
    ]);
  }
  return out;
}

function play(index: RecordIndex, list: Add[], sheet: number): void {
  const place = index.placeId({ departmentRank: 0, file: `f${sheet}.xlsx`, sheetIndex: sheet });
  for (const [lt, domain, subject, decision, row] of list)
    index.add(lt, domain, subject, decision, place, row, { subjectLabel: () => `${subject}@${row}` });
}

describe('RecordIndex.rollback', () => {
  it('leaves the index as if the dropped records had never been added', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rand = mulberry32(seed);
      const a = adds(rand, Math.floor(rand() * 60), 1);
      const b = adds(rand, Math.floor(rand() * 2500), 1000);
      const c = adds(rand, Math.floor(rand() * 60), 1000);
      const guessed = new RecordIndex();
      play(guessed, a, 0);
      const m = guessed.mark();
      play(guessed, b, 1);
      guessed.rollback(m);
      play(guessed, c, 1);
      const plain = new RecordIndex();
      play(plain, a, 0);
      plain.placeId({ departmentRank: 0, file: 'f1.xlsx', sheetIndex: 1 });
      play(plain, c, 1);
      expect(guessed.size, `seed ${seed}`).toBe(plain.size);
      expect(guessed.findings(), `seed ${seed}`).toEqual(plain.findings());
    }
  });
});
