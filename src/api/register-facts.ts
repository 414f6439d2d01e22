/**
 * What supervise and report need from the register (register.md, objections.md), behind one small
 * interface: the register and objections are built elsewhere and plug in here. Until a workspace has
 * a register, every fact is null — shown as unknown ("—"), never as 0 (docs/decisions.md).
 */

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
