// api/quarter/figures.ts: truth.md's figures computed once — rows received, red/black published, unchanged,
// corrected, removals by type — for every department of a batch, with and without a register plan.
import { describe, expect, it } from 'vitest';
import { batchFigures, type FiguresInput } from '../../dist/api/quarter/figures.js';
import { addFigures, removalTotal } from '../../dist/schemas/documents/figures.js';

const rec = (id: string, department: string, listType: 'red' | 'black', domain = '就业', extra: Record<string, unknown> = {}) => ({
  id,
  department,
  listType,
  domain,
  ...extra,
});
/** One department's received rows, as batchFigures takes them. */
type Received = NonNullable<ReturnType<FiguresInput['received']['get']>>;
const none = { violation: 0, early: 0, revoked: 0, corrected: 0, expired: 0 };

describe('batchFigures', () => {
  it('without a register: every row received is published', () => {
    const f = batchFigures({
      received: new Map<string, Received>([
        ['就业办', { red: 2, black: 1, byDomain: { 就业: { red: 2, black: 1 } } }],
        ['监察科', { red: 0, black: 0, byDomain: {} }],
      ]),
      sent: [],
    });
    expect(f.get('就业办')).toMatchObject({ rows: 3, red: 2, black: 1, unchanged: 0, corrected: 0, removals: none });
    expect(f.get('监察科')).toMatchObject({ rows: 0, red: 0, black: 0 });
  });

  it('with a plan: unchanged left out of red/black and counted where they were sent; corrections of both kinds; removals by the department they name', () => {
    const sent = [
      rec('a1', '就业办', 'red'),
      rec('a2', '就业办', 'red'),
      rec('b1', '劳动关系科', 'black'),
      rec('b2', '劳动关系科', 'black', '工时', { correctionOf: '新人社〔2026〕1号' }),
      rec('b3', '劳动关系科', 'red'),
    ];
    const f = batchFigures({
      received: new Map<string, Received>([
        ['就业办', { red: 2, black: 0, byDomain: {} }],
        ['劳动关系科', { red: 1, black: 2, byDomain: {} }],
      ]),
      sent,
      plan: {
        // Stubs (id, department, list, domain: what batchFigures reads), not whole records, on purpose.
        records: [sent[1], sent[2], sent[3], sent[4]] as never,
        unchanged: ['a1', 'a1'],
        removals: [
          { id: 'old', type: 'corrected', department: '劳动关系科' },
          { id: 'x', type: 'expired', department: '就业办' },
          { id: 'y', type: 'violation', department: '劳动关系科' },
        ],
        corrected: [{ id: 'b3', revision: 2, changed: ['facts'] }],
      },
    });
    expect(f.get('就业办')).toMatchObject({ rows: 2, red: 1, black: 0, unchanged: 1, corrected: 0, removals: { ...none, expired: 1 } });
    expect(f.get('劳动关系科')).toMatchObject({
      rows: 3,
      red: 1,
      black: 2,
      unchanged: 0,
      corrected: 2,
      removals: { ...none, corrected: 1, violation: 1 },
    });
    expect(f.get('劳动关系科')?.byDomain).toEqual({ 就业: { red: 1, black: 1 }, 工时: { red: 0, black: 1 } });
    const total = addFigures([...f.values()]);
    expect(total).toEqual({
      rows: 5,
      red: 2,
      black: 2,
      unchanged: 1,
      corrected: 2,
      removals: { ...none, corrected: 1, violation: 1, expired: 1 },
    });
    expect(removalTotal(total.removals)).toBe(3);
  });
});
