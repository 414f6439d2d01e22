/** `hrss-credit measures [--department D]`: the joint reward and punishment measures catalogue. */
import type { CommandEnv } from '../env.js';
import { makeContext } from '../../api/context.js';
import { ToolError } from '../../diagnostics/tool-error.js';
import { formatJson } from '../../reporters/json.js';
import { makeTable } from '../../reporters/pretty.js';
import type { MeasuresDocument } from '../../schemas/documents/commands-check.js';

export async function measuresCommand(env: CommandEnv, opts: { department?: string }): Promise<number> {
  const ctx = makeContext(env.common);
  let entries = ctx.measures;
  if (opts.department !== undefined) {
    const dept = ctx.matrix.resolveDepartment(opts.department);
    if (!dept) throw new ToolError('DEPARTMENT_UNKNOWN', { name: opts.department });
    // A department's measures: its own entries and the shared ones of its domains.
    entries = entries.filter((e) =>
      e.department === undefined ? dept.domains.includes(e.domain) : ctx.matrix.resolveDepartment(e.department)?.name === dept.name,
    );
  }
  if (env.flags.format === 'json') {
    const doc: MeasuresDocument = { schemaVersion: 1, command: 'measures', measures: entries };
    env.io.stdout.write(formatJson(doc));
    return 0;
  }
  const t = env.m.ui.forms.measures;
  if (entries.length === 0) {
    env.io.stdout.write(`${t.none}\n`);
    return 0;
  }
  const o = { chalk: env.chalk, ascii: env.flags.ascii ?? false, quiet: false, width: env.width };
  const table = makeTable([t.list, t.domain, t.department, t.items, t.basis], o);
  for (const e of entries)
    table.push([e.list === 'red' ? t.red : t.black, e.domain, e.department ?? t.all, e.items.join('\n'), e.basis ?? '']);
  env.io.stdout.write(`${table.toString()}\n`);
  return 0;
}
