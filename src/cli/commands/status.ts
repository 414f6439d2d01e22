/** `hrss-credit status <quarter>` */
import type { CommandEnv } from '../env.js';
import { status } from '../../api/quarter/status.js';
import { toJsonReport } from '../../reporters/json.js';
import { emit } from '../render.js';
import type { StatusKeys } from '../../schemas/documents/commands.js';

export async function statusCommand(env: CommandEnv, quarter: string): Promise<number> {
  const { report, summary, awaiting, published, sentLate, objections } = await status(quarter, env.common);
  const statuses = summary.departments;
  const departments = statuses.map((d) => {
    const sentIn = d.submitted ? undefined : sentLate?.get(d.name)?.batch;
    return {
      ...d,
      ...(awaiting ? { awaiting: awaiting[d.name] ?? { removals: [], corrections: [] } } : {}),
      ...(sentIn !== undefined ? { sentIn } : {}),
      ...(objections ? (objections.byDepartment.get(d.name) ?? { objectionsOverdue: 0, objectionsPending: 0 }) : {}),
    };
  });
  // The command's keys as their one schema types them (schemas/documents/commands.ts); the terminal's
  // table is the registry's layout of the same document (reporters/registry.ts).
  const keys: StatusKeys = {
    ...(published !== undefined ? { published } : {}),
    departments,
    ...(objections ? objections.total : {}),
    quarterLevel: summary.quarterLevel,
    totals: summary.totals,
  };
  emit(env, 'status', toJsonReport(report, env.m, keys));
  return report.exitCode;
}
