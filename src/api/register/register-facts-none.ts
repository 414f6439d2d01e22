/**
 * The register facts of a workspace without a register: every fact unknown (shown as "—", never 0). Apart from
 * register-facts.ts so that supervise and report of a workspace without one load nothing of the register
 * (decisions.md "A command loads what it uses").
 */
import type { z } from 'zod';
import type { BatchRegisterFactsSchema } from '../../schemas/documents/supervise.js';

// register-facts.ts's RegisterFacts, which it types NO_REGISTER with (no import back: the layers forbid a cycle).
type BatchRegisterFacts = z.infer<typeof BatchRegisterFactsSchema>;

export const UNKNOWN: BatchRegisterFacts = Object.freeze({
  published: null,
  resubmittedUnchanged: null,
  removalsRequested: null,
  removalsAccepted: null,
  objectionsReceived: null,
  objectionsResolvedLate: null,
  objectionsOverdue: null,
  objectionsPending: null,
  correctionsAwaited: null,
});

/** A workspace without a register (or before the register is built). */
export const NO_REGISTER = {
  known: false,
  forBatch: (_department: string, _batch: string): BatchRegisterFacts => UNKNOWN,
  removals: (_batches: readonly string[]): null => null,
  objections: (_batches: readonly string[]): null => null,
} as const;
