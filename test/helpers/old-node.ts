// The old Node (18) that the tool must refuse: fetched by `node scripts/fetch-test-node.mjs` (.ci/run
// does it under CI). Outside CI a test that needs it is skipped when it is not there; under CI it fails.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cases.js';

export const OLD_NODE = process.env.HRSS_OLD_NODE ?? join(ROOT, 'node_modules', '.cache', 'hrss-credit-old-node', 'bin', 'node');
export const UNDER_CI = process.env.CI === 'true';
/** Run the test when the old Node is there, or under CI (where its absence is a failure). */
export const HAVE_OLD_NODE = existsSync(OLD_NODE) || UNDER_CI;
