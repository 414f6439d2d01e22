/**
 * `status` of a batch the register records as published (truth.md "Small truths"): it says so, with
 * the date, and checks nothing against the register it changed — that register holds the batch's own
 * effects, so every row would come back as REGISTER_ALREADY_ACTIVE and every removal request as
 * REMOVAL_NOT_FOUND (its record already removed). It is checked, as compile checked it, against the
 * register as it stood before its publication: the same findings and figures as its package.
 */
import type { Loaded } from '../../io/register/register-store.js';
import { replay, type RegisterState } from '../../register/state.js';

import type { PublishedBatch } from '../../schemas/documents/commands.js';
export type { PublishedBatch };

export function publishedBatch(state: RegisterState, batch: string): PublishedBatch | undefined {
  const fact = state.batches.get(batch);
  if (fact?.type !== 'publish') return undefined;
  return { batch, on: fact.on, seq: fact.seq };
}

/** The register as it stood before event `seq` (the batch's publication): its earlier events replayed. */
export function registerBefore(loaded: Loaded, seq: number): Loaded {
  const events = loaded.events.filter((e) => e.seq < seq);
  const last = events[events.length - 1];
  return { events, state: replay(events), head: last ? { seq: last.seq, hash: last.hash } : null, exists: loaded.exists };
}
