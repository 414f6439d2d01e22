/**
 * The one function that computes truth.md's figures (rows, red, black, unchanged, corrected, removals by
 * type) for every department of a batch. status, compile, the manifest, 报送情况.xlsx, supervise and the
 * report all show what this returns (through quarterSummary and the manifest): never a count of their own.
 */
import { zeroFigures, type Figures } from '../../schemas/documents/figures.js';
import type { CreditRecord } from '../../schemas/record.js';
import type { RegisterPlan } from '../register/register-compile.js';

export interface FiguresInput {
  /** List rows received per department, by list and domain, as the submission's lines count them. */
  received: ReadonlyMap<string, { red: number; black: number; byDomain: Record<string, { red: number; black: number }> }>;
  /** The batch's records as sent (valid rows): what unchanged ids are attributed by. */
  sent: readonly Pick<CreditRecord, 'id' | 'department' | 'listType' | 'domain'>[];
  /** With a register: what the package publishes, removes and leaves out (register-compile.ts). */
  plan?: Pick<RegisterPlan, 'records' | 'unchanged' | 'removals' | 'corrected'> | undefined;
}

export interface DepartmentFigures extends Figures {
  /** Published records per domain (分领域条数), in the order first met. */
  byDomain: Record<string, { red: number; black: number }>;
}

/**
 * Figures per department. Without a register every row received is published (red/black = what was sent);
 * with one, rows resent unchanged are `unchanged` and not published, corrections of public records are
 * counted in `corrected` as well as in red/black, and removals count against the department they name.
 */
export function batchFigures(input: FiguresInput): Map<string, DepartmentFigures> {
  const out = new Map<string, DepartmentFigures>();
  const of = (department: string): DepartmentFigures => {
    let f = out.get(department);
    if (!f)
      out.set(department, (f = { ...zeroFigures(), byDomain: Object.create(null) as Record<string, { red: number; black: number }> }));
    return f;
  };
  const plan = input.plan;
  for (const [department, got] of input.received) {
    const f = of(department);
    f.rows = got.red + got.black;
    // Without a register every row received is published.
    if (!plan) Object.assign(f, { red: got.red, black: got.black, byDomain: Object.assign(Object.create(null) as object, got.byDomain) });
  }
  if (!plan) return out;
  for (const r of plan.records) {
    const f = of(r.department);
    f[r.listType]++;
    (f.byDomain[r.domain] ??= { red: 0, black: 0 })[r.listType]++;
  }
  const sentDepartment = new Map<string, string>();
  for (const r of input.sent) if (!sentDepartment.has(r.id)) sentDepartment.set(r.id, r.department);
  for (const id of new Set(plan.unchanged)) {
    const department = sentDepartment.get(id);
    if (department !== undefined) of(department).unchanged++;
  }
  // A correction is a published record that corrects a public one: under a new 认定文书号 (correctionOf,
  // the old record removed as corrected) or under its own id (a new revision, records.json `corrected`).
  const revised = new Set((plan.corrected ?? []).map((c) => c.id));
  for (const r of plan.records) if (revised.has(r.id) || r.correctionOf) of(r.department).corrected++;
  for (const x of plan.removals) if (x.department !== undefined) of(x.department).removals[x.type]++;
  return out;
}
