// The crossings property's runner (test/truth/crossings.test.ts): each history in memory (a MemoryPort of its own),
// every step checked by the consistency property's checks and by the crossings' own.
import { join } from 'node:path';
import fc from 'fast-check';
import { ROOT } from '../../helpers/cases.js';
import { readFileSync } from 'node:fs';
import {
  checkCorrections,
  checkDiff,
  checkFigures,
  checkPackage,
  checkRegisterLists,
  checkStatusOfPublished,
  ReplayCheck,
} from '../consistency/checks.js';
import { checkSummaries } from '../consistency/summaries.js';
import { DEPTS, type DeptPlan } from '../consistency/history.js';
import { docOf, MEMORY_ROOT, type PlayedBatch, World } from '../consistency/world.js';
import { MemoryPort } from '../../../dist/io/memory-port.js';
import {
  crossHistory,
  type CrossStep,
  EXPIRY_IN_THE_WINDOW,
  EXPIRY_OVER_A_SKIPPED_BATCH,
  IMPORTED_AFTER_A_BATCH,
  REVOKED_AFTER_CORRECTION,
} from './history.js';
import { Crossing } from './play.js';
import {
  correctionRevises,
  diffRemovesPackage,
  expiryOnce,
  exportUnchanged,
  objectionsAgree,
  type Problem,
  publishedReverifies,
  removedOnce,
  showAgreesList,
} from './checks.js';

const CONFIG_BYTES = readFileSync(join(ROOT, 'fixtures', 'example-workspace', 'hrss-credit.config.json'));
let workspaces = 0;

/** Plays `steps` in a fresh memory workspace and returns every problem found after each step. */
export async function playCrossing(steps: readonly CrossStep[]): Promise<Problem[]> {
  const ws = join(MEMORY_ROOT, `crossing-${++workspaces}`);
  const io = new MemoryPort();
  io.put(join(ws, 'hrss-credit.config.json'), CONFIG_BYTES);
  io.mkdir(join(ws, 'submissions'));
  const world = new World(ws, false, io);
  const crossing = new Crossing(world);
  const replay = new ReplayCheck();
  const snapshots = new Map<string, Map<string, string>>();
  const problems: Problem[] = [];
  for (const step of steps) {
    const b = await crossing.play(step);
    if (b && step.kind === 'batch') problems.push(...rowsReceived(b, step.plans));
    if (b) {
      problems.push(
        ...(await checkCorrections(world, b)),
        ...(await checkFigures(world, b, false)),
        ...(await checkStatusOfPublished(world, b)),
        ...(await checkPackage(world, b)),
        ...(await checkSummaries(world, b)),
        ...(await checkRegisterLists(world, b)),
        ...(await correctionRevises(world, b)),
      );
      if (b.published) problems.push(...(await removedOnce(world)), ...(await diffRemovesPackage(world, b)));
      if (b.published) problems.push(...(await checkDiff(world)));
    }
    problems.push(...(await replay.check(world)), ...(await publishedReverifies(world)), ...(await exportUnchanged(world, snapshots)));
    if (world.played.length > 0 || crossing.imported.length > 0) problems.push(...(await objectionsAgree(world)));
  }
  problems.push(...(await showAgreesList(world)), ...(await expiryOnce(world, crossing)));
  return problems;
}

/**
 * What the departments sent is what status counts: a department that sent list rows (any format, the filled form
 * included) is submitted with as many rows as it sent (one per subject); a 无信息报告 is submitted with none.
 */
function rowsReceived(b: PlayedBatch, plans: DeptPlan[]): Problem[] {
  const problems: Problem[] = [];
  const depts = new Map(
    (docOf<{ departments?: { name: string; submitted: boolean; rows: number }[] }>(b.status).departments ?? []).map((d) => [d.name, d]),
  );
  for (const [d, plan] of plans.entries()) {
    if (plan.kind !== 'rows' && plan.kind !== 'nil') continue;
    const sent = plan.kind === 'rows' ? new Set(plan.rows.map((r) => r.subject)).size : 0;
    const got = depts.get(DEPTS[d]!.name);
    if (!got?.submitted || got.rows !== sent)
      problems.push({
        check: 'rows-received',
        detail: `${b.label} ${DEPTS[d]!.name} sent ${sent} row(s) as ${plan.format ?? 'csv-utf8'}: status says ${got ? `submitted ${got.submitted}, rows ${got.rows}` : 'nothing'}`,
      });
  }
  return problems;
}

/** Runs `runs` histories under `seed` (PROPERTY_SEED / PROPERTY_PATH replay one); throws with the history on a problem. */
export async function crossingProperty(runs: number, seed: number, path?: string, survey = false): Promise<void> {
  const found = new Map<string, { count: number; example: string }>();
  await fc.assert(
    fc.asyncProperty(crossHistory, async (steps) => {
      const problems = await playCrossing(steps);
      // CROSSING_SURVEY=1: every history played, each check's problems counted, one example of each kept.
      if (survey) {
        for (const p of problems) {
          const was = found.get(p.check);
          found.set(p.check, { count: (was?.count ?? 0) + 1, example: was?.example ?? `${p.detail}\n  ${JSON.stringify(steps)}` });
        }
        return;
      }
      if (problems.length > 0)
        throw new Error(`${problems.map((p) => `${p.check}: ${p.detail}`).join('\n')}\nhistory: ${JSON.stringify(steps)}`);
    }),
    {
      numRuns: runs,
      seed,
      ...(path ? { path } : {}),
      endOnFailure: true,
      examples: path ? [] : [[REVOKED_AFTER_CORRECTION], [IMPORTED_AFTER_A_BATCH], [EXPIRY_IN_THE_WINDOW], [EXPIRY_OVER_A_SKIPPED_BATCH]],
    },
  );
  if (survey) for (const [check, f] of found) console.log(`${check}: ${f.count}\n  ${f.example}`);
}
