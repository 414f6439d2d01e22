/**
 * What supervise and report need from the register (register.md, objections.md), behind one small
 * interface: the register and objections are built elsewhere and plug in here. Until a workspace has
 * a register, every fact is null — shown as unknown ("—"), never as 0 (docs/decisions.md).
 */
import type { z } from 'zod';
import { maskIdentifier, type MaskRule } from '../../domain/mask.js';
import type { BatchRegisterFactsSchema } from '../../schemas/documents/supervise.js';
import type { ObjectionFactSchema, RemovalFactSchema } from '../../schemas/documents/report-view.js';
import { formatQuarter, quarterOf } from '../../domain/quarter.js';
import type { IsoDate, PublishBody, RegisterEvent, StoredEvent } from '../../register/events.js';
import type { RecordSummary } from '../../register/stored.js';
import { replay, statusOn, type ObjectionFact as StateObjection, type RecordEntry } from '../../register/state.js';
import { NO_REGISTER as NONE, UNKNOWN } from './register-facts-none.js';

/** Per department and batch: what only the register knows (schemas/documents/supervise.ts). */
export type BatchRegisterFacts = z.infer<typeof BatchRegisterFactsSchema>;

/** A removal as supervise and the report list it (schemas/documents/report-view.ts). */
export type RemovalFact = z.infer<typeof RemovalFactSchema>;

/** An objection as supervise and the report list it (schemas/documents/report-view.ts). */
export type ObjectionFact = z.infer<typeof ObjectionFactSchema>;

export interface RegisterFacts {
  /** false: there is no register; every fact below is unknown. */
  readonly known: boolean;
  forBatch(department: string, batch: string): BatchRegisterFacts;
  /** Removals of these batches; null when unknown. */
  removals(batches: readonly string[]): RemovalFact[] | null;
  /** Objections received in these batches' quarters; null when unknown. */
  objections(batches: readonly string[]): ObjectionFact[] | null;
  /** The regular batches (quarters) in which objections were received or 撤销 took effect. */
  activeBatches?(): ReadonlySet<string>;
}

/**
 * What the objection facts need besides the events: the day asked about (open past the deadline is
 * overdue) and the deadline with the calendar in force now (null while the calendar does not cover it).
 */
export interface ObjectionClock {
  today: IsoDate;
  deadline(o: StateObjection): IsoDate | null;
  /** When the deadline is null because the calendar does not cover a year it needs: the file to add. */
  calendarFile?(o: StateObjection): string | null;
}

/**
 * An objection whose deadline is pending (异议期限待定): open, and the calendar in force does not cover a year its
 * deadline needs. Neither overdue nor on time; every view counts it apart (status, supervise, report, objection list).
 */
export function isPending(o: { status: 'open' | 'resolved'; deadline: string | null }): boolean {
  return o.status === 'open' && o.deadline === null;
}

/** Every fact unknown: register-facts-none.ts's (which loads nothing of the register), typed here. */
export const NO_REGISTER: RegisterFacts = NONE;

/** The regular batch of a day: the quarter it falls in (an objection counts in the quarter it was received). */
function batchOfDay(day: IsoDate): string {
  return formatQuarter(quarterOf(day));
}

/** The record as it stood on that day (the publication in force), else as first published. */
export function recordOn(entry: RecordEntry | undefined, day: IsoDate): RecordSummary | undefined {
  if (!entry) return undefined;
  return (statusOn(entry, day) ?? statusOn(entry, '9999-12-31'))?.record ?? entry.publications[0]?.record;
}

const identifierOf = (rec: RecordSummary | undefined, maskRule: MaskRule): string =>
  rec ? rec.creditCode || (rec.idNumber ? maskIdentifier(rec.idNumber, maskRule) : '') : '';

/**
 * The facts the register's events give: what each batch published, what it carried over unchanged,
 * the removals that took effect with it (and the 撤销 resolved in its quarter), and the objections:
 * each counted for the department of the record it concerns and the quarter it was received in —
 * received, resolved after the deadline (late), open past the deadline today (overdue); the removal
 * requests a published batch accepted (违法违规移出, 提前移出), and the corrections still awaited after an
 * objection resolved as 更正 (counted in the quarter it was resolved).
 */
export function registerFactsFromEvents(
  events: readonly (RegisterEvent | StoredEvent)[],
  maskRule: MaskRule,
  clock?: ObjectionClock,
): RegisterFacts {
  const state = replay(events);
  const departmentOf = (id: string): string | undefined => state.records.get(id)?.publications[0]?.record.department;
  const publishes = new Map<string, PublishBody<RecordSummary> & { seq: number }>();
  for (const e of events) if (e.type === 'publish') publishes.set(e.batch, e);
  const objectionFacts: (ObjectionFact & { batch: string })[] = [];
  for (const o of state.objections.values()) {
    const rec = recordOn(state.records.get(o.id), o.on);
    const deadline = clock ? clock.deadline(o) : o.storedDeadline;
    const open = o.resolvedOn === null;
    objectionFacts.push({
      batch: batchOfDay(o.on),
      number: o.objection,
      department: rec?.department ?? '',
      subjectName: rec?.subjectName ?? o.id,
      identifier: identifierOf(rec, maskRule),
      received: o.on,
      deadline,
      status: open ? 'open' : 'resolved',
      overdue: open && clock !== undefined && deadline !== null && clock.today > deadline,
      ...(() => {
        // 待定, not 0 overdue: the report counts these apart and names the file that would give their deadline.
        const file = open && deadline === null ? (clock?.calendarFile?.(o) ?? null) : null;
        return file !== null ? { calendarFile: file } : {};
      })(),
      late: o.late,
      awaitingCorrection:
        !open &&
        o.outcome === 'corrected' &&
        (() => {
          const entry = state.records.get(o.id);
          return entry ? statusOn(entry, clock?.today ?? (o.resolvedOn as string))?.awaitingCorrection === true : false;
        })(),
    });
  }
  // 撤销 take effect the day they are resolved (batch null); the next package lists them again as
  // `revoked`, which is the same removal, counted once: by the batch whose publication carries it (what the
  // clerk sent: its 移出条数 counts it too), else — not sent yet — in the quarter it took effect.
  const revocations: (RemovalFact & { seq: number; id: string })[] = [];
  for (const e of state.records.values()) {
    for (const r of e.removals) {
      if (r.type !== 'revoked' || r.batch !== null) continue;
      const rec = recordOn(e, r.on);
      revocations.push({
        seq: r.seq,
        id: e.id,
        batch: batchOfDay(r.on),
        department: rec?.department ?? '',
        type: 'revoked',
        subjectName: rec?.subjectName ?? e.id,
        identifier: identifierOf(rec, maskRule),
        on: r.on,
      });
    }
  }
  revocations.sort((a, b) => a.seq - b.seq);
  const carried = carriers(revocations, [...publishes.values()]);
  // A publication's `revoked` entry that repeats a 撤销 the batch does not carry (an earlier one did) is not counted again.
  const repeatsRevocation = (p: { seq: number; batch: string }, r: { id: string; type: string }): boolean =>
    r.type === 'revoked' && revocations.some((v) => v.id === r.id && v.seq < p.seq && carried.get(v) !== p.batch);
  for (const v of revocations) v.batch = carried.get(v) ?? v.batch;
  // Corrections awaited: an objection resolved as 更正 whose record still waits for its department's
  // corrected row (today), counted for that department in the quarter the objection was resolved.
  const awaited: { batch: string; department: string }[] = [];
  for (const o of state.objections.values()) {
    if (o.outcome !== 'corrected' || o.resolvedOn === null || o.correctedIn !== null) continue;
    const entry = state.records.get(o.id);
    const now = entry ? statusOn(entry, clock?.today ?? o.resolvedOn) : undefined;
    if (now?.awaitingCorrection) awaited.push({ batch: batchOfDay(o.resolvedOn), department: now.record.department });
  }
  return {
    known: true,
    forBatch(department, batch) {
      const p = publishes.get(batch);
      const published = { red: 0, black: 0 };
      let unchanged = 0;
      let removed = 0;
      let requested = 0;
      if (p) {
        // What departments asked for (违法违规移出, 提前移出) and the batch accepted; expiries and 撤销 are not requests.
        for (const r of p.removals)
          if ((r.type === 'violation' || r.type === 'early') && (r.department ?? departmentOf(r.id)) === department) requested++;
        for (const r of p.records) if (r.department === department) published[r.listType]++;
        for (const id of p.unchanged) if (departmentOf(id) === department) unchanged++;
        for (const r of p.removals) if (!repeatsRevocation(p, r) && (r.department ?? departmentOf(r.id)) === department) removed++;
      }
      // Those carried by this batch are among its publication's removals (counted above); the others by their quarter.
      for (const r of revocations) if (r.batch === batch && !carried.has(r) && r.department === department) removed++;
      const mine = objectionFacts.filter((o) => o.batch === batch && o.department === department);
      return {
        ...UNKNOWN,
        published,
        resubmittedUnchanged: unchanged,
        removalsRequested: p ? requested : null,
        removalsAccepted: removed,
        correctionsAwaited: awaited.filter((a) => a.batch === batch && a.department === department).length,
        objectionsReceived: mine.length,
        objectionsResolvedLate: mine.filter((o) => o.status === 'resolved' && o.late).length,
        objectionsOverdue: mine.filter((o) => o.overdue).length,
        objectionsPending: mine.filter(isPending).length,
      };
    },
    removals(batches) {
      const out: RemovalFact[] = [];
      for (const b of batches) {
        const p = publishes.get(b);
        if (p) {
          for (const r of p.removals) {
            // A 撤销 is listed once, as it took effect (below), under the batch that carries it.
            if (r.type === 'revoked' && revocations.some((v) => v.id === r.id && v.seq < p.seq)) continue;
            const rec = state.records.get(r.id)?.publications[0]?.record;
            out.push({
              batch: b,
              department: r.department ?? rec?.department ?? '',
              type: r.type,
              subjectName: rec?.subjectName ?? r.id,
              identifier: identifierOf(rec, maskRule),
              on: p.on,
            });
          }
        }
        for (const { seq: _seq, id: _id, ...r } of revocations) if (r.batch === b) out.push(r);
      }
      return out;
    },
    objections(batches) {
      return objectionFacts.filter((o) => batches.includes(o.batch)).map(({ batch: _b, ...o }) => o);
    },
    activeBatches() {
      const pending = revocations.filter((r) => !carried.has(r)).map((r) => r.batch);
      return new Set([...objectionFacts.map((o) => o.batch), ...pending, ...awaited.map((a) => a.batch)]);
    },
  };
}

/**
 * The batch whose publication carries each 撤销: the first published after it whose removals list its record
 * as `revoked` (the package lists a 撤销 since the last batch). One not carried yet has no entry.
 */
function carriers<R extends { seq: number; id: string }>(
  revocations: readonly R[],
  publishes: readonly { seq: number; batch: string; removals: readonly { id: string; type: string }[] }[],
): Map<R, string> {
  const out = new Map<R, string>();
  const inOrder = [...publishes].sort((a, b) => a.seq - b.seq);
  const taken = new Set<string>();
  for (const v of revocations) {
    for (const p of inOrder) {
      const key = `${p.batch}\u0000${v.id}`;
      if (p.seq < v.seq || taken.has(key) || !p.removals.some((r) => r.type === 'revoked' && r.id === v.id)) continue;
      taken.add(key);
      out.set(v, p.batch);
      break;
    }
  }
  return out;
}
