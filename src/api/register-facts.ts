/**
 * What supervise and report need from the register (register.md, objections.md), behind one small
 * interface: the register and objections are built elsewhere and plug in here. Until a workspace has
 * a register, every fact is null — shown as unknown ("—"), never as 0 (docs/decisions.md).
 */
import { maskIdentifier, type MaskRule } from '../domain/mask.js';
import type { PublishBody, RegisterEvent } from '../register/events.js';
import { replay } from '../register/state.js';

/** Per department and batch: what only the register knows. */
export interface BatchRegisterFacts {
  /** Records of this batch that were published (red, black); null until `publish` is known. */
  published: { red: number; black: number } | null;
  resubmittedUnchanged: number | null;
  removalsRequested: number | null;
  removalsAccepted: number | null;
  objectionsReceived: number | null;
  objectionsResolvedLate: number | null;
  objectionsOverdue: number | null;
  correctionsAwaited: number | null;
}

export interface RemovalFact {
  batch: string;
  department: string;
  /** register.md removal types: expired, repaired, revoked, … */
  type: string;
  subjectName: string;
  /** Already masked by the register (public identifiers only). */
  identifier: string;
  on: string | null;
}

export interface ObjectionFact {
  number: string;
  department: string;
  subjectName: string;
  identifier: string;
  received: string;
  deadline: string | null;
  status: 'open' | 'resolved';
  overdue: boolean;
  late: boolean;
}

export interface RegisterFacts {
  /** false: there is no register; every fact below is unknown. */
  readonly known: boolean;
  forBatch(department: string, batch: string): BatchRegisterFacts;
  /** Removals of these batches; null when unknown. */
  removals(batches: readonly string[]): RemovalFact[] | null;
  /** Objections about records of these batches; null when unknown. */
  objections(batches: readonly string[]): ObjectionFact[] | null;
}

const UNKNOWN: BatchRegisterFacts = Object.freeze({
  published: null,
  resubmittedUnchanged: null,
  removalsRequested: null,
  removalsAccepted: null,
  objectionsReceived: null,
  objectionsResolvedLate: null,
  objectionsOverdue: null,
  correctionsAwaited: null,
});

/** A workspace without a register (or before the register is built). */
export const NO_REGISTER: RegisterFacts = {
  known: false,
  forBatch: () => UNKNOWN,
  removals: () => null,
  objections: () => null,
};

/**
 * The facts the register's events give today (register.md): what each batch published, what it carried
 * over unchanged, and the removals that took effect with it. Objections stay unknown (null) until the
 * objection commands record them with their deadlines; so do removal requests (the package does not
 * carry them yet) and corrections awaited (docs/decisions.md).
 */
export function registerFactsFromEvents(events: readonly RegisterEvent[], maskRule: MaskRule): RegisterFacts {
  const state = replay(events);
  const departmentOf = (id: string): string | undefined => state.records.get(id)?.publications[0]?.record.department;
  const publishes = new Map<string, PublishBody & { seq: number }>();
  for (const e of events) if (e.type === 'publish') publishes.set(e.batch, e);
  return {
    known: true,
    forBatch(department, batch) {
      const p = publishes.get(batch);
      const published = { red: 0, black: 0 };
      let unchanged = 0;
      let removed = 0;
      if (p) {
        for (const r of p.records) if (r.department === department) published[r.listType]++;
        for (const id of p.unchanged) if (departmentOf(id) === department) unchanged++;
        for (const r of p.removals) if ((r.department ?? departmentOf(r.id)) === department) removed++;
      }
      return { ...UNKNOWN, published, resubmittedUnchanged: unchanged, removalsAccepted: removed };
    },
    removals(batches) {
      const out: RemovalFact[] = [];
      for (const b of batches) {
        const p = publishes.get(b);
        if (!p) continue;
        for (const r of p.removals) {
          const rec = state.records.get(r.id)?.publications[0]?.record;
          const identifier = rec ? rec.creditCode || (rec.idNumber ? maskIdentifier(rec.idNumber, maskRule) : '') : '';
          out.push({ batch: b, department: r.department ?? rec?.department ?? '', type: r.type, subjectName: rec?.subjectName ?? r.id, identifier, on: p.on });
        }
      }
      return out;
    },
    objections: () => null,
  };
}
