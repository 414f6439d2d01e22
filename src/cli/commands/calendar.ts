/** `hrss-credit calendar [YEAR]` */
import type { CommandEnv } from '../env.js';
import { calendarYear } from '../../api/objections/calendar.js';
import { ToolError } from '../../diagnostics/tool-error.js';
import { toJsonReport } from '../../reporters/json.js';
import { emit } from '../render.js';
import type { CalendarDocument } from '../../schemas/documents/commands-check.js';

export async function calendarCommand(env: CommandEnv, year?: string): Promise<number> {
  const c = env.m.ui.calendar;
  if (year !== undefined && !/^[1-9]\d{3}$/.test(year)) throw new ToolError('USAGE', { detail: c.badYear(year) });
  const { report, calendar } = calendarYear(year !== undefined ? Number(year) : undefined, env.common);
  const doc: CalendarDocument = { ...toJsonReport(report, env.m, { calendar }), command: 'calendar' };
  emit(env, 'calendar', doc);
  return report.exitCode;
}
