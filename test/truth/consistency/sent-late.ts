// 补报 in every view (round 31): a department that sent nothing to a quarter's regular batch and sent its list to a
// supplementary batch of the quarter. supervise and the report named the regular row 补报（<batch>） (`sentIn`) while
// status of the regular batch still said 已报送 否 with nothing more. After each supplementary batch, status of its
// quarter's regular batch and supervise's rows of it name the same departments with the same `sentIn`, and so do
// status's and compile's PACKAGE_SUBMISSION_MISSING findings (args `sentIn`; their text says 补报, never
// 本季度没有报送, for such a department) and the report's rows (its JSON: supervise's rows of the year).
import type { Problem } from './checks.js';
import type { PlayedBatch, World } from './world.js';

export async function checkSentLate(world: World, b: PlayedBatch): Promise<Problem[]> {
  const dash = b.label.indexOf('-');
  if (dash < 0) return [];
  const regular = b.label.slice(0, dash);
  type Finding = { code: string; department?: string; args: { sentIn?: string }; message: string };
  type Doc = { departments?: { name: string; sentIn?: string }[]; diagnostics?: Finding[] };
  const status = await world.json<Doc>(['status', regular]);
  const compiled = await world.json<Doc>(['compile', regular, '--dry-run']);
  const sup = await world.json<{ rows: { department: string; batch: string; sentIn?: string }[] }>(['supervise', String(b.year)]);
  const fromStatus = new Map((status.departments ?? []).flatMap((d) => (d.sentIn !== undefined ? [[d.name, d.sentIn] as const] : [])));
  const fromSupervise = new Map(
    sup.rows.filter((r) => r.batch === regular && r.sentIn !== undefined).map((r) => [r.department, r.sentIn as string] as const),
  );
  const findings = (doc: Doc): Map<string, string | undefined> =>
    new Map(
      (doc.diagnostics ?? [])
        .filter((d) => d.code === 'PACKAGE_SUBMISSION_MISSING' && d.department !== undefined)
        .map((d) => [d.department as string, d.message.includes('本季度没有报送') ? undefined : d.args.sentIn] as const),
    );
  const report = await world.json<{ rows: { department: string; batch: string; sentIn?: string }[] }>(['report', String(b.year)]);
  const fromReport = new Map(
    report.rows.filter((r) => r.batch === regular && r.sentIn !== undefined).map((r) => [r.department, r.sentIn as string] as const),
  );
  const views = {
    status: fromStatus,
    supervise: fromSupervise,
    report: fromReport,
    statusFinding: findings(status),
    compileFinding: findings(compiled),
  };
  const problems: Problem[] = [];
  for (const name of new Set([...fromStatus.keys(), ...fromSupervise.keys(), ...fromReport.keys()])) {
    const said = Object.entries(views).map(([view, m]) => `${m.get(name) ?? 'none'} by ${view}`);
    if (new Set(Object.values(views).map((m) => m.get(name))).size > 1)
      problems.push({ check: 'sent-late-agrees', detail: `${regular} ${name}: sent in ${said.join(', ')}` });
  }
  return problems;
}
