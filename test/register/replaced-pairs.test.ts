// api/register/replaced-pairs.ts: which record a correction under a new 认定文书号 replaces, for diff. The same pairs
// as the search it replaces (each correction against every open removal, asking each its record and the pairs so
// far), whatever the batch holds; and each record asked once, however many corrections (that search asked n²).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { subjectKeyOf } from '../../src/domain/identity.js';
import { replacedPairs } from '../../src/api/register/replaced-pairs.js';
import type { RecordSummary } from '../../src/register/stored.js';

type Corrected = { id: string; revision: number; replaces?: string | undefined };
type Removal = { id: string; type: string };

/** The search diff made before (register.ts, round 31). */
function searched(
  corrected: readonly Corrected[] | undefined,
  removals: readonly Removal[],
  recordOf: (id: string) => RecordSummary | undefined,
) {
  const out = new Map<string, string>();
  const open = removals.filter((r) => r.type === 'corrected').map((r) => r.id);
  for (const c of corrected ?? []) {
    if (c.replaces !== undefined) {
      out.set(c.id, c.replaces);
      continue;
    }
    if (c.revision !== 1) continue;
    const now = recordOf(c.id);
    if (!now) continue;
    const key = `${now.department}|${now.listType}|${subjectKeyOf(now).key}`;
    const old = open.find((id) => {
      const o = recordOf(id);
      return o !== undefined && `${o.department}|${o.listType}|${subjectKeyOf(o).key}` === key && ![...out.values()].includes(id);
    });
    if (old !== undefined) out.set(c.id, old);
  }
  return out;
}

const summary = (id: string, department: string, listType: 'red' | 'black', creditCode: string): RecordSummary =>
  ({
    id,
    listType,
    domain: '劳务派遣',
    department,
    subjectType: '法人及非法人组织',
    subjectName: `新乡市${creditCode}有限公司`,
    creditCode: '',
    idType: '',
    idNumber: '',
    publishUntil: '2029-01-01',
  }) as unknown as RecordSummary;

describe('replacedPairs', () => {
  it('pairs as the search over every open removal did, whatever the corrections, removals and records', () => {
    const ids = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'];
    const recordArb = fc.option(
      fc.record({
        department: fc.constantFrom('就业办', '市社保中心'),
        listType: fc.constantFrom('red' as const, 'black' as const),
        name: fc.constantFrom('甲', '乙'),
      }),
      { nil: undefined },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.constantFrom(...ids),
            revision: fc.integer({ min: 1, max: 2 }),
            replaces: fc.option(fc.constantFrom(...ids), { nil: undefined }),
          }),
          { maxLength: 8 },
        ),
        fc.array(fc.record({ id: fc.constantFrom(...ids), type: fc.constantFrom('corrected', 'expired', 'violation') }), { maxLength: 8 }),
        fc.array(recordArb, { minLength: ids.length, maxLength: ids.length }),
        (corrected, removals, records) => {
          const byId = new Map(ids.map((id, i) => [id, records[i]]));
          const recordOf = (id: string) => {
            const r = byId.get(id);
            return r ? summary(id, r.department, r.listType, r.name) : undefined;
          };
          const cs = corrected.map(({ replaces, ...c }) => (replaces === undefined ? c : { ...c, replaces }));
          expect([...replacedPairs(cs, removals, recordOf)]).toEqual([...searched(cs, removals, recordOf)]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('asks each record once: 2,000 corrections of one subject against 2,000 removals', () => {
    const n = 2000;
    const corrected = Array.from({ length: n }, (_, i) => ({ id: `new${i}`, revision: 1 }));
    const removals = Array.from({ length: n }, (_, i) => ({ id: `old${i}`, type: 'corrected' }));
    let asked = 0;
    const recordOf = (id: string) => {
      asked++;
      return summary(id, '就业办', 'black', '91410700MA3X7K2P20');
    };
    const pairs = replacedPairs(corrected, removals, recordOf);
    expect(pairs.size).toBe(n);
    expect(pairs.get('new0')).toBe('old0');
    expect(pairs.get(`new${n - 1}`)).toBe(`old${n - 1}`);
    expect(asked).toBe(2 * n);
  });
});
