// Where two features meet (round 31): random histories of the consistency property with older lists imported
// (periods ending beside a quarter's end), objections left open across resends, removals and corrections, then
// resolved in or past their deadline (test/truth/crossings/). After every step the consistency property's checks
// hold, and: every published package re-verifies and exports as on its day; objection list, register list,
// supervise and the report tell the same objections; register show agrees with register list; a correction is a
// revision in register list, show and diff; an imported record expires once, on the right side of its date.
// Replay a failure: CROSSING_SEED=<seed> CROSSING_PATH=<path> npx vitest run test/truth/crossings.test.ts.
import { describe, it } from 'vitest';
import { crossingProperty } from './crossings/property.js';

const RUNS = Number(process.env.CROSSING_RUNS ?? 16);
const SEED = process.env.CROSSING_SEED === 'random' ? Date.now() : Number(process.env.CROSSING_SEED ?? 20261031);

describe('where two features meet: imports, open objections, expiry, re-verify and re-export', () => {
  it(`holds on ${RUNS} histories (seed ${SEED})`, async () => {
    await crossingProperty(RUNS, SEED, process.env.CROSSING_PATH, process.env.CROSSING_SURVEY === '1');
  }, 600_000);
});
