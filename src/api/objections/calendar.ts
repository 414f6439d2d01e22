/**
 * The working-day calendar for the commands (objections.md): `calendar [YEAR]` here, and what the
 * objection commands need — the calendar in force, N from the config, the deadline, and the
 * CALENDAR_NOT_COVERED finding when the calendar runs out.
 */
import type { CalendarDocument } from '../../schemas/documents/commands-check.js';
import { makeContext, type CommonOptions, type Context } from '../context.js';
import { makeReport, type Report } from '../../diagnostics/report.js';
import { makeDiagnostic, type RawDiagnostic } from '../../diagnostics/diagnostic.js';
import type { Config } from '../../schemas/config.js';
import type { IsoDate } from '../../domain/dates.js';
import { deadline, holidayRanges, weekday, workingDaysInYear, type DeadlineResult } from '../../domain/working-days.js';
import { CALENDAR_DIR, loadCalendar, type LoadedCalendar } from '../../io/workspace/calendar.js';

/** The calendar in force for a workspace: built-in years, replaced year by year by its calendar/ files. */
export function workspaceCalendar(ctx: Pick<Context, 'cwd' | 'workspace' | 'config'> & { io?: Context['io'] }): LoadedCalendar {
  const extraFile = ctx.config.calendar.extraFile;
  return loadCalendar({
    cwd: ctx.cwd,
    ...(ctx.workspace ? { workspace: ctx.workspace } : {}),
    ...(extraFile ? { extraFile } : {}),
    ...(ctx.io ? { io: ctx.io } : {}),
  });
}

/** N for an objection: `objections.workingDays` (§四(三), 3), or `providerCheckDays` (第四十一条, 7) with --provider-check. */
export function objectionWorkingDays(config: Config, providerCheck: boolean): number {
  return providerCheck ? config.objections.providerCheckDays : config.objections.workingDays;
}

export function objectionDeadline(received: IsoDate, providerCheck: boolean, config: Config, cal: LoadedCalendar): DeadlineResult {
  return deadline(received, objectionWorkingDays(config, providerCheck), cal);
}

/** The workspace file that would cover `year`, as the finding names it. */
export function calendarFileFor(year: number): string {
  return `${CALENDAR_DIR}/${year}.json`;
}

export function notCoveredDiagnostic(year: number): RawDiagnostic {
  return makeDiagnostic('CALENDAR_NOT_COVERED', { year, file: calendarFileFor(year) });
}

/**
 * objection add / resolve when the deadline needs a year not covered: the objection *is* recorded (a received
 * objection is never lost), so this is a warning with the command's exit 0 — not CALENDAR_NOT_COVERED's error,
 * which made the command print 已登记 and exit 1 (docs/decisions.md).
 */
export function deadlinePendingDiagnostic(number: string, year: number, workingDays: number): RawDiagnostic {
  return makeDiagnostic('OBJECTION_DEADLINE_PENDING', { number, year, file: calendarFileFor(year), workingDays });
}

/** A year as `calendar` shows it: its one schema is schemas/documents/commands-check.ts. */
export type CalendarView = CalendarDocument['calendar'];

export function calendarView(cal: LoadedCalendar, year: number): CalendarView {
  const s = cal.years.get(year);
  return {
    year,
    covered: s !== undefined,
    source: s?.source ?? null,
    holidays: s
      ? holidayRanges(s).map((r) => ({ from: r.from, to: r.to, days: r.days, name: r.name?.zh ?? null, nameEn: r.name?.en ?? null }))
      : [],
    workdays: s
      ? [...s.workdays]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([date, name]) => ({ date, weekday: weekday(date), name: name?.zh ?? null, nameEn: name?.en ?? null }))
      : [],
    workingDays: workingDaysInYear(cal, year) ?? null,
    coverage: { builtin: cal.builtin, local: cal.localYears },
  };
}

/** `hrss-credit calendar [YEAR]`: a year not covered is CALENDAR_NOT_COVERED (error, exit 1). */
export function calendarYear(year: number | undefined, options: CommonOptions): { report: Report; calendar: CalendarView } {
  const ctx = makeContext(options);
  const y = year ?? Number(ctx.today.slice(0, 4));
  const view = calendarView(workspaceCalendar(ctx), y);
  if (!view.covered) ctx.collector.add(notCoveredDiagnostic(y));
  return { report: makeReport(ctx, 'calendar', 0, 0), calendar: view };
}
