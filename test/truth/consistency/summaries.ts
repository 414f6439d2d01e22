// Reports from summaries (issue 22 item 2): after each compiled batch, every package of the workspace is read
// from its summary.json, and the year's report model read so equals the one read from records.json and
// report.json (every summary.json moved aside) — the figures stay the same numbers whichever file they come from.
import { join } from 'node:path';
import { readPackage } from '../../../dist/io/package/package-read.js';
import { parseReportTarget, reportModel } from '../../../dist/api/reports/report-page.js';
import { registerFacts, yearModel, type Problem } from './checks.js';
import { type PlayedBatch, World } from './world.js';

const BATCH = /^\d{4}Q[1-4](-\d+)?$/;

export async function checkSummaries(world: World, b: PlayedBatch): Promise<Problem[]> {
  if (!b.written) return [];
  const problems: Problem[] = [];
  const packages = join(world.ws, 'packages');
  const io = world.io;
  const batches = io
    .readdirSync(packages)
    .map((e) => e.name)
    .filter((n) => BATCH.test(n) && io.exists(join(packages, n, 'manifest.json')));
  for (const name of batches)
    if (readPackage(packages, name, io)?.summaryFrom !== 'summary')
      problems.push({ check: 'summaries-agree', detail: `${name}: not read from its summary.json` });
  const options = world.options();
  const model = async (): Promise<string> =>
    JSON.stringify(await reportModel(options, parseReportTarget(options, String(b.year)), 1790000000, await registerFacts(world)));
  const fromSummaries = JSON.stringify(await yearModel(world, b.year));
  for (const name of batches) io.rename(join(packages, name, 'summary.json'), join(packages, name, 'summary.json.aside'));
  let fromRecords: string;
  try {
    fromRecords = await World.measure('check summaries model', () => model());
  } finally {
    for (const name of batches) io.rename(join(packages, name, 'summary.json.aside'), join(packages, name, 'summary.json'));
  }
  if (fromSummaries !== fromRecords) {
    let at = 0;
    while (fromSummaries[at] === fromRecords[at]) at++;
    problems.push({
      check: 'summaries-agree',
      detail: `report ${b.year} from summaries ≠ from records.json at …${fromSummaries.slice(Math.max(0, at - 80), at + 40)}… vs …${fromRecords.slice(Math.max(0, at - 80), at + 40)}…`,
    });
  }
  return problems;
}
