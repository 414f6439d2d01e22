/**
 * compile refuses to make a new package for a batch the register says was published (register.md:
 * a published batch cannot change; corrections go in a later batch). Without this, `compile --force`
 * replaced the package as sent and only the next `publish` complained. Kept apart from compile's
 * other register checks so that they can change independently.
 */
import { makeDiagnostic, type RawDiagnostic } from '../../diagnostics/diagnostic.js';
import { EVENTS_DISPLAY } from '../../io/register/register-store.js';
import type { RegisterState } from '../../register/state.js';

/** The finding for a batch the register (read once by compile) says was published, if it was. */
export function publishedBatchFinding(state: RegisterState, batch: string): RawDiagnostic | undefined {
  const published = state.batches.get(batch);
  if (published?.type !== 'publish') return undefined;
  return makeDiagnostic(
    'REGISTER_BATCH_PUBLISHED',
    { batch, seq: published.seq, publishedOn: published.on, package: published.package ?? '' },
    { file: EVENTS_DISPLAY },
  );
}
