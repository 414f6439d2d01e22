/**
 * compile refuses to make a new package for a batch the register says was published (register.md:
 * a published batch cannot change; corrections go in a later batch). Without this, `compile --force`
 * replaced the package as sent and only the next `publish` complained. Kept apart from compile's
 * other register checks so that they can change independently.
 */
import { makeDiagnostic, type RawDiagnostic } from '../diagnostics/diagnostic.js';
import { EVENTS_DISPLAY, loadRegister, registerExists } from '../io/register-store.js';
import { ToolError } from '../diagnostics/tool-error.js';

export function publishedBatchFinding(workspace: string, batch: string): RawDiagnostic | undefined {
  if (!registerExists(workspace)) return undefined;
  let published;
  try {
    published = loadRegister(workspace).state.batches.get(batch);
  } catch (err) {
    // A damaged register is reported by the register's own checks (register verify), not here.
    if (err instanceof ToolError) return undefined;
    throw err;
  }
  if (!published || published.type !== 'publish') return undefined;
  return makeDiagnostic('REGISTER_BATCH_PUBLISHED', { batch, seq: published.seq, publishedOn: published.on, package: published.package ?? '' }, { file: EVENTS_DISPLAY });
}
