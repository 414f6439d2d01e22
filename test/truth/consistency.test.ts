// The consistency property (truth.md; issue 17 item 4): random histories of a clerk's year — quarters,
// supplementary batches, resends, corrections of both kinds, removals of every type, objections of every
// outcome, blank forms, nil reports, expiry — played through template/status/compile/publish/objection in
// process (World: the CLI's run(), no child process); after each step every view's figures agree, the
// register equals its replay from scratch, diff composes, every package verifies and exports.
// Replay a failing case: PROPERTY_SEED=<seed> [PROPERTY_PATH=<path>] npx vitest run test/truth/consistency.test.ts
// (the failure prints both); PROPERTY_RUNS=200 for a longer run. docs/decisions.md "The consistency property".
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cases.js';
import { CLERKS_YEAR, history, type Step } from './consistency/history.js';
import { World } from './consistency/world.js';
import {
  checkCorrections,
  checkDiff,
  checkFigures,
  checkPackage,
  checkStatusOfPublished,
  ReplayCheck,
  type CheckName,
  type Problem,
} from './consistency/checks.js';
import { checkSummaries } from './consistency/summaries.js';

/**
 * PENDING: properties the contract asks for that fail today only because another branch's work has not
 * landed. Each is still checked and counted; the `it.fails` below turns red once it holds on these
 * histories, and then the lead removes it from this list (see the report of branch truth-small).
 */
const PENDING: Partial<Record<CheckName, string>> = {};

const RUNS = Number(process.env.PROPERTY_RUNS ?? 24);
const SEED = process.env.PROPERTY_SEED === 'random' ? Date.now() : Number(process.env.PROPERTY_SEED ?? 20261017);
const PATH = process.env.PROPERTY_PATH;
/** PROPERTY_SURVEY=1: play every history without stopping at a failure, then print what each check found. */
const SURVEY = process.env.PROPERTY_SURVEY === '1';

/** Problems found per check over every history of the run (pending ones included). */
const tally = new Map<CheckName, Problem[]>();
/** What the histories amounted to (printed by PROPERTY_SURVEY): batches played, compiled, published; compile failures by code. */
const stats = { batches: 0, written: 0, published: 0, failures: new Map<string, number>() };

async function playHistory(steps: Step[], spawn = false): Promise<Problem[]> {
  const ws = mkdtempSync(join(tmpdir(), 'hrss-prop-'));
  try {
    copyFileSync(join(ROOT, 'fixtures', 'example-workspace', 'hrss-credit.config.json'), join(ws, 'hrss-credit.config.json'));
    mkdirSync(join(ws, 'submissions'));
    const world = new World(ws, spawn);
    const replay = new ReplayCheck();
    const problems: Problem[] = [];
    for (const step of steps) {
      const b = await world.play(step);
      if (b) {
        stats.batches++;
        if (b.written) stats.written++;
        if (b.published) stats.published++;
        if (!b.written) {
          const doc = JSON.parse(b.compile.stdout) as { diagnostics?: { code: string; severity: string }[] };
          for (const d of doc.diagnostics ?? [])
            if (d.severity === 'error') stats.failures.set(d.code, (stats.failures.get(d.code) ?? 0) + 1);
        }
        problems.push(
          ...(await checkCorrections(world, b)),
          ...(await checkFigures(world, b)),
          ...(await checkStatusOfPublished(world, b)),
          ...(await checkPackage(world, b, !spawn || !('package-exports' in PENDING))),
          ...(await checkSummaries(world, b)),
        );
        if (b.published) problems.push(...(await checkDiff(world)));
      }
      problems.push(...replay.check(world));
    }
    for (const p of problems) tally.set(p.check, [...(tally.get(p.check) ?? []), p]);
    return problems;
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
}

describe('one truth: a random year of a clerk, every view agrees', () => {
  it(`holds on ${RUNS} histories (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(history, async (steps) => {
        const problems = (await playHistory(steps)).filter((p) => !SURVEY && !(p.check in PENDING));
        if (problems.length > 0)
          throw new Error(`${problems.map((p) => `${p.check}: ${p.detail}`).join('\n')}\nhistory: ${JSON.stringify(steps)}`);
      }),
      { numRuns: RUNS, seed: SEED, ...(PATH ? { path: PATH } : {}), endOnFailure: true, examples: PATH ? [] : [[CLERKS_YEAR]] },
    );
    if (SURVEY) console.log(JSON.stringify(Object.fromEntries([...World.spent].map(([k, v]) => [k, Math.round(v)]))));
    if (SURVEY) console.log(JSON.stringify({ ...stats, failures: Object.fromEntries(stats.failures) }));
    if (SURVEY)
      for (const [check, found] of tally)
        console.log(
          `${check}: ${found.length}\n  ${[...new Set(found.map((p) => p.detail))]
            .filter((x) => !x.includes('absent from'))
            .slice(0, 8)
            .join('\n  ')}`,
        );
  }, 600_000);

  // The CLI-level variant, kept small (each command a child process): the first batch of the clerk's year.
  it("holds through the real binary too (the clerk's first quarter)", async () => {
    const problems = (await playHistory(CLERKS_YEAR.slice(0, 1), true)).filter((p) => !(p.check in PENDING));
    expect(problems).toEqual([]);
  }, 300_000);

  for (const [check, defect] of Object.entries(PENDING)) {
    it.fails(`PENDING ${check} — ${defect}`, () => {
      expect(tally.get(check as CheckName) ?? []).toEqual([]);
    });
  }
});
