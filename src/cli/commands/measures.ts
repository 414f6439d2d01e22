/** `hrss-credit measures [--department D]`: the joint reward and punishment measures catalogue. */
import type { CommandEnv } from '../env.js';
import { makeContext, requireMeasures } from '../../api/context.js';
import { ToolError } from '../../diagnostics/tool-error.js';
import { emit } from '../render.js';
import type { MeasuresDocument } from '../../schemas/documents/commands-check.js';

export async function measuresCommand(env: CommandEnv, opts: { department?: string }): Promise<number> {
  const ctx = makeContext(env.common);
  requireMeasures(ctx, 'measures');
  let entries = ctx.measures;
  if (opts.department !== undefined) {
    const dept = ctx.matrix.resolveDepartment(opts.department);
    if (!dept) throw new ToolError('DEPARTMENT_UNKNOWN', { name: opts.department });
    // A department's measures: its own entries and the shared ones of its domains.
    entries = entries.filter((e) =>
      e.department === undefined ? dept.domains.includes(e.domain) : ctx.matrix.resolveDepartment(e.department)?.name === dept.name,
    );
  }
  const doc: MeasuresDocument = { schemaVersion: 1, command: 'measures', measures: entries };
  emit(env, 'measures', doc);
  return 0;
}
