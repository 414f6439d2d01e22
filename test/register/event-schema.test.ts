// Register event lines have one schema (src/schemas/register-event.ts): every type as the writer seals it
// reads back; lines written before content hashes (no `contents`, no `corrected`) still read; a line whose
// body breaks the schema is a chain break of reason `schema` at that line.
import { describe, expect, it } from 'vitest';
import { eventLine, hashOfEvent, verifyLog } from '../../src/register/chain.js';
import type { EventBody, RegisterEvent } from '../../src/register/events.js';
import { contentHash, changedColumns } from '../../src/register/content.js';
import { replay, statusOn } from '../../src/register/state.js';
import { RegisterEventSchema } from '../../src/schemas/register-event.js';
import { chain } from '../helpers/register-chain.js';
import { creditRecord } from './helpers.js';

const rec = {
  id: 'will-be-replaced',
  listType: 'red',
  domain: '劳务派遣',
  listName: '',
  subjectType: '法人及非法人组织',
  subjectName: '新乡市牧野劳务派遣服务有限公司',
  creditCode: '91410711MA44Q8W13P',
  legalRep: '王强',
  legalRepIdType: '',
  legalRepIdNumber: '',
  idType: '',
  idNumber: '',
  facts: '连续三年经营规范',
  basis: '《劳务派遣暂行规定》',
  decisionNo: '新人社〔2025〕5号',
  decisionDate: '2025-06-01',
  publishUntil: '2028-06-01',
  publishUntilDefaulted: false,
  severity: '',
  measures: '',
  remarks: '',
  department: '就业办',
  authority: '新乡市人力资源和社会保障局',
  quarter: '2026Q2',
  periodMonths: 36,
  source: { file: 'x.csv', row: 2 },
} as const;
const record = creditRecord({ ...rec, id: '5dd2f5e87ed1' });

const bodies: EventBody[] = [
  { type: 'import', batch: '2025Q4', on: '2026-01-12', files: ['旧名单.xlsx'], records: [], contents: {} },
  {
    type: 'publish',
    batch: '2026Q2',
    on: '2026-07-10',
    package: 'a'.repeat(64),
    records: [record],
    removals: [],
    unchanged: [],
    contents: { '5dd2f5e87ed1': contentHash(record) },
    corrected: [],
  },
  { type: 'note', text: '已电话告知企业', ids: ['5dd2f5e87ed1'] },
  {
    type: 'objection-add',
    on: '2026-09-28',
    id: '5dd2f5e87ed1',
    objection: 'O2026-001',
    from: '甲',
    summary: '有误',
    channel: '信用中国',
    providerCheck: false,
    workingDays: 3,
    deadline: '2026-10-09',
  },
  {
    type: 'objection-resolve',
    on: '2026-09-29',
    id: '5dd2f5e87ed1',
    objection: 'O2026-001',
    outcome: 'corrected',
    reason: '请更正',
    late: false,
    deadline: '2026-10-09',
  },
  {
    type: 'publish',
    batch: '2026Q3',
    on: '2026-10-15',
    package: 'b'.repeat(64),
    records: [{ ...record, facts: '新事由', quarter: '2026Q3' }],
    removals: [],
    unchanged: [],
    contents: {},
    corrected: [{ id: '5dd2f5e87ed1', revision: 2, changed: ['facts'] }],
  },
  { type: 'repair', line: 7, bytes: 10, backup: 'register/events.jsonl.bak-1' },
];

describe('the register event schema', () => {
  it('accepts every event type as sealed, and the log reads back with revisions and correctedIn', () => {
    const events = chain(bodies);
    for (const e of events) expect(RegisterEventSchema.safeParse(e).success, e.type).toBe(true);
    const read = verifyLog(events.map(eventLine).join(''));
    expect(read.ok).toBe(true);
    const state = replay(read.events);
    const entry = state.records.get('5dd2f5e87ed1')!;
    expect(entry.publications.map((p) => [p.batch, p.revision])).toEqual([
      ['2026Q2', 1],
      ['2026Q3', 2],
    ]);
    expect(entry.publications[0]!.content).toBe(contentHash(record));
    expect(state.objections.get('O2026-001')?.correctedIn).toBe('2026Q3');
    expect([
      statusOn(entry, '2026-10-15')?.status,
      statusOn(entry, '2026-10-15')?.revision,
      statusOn(entry, '2026-10-15')?.awaitingCorrection,
    ]).toEqual(['active', 2, false]);
    expect(statusOn(entry, '2026-10-01')?.awaitingCorrection).toBe(true);
  });

  it('reads a publish line written before content hashes (no contents, no corrected): revision 1, content unknown', () => {
    const [e] = chain([
      { type: 'publish', batch: '2026Q2', on: '2026-07-10', package: 'a'.repeat(64), records: [record], removals: [], unchanged: [] },
    ]);
    expect(eventLine(e!)).not.toContain('"contents"');
    const read = verifyLog(eventLine(e!));
    expect(read.ok).toBe(true);
    const p = replay(read.events).records.get('5dd2f5e87ed1')!.publications[0]!;
    expect([p.revision, p.content]).toEqual([1, '']);
  });

  it('a line whose body breaks the schema (a removal type no tool writes) breaks the chain there, reason schema', () => {
    const events = chain(bodies.slice(0, 2));
    const bad = { ...(events[1] as RegisterEvent), removals: [{ id: '5dd2f5e87ed1', type: 'deleted' }] } as unknown as RegisterEvent;
    const { hash: _h, ...rest } = bad;
    const sealed = { ...rest, hash: hashOfEvent(rest) } as RegisterEvent;
    const read = verifyLog(eventLine(events[0]!) + eventLine(sealed));
    expect(read.ok ? null : read.broken).toEqual({ line: 2, reason: 'schema' });
  });

  it('content: the columns a department writes, compared as text in the form order', () => {
    const a = { facts: '甲', remarks: '', basis: 'x' };
    expect(changedColumns(a, { facts: '乙', basis: 'x', remarks: '备注' })).toEqual(['facts', 'remarks']);
    // Fields no content hash takes (department, quarter), passed on purpose: they must not change it.
    expect(contentHash(a)).toBe(contentHash({ ...a, remarks: undefined, department: '另一科室', quarter: '2026Q4' } as never));
    expect(contentHash(a)).not.toBe(contentHash({ ...a, facts: '乙' }));
  });
});
