// 补报 in every view (round 31): a department that sent nothing to a quarter's regular batch and sent its list to a
// supplementary batch of the quarter. supervise and the report named the regular row 补报（<batch>） (`sentIn`) while
// status of the regular batch still said 已报送 否 with nothing more. After each supplementary batch, status of its
// quarter's regular batch and supervise's rows of it name the same departments with the same `sentIn`.
import type { Problem } from './checks.js';
import type { PlayedBatch, World } from './world.js';

export async function checkSentLate(world: World, b: PlayedBatch): Promise<Problem[]> {
  const dash = b.label.indexOf('-');
  if (dash < 0) return [];
  const regular = b.label.slice(0, dash);
  const status = await world.json<{ departments?: { name: string; sentIn?: string }[] }>(['status', regular]);
  const sup = await world.json<{ rows: { department: string; batch: string; sentIn?: string }[] }>(['supervise', String(b.year)]);
  const fromStatus = new Map((status.departments ?? []).flatMap((d) => (d.sentIn !== undefined ? [[d.name, d.sentIn] as const] : [])));
  const fromSupervise = new Map(
    sup.rows.filter((r) => r.batch === regular && r.sentIn !== undefined).map((r) => [r.department, r.sentIn as string] as const),
  );
  const problems: Problem[] = [];
  for (const name of new Set([...fromStatus.keys(), ...fromSupervise.keys()]))
    if (fromStatus.get(name) !== fromSupervise.get(name))
      problems.push({
        check: 'sent-late-agrees',
        detail: `${regular} ${name}: sent in ${fromStatus.get(name) ?? 'none'} by status, ${fromSupervise.get(name) ?? 'none'} by supervise`,
      });
  return problems;
}
