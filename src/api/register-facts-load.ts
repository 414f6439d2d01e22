/** The register facts of a workspace: from its event log when it has one, else unknown. */
import { loadRegister } from '../io/register-store.js';
import type { Context } from './context.js';
import { NO_REGISTER, registerFactsFromEvents, type RegisterFacts } from './register-facts.js';

export function workspaceRegisterFacts(ctx: Context, workspace: string): RegisterFacts {
  const loaded = loadRegister(workspace);
  if (!loaded.exists) return NO_REGISTER;
  return registerFactsFromEvents(loaded.events, ctx.config.publication.maskRule);
}
