/**
 * The register's state: a pure function of its events, replayed in order (register.md). `apply`
 * folds one event into a state; `replay` folds a whole log from the empty state, so that
 * replay(a ++ b) equals apply-each(b) over replay(a): a snapshot of any prefix continues like the log.
 *
 * The state keeps each record's timeline (publications, removals, objections) rather than a status,
 * because statuses depend on the day asked about (`--on`): a record counts from its batch's
 * publication, a removal from its batch's publication (a 撤销 from the day it is resolved), and a
 * record is expired the day after its 公示截止日期.
 */
import type { IsoDate, RegisterEvent, RegisterRecord, RemovalType, StoredEvent } from './events.js';
import { StoredRecord, publishedBy, storedFromMemory } from './stored.js';
import { ColumnRecord } from './stored-columns.js';
import { LazyRecords, lazyState, prefixOf, prefixTouching, type RowFilter } from './lazy-state.js';

export type { RowFilter } from './lazy-state.js';
export type { BatchFact, ObjectionFact, Publication, RecordEntry, RegisterState, RemovalFact } from './state-types.js';
import type { ObjectionFact, Publication, RecordEntry, RegisterState, RemovalFact } from './state-types.js';

export function emptyState(): RegisterState {
  return { seq: 0, head: null, records: new Map(), batches: new Map(), objections: new Map() };
}

// Most records are never removed early nor objected to: they share these until their first entry
// (a province holds a million entries).
const NO_REMOVALS: RemovalFact[] = Object.freeze([]) as unknown as RemovalFact[];
const NO_OBJECTIONS: ObjectionFact[] = Object.freeze([]) as unknown as ObjectionFact[];

function addRemoval(e: RecordEntry, r: RemovalFact): void {
  if (e.removals === NO_REMOVALS) e.removals = [];
  e.removals.push(r);
}

/** Adds a publication; a record's first makes its entry (an array literal of one: pushed onto an empty array, V8 reserves 17). */
function publish(state: RegisterState, record: StoredRecord): void {
  const e = state.records.get(record.id);
  if (e) e.publications.push(record);
  else state.records.set(record.id, { id: record.id, publications: [record], removals: NO_REMOVALS, objections: NO_OBJECTIONS });
}

/** An event's records as StoredRecord: read from the log they already are; made in memory they are wrapped. */
function storedRecords(event: (RegisterEvent | StoredEvent) & { type: 'publish' | 'import' }): readonly StoredRecord[] {
  const records: readonly (RegisterRecord | StoredRecord)[] = event.records;
  if (records.length === 0 || records[0] instanceof StoredRecord || records[0] instanceof ColumnRecord)
    return records as readonly StoredRecord[];
  return storedFromMemory(records as readonly RegisterRecord[], publishedBy(event));
}

/** The objections resolved 更正 on a record that a published batch now corrects: they are awaited no longer. */
function correctionsArrived(e: RecordEntry, event: { seq: number; batch: string }): void {
  for (const o of e.objections)
    if (o.outcome === 'corrected' && o.correctedIn === null && o.resolvedSeq !== null && o.resolvedSeq < event.seq)
      o.correctedIn = event.batch;
}

/** Folds one event into the state (mutating it, for speed at a million records; replay makes a fresh one). */
export function apply(state: RegisterState, event: RegisterEvent | StoredEvent): RegisterState {
  // A state read through a checkpoint keeps what it folds: entries it has not made yet are made from it (lazy-state.ts).
  if (state.records instanceof LazyRecords && !state.records.built) state.records.log.push(event);
  switch (event.type) {
    case 'publish':
    case 'import': {
      for (const record of storedRecords(event)) publish(state, record);
      if (event.type === 'publish') {
        for (const r of event.removals) {
          const e = state.records.get(r.id);
          if (!e) continue; // compile matched it against the register; an unknown id changes nothing
          // A 撤销 took effect the day it was resolved (objections.md); the batch only lists it.
          const resolved = r.type === 'revoked' ? e.removals.findLast((x) => x.type === 'revoked' && x.batch === null) : undefined;
          if (resolved)
            addRemoval(e, {
              seq: event.seq,
              type: r.type,
              on: resolved.on,
              batch: event.batch,
              reason: r.reason ?? '',
              listedOn: event.on,
            });
          else addRemoval(e, { seq: event.seq, type: r.type, on: event.on, batch: event.batch, reason: r.reason ?? '' });
          if (r.type === 'corrected') correctionsArrived(e, event);
        }
        for (const c of event.corrected ?? []) {
          const e = state.records.get(c.id);
          if (e) correctionsArrived(e, event);
        }
      }
      state.batches.set(event.batch, {
        seq: event.seq,
        type: event.type,
        on: event.on,
        package: event.type === 'publish' ? event.package : null,
      });
      break;
    }
    case 'note':
      break;
    case 'objection-add': {
      const e = state.records.get(event.id);
      if (!e) break;
      const fact: ObjectionFact = {
        seq: event.seq,
        objection: event.objection,
        on: event.on,
        resolvedOn: null,
        outcome: null,
        id: event.id,
        from: event.from ?? '',
        summary: event.summary ?? '',
        channel: event.channel ?? null,
        providerCheck: event.providerCheck ?? false,
        workingDays: event.workingDays ?? null,
        storedDeadline: event.deadline ?? null,
        by: event.by,
        resolvedSeq: null,
        resolvedBy: null,
        opinion: null,
        late: false,
        correctedIn: null,
        closedBy: null,
      };
      if (e.objections === NO_OBJECTIONS) e.objections = [];
      e.objections.push(fact);
      state.objections.set(event.objection, fact);
      break;
    }
    case 'objection-resolve': {
      const e = state.records.get(event.id);
      if (!e) break;
      // Open, or closed only by another's 撤销 (closedBy): an explicit resolve another tool wrote later is the answer the
      // log gives (this tool refuses one: OBJECTION_ALREADY_RESOLVED) — its outcome, day and opinion, not the 撤销's.
      const o = e.objections.find((x) => x.objection === event.objection && (x.resolvedOn === null || x.closedBy !== null));
      if (o) {
        o.closedBy = null;
        o.resolvedOn = event.on;
        o.outcome = event.outcome;
        o.resolvedSeq = event.seq;
        o.resolvedBy = event.by;
        o.opinion = event.reason ?? '';
        o.late = event.late ?? false;
        // The record's other objections open that day are answered by this 撤销: closed with it, late only if that
        // day is past the deadline stored on receipt (no calendar here; null when it did not cover it then).
        if (event.outcome === 'revoked')
          for (const x of e.objections) {
            if (x === o || x.resolvedOn !== null || x.on > event.on) continue;
            x.resolvedOn = event.on;
            x.outcome = 'revoked';
            x.resolvedSeq = event.seq;
            x.resolvedBy = event.by;
            x.opinion = event.reason ?? '';
            x.late = x.storedDeadline !== null && event.on > x.storedDeadline;
            x.closedBy = event.objection;
          }
      }
      // A 撤销 takes the record off the list if it is on it that day: one already removed (its department's 移出申请,
      // a correction under a new 认定文书号, an earlier 撤销) or expired keeps its removal, and no package lists it again
      // (docs/decisions.md "A 撤销 of a record no longer public").
      if (event.outcome === 'revoked' && statusOn(e, event.on)?.status === 'active')
        addRemoval(e, { seq: event.seq, type: 'revoked', on: event.on, batch: null, reason: event.reason ?? '' });
      break;
    }
    case 'repair':
      break;
  }
  state.seq = event.seq;
  state.head = event.hash;
  return state;
}

/**
 * A copy of the state that applying more events leaves the original as it was (diff's "this package
 * published on top of the register"): maps and each record's lists are copied, the facts in them and
 * the records themselves are shared (apply never changes a publication or a removal once made).
 */
export function cloneState(state: RegisterState): RegisterState {
  const records = new Map<string, RecordEntry>();
  const objections = new Map<string, ObjectionFact>();
  const copied = new Map<ObjectionFact, ObjectionFact>();
  const copyFact = (o: ObjectionFact): ObjectionFact => {
    let c = copied.get(o);
    if (!c) copied.set(o, (c = { ...o }));
    return c;
  };
  for (const [id, e] of state.records) {
    records.set(id, {
      id: e.id,
      publications: [...e.publications],
      removals: e.removals === NO_REMOVALS ? NO_REMOVALS : [...e.removals],
      objections: e.objections === NO_OBJECTIONS ? NO_OBJECTIONS : e.objections.map(copyFact),
    });
  }
  for (const [k, o] of state.objections) objections.set(k, copyFact(o));
  return { seq: state.seq, head: state.head, records, batches: new Map(state.batches), objections };
}

/**
 * The events that touched a record (register show): its publications, removals listed by a batch,
 * resubmissions unchanged, notes naming it, its objections — from its first publication on (an
 * event before that could not touch it). Computed when asked: a province's state keeps no such list.
 */
export function eventsTouching(events: readonly (RegisterEvent | StoredEvent)[], entry: RecordEntry): number[] {
  const id = entry.id;
  const first = entry.publications[0]?.seq ?? Infinity;
  const out: number[] = [];
  // Of a checkpoint's prefix, the events that publish or remove it are known without reading every record (lazy-state.ts).
  const known = prefixTouching(events, id);
  for (const [i, e] of events.entries()) {
    if (e.seq < first) continue;
    let hit = false;
    const inPrefix = known !== undefined && i < known.length;
    switch (e.type) {
      case 'publish':
        hit = inPrefix
          ? known.publishes.has(i) || known.removes.has(i) || e.unchanged.includes(id)
          : e.records.some((r) => r.id === id) || e.removals.some((r) => r.id === id) || e.unchanged.includes(id);
        break;
      case 'import':
        hit = inPrefix ? known.publishes.has(i) : e.records.some((r) => r.id === id);
        break;
      case 'note':
        hit = e.ids.includes(id);
        break;
      case 'objection-add':
      case 'objection-resolve':
        hit = e.id === id;
        break;
      case 'repair':
        break;
    }
    if (hit) out.push(e.seq);
  }
  return out;
}

export function continueReplay(state: RegisterState, events: Iterable<RegisterEvent | StoredEvent>): RegisterState {
  for (const e of events) apply(state, e);
  return state;
}

/**
 * The state of `events` from the empty state. A log read through a checkpoint (its first events those the
 * checkpoint gave) is replayed lazily: the prefix's entries made when asked (lazy-state.ts), the same state.
 */
export function replay(events: Iterable<RegisterEvent | StoredEvent>): RegisterState {
  if (!Array.isArray(events)) return replayEager(events);
  const { state, next } = replayStart(events);
  for (let i = next; i < events.length; i++) apply(state, events[i] as RegisterEvent | StoredEvent);
  return state;
}

/** Every event folded in order, every entry made (what a lazy state's entries are made with). */
export function replayEager(events: Iterable<RegisterEvent | StoredEvent>): RegisterState {
  return continueReplay(emptyState(), events);
}

/**
 * Where a replay of `events` starts: the lazy state of the checkpoint's prefix they begin with and the
 * index of the first event after it, or the empty state and 0 (a caller that pauses folds the rest).
 */
export function replayStart(events: readonly (RegisterEvent | StoredEvent)[]): { state: RegisterState; next: number } {
  const prefix = prefixOf(events);
  if (!prefix) return { state: emptyState(), next: 0 };
  return { state: lazyState(prefix, replayEager, apply), next: prefix.events.length };
}

/**
 * The entries that may answer `test` (register show, compile's plan), in the map's order: every entry, or of
 * a state read through a checkpoint only those with a publication answering it, those an objection names and
 * those the events after the checkpoint publish, object to or revoke (lazy-state.ts). `removedOut`: less those a
 * published batch removed after their latest publication (and no objection names) — for a caller that passes over
 * such a record.
 */
export function candidateEntries(
  state: RegisterState,
  test: (r: StoredRecord) => boolean,
  options: { removedOut?: boolean; rows?: RowFilter } = {},
): Iterable<RecordEntry> {
  return state.records instanceof LazyRecords && !state.records.built ? state.records.candidates(test, options) : state.records.values();
}

export type Status = 'active' | 'expired' | 'removed';

export interface RecordStatus {
  id: string;
  record: StoredRecord;
  batch: string;
  publishedOn: IsoDate;
  publishUntil: IsoDate;
  /** The revision public that day (1 at first publication, +1 per correction under the same 认定文书号). */
  revision: number;
  status: Status;
  removal: { type: RemovalType; on: IsoDate; batch: string | null; reason: string } | null;
  /** An objection open on that day (异议标注). */
  objection: boolean;
  /**
   * An objection resolved as 更正 on or before that day, the record still active: it awaits its
   * department's corrected row (register.md, 更正原文书号), which removes it as `corrected`.
   */
  awaitingCorrection: boolean;
}

/**
 * A record as it stood on `date` (undefined when not yet published then): the latest publication on
 * or before that day, the latest removal after it that had taken effect, an objection open that day.
 */
export function statusOn(entry: RecordEntry, date: IsoDate): RecordStatus | undefined {
  let pub: Publication | undefined;
  // The record's first publication (revision 1): a correction under its own 认定文书号 is the same record,
  // so an objection received before it still concerns it.
  let first = 0;
  for (const p of entry.publications) {
    if (p.on > date) continue;
    pub = p;
    if (first === 0 || p.revision <= 1) first = p.seq;
  }
  if (!pub) return undefined;
  const since = pub.seq;
  let removal: RemovalFact | undefined;
  for (const r of entry.removals) if (r.seq > since && (r.listedOn ?? r.on) <= date) removal = r;
  const objection = entry.objections.some((o) => o.seq > first && o.on <= date && (o.resolvedOn === null || o.resolvedOn > date));
  const awaiting = entry.objections.some((o) => awaits(o, first, since, date));
  const record = pub.record;
  let status: Status;
  if (removal) status = removal.type === 'expired' ? 'expired' : 'removed';
  else status = record.publishUntil < date ? 'expired' : 'active';
  return {
    id: entry.id,
    record,
    batch: pub.batch,
    publishedOn: pub.on,
    publishUntil: record.publishUntil,
    revision: pub.revision,
    status,
    removal: removal ? { type: removal.type, on: removal.on, batch: removal.batch, reason: removal.reason } : null,
    objection: status === 'active' && objection,
    awaitingCorrection: status === 'active' && awaiting,
  };
}

/**
 * The day a record public on `date` was first published: the publication of its revision 1 (a
 * correction under its own 认定文书号 is the same record at a later revision, truth.md), undefined when
 * not yet published then.
 */
export function firstPublishedOn(entry: RecordEntry, date: IsoDate): IsoDate | undefined {
  let first: IsoDate | undefined;
  for (const p of entry.publications) {
    if (p.on > date) continue;
    if (first === undefined || p.revision <= 1) first = p.on;
  }
  return first;
}

/**
 * The objection resolved 更正 that a record public on `date` still awaits (its latest publication
 * came before the resolution, and no published batch has corrected it since), if any: the first.
 */
export function awaitedObjection(entry: RecordEntry, date: IsoDate): ObjectionFact | undefined {
  const s = statusOn(entry, date);
  if (!s?.awaitingCorrection) return undefined;
  let since = 0;
  let first = 0;
  for (const p of entry.publications) {
    if (p.on > date) continue;
    since = p.seq;
    if (first === 0 || p.revision <= 1) first = p.seq;
  }
  return entry.objections.find((o) => awaits(o, first, since, date));
}

/**
 * An objection on the record (received after its first publication) resolved 更正 on or before `date`
 * after its latest publication: no correction has been published since.
 */
function awaits(o: ObjectionFact, first: number, since: number, date: IsoDate): boolean {
  return o.seq > first && o.outcome === 'corrected' && o.resolvedOn !== null && o.resolvedOn <= date && (o.resolvedSeq ?? o.seq) > since;
}

/** A record revoked by an objection resolved as 撤销 (effective at once, batch null). */
export interface RevokedSince {
  id: string;
  objection: string | null;
  on: IsoDate;
  reason: string;
  seq: number;
}

/**
 * The 撤销 since the last published batch (register.md "What compile does with a register": the
 * next package lists them as `revoked`): removals of type `revoked` with no batch, recorded after
 * the last `publish` event. For compile-with-register to read; the package lists them, the state
 * already counts them removed.
 */
export function revokedSinceLastPublish(state: RegisterState): RevokedSince[] {
  let last = 0;
  for (const b of state.batches.values()) if (b.type === 'publish' && b.seq > last) last = b.seq;
  const out: RevokedSince[] = [];
  for (const e of state.records.values()) {
    for (const r of e.removals) {
      if (r.type !== 'revoked' || r.batch !== null || r.seq <= last) continue;
      const o = e.objections.find((x) => x.resolvedSeq === r.seq);
      out.push({ id: e.id, objection: o?.objection ?? null, on: r.on, reason: r.reason, seq: r.seq });
    }
  }
  return out.sort((a, b) => a.seq - b.seq);
}

/** Every record as it stood on `date`, in the order they were first published. */
export function statusesOn(state: RegisterState, date: IsoDate): RecordStatus[] {
  const out: RecordStatus[] = [];
  for (const e of state.records.values()) {
    const s = statusOn(e, date);
    if (s) out.push(s);
  }
  return out;
}
