/**
 * `status` of a batch the register records as published (truth.md "Small truths"): it says so, with
 * the date, and checks nothing against the register — that register already holds the batch's own
 * effects, so every row would come back as REGISTER_ALREADY_ACTIVE and every removal request as
 * REMOVAL_NOT_FOUND (its record already removed). The submissions are shown as they are.
 */
import type { RegisterState } from '../register/state.js';

export interface PublishedBatch {
  batch: string;
  /** The publication date recorded (`publish --on`). */
  on: string;
  /** The register event that recorded it. */
  seq: number;
}

export function publishedBatch(state: RegisterState, batch: string): PublishedBatch | undefined {
  const fact = state.batches.get(batch);
  if (!fact || fact.type !== 'publish') return undefined;
  return { batch, on: fact.on, seq: fact.seq };
}
