/**
 * `hrss-credit template <department>` and `template --all --quarter Q` (department.md "A fill-in
 * form"): the department's workbook for the quarter. An existing file is never overwritten.
 */
import type { TemplateDocument } from '../../schemas/documents/commands-check.js';
import { join, resolve } from 'node:path';
import { formatBatch, collectedQuarter, parseBatch, resolveBatch, type Batch, type Quarter } from '../../domain/quarter.js';
import { buildDepartmentForm } from '../../forms/department-form.js';
import { formWorkbook } from '../../io/documents/form-writer.js';
import { listFolders, writeNewFile } from '../../io/documents/form-files.js';
import { displayPath, unsafeSegment } from '../../io/paths.js';
import type { DepartmentDef } from '../../schemas/matrix.js';
import { makeContext, requireMeasures, type CommonOptions, type Context } from '../context.js';
import { ToolError } from '../../diagnostics/tool-error.js';
import { fixedInstant } from '../quarter/package.js';
import { TOOL_NAME } from '../../version.js';

export interface TemplateOptions extends CommonOptions {
  /** Every department of the matrix, each into its folder under submissions/<quarter>/. */
  all?: boolean;
  quarter?: string;
  /** One department: the file to write (default: `<department>_<quarter>_信用红黑名单.xlsx` in the workspace, else cwd). */
  out?: string;
  /** Seconds since the epoch (SOURCE_DATE_EPOCH); else the quarter's last day. */
  sourceDateEpoch?: number;
}

/**
 * The forms written and those skipped (files that exist already, never overwritten), paths relative to
 * cwd: `template`'s document (schemas/documents/commands-check.ts).
 */
export type TemplateResult = Omit<TemplateDocument, 'schemaVersion' | 'command'>;

export function formFileName(department: string, quarter: string): string {
  return `${department}_${quarter}_信用红黑名单.xlsx`;
}

function checkName(name: string): void {
  if (unsafeSegment(name) !== undefined) throw new ToolError('USAGE', { kind: 'templateName', value: name });
}

/** The existing folder for the batch under submissions/ (any spelling), else the canonical one. */
function quarterFolder(ctx: Context, workspace: string, batch: Batch): string {
  const base = join(workspace, 'submissions');
  const label = formatBatch(batch);
  const hit = listFolders(base, ctx.io).find((n) => {
    const b = parseBatch(n);
    return b !== undefined && formatBatch(b) === label;
  });
  return join(base, hit ?? label);
}

/** The existing folder of a department (by any alias), else one named after it. */
function departmentFolder(ctx: Context, quarterDir: string, dept: DepartmentDef): string {
  const hit = listFolders(quarterDir, ctx.io).find((n) => ctx.matrix.resolveDepartment(n)?.name === dept.name);
  return join(quarterDir, hit ?? dept.name);
}

export async function template(department: string | undefined, options: TemplateOptions): Promise<TemplateResult> {
  const ctx = makeContext(options);
  // A form without the catalogue the config names would go out to the departments wrong: stop and say why.
  requireMeasures(ctx, 'template');
  // Usage errors name the fix with the quarter given (else the quarter being collected, template's default) and a
  // department of the matrix as examples (catalogued: kind).
  const thisQuarter = options.quarter ?? formatBatch({ quarter: collectedQuarter(ctx.today), n: 1 });
  if (options.all && department !== undefined)
    throw new ToolError('USAGE', { kind: 'templateAllAndDepartment', value: department, quarter: thisQuarter });
  if (!options.all && department === undefined)
    throw new ToolError('USAGE', { kind: 'templateWhich', example: ctx.matrix.departments[0]?.name ?? '就业办', quarter: thisQuarter });
  if (options.all && options.quarter === undefined) throw new ToolError('USAGE', { kind: 'templateAllQuarter', quarter: thisQuarter });
  if (options.all && options.out !== undefined) throw new ToolError('USAGE', { kind: 'templateAllOut' });
  // A supplementary batch (2026Q3-2) too (truth.md): its form is its quarter's, named and placed as the batch.
  let batch: Batch = { quarter: collectedQuarter(ctx.today), n: 1 };
  if (options.quarter !== undefined) {
    const b = resolveBatch(options.quarter, ctx.today);
    if (!b) throw new ToolError('QUARTER_INVALID', { value: options.quarter });
    batch = b;
  }
  const quarter: Quarter = batch.quarter;
  const q = formatBatch(batch);
  const instant = fixedInstant(quarter, options.sourceDateEpoch);
  const targets: { dept: DepartmentDef; path: string }[] = [];
  if (options.all) {
    if (!ctx.workspace) throw new ToolError('WORKSPACE_NOT_FOUND');
    const qdir = quarterFolder(ctx, ctx.workspace, batch);
    for (const dept of ctx.matrix.departments) {
      checkName(dept.name);
      targets.push({ dept, path: join(departmentFolder(ctx, qdir, dept), formFileName(dept.name, q)) });
    }
  } else {
    const dept = ctx.matrix.resolveDepartment(department as string);
    if (!dept) throw new ToolError('DEPARTMENT_UNKNOWN', { name: department as string });
    checkName(dept.name);
    targets.push({
      dept,
      path: options.out !== undefined ? resolve(ctx.cwd, options.out) : join(ctx.workspace ?? ctx.cwd, formFileName(dept.name, q)),
    });
  }
  const result: TemplateResult = { quarter: q, written: [], skipped: [] };
  for (const t of targets) {
    const form = buildDepartmentForm({
      department: t.dept,
      quarter,
      deadline: ctx.config.submission.deadline,
      measures: ctx.measures,
      batch: batch.n,
    });
    const bytes = await formWorkbook(form, instant, TOOL_NAME);
    const shown = { department: t.dept.name, path: displayPath(ctx.cwd, t.path) };
    if (await writeNewFile(t.path, bytes, ctx.io)) result.written.push(shown);
    else result.skipped.push(shown);
  }
  return result;
}
