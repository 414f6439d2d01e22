// compile of a published batch names the batch to use instead: the quarter's next supplementary batch not yet
// published. It said `<batch>-2`: 2026Q3-2-2 for a supplementary batch (no such batch), and 2026Q3-2 for the
// regular one after 2026Q3-2 was published; the screen's last line always said 2026Q3-2.
import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { publishedSuite, runCli, ROOT } from './helpers.js';

const env = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '100' };
const { fresh } = publishedSuite('nextbatch', env);
const cli = (ws: string, args: string[]) => runCli([...args, '-w', ws, '--today', '2026-10-09'], ROOT, env);
const finding = (stdout: string) =>
  (JSON.parse(stdout).diagnostics as { code: string; args: Record<string, unknown>; hint: string }[]).find(
    (d) => d.code === 'REGISTER_BATCH_PUBLISHED',
  );

describe('compile of a published batch advises a batch that can still be sent', () => {
  it('2026Q3 → 2026Q3-2; once 2026Q3-2 is published, both advise 2026Q3-3', async () => {
    const ws = fresh();
    const first = await cli(ws, ['compile', '2026Q3', '--force', '--format', 'json']);
    expect(first.code).toBe(1);
    expect(finding(first.stdout)?.args.next).toBe('2026Q3-2');

    mkdirSync(join(ws, 'submissions', '2026Q3-2'), { recursive: true });
    expect((await cli(ws, ['compile', '2026Q3-2'])).code).toBe(0);
    expect((await cli(ws, ['publish', '2026Q3-2', '--on', '2026-10-09'])).code).toBe(0);

    for (const batch of ['2026Q3', '2026Q3-2']) {
      const res = await cli(ws, ['compile', batch, '--force', '--format', 'json']);
      expect(res.code).toBe(1);
      const d = finding(res.stdout);
      expect(d?.args.next).toBe('2026Q3-3');
      expect(d?.hint).toContain('2026Q3-3');
      expect(d?.hint).not.toContain('2026Q3-2-2');
      const pretty = await cli(ws, ['compile', batch, '--force']);
      expect(pretty.stdout).toContain('补充批次如 2026Q3-3');
      const en = await cli(ws, ['compile', batch, '--force', '--lang', 'en']);
      expect(en.stdout).toContain('such as 2026Q3-3');
    }
  });
});
