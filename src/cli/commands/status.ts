/** `hrss-credit status <quarter>` */
import type { CommandEnv } from '../env.js';
import { status } from '../../api/quarter/status.js';
import { formatJson, toJsonReport } from '../../reporters/json.js';
import { makeTable } from '../../reporters/pretty.js';
import { visible } from '../../reporters/visible.js';
import type { StatusKeys } from '../../schemas/documents/commands.js';

export async function statusCommand(env: CommandEnv, quarter: string): Promise<number> {
  const { report, summary, awaiting, published } = await status(quarter, env.common);
  const statuses = summary.departments;
  if (env.flags.format === 'json') {
    const departments = awaiting
      ? statuses.map((d) => ({ ...d, awaiting: awaiting[d.name] ?? { removals: [], corrections: [] } }))
      : statuses;
    // The command's keys as their one schema types them (schemas/documents/commands.ts).
    const keys: StatusKeys = {
      ...(published !== undefined ? { published } : {}),
      departments,
      quarterLevel: summary.quarterLevel,
      totals: summary.totals,
    };
    env.io.stdout.write(formatJson(toJsonReport(report, env.m, keys)));
    return report.exitCode;
  }
  const s = env.m.ui.status;
  const o = { chalk: env.chalk, ascii: env.flags.ascii ?? false, quiet: false, width: env.width };
  const table = makeTable(s.columns, o);
  const yn = (b: boolean): string => (b ? s.yes : s.no);
  for (const d of statuses) {
    table.push([
      d.known ? visible(d.name) : env.chalk.red(s.unknown(visible(d.name))),
      d.submitted ? s.yes : env.chalk.yellow(s.no),
      yn(d.nilReport),
      String(d.rows),
      String(d.red),
      String(d.black),
      String(d.unchanged),
      d.errors > 0 ? env.chalk.red(String(d.errors)) : '0',
      String(d.warnings),
      d.reviewer ? visible(`${d.reviewer} ${d.reviewedOn}`) : s.none,
      d.approver ? visible(`${d.approver} ${d.approvedOn}`) : s.none,
      String(d.caseFiles.length),
    ]);
  }
  const q = summary.quarterLevel;
  if (q.errors + q.warnings > 0)
    table.push([
      s.quarterLevel,
      '',
      '',
      '',
      '',
      '',
      '',
      q.errors > 0 ? env.chalk.red(String(q.errors)) : '0',
      String(q.warnings),
      '',
      '',
      '',
    ]);
  const t = summary.totals;
  table.push([
    s.total,
    '',
    '',
    String(t.rows),
    String(t.red),
    String(t.black),
    String(t.unchanged),
    String(t.errors),
    String(t.warnings),
    '',
    '',
    '',
  ]);
  // With a register: what each department still has to send, one line each.
  const lines = Object.entries(awaiting ?? {})
    .filter(([, a]) => a.removals.length + a.corrections.length > 0)
    .map(([department, a]) => `${visible(s.awaiting({ department, ...a }))}\n`)
    .join('');
  const publishedLine = published ? `${visible(s.published(published))}\n` : '';
  env.io.stdout.write(`${table.toString()}\n${lines}${publishedLine}${env.m.ui.summary(report.stats)}\n`);
  return report.exitCode;
}
