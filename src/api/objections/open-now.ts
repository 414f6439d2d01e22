/**
 * The objections open today as `status` shows them (objections.md: OBJECTION_OVERDUE is "shown by objection list,
 * status and 督查 as data"): per department of the record they concern (as on the day of receipt, as supervise
 * counts them), how many are open past their deadline (异议超期) and how many wait for a calendar year not covered
 * yet (异议期限待定), and the two findings at info — data, never status's exit code.
 * docs/decisions.md "Overdue and pending objections in every view".
 */
import { makeDiagnostic, type RawDiagnostic } from '../../diagnostics/diagnostic.js';
import { deadline as deadlineOf, isOverdue, workingDaysLeft } from '../../domain/working-days.js';
import type { RegisterState } from '../../register/state.js';
import type { Context } from '../context.js';
import { recordOn } from '../register/register-facts.js';
import { deadlinePendingDiagnostic, objectionWorkingDays, workspaceCalendar } from './calendar.js';

export interface OpenCounts {
  objectionsOverdue: number;
  objectionsPending: number;
}

export interface OpenObjections {
  /** Per department (the record's on the day of receipt); a department with neither is absent. */
  byDepartment: Map<string, OpenCounts>;
  total: OpenCounts;
  /** OBJECTION_OVERDUE and OBJECTION_DEADLINE_PENDING, each with its department, in the order received. */
  findings: { diagnostic: RawDiagnostic; department: string }[];
}

/** The open objections of the register on `ctx.today`: overdue and pending, counted and named. */
export function openObjectionsNow(ctx: Context, state: RegisterState): OpenObjections {
  const out: OpenObjections = { byDepartment: new Map(), total: { objectionsOverdue: 0, objectionsPending: 0 }, findings: [] };
  const open = [...state.objections.values()].filter((o) => o.resolvedOn === null);
  if (open.length === 0) return out;
  const cal = workspaceCalendar(ctx);
  for (const o of open.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.objection < b.objection ? -1 : 1))) {
    const n = o.workingDays ?? objectionWorkingDays(ctx.config, o.providerCheck);
    const due = deadlineOf(o.on, n, cal);
    const overdue = 'deadline' in due && isOverdue(ctx.today, due.deadline);
    const pending = !('deadline' in due);
    if (!overdue && !pending) continue;
    const department = recordOn(state.records.get(o.id), o.on)?.department ?? '';
    const counts = out.byDepartment.get(department) ?? { objectionsOverdue: 0, objectionsPending: 0 };
    out.byDepartment.set(department, counts);
    if ('deadline' in due) {
      counts.objectionsOverdue++;
      out.total.objectionsOverdue++;
      const left = workingDaysLeft(ctx.today, due.deadline, cal);
      out.findings.push({
        department,
        diagnostic: makeDiagnostic('OBJECTION_OVERDUE', {
          number: o.objection,
          deadline: due.deadline,
          today: ctx.today,
          workingDaysLeft: left,
        }),
      });
    } else {
      counts.objectionsPending++;
      out.total.objectionsPending++;
      out.findings.push({ department, diagnostic: deadlinePendingDiagnostic(o.objection, due.notCovered, n) });
    }
  }
  return out;
}
