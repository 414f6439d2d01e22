// What must hold where two features meet (round 31): a published package verifies and exports as it did on its
// day after any later history; objections agree across objection list, register list, supervise and the report;
// a record's status is one in register list and register show; a correction is a revision in every view; an
// older list imported expires once, on the right side of its 公示截止日期.
import { join } from 'node:path';
import { diffOf, type Problem as BaseProblem, yearModel } from '../consistency/checks.js';
import type { PlayedBatch, World } from '../consistency/world.js';
import type { Crossing } from './play.js';

export type CrossCheck =
  | 'published-reverifies'
  | 'export-unchanged'
  | 'objections-agree'
  | 'show-agrees-list'
  | 'correction-revises'
  | 'expiry-once'
  | 'rows-received'
  | 'removed-once'
  | 'diff-removes-package';

export interface Problem {
  check: CrossCheck | BaseProblem['check'];
  detail: string;
}

type Rec = { id: string; status: string; subjectName: string; listType: string; publishUntil: string; objection: boolean };
type Removal = { id: string; type: string; on?: string };
type RecordsJson = { records: { id: string }[]; removals?: Removal[]; corrected?: { id: string; revision: number; replaces?: string }[] };

const QUARTER_END: Record<string, string> = { 1: '03-31', 2: '06-30', 3: '09-30', 4: '12-31' };
/** The last day of a batch's quarter (2026Q3-2 → 2026-09-30). */
const quarterEnd = (label: string): string => `${label.slice(0, 4)}-${QUARTER_END[label[5]!]}`;

async function recordsJson(world: World, label: string): Promise<RecordsJson> {
  const file = join(world.ws, 'packages', label, 'records.json');
  return JSON.parse(Buffer.from(await world.io.readFile(file)).toString('utf8')) as RecordsJson;
}

const published = (world: World): PlayedBatch[] => world.played.filter((b) => b.published);

/** Every published package still verifies, whatever was published, objected or revoked since. */
export async function publishedReverifies(world: World): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const b of published(world)) {
    const v = await world.cli(['verify', join(world.ws, 'packages', b.label)]);
    if (v.code !== 0) problems.push({ check: 'published-reverifies', detail: `${b.label}: verify exit ${v.code} after later history` });
  }
  return problems;
}

/** The files `export` writes of a batch, by audience and name. */
async function exported(world: World, label: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const audience of ['public', 'sharing']) {
    const to = world.scratch('export');
    try {
      const e = await world.cli(['export', label, '--to', join(to, 'out'), '--audience', audience, '--format', 'json']);
      out.set(`${audience} exit`, String(e.code));
      if (e.code !== 0) continue;
      for (const f of world.io.readdirSync(join(to, 'out')))
        if (f.name.endsWith('.csv'))
          out.set(`${audience} ${f.name}`, Buffer.from(world.io.readFileSync(join(to, 'out', f.name))).toString('utf8'));
    } finally {
      world.io.remove(to);
    }
  }
  return out;
}

/**
 * Export of a published batch after later batches, objections and revocations gives what it gave on its day:
 * every file, byte for byte (`snapshots` holds the first export of each published batch).
 */
export async function exportUnchanged(world: World, snapshots: Map<string, Map<string, string>>): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const b of published(world)) {
    const now = await exported(world, b.label);
    const then = snapshots.get(b.label);
    if (!then) {
      snapshots.set(b.label, now);
      continue;
    }
    for (const key of new Set([...then.keys(), ...now.keys()]))
      if (then.get(key) !== now.get(key))
        problems.push({
          check: 'export-unchanged',
          detail: `${b.label} ${key}: ${now.has(key) ? (then.has(key) ? 'differs from' : 'absent from') : 'missing, present in'} the export on its day${
            then.has(key) && now.has(key) ? `: was …${firstDiff(then.get(key)!, now.get(key)!)}` : ''
          }`,
        });
  }
  return problems;
}

function firstDiff(a: string, b: string): string {
  let at = 0;
  while (a[at] === b[at]) at++;
  return `${JSON.stringify(a.slice(Math.max(0, at - 60), at + 40))} now ${JSON.stringify(b.slice(Math.max(0, at - 60), at + 40))}`;
}

type ObjectionView = {
  number: string;
  recordId: string;
  received: string;
  deadline: string | null;
  workingDaysLeft: number | null;
  status: 'open' | 'resolved';
  outcome: string | null;
  resolvedOn: string | null;
  late: boolean;
  correctedIn?: string | null;
};

/**
 * Objections, one fact in every view: a record is flagged 异议标注 in register list exactly when an objection on it
 * is open; a 撤销 leaves it removed (revoked); `late` is resolvedOn after the deadline; supervise's rows of the year
 * add up to objection list's received, resolved late, overdue and corrections awaited; the report counts the same.
 */
export async function objectionsAgree(world: World): Promise<Problem[]> {
  const problems: Problem[] = [];
  const bad = (detail: string): void => {
    problems.push({ check: 'objections-agree', detail });
  };
  const list = (await world.json<{ objections: ObjectionView[] }>(['objection', 'list', '--all'])).objections;
  const records = (await world.json<{ records: (Rec & { removal: Removal | null })[] }>(['register', 'list', '--status', 'all'])).records;
  const byId = new Map(records.map((r) => [r.id, r]));
  const open = new Set(list.filter((o) => o.status === 'open').map((o) => o.recordId));
  for (const r of records) {
    const flagged = r.status === 'active' && open.has(r.id);
    if (r.objection !== flagged)
      bad(
        `${r.id} (${r.status}) is flagged ${r.objection} in register list, objection list has ${open.has(r.id) ? 'one open' : 'none open'}`,
      );
  }
  for (const o of list) {
    // A 撤销 revokes a record public that day; one already off the list keeps its removal or expiry (decisions.md
    // "A 撤销 of a record no longer public").
    const rec = byId.get(o.recordId);
    const gone =
      rec?.removal?.type === 'revoked' ||
      (rec !== undefined && rec.status !== 'active' && (rec.removal?.on ?? rec.publishUntil) <= (o.resolvedOn ?? ''));
    if (o.outcome === '撤销' && !gone)
      bad(
        `${o.number} resolved 撤销 on ${o.resolvedOn}, register list shows ${o.recordId} ${rec ? `${rec.status} ${JSON.stringify(rec.removal)}` : 'absent'}`,
      );
    if (o.status === 'resolved' && o.deadline !== null && o.resolvedOn !== null && o.late !== o.resolvedOn > o.deadline)
      bad(`${o.number}: resolved ${o.resolvedOn}, deadline ${o.deadline}, late ${o.late}`);
  }
  const overdue = (await world.json<{ objections: ObjectionView[] }>(['objection', 'list', '--overdue'])).objections;
  const year = 2026;
  const inYear = list.filter((o) => o.received.startsWith(String(year)));
  const sup = await world.json<{
    rows: { batch: string; objectionsReceived: number | null; objectionsResolvedLate: number | null; objectionsOverdue: number | null }[];
  }>(['supervise', String(year)]);
  const sum = (k: 'objectionsReceived' | 'objectionsResolvedLate' | 'objectionsOverdue'): number =>
    sup.rows.filter((r) => !/-\d+$/.test(r.batch)).reduce((n, r) => n + (r[k] ?? 0), 0);
  const expect = {
    objectionsReceived: inYear.length,
    objectionsResolvedLate: inYear.filter((o) => o.status === 'resolved' && o.late).length,
    // --overdue also names those whose deadline is pending (no deadline): not overdue, supervise counts them apart.
    objectionsOverdue: overdue.filter((o) => o.deadline !== null && o.received.startsWith(String(year))).length,
  };
  // Overdue (open past its deadline today): --overdue picks them; a count of working days left, when known, is negative.
  const picked = new Set(overdue.map((o) => o.number));
  for (const o of list)
    if (o.workingDaysLeft !== null && o.status === 'open' && o.workingDaysLeft < 0 !== picked.has(o.number))
      bad(`${o.number}: ${o.workingDaysLeft} working days left, ${picked.has(o.number) ? '' : 'not '}listed by --overdue`);
  for (const [k, want] of Object.entries(expect))
    if (sum(k as keyof typeof expect) !== want) bad(`supervise ${year}: Σ ${k} ${sum(k as keyof typeof expect)}, objection list ${want}`);
  const model = await yearModel(world, year);
  const reported = (model as { objections: { number: string }[] | null }).objections;
  if (reported !== null) {
    const a = reported
      .map((o) => o.number)
      .sort()
      .join(',');
    const b = inYear
      .map((o) => o.number)
      .sort()
      .join(',');
    if (a !== b) bad(`report ${year} lists objections [${a}], objection list [${b}]`);
  }
  return problems;
}

/** register show of each record says what register list --status all says of it (status, removal, flag). */
export async function showAgreesList(world: World): Promise<Problem[]> {
  const problems: Problem[] = [];
  const records = (await world.json<{ records: (Rec & { removal: unknown })[] }>(['register', 'list', '--status', 'all'])).records;
  for (const r of records) {
    const shown = (await world.json<{ records: (Rec & { removal: unknown })[] }>(['register', 'show', r.id])).records.find(
      (x) => x.id === r.id,
    );
    const a = JSON.stringify([r.status, r.removal, r.objection, r.publishUntil]);
    const b = shown ? JSON.stringify([shown.status, shown.removal, shown.objection, shown.publishUntil]) : 'not shown';
    if (a !== b) problems.push({ check: 'show-agrees-list', detail: `${r.id}: register list ${a}, register show ${b}` });
  }
  return problems;
}

/**
 * A correction is a revision in every view (truth.md): after its batch's publication, each record the package lists
 * in `corrected` is active in register list and register show at that revision; diff from the batch before lists it
 * under corrected only; a correction under a new number removes the old record as `corrected`.
 */
export async function correctionRevises(world: World, b: PlayedBatch): Promise<Problem[]> {
  if (!b.published) return [];
  const pkg = await recordsJson(world, b.label);
  const corrected = pkg.corrected ?? [];
  if (corrected.length === 0) return [];
  const problems: Problem[] = [];
  const bad = (detail: string): void => {
    problems.push({ check: 'correction-revises', detail: `${b.label}: ${detail}` });
  };
  const listed = new Map(
    (await world.json<{ records: Rec[] }>(['register', 'list', '--status', 'all', '--on', b.today])).records.map((r) => [r.id, r]),
  );
  const pub = published(world);
  const before = pub[pub.length - 2];
  const diff = before ? await diffOf(world, before.label, b.label) : undefined;
  for (const c of corrected) {
    if (listed.get(c.id)?.status !== 'active') bad(`${c.id} corrected, register list says ${listed.get(c.id)?.status ?? 'absent'}`);
    const shown = (
      await world.json<{ records: { id: string; status: string; revision: number }[] }>(['register', 'show', c.id, '--on', b.today])
    ).records.find((x) => x.id === c.id);
    if (shown?.status !== 'active' || shown.revision !== c.revision)
      bad(
        `${c.id} corrected at revision ${c.revision}, register show says ${shown ? `${shown.status} revision ${shown.revision}` : 'nothing'}`,
      );
    if (diff) {
      const where = (['added', 'removed', 'unchanged', 'corrected'] as const).filter((k) => diff[k].some((x) => x.id === c.id));
      if (where.join() !== 'corrected') bad(`${c.id} corrected, diff ${before!.label} ${b.label} lists it under [${where.join()}]`);
    }
  }
  for (const r of pkg.removals ?? [])
    if (r.type === 'corrected') {
      const old = listed.get(r.id);
      if (old?.status !== 'removed') bad(`${r.id} removed as corrected, register list says ${old?.status ?? 'absent'}`);
      if (diff && !diff.corrected.some((x) => x.replaces === r.id))
        bad(`${r.id} removed as corrected, diff names no correction replacing it`);
    }
  return problems;
}

/**
 * An older list imported (register import): each record expires once. register list on a published batch's day
 * says expired exactly when the day is past its 公示截止日期 (unless removed otherwise); the package that lists its
 * expiry is the first published batch whose quarter ends on or after that date, and no other package lists it.
 */
export async function expiryOnce(world: World, crossing: Crossing): Promise<Problem[]> {
  if (crossing.imported.length === 0) return [];
  const problems: Problem[] = [];
  const all = (await world.json<{ records: (Rec & { removal: Removal | null })[] }>(['register', 'list', '--status', 'all'])).records;
  const expiredIn = new Map<string, string[]>();
  const pub = published(world);
  for (const b of pub)
    for (const r of (await recordsJson(world, b.label)).removals ?? [])
      if (r.type === 'expired') expiredIn.set(r.id, [...(expiredIn.get(r.id) ?? []), b.label]);
  for (const imp of crossing.imported) {
    const rec = all.find((r) => r.subjectName === imp.subjectName && r.listType === imp.listType && r.publishUntil === imp.until);
    if (!rec) {
      problems.push({ check: 'expiry-once', detail: `${imp.subjectName} ${imp.listType} until ${imp.until}: not in register list` });
      continue;
    }
    const lists = expiredIn.get(rec.id) ?? [];
    const otherwise = rec.removal !== null && rec.removal.type !== 'expired';
    const due = pub.find((b) => world.played.indexOf(b) >= imp.after && quarterEnd(b.label) >= imp.until);
    const want = otherwise ? [] : due ? [due.label] : [];
    // A record removed otherwise may have expired before: then the package of its expiry lists it.
    const ok = otherwise ? lists.length <= 1 : lists.join() === want.join();
    if (!ok)
      problems.push({
        check: 'expiry-once',
        detail: `${rec.id} until ${imp.until}: listed expired in [${lists.join()}], expected [${want.join()}]`,
      });
    for (const b of pub) {
      const on = (
        await world.json<{ records: Rec[] }>(['register', 'list', '--status', 'all', '--on', b.today, '--find', rec.id])
      ).records.find((r) => r.id === rec.id);
      if (!on || on.status === 'removed') continue;
      const expect = b.today > imp.until ? 'expired' : 'active';
      if (on.status !== expect)
        problems.push({
          check: 'expiry-once',
          detail: `${rec.id} until ${imp.until}: register list --on ${b.today} says ${on.status}, expected ${expect}`,
        });
    }
  }
  return problems;
}

/**
 * The credit office is told to remove a record once: across the published packages in order, a record a package
 * removes (移出名单: any type) is not removed by a later package unless a package between them published it again.
 */
export async function removedOnce(world: World): Promise<Problem[]> {
  const problems: Problem[] = [];
  const gone = new Map<string, string>();
  for (const b of published(world)) {
    const pkg = await recordsJson(world, b.label);
    for (const r of pkg.records) gone.delete(r.id);
    for (const r of pkg.removals ?? []) {
      const before = gone.get(r.id);
      if (before)
        problems.push({ check: 'removed-once', detail: `${r.id}: removed by ${before}, removed again by ${b.label} (${r.type})` });
      gone.set(r.id, `${b.label} (${r.type})`);
    }
  }
  return problems;
}

/**
 * diff from the batch published before says what the package removes (truth.md: one fact, every view): each record
 * the package lists in 移出名单 is under diff's `removed` (or, replaced by a correction under a new number, named by
 * `replaces`), and each record diff lists removed is in the package's removals — an expiry too, whatever day its
 * period ended between the two batches' days, and over a batch not published between them (docs/decisions.md "An
 * expiry belongs to the batch that lists it"; before, an expiry after a quarter's end and before its batch's day was
 * removed by one batch's diff and another's package).
 */
export async function diffRemovesPackage(world: World, b: PlayedBatch): Promise<Problem[]> {
  const pub = published(world);
  const before = pub[pub.length - 2];
  if (!b.published || !before || pub[pub.length - 1] !== b) return [];
  const pkg = await recordsJson(world, b.label);
  const d = await diffOf(world, before.label, b.label);
  const problems: Problem[] = [];
  type Removed = { id: string; publishUntil?: string; removal?: { type: string } | null };
  const removed = new Map((d.removed as Removed[]).map((r) => [r.id, r]));
  const replaced = new Set(d.corrected.map((r) => r.replaces).filter((x) => x !== undefined));
  for (const r of pkg.removals ?? [])
    if (!removed.has(r.id) && !replaced.has(r.id))
      problems.push({
        check: 'diff-removes-package',
        detail: `${b.label}: the package removes ${r.id} (${r.type}), diff ${before.label} ${b.label} does not`,
      });
  const inPackage = new Set((pkg.removals ?? []).map((r) => r.id));
  for (const [id, r] of removed)
    if (!inPackage.has(id))
      problems.push({
        check: 'diff-removes-package',
        detail: `${b.label}: diff ${before.label} ${b.label} lists ${id} removed (${r.removal?.type}), the package does not`,
      });
  // The figure: diff's removed per department is the package's removals per department (status and the report
  // take theirs from the package's figures, checkFigures).
  const perDept = new Map<string, number>();
  for (const r of (pkg.removals ?? []) as (Removal & { department?: string })[])
    if (r.type !== 'corrected' && !replaced.has(r.id)) perDept.set(r.department ?? '', (perDept.get(r.department ?? '') ?? 0) + 1);
  const counts = (d as { counts?: { byDepartment?: Record<string, { removed?: number }> } }).counts;
  for (const [dept, c] of Object.entries(counts?.byDepartment ?? {}))
    if ((c.removed ?? 0) !== (perDept.get(dept) ?? 0))
      problems.push({
        check: 'diff-removes-package',
        detail: `${b.label}: ${dept} diff counts ${c.removed} removed, the package ${perDept.get(dept) ?? 0}`,
      });
  return problems;
}
