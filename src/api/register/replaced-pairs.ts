/**
 * Which record a batch's correction under a new 认定文书号 replaces (diff: api/register/register.ts): a pair new id
 * → old id, from `replaces` where the event or package wrote it; on older ones, a revision-1 correction paired
 * with the first `corrected` removal of the same batch, in the removals' order, of the same department, list and
 * subject, that no pair made so far has taken.
 */
import { subjectKeyOf } from '../../domain/identity.js';
import type { RecordSummary } from '../../register/stored.js';

/**
 * The pairs, in one pass over each list: the open removals are grouped by their record's key once (each record asked
 * once), and each group is taken in order. Each correction searched every open removal, asking each its record and
 * the pairs so far (quadratic: a batch of 25,000 corrections would ask 10⁸ times).
 */
export function replacedPairs(
  corrected: readonly { id: string; revision: number; replaces?: string | undefined }[] | undefined,
  removals: readonly { id: string; type: string }[],
  recordOf: (id: string) => RecordSummary | undefined,
): Map<string, string> {
  const out = new Map<string, string>();
  // How many pairs name each old id (a pair set again for the same new id lets its old one go).
  const taken = new Map<string, number>();
  const pair = (now: string, old: string): void => {
    const before = out.get(now);
    if (before !== undefined) taken.set(before, (taken.get(before) as number) - 1);
    out.set(now, old);
    taken.set(old, (taken.get(old) ?? 0) + 1);
  };
  const keyOf = (r: RecordSummary): string => `${r.department}|${r.listType}|${subjectKeyOf(r).key}`;
  // The open removals' ids by key, in their order, each group with the place before which every id is taken.
  let groups: Map<string, { ids: string[]; from: number }> | undefined;
  const open = (): Map<string, { ids: string[]; from: number }> => {
    if (groups) return groups;
    groups = new Map();
    for (const r of removals) {
      if (r.type !== 'corrected') continue;
      const o = recordOf(r.id);
      if (o === undefined) continue;
      const key = keyOf(o);
      const g = groups.get(key);
      if (g) g.ids.push(r.id);
      else groups.set(key, { ids: [r.id], from: 0 });
    }
    return groups;
  };
  for (const c of corrected ?? []) {
    if (c.replaces !== undefined) {
      const before = out.get(c.id);
      pair(c.id, c.replaces);
      // An old id let go may be open again: every group looked at from its start.
      if (before !== undefined && groups) for (const g of groups.values()) g.from = 0;
      continue;
    }
    if (c.revision !== 1) continue;
    const now = recordOf(c.id);
    if (!now) continue;
    const g = open().get(keyOf(now));
    if (g === undefined) continue;
    // Every id before `from` is taken (until a pair let one go: then `from` is 0 again).
    while (g.from < g.ids.length && (taken.get(g.ids[g.from] as string) ?? 0) > 0) g.from++;
    if (g.from === g.ids.length) continue;
    const before = out.get(c.id);
    pair(c.id, g.ids[g.from] as string);
    if (before !== undefined) for (const h of open().values()) h.from = 0;
  }
  return out;
}
