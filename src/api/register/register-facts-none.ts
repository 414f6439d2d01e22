/**
 * The register facts of a workspace without a register: every fact unknown (shown as "—", never 0). Apart from
 * register-facts.ts so that supervise and report of a workspace without one load nothing of the register
 * (decisions.md "A command loads what it uses").
 */
import type { BatchRegisterFacts, RegisterFacts } from './register-facts.js';

export const UNKNOWN: BatchRegisterFacts = Object.freeze({
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
