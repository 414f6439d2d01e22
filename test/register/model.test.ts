// The pure register model: canonical JSON, the hash chain, replay and statuses on a day.
import { describe, expect, it } from 'vitest';
import { chain } from '../helpers/register-chain.js';
import fc from 'fast-check';
import { canonicalJson } from '../../src/register/canonical.js';
import {
  eventLine,
  formatHead,
  hashOfEvent,
  HEAD_MIN_DIGITS,
  parseHead,
  reachesHead,
  splitLog,
  blankTail,
  verifyLog,
} from '../../src/register/chain.js';
import type { EventBody, RegisterEvent, RegisterRecord } from '../../src/register/events.js';
import { cloneState, continueReplay, replay, revokedSinceLastPublish, statusesOn, statusOn } from '../../src/register/state.js';
import { verifyBytes } from '../../src/io/register/register-store.js';

function rec(id: string, publishUntil = '2029-09-30', extra: Partial<RegisterRecord> = {}): RegisterRecord {
  return {
    id,
    listType: 'black',
    domain: '劳动保障监察',
    subjectName: `主体${id}`,
    publishUntil,
    department: '劳动保障监察支队',
    ...extra,
  } as RegisterRecord;
}

const text = (events: RegisterEvent[]): string => events.map(eventLine).join('');

const ids = ['aaaaaaaaaaa1', 'aaaaaaaaaaa2', 'aaaaaaaaaaa3', 'aaaaaaaaaaa4'];
const dateArb = fc.integer({ min: 0, max: 2000 }).map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const bodyArb: fc.Arbitrary<EventBody> = fc.oneof(
  fc.record({
    type: fc.constant('publish' as const),
    batch: fc.constantFrom('2026Q1', '2026Q2', '2026Q3'),
    on: dateArb,
    package: fc.constant('0'.repeat(64)),
    records: fc
      .uniqueArray(fc.constantFrom(...ids), { maxLength: 3 })
      .chain((xs) => fc.tuple(...xs.map((id) => dateArb.map((d) => rec(id, d))))),
    removals: fc.array(
      fc.record({
        id: fc.constantFrom(...ids),
        type: fc.constantFrom('violation' as const, 'early' as const, 'corrected' as const, 'expired' as const),
        reason: fc.string({ maxLength: 4 }),
      }),
      { maxLength: 2 },
    ),
    unchanged: fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 2 }),
  }),
  fc.record({
    type: fc.constant('note' as const),
    text: fc.string({ maxLength: 10 }),
    ids: fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 2 }),
  }),
  fc.record({ type: fc.constant('repair' as const), line: fc.nat(), bytes: fc.nat(), backup: fc.constant('register/events.jsonl.bak-x') }),
  fc.record({
    type: fc.constant('objection-add' as const),
    on: dateArb,
    id: fc.constantFrom(...ids),
    objection: fc.constantFrom('Y1', 'Y2'),
  }),
  fc.record({
    type: fc.constant('objection-resolve' as const),
    on: dateArb,
    id: fc.constantFrom(...ids),
    objection: fc.constantFrom('Y1', 'Y2'),
    outcome: fc.constantFrom('revoked' as const, 'upheld' as const),
  }),
);
const logArb = fc.array(bodyArb, { minLength: 2, maxLength: 12 }).map(chain);

/** Each event's keys in reverse order: what another tool writing in its own order leaves (its hash is ours). */
const reversed = (e: RegisterEvent): string => JSON.stringify(Object.fromEntries(Object.entries(e).reverse()));
/** How another tool may have laid out the same events (register/foreign.ts). */
const FOREIGN: ((events: RegisterEvent[]) => string)[] = [
  (es) => es.map((e) => `${reversed(e)}\n`).join(''),
  (es) => es.map((e) => `${JSON.stringify(e, null, 1).replace(/\n/g, '')}\r\n`).join(''),
  (es) => `\ufeff${es.map((e) => eventLine(e).replace('\n', '\r\n')).join('')}`,
  (es) => es.map(reversed).join('\n'),
];

describe('canonical JSON', () => {
  it('sorts keys at every depth by code point, leaves out undefined, has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [{ z: 'x', y: undefined, 名: null }], A: true })).toBe('{"A":true,"a":[{"z":"x","名":null}],"b":1}');
  });
  it('one value has one text whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const reordered = JSON.parse(
          JSON.stringify(v, (_k, x: unknown) =>
            x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).reverse()) : x,
          ),
        );
        expect(canonicalJson(reordered)).toBe(canonicalJson(v));
        expect(canonicalJson(JSON.parse(canonicalJson(v)))).toBe(canonicalJson(v));
      }),
    );
  });
});

describe('the hash chain', () => {
  it('seals events: seq from 1, prev = the hash before, hash of the event without hash', () => {
    const [a, b] = chain([
      { type: 'note', text: 'x', ids: [] },
      { type: 'note', text: 'y', ids: [] },
    ]) as [RegisterEvent, RegisterEvent];
    expect(a.seq).toBe(1);
    expect(a.prev).toBeNull();
    expect(b.prev).toBe(a.hash);
    expect(hashOfEvent(b)).toBe(b.hash);
    expect(verifyLog(text([a, b]))).toMatchObject({ ok: true, head: { seq: 2, hash: b.hash } });
  });

  it('an intact log of any events verifies', () => {
    fc.assert(
      fc.property(logArb, (events) => {
        expect(verifyLog(text(events)).ok).toBe(true);
      }),
    );
  });

  it('any edit of an event, even with its hash recomputed, is found at or after it', () => {
    fc.assert(
      fc.property(logArb, fc.nat(), fc.boolean(), (events, k, rehash) => {
        const i = k % (events.length - 1); // before the last event
        const edited = { ...events[i], by: `${(events[i] as RegisterEvent).by}改` } as RegisterEvent;
        if (rehash) edited.hash = hashOfEvent(edited);
        const copy = events.slice();
        copy[i] = edited;
        const r = verifyLog(text(copy));
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.broken).toEqual({ line: rehash ? i + 2 : i + 1, reason: rehash ? 'prev' : 'hash' });
      }),
    );
  });

  it('any single byte changed in any line is found', () => {
    fc.assert(
      fc.property(logArb, fc.nat(), fc.integer({ min: 32, max: 126 }), (events, k, byte) => {
        const buf = Buffer.from(text(events));
        const pos = k % buf.length;
        if (buf[pos] === byte || buf[pos] === 0x0a) return;
        buf[pos] = byte;
        expect(verifyLog(buf.toString('utf8')).ok).toBe(false);
      }),
    );
  });

  it('a line reformatted (spaces, key order) is accepted (another tool wrote it); a value edited under any formatting is found', () => {
    const events = chain([
      { type: 'note', text: 'x', ids: [] },
      { type: 'note', text: 'y', ids: [] },
    ]);
    const [a, b] = events as [RegisterEvent, RegisterEvent];
    const { seq, ...rest } = a;
    for (const line of [
      JSON.stringify(a, null, 1).replace(/\n/g, ''),
      JSON.stringify({ ...rest, seq }),
      JSON.stringify(a, null, 2).replace(/\n/g, '\t'),
    ]) {
      expect(verifyLog(`${line}\n${eventLine(b)}`)).toMatchObject({ ok: true, head: { seq: 2, hash: b.hash } });
      expect(verifyLog(`${line.replace('"x"', '"z"')}\n${eventLine(b)}`)).toMatchObject({ ok: false, broken: { line: 1, reason: 'hash' } });
      expect(verifyLog(`${line.replace('张三', '张四')}\n${eventLine(b)}`)).toMatchObject({
        ok: false,
        broken: { line: 1, reason: 'hash' },
      });
    }
  });

  it('any edit of a value, under any foreign formatting (key order, spacing, CRLF, BOM, no final newline), is found', () => {
    fc.assert(
      fc.property(logArb, fc.nat(), fc.constantFrom(...FOREIGN), (events, k, form) => {
        const t = form(events);
        expect(verifyLog(t)).toMatchObject({ ok: true, head: { seq: events.length } });
        const i = k % (events.length - 1);
        const who = (events[i] as RegisterEvent).by;
        const lines = t.split('\n');
        lines[i] = (lines[i] as string).replace(who === '张三' ? '张三' : who, '李四');
        const edited = lines.join('\n');
        if (edited === t) return;
        expect(verifyLog(edited).ok).toBe(false);
        expect(verifyBytes(Buffer.from(edited, 'utf8')).result.ok).toBe(false);
      }),
    );
  });

  it('deleting or reordering events before the last is found', () => {
    fc.assert(
      fc.property(logArb, fc.nat(), fc.nat(), (events, k, j) => {
        const i = k % (events.length - 1);
        const deleted = events.filter((_, n) => n !== i);
        expect(verifyLog(text(deleted)).ok).toBe(false);
        const other = j % events.length;
        if (other === i) return;
        const swapped = events.slice();
        [swapped[i], swapped[other]] = [swapped[other] as RegisterEvent, swapped[i] as RegisterEvent];
        expect(verifyLog(text(swapped)).ok).toBe(false);
      }),
    );
  });

  it('a torn last line is named as torn; whole lines before it are kept', () => {
    const events = chain([
      { type: 'note', text: 'x', ids: [] },
      { type: 'note', text: 'y', ids: [] },
    ]);
    const whole = text(events);
    const cut = whole.slice(0, whole.length - 7);
    const r = verifyLog(cut);
    expect(r).toMatchObject({ ok: false, broken: { line: 2, reason: 'torn' }, head: { seq: 1 } });
    expect(splitLog(cut).torn?.offset).toBe(Buffer.byteLength(eventLine(events[0] as RegisterEvent)));
    expect(verifyLog(`${whole}\0\0\0\n`)).toMatchObject({ ok: false, broken: { line: 3, reason: 'torn' } });
  });

  it('a cut tail is caught only against the noted head', () => {
    const events = chain([
      { type: 'note', text: 'x', ids: [] },
      { type: 'note', text: 'y', ids: [] },
    ]);
    const parsed = parseHead(`2:${(events[1] as RegisterEvent).hash.slice(0, 16)}`);
    expect(typeof parsed).toBe('object');
    const head = parsed as { seq: number; hash: string };
    expect(reachesHead(events, head)).toBe(true);
    expect(reachesHead(events.slice(0, 1), head)).toBe(false);
    expect(parseHead('2:xyz')).toBeUndefined();
  });

  it('a noted head is matched on its hash, not only its seq: a rewritten event at that seq does not reach it', () => {
    const events = chain([
      { type: 'note', text: 'x', ids: [] },
      { type: 'note', text: 'y', ids: [] },
    ]);
    const rewritten = chain([
      { type: 'note', text: 'x', ids: [] },
      { type: 'note', text: 'z', ids: [] },
    ]);
    const full = formatHead(events[1] as RegisterEvent);
    const head = parseHead(full) as { seq: number; hash: string };
    expect(head.hash).toHaveLength(64);
    expect(reachesHead(events, head)).toBe(true);
    expect(reachesHead(rewritten, head)).toBe(false);
    // One hex digit changed anywhere in the noted hash (the last one too) no longer matches.
    const last = head.hash.slice(-1) === '0' ? '1' : '0';
    expect(reachesHead(events, { seq: 2, hash: head.hash.slice(0, 63) + last })).toBe(false);
  });

  it('refuses a noted head shorter than 16 hex digits (a 32-bit prefix was matched by a forged history in minutes)', () => {
    const events = chain([{ type: 'note', text: 'x', ids: [] }]);
    const hash = (events[0] as RegisterEvent).hash;
    for (const n of [1, 8, 12, 15]) expect(parseHead(`1:${hash.slice(0, n)}`), String(n)).toBe('short');
    expect(typeof parseHead(`1:${hash.slice(0, 16)}`)).toBe('object');
    expect(HEAD_MIN_DIGITS).toBe(16);
    // Even when called directly with a short prefix, the model does not call it reached.
    expect(reachesHead(events, { seq: 1, hash: hash.slice(0, 8) })).toBe(false);
  });
});

describe('replay', () => {
  it('the state of a log equals the state of any prefix continued with the rest (a snapshot is a prefix)', () => {
    fc.assert(
      fc.property(logArb, fc.nat(), (events, k) => {
        const cut = k % (events.length + 1);
        const snapshot = cloneState(replay(events.slice(0, cut)));
        expect(continueReplay(snapshot, events.slice(cut))).toEqual(replay(events));
      }),
    );
  });

  it('statuses on a day: not yet published, active, expired after 公示截止日期, removed from its batch, revoked at once', () => {
    const events = chain([
      {
        type: 'publish',
        batch: '2026Q2',
        on: '2026-07-10',
        package: 'p'.repeat(64),
        records: [rec(ids[0]!, '2026-12-31'), rec(ids[1]!)],
        removals: [],
        unchanged: [],
      },
      { type: 'objection-add', on: '2026-08-01', id: ids[1]!, objection: 'Y1' },
      {
        type: 'publish',
        batch: '2026Q3',
        on: '2026-10-15',
        package: 'q'.repeat(64),
        records: [rec(ids[2]!)],
        removals: [{ id: ids[1]!, type: 'early', reason: '信用修复' }],
        unchanged: [],
      },
      { type: 'objection-resolve', on: '2026-10-20', id: ids[2]!, objection: 'none', outcome: 'revoked', reason: '认定错误' },
    ]);
    const s = replay(events);
    const on = (id: string, d: string) => statusOn(s.records.get(id)!, d);
    expect(on(ids[0]!, '2026-07-09')).toBeUndefined();
    expect(on(ids[0]!, '2026-12-31')?.status).toBe('active');
    expect(on(ids[0]!, '2027-01-01')?.status).toBe('expired');
    expect(on(ids[1]!, '2026-08-02')).toMatchObject({ status: 'active', objection: true });
    expect(on(ids[1]!, '2026-10-14')?.status).toBe('active');
    expect(on(ids[1]!, '2026-10-15')).toMatchObject({
      status: 'removed',
      removal: { type: 'early', on: '2026-10-15', batch: '2026Q3' },
      objection: false,
    });
    expect(on(ids[2]!, '2026-10-19')?.status).toBe('active');
    expect(on(ids[2]!, '2026-10-20')).toMatchObject({ status: 'removed', removal: { type: 'revoked', batch: null } });
    expect(statusesOn(s, '2026-09-01').map((r) => r.id)).toEqual([ids[0], ids[1]]);
    expect(s.batches.get('2026Q3')).toMatchObject({ seq: 3, on: '2026-10-15' });
  });

  it('objections by number; 更正 leaves the record awaiting correction until its corrected removal; 撤销 since the last publish is what the next package lists', () => {
    const events = chain([
      {
        type: 'publish',
        batch: '2026Q2',
        on: '2026-07-10',
        package: 'p'.repeat(64),
        records: [rec(ids[0]!), rec(ids[1]!), rec(ids[2]!)],
        removals: [],
        unchanged: [],
      },
      {
        type: 'objection-add',
        on: '2026-08-01',
        id: ids[0]!,
        objection: 'O2026-001',
        from: '甲',
        summary: '有误',
        channel: '来函',
        providerCheck: false,
        workingDays: 3,
        deadline: '2026-08-04',
      },
      { type: 'objection-add', on: '2026-08-02', id: ids[1]!, objection: 'O2026-002', workingDays: 3, deadline: null },
      { type: 'objection-resolve', on: '2026-08-03', id: ids[0]!, objection: 'O2026-001', outcome: 'corrected', reason: '请更正' },
      { type: 'objection-resolve', on: '2026-08-05', id: ids[1]!, objection: 'O2026-002', outcome: 'revoked', reason: '撤销', late: true },
    ]);
    const s = replay(events);
    expect([...s.objections.keys()]).toEqual(['O2026-001', 'O2026-002']);
    expect(s.objections.get('O2026-001')).toMatchObject({
      id: ids[0],
      from: '甲',
      channel: '来函',
      resolvedOn: '2026-08-03',
      outcome: 'corrected',
      opinion: '请更正',
      resolvedSeq: 4,
      late: false,
    });
    expect(s.objections.get('O2026-002')).toMatchObject({ storedDeadline: null, outcome: 'revoked', late: true });
    const on = (id: string, d: string) => statusOn(s.records.get(id)!, d);
    expect(on(ids[0]!, '2026-08-02')).toMatchObject({ objection: true, awaitingCorrection: false });
    expect(on(ids[0]!, '2026-08-03')).toMatchObject({ status: 'active', objection: false, awaitingCorrection: true });
    expect(revokedSinceLastPublish(s)).toEqual([{ id: ids[1], objection: 'O2026-002', on: '2026-08-05', reason: '撤销', seq: 5 }]);

    // The department's corrected row replaces it: removed as corrected, no longer awaited; the next publish carries the 撤销.
    const later = continueReplay(
      cloneState(s),
      chain([
        ...events.map((e) => {
          const { seq: _s, at: _a, by: _b, host: _h, prev: _p, hash: _x, ...body } = e;
          return body as EventBody;
        }),
        {
          type: 'publish',
          batch: '2026Q3',
          on: '2026-10-15',
          package: 'q'.repeat(64),
          records: [rec(ids[3]!)],
          removals: [
            { id: ids[0]!, type: 'corrected', reason: '更正' },
            { id: ids[1]!, type: 'revoked', reason: '撤销' },
          ],
          unchanged: [],
        },
      ]).slice(5),
    );
    expect(on(ids[0]!, '2026-10-15')?.awaitingCorrection).toBe(true);
    expect(statusOn(later.records.get(ids[0]!)!, '2026-10-15')).toMatchObject({ status: 'removed', awaitingCorrection: false });
    expect(revokedSinceLastPublish(later)).toEqual([]);
  });
});

describe('the store reads bytes as the model reads text', () => {
  it('same verdict, same head, same torn offset for any tail of NULs, newlines and fragments', () => {
    fc.assert(
      fc.property(
        logArb,
        fc.array(fc.constantFrom('\0', '\n', 'x', '{', '\0\0\n', '\r', '\r\n', ' ', '\t'), { maxLength: 6 }),
        fc.nat(),
        fc.nat(),
        (events, tail, cut, f) => {
          // Our layout or another tool's (foreign.ts), then cut and given a tail.
          const whole = f % 3 === 0 ? (FOREIGN[f % FOREIGN.length] as (es: RegisterEvent[]) => string)(events) : text(events);
          const body = whole.slice(0, whole.length - (cut % 3 === 0 ? cut % 40 : 0));
          const t = body + tail.join('');
          const model = verifyLog(t);
          const store = verifyBytes(Buffer.from(t, 'utf8'));
          expect(store.result.ok).toBe(model.ok);
          expect(store.result.head).toEqual(model.head);
          if (!model.ok && !store.result.ok) expect(store.result.broken).toEqual(model.broken);
          // What repair may cut: a torn tail, or the blank lines after the last event.
          const cuttable = model.ok
            ? null
            : model.broken.reason === 'torn'
              ? splitLog(t).torn
              : model.broken.reason === 'blank'
                ? blankTail(t)
                : null;
          expect(store.tornAt).toBe(cuttable ? cuttable.offset : null);
          // A whole last event without its newline is kept, not torn.
          expect(store.unterminated).toBe(model.ok && !t.endsWith('\n') && t !== '');
        },
      ),
    );
  });
});
