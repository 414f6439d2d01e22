/** `hrss-credit calendar [YEAR]` */
import type { CommandEnv } from '../env.js';
import { calendarYear } from '../../api/objections/calendar.js';
import { ToolError } from '../../diagnostics/tool-error.js';
import { formatJson, toJsonReport } from '../../reporters/json.js';
import { renderMessage } from '../../messages/index.js';
import { displayWidth } from '../../reporters/wrap.js';
import type { CalendarDocument } from '../../schemas/documents/commands-check.js';

/** 2004, 2005, …, 2026, 2028 → "2004–2026、2028". */
function yearRanges(years: readonly number[], sep: string): string {
  const out: string[] = [];
  let start: number | undefined;
  let prev: number | undefined;
  for (const y of [...years, Number.NaN]) {
    if (prev !== undefined && y === prev + 1) {
      prev = y;
      continue;
    }
    if (start !== undefined && prev !== undefined) out.push(start === prev ? String(start) : `${start}–${prev}`);
    start = y;
    prev = y;
  }
  return out.join(sep);
}

export async function calendarCommand(env: CommandEnv, year?: string): Promise<number> {
  const c = env.m.ui.calendar;
  if (year !== undefined && !/^[1-9]\d{3}$/.test(year)) throw new ToolError('USAGE', { detail: c.badYear(year) });
  const { report, calendar } = calendarYear(year !== undefined ? Number(year) : undefined, env.common);
  if (env.flags.format === 'json') {
    const doc: CalendarDocument = { ...toJsonReport(report, env.m, { calendar }), command: 'calendar' };
    env.io.stdout.write(formatJson(doc));
    return report.exitCode;
  }
  const en = env.m.lang === 'en';
  const sep = en ? ', ' : '、';
  const out: string[] = [];
  const coverage = c.coverage(yearRanges(calendar.coverage.builtin.years, sep), yearRanges(calendar.coverage.local, sep));
  if (!calendar.covered || !calendar.source) {
    out.push(env.chalk.red(c.notCovered(calendar.year)));
    for (const d of report.diagnostics) {
      const { message, hint } = renderMessage(env.m, d);
      out.push(`${d.code}: ${message}`, env.chalk.dim(env.m.ui.hintPrefix + hint));
    }
    out.push(coverage);
    env.io.stdout.write(`${out.join('\n')}\n`);
    return report.exitCode;
  }
  out.push(env.chalk.bold(c.title(calendar.year)), c.source(calendar.source), c.holidays);
  const names = calendar.holidays.map((h) => (en ? (h.nameEn ?? h.name) : h.name) ?? '');
  const w = Math.max(0, ...names.map(displayWidth));
  calendar.holidays.forEach((h, i) => {
    const name = names[i] ?? '';
    out.push(`  ${name}${' '.repeat(w - displayWidth(name))}  ${c.range(h.from, h.to, h.days)}`);
  });
  if (calendar.holidays.length === 0) out.push(`  ${c.none}`);
  out.push(c.workdays);
  for (const d of calendar.workdays) {
    const name = (en ? (d.nameEn ?? d.name) : d.name) ?? '';
    out.push(`  ${d.date} ${c.weekdays[d.weekday] ?? ''}${name ? `  ${name}` : ''}`);
  }
  if (calendar.workdays.length === 0) out.push(`  ${c.none}`);
  if (calendar.workingDays !== null) out.push(c.workingDays(calendar.workingDays));
  out.push(coverage);
  env.io.stdout.write(`${out.join('\n')}\n`);
  return report.exitCode;
}
