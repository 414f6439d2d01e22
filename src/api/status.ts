/** `hrss-credit status <quarter>`: the clerk's view while collecting, one line per department. */
import { makeContext, type CommonOptions } from './context.js';
import { departmentStatuses, type DepartmentStatus } from './package.js';
import { checkQuarter, parseQuarterArg } from './quarter.js';
import { makeReport, type Report } from './report.js';

export async function status(quarterArg: string, options: CommonOptions): Promise<{ report: Report; statuses: DepartmentStatus[] }> {
  const ctx = makeContext(options);
  const quarter = parseQuarterArg(ctx, quarterArg);
  const check = await checkQuarter(ctx, quarter, { collect: false });
  return { report: makeReport(ctx, 'status', check.files, check.rows, check.label), statuses: departmentStatuses(check, ctx.matrix.departments, ctx.config.submission.deadline, ctx.config.publication.maskRule) };
}
