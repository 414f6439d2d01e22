// Histories for the checkpoint's encoder tests (checkpoint-writer.test.ts): small generated ones (text that fools a
// naive codec, ids touched before they are published, every event type) and one large fixed one (a publish of
// 30,000 records, whose text columns span several of the encoder's 1 MiB chunks and whose ids probe the index).
import fc from 'fast-check';
import type { EventBody, RegisterRecord } from '../../src/register/events.js';

const ids = Array.from({ length: 12 }, (_, i) => `a${'0'.repeat(10)}${i.toString(16)}`);
const dateArb = fc.integer({ min: 0, max: 2000 }).map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const nasty = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('', '新乡市〔2026〕3号', '"', '\\', '\n', '\u2028', '\ud800', '},{"id":', 'é', '\u007f', '𠮷'),
);
const recordArb = (id: string): fc.Arbitrary<RegisterRecord> =>
  fc
    .record({
      subjectName: nasty,
      decisionNo: nasty,
      creditCode: fc.constantFrom('', '91410700MA3X7K2P20'),
      idNumber: fc.constantFrom('', '410702199001010010'),
      domain: fc.constantFrom('劳务派遣', '社会保险'),
      department: fc.constantFrom('就业办', '市社保中心'),
      listType: fc.constantFrom('red' as const, 'black' as const),
      severity: fc.constantFrom('', '严重', '一般'),
      decisionDate: dateArb,
      publishUntil: dateArb,
      facts: nasty,
    })
    .map((x) => ({ ...x, id, subjectType: '法人及非法人组织', idType: '' }) as unknown as RegisterRecord);
const recordsArb = fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 5 }).chain((xs) => fc.tuple(...xs.map(recordArb)));

export const bodyArb: fc.Arbitrary<EventBody> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({
        type: fc.constant('publish' as const),
        batch: fc.constantFrom('2026Q1', '2026Q2', '2026Q3', '2026Q4'),
        on: dateArb,
        package: fc.constant('0'.repeat(64)),
        records: recordsArb,
        removals: fc.array(
          fc.record({
            id: fc.constantFrom(...ids),
            type: fc.constantFrom('violation' as const, 'early' as const, 'corrected' as const, 'expired' as const, 'revoked' as const),
            reason: nasty,
          }),
          { maxLength: 3 },
        ),
        unchanged: fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 2 }),
        withContents: fc.boolean(),
        corrected: fc.uniqueArray(
          fc.record({ id: fc.constantFrom(...ids), revision: fc.integer({ min: 1, max: 3 }), changed: fc.constant(['facts']) }),
          { maxLength: 2, selector: (c) => c.id },
        ),
      })
      .map(({ withContents, ...b }) => ({
        ...b,
        ...(withContents ? { contents: Object.fromEntries(b.records.map((r, i) => [r.id, `${i}`.repeat(16)])) } : {}),
      })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('import' as const),
      batch: fc.constantFrom('2025Q4', '2025Q3'),
      on: dateArb,
      files: fc.constant(['旧.xlsx']),
      records: recordsArb,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('note' as const),
      text: nasty,
      ids: fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 2 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('objection-add' as const),
      on: dateArb,
      id: fc.constantFrom(...ids),
      objection: fc.constantFrom('O1', 'O2'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('objection-resolve' as const),
      on: dateArb,
      id: fc.constantFrom(...ids),
      objection: fc.constantFrom('O1', 'O2'),
      outcome: fc.constantFrom('revoked' as const, 'upheld' as const, 'corrected' as const),
    }),
  },
) as fc.Arbitrary<EventBody>;

/** A history of 1–12 events. */
export const historyArb = fc.array(bodyArb, { minLength: 1, maxLength: 12 });

/** The fixed large history: 30,000 records published, a third removed and some corrected by a second batch, an objection. */
export function largeHistory(): EventBody[] {
  const record = (i: number): RegisterRecord =>
    ({
      id: `b${i.toString(16).padStart(11, '0')}`,
      listType: i % 3 === 0 ? 'red' : 'black',
      domain: ['劳务派遣', '社会保险', '工资支付'][i % 3],
      department: ['就业办', '市社保中心'][i % 2],
      subjectName: `新乡市测试${i}有限公司${i % 7 === 0 ? '𠮷' : ''}`,
      subjectType: '法人及非法人组织',
      creditCode: '',
      idType: '',
      idNumber: '',
      decisionNo: `新人社〔2026〕${i}号`,
      decisionDate: '2026-03-01',
      publishUntil: i % 5 === 0 ? '2026-06-30' : '2029-03-01',
      severity: i % 2 === 0 ? '严重' : '一般',
    }) as unknown as RegisterRecord;
  const first = Array.from({ length: 30_000 }, (_, i) => record(i));
  const removed = first.filter((_, i) => i % 3 === 1).map((r) => ({ id: r.id, type: 'violation' as const, reason: `违法${r.id}` }));
  return [
    { type: 'publish', batch: '2026Q1', on: '2026-04-15', package: '1'.repeat(64), records: first, removals: [], unchanged: [] },
    // A removal of an id only published later (its touch comes before its first row).
    { type: 'objection-add', on: '2026-05-01', id: 'c00000000001', objection: 'O1' },
    {
      type: 'publish',
      batch: '2026Q2',
      on: '2026-07-15',
      package: '2'.repeat(64),
      records: [
        record(30_000),
        { ...record(3), decisionNo: '新人社〔2026〕3号之二' } as RegisterRecord,
        { ...record(30_001), id: 'c00000000001' } as RegisterRecord,
      ],
      removals: removed,
      unchanged: [],
      corrected: [{ id: record(3).id, revision: 2, changed: ['decisionNo'] }],
    },
    { type: 'note', text: '备注', ids: [record(6).id] },
  ] as EventBody[];
}
