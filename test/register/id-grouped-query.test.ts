// A 居民身份证 number typed in groups is the number in a list (test/id-grouped.test.ts), and so it is as a query:
// `register show 410782-19850312-0510` and `objection add --subject` with it found nothing (docs/decisions.md
// "An ID number typed with hyphens").
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedExample, runCli, tempDir, ROOT } from './helpers.js';

const env = { HRSS_CREDIT_NOW: '2026-07-20T01:30:00Z', HRSS_CREDIT_LOCK_WAIT_MS: '100' };
const ID = '410782198503120510'; // 杨文博 in the example workspace
const GROUPED = '410782-19850312-0510';
/** The same person's old 15-digit number (GB 11643-1989): the row rule stores its 18-digit form. */
const OLD = '410782850312051';
let tmp: string;
let ws: string;
beforeAll(async () => {
  tmp = tempDir('id-grouped-query');
  ws = await publishedExample(tmp, env);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('an ID number typed with hyphens as a query', () => {
  it('register show finds the record it finds without them', async () => {
    const show = async (q: string) => {
      const r = await runCli(['register', 'show', q, '-w', ws, '--today', '2026-07-20', '--format', 'json'], ROOT, env);
      return (JSON.parse(r.stdout).records as { id: string }[]).map((x) => x.id);
    };
    const plain = await show(ID);
    expect(plain).toHaveLength(1);
    expect(await show(GROUPED)).toEqual(plain);
    expect(await show(OLD)).toEqual(plain);
  });
  it('objection add --subject finds it', async () => {
    const args = ['objection', 'add', '--received', '2026-07-20', '--from', '杨文博', '--subject', GROUPED, '--summary', '有误'];
    const r = await runCli([...args, '-w', ws, '--today', '2026-07-20', '--format', 'json'], ROOT, env);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(ID);
  });
});
