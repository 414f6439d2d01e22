/**
 * The register facts of a workspace: from its register when it has one (its event log with an event, as compile
 * and status decide: docs/decisions.md "An empty register/ folder"), else unknown.
 */
import { join } from 'node:path';
import type { Context } from '../context.js';
import type { RegisterFacts } from './register-facts.js';
import { NO_REGISTER } from './register-facts-none.js';

/**
 * The register's modules (its reader, replay, the objection calendar) are loaded only when the workspace has an
 * event log: supervise and report of a workspace without one load none of them.
 */
export async function workspaceRegisterFacts(ctx: Context, workspace: string): Promise<RegisterFacts> {
  // register/events.jsonl (io/register/register-store.ts hasRegister, which compile and status ask): one truth in every
  // view. A register/ folder without it, or a log with no event, is a register not begun: its facts unknown.
  if (!ctx.io.exists(join(workspace, 'register', 'events.jsonl'))) return NO_REGISTER;
  const [
    { deadline: deadlineOf },
    { loadRegister },
    { calendarFileFor, objectionWorkingDays, workspaceCalendar },
    { registerFactsFromEvents },
  ] = await Promise.all([
    import('../../domain/working-days.js'),
    import('../../io/register/register-store.js'),
    import('../objections/calendar.js'),
    import('./register-facts.js'),
  ]);
  const loaded = loadRegister(workspace, ctx.io);
  if (loaded.events.length === 0) return NO_REGISTER;
  const cal = workspaceCalendar(ctx);
  // The deadline as `objection list` computes it: N stored on receipt, the calendar in force now.
  return registerFactsFromEvents(loaded.events, ctx.config.publication.maskRule, {
    today: ctx.today,
    deadline(o) {
      const r = deadlineOf(o.on, o.workingDays ?? objectionWorkingDays(ctx.config, o.providerCheck), cal);
      return 'deadline' in r ? r.deadline : null;
    },
    calendarFile(o) {
      const r = deadlineOf(o.on, o.workingDays ?? objectionWorkingDays(ctx.config, o.providerCheck), cal);
      return 'deadline' in r ? null : calendarFileFor(r.notCovered);
    },
  });
}
