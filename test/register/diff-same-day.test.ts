// Two batches published the same day (a history imported in one sitting, the older quarter after the newer): diff
// orders them by quarter, not by which line the log met first — `diff 2025Q4 2026Q1` is the right order and
// `diff 2026Q1 2025Q4` the reversed one (DIFF_ORDER_REVERSED). Found by the checkpoint property after house37's rule
// (publication date, then the log's order) refused the right order.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chain } from '../helpers/register-chain.js';
import { eventLine } from '../../src/register/chain.js';
import { diff } from '../../src/api/register/register.js';

const ws = mkdtempSync(join(tmpdir(), 'hrss-diff-same-day-'));
afterAll(() => rmSync(ws, { recursive: true, force: true }));

describe('diff of two batches published the same day', () => {
  it('takes the earlier quarter first whatever the log order, and refuses the later first', async () => {
    mkdirSync(join(ws, 'register'));
    const events = chain([
      {
        type: 'publish',
        batch: '2026Q1',
        on: '2024-01-01',
        package: '0'.repeat(64),
        records: [],
        removals: [],
        unchanged: [],
        corrected: [],
      },
      { type: 'import', batch: '2025Q4', on: '2024-01-01', files: ['旧.xlsx'], records: [] },
    ]);
    writeFileSync(join(ws, 'register', 'events.jsonl'), events.map(eventLine).join(''));
    const options = { cwd: ws, workspace: ws, today: '2024-02-01' };
    await expect(diff('2025Q4', '2026Q1', options)).resolves.toMatchObject({ from: '2025Q4', to: '2026Q1', added: [], removed: [] });
    await expect(diff('2026Q1', '2025Q4', options)).rejects.toMatchObject({
      code: 'DIFF_ORDER_REVERSED',
      args: { from: '2026Q1', to: '2025Q4' },
    });
  });
});
