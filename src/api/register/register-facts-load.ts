/** The register facts of a workspace: from its event log when it has one, else unknown. */
import { deadline as deadlineOf } from '../../domain/working-days.js';
import { loadRegister } from '../../io/register/register-store.js';
import { objectionWorkingDays, workspaceCalendar } from '../objections/calendar.js';
import type { Context } from '../context.js';
import { NO_REGISTER, registerFactsFromEvents, type RegisterFacts } from './register-facts.js';

export function workspaceRegisterFacts(ctx: Context, workspace: string): RegisterFacts {
  const loaded = loadRegister(workspace, ctx.io);
  if (!loaded.exists) return NO_REGISTER;
  const cal = workspaceCalendar(ctx);
  // The deadline as `objection list` computes it: N stored on receipt, the calendar in force now.
  return registerFactsFromEvents(loaded.events, ctx.config.publication.maskRule, {
    today: ctx.today,
    deadline(o) {
      const r = deadlineOf(o.on, o.workingDays ?? objectionWorkingDays(ctx.config, o.providerCheck), cal);
      return 'deadline' in r ? r.deadline : null;
    },
  });
}
