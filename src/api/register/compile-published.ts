/**
 * compile refuses to make a new package for a batch the register says was published (register.md:
 * a published batch cannot change; corrections go in a later batch). Without this, `compile --force`
 * replaced the package as sent and only the next `publish` complained. Kept apart from compile's
 * other register checks so that they can change independently.
 */
import { makeDiagnostic, type RawDiagnostic } from '../../diagnostics/diagnostic.js';
import { formatBatch, parseBatch } from '../../domain/quarter.js';
import { EVENTS_DISPLAY } from '../../io/register/register-store.js';
import type { RegisterState } from '../../register/state.js';

/**
 * The batch to advise instead: the quarter's first supplementary batch after this one that the register does
 * not record as published (2026Q3 → 2026Q3-2, 2026Q3-2 → 2026Q3-3), not `<batch>-2`, which named no batch for a
 * supplementary one (2026Q3-2-2) and a published one for the regular batch once 2026Q3-2 was out.
 */
function nextBatch(state: RegisterState, batch: string): string {
  const b = parseBatch(batch);
  if (!b) return '';
  let n = b.n + 1;
  while (state.batches.get(formatBatch({ quarter: b.quarter, n }))?.type === 'publish') n++;
  return formatBatch({ quarter: b.quarter, n });
}

/** The finding for a batch the register (read once by compile) says was published, if it was. */
export function publishedBatchFinding(state: RegisterState, batch: string): RawDiagnostic | undefined {
  const published = state.batches.get(batch);
  if (published?.type !== 'publish') return undefined;
  return makeDiagnostic(
    'REGISTER_BATCH_PUBLISHED',
    { batch, seq: published.seq, publishedOn: published.on, package: published.package ?? '', next: nextBatch(state, batch) },
    { file: EVENTS_DISPLAY },
  );
}
