// README's walk-through runs `diff 2026Q2 2026Q3`; in a workspace whose register has not recorded 2026Q2 and with
// no packages/2026Q2/, diff said only "package not found: 2026Q2" (exit 2), not where it looked nor what to do.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledExample, runCli, tempDir, TODAY, ROOT } from './helpers.js';

let tmp: string;
let ws: string;
beforeAll(async () => {
  tmp = tempDir('diff-missing');
  ws = await compiledExample(tmp);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('diff of a batch neither published nor compiled', () => {
  it('exits 2 and says how to record it, in either language', async () => {
    const zh = await runCli(['diff', '2026Q2', '2026Q3', '-w', ws, '--today', TODAY], ROOT);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('登记簿中没有 2026Q2 批次的发布记录');
    expect(zh.stderr).toContain('hrss-credit register import <名单文件> --batch 2026Q2');
    const en = await runCli(['diff', '2026Q2', '2026Q3', '-w', ws, '--today', TODAY, '--lang', 'en'], ROOT);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('hrss-credit publish 2026Q2');
    expect(en.stderr).toContain('packages/2026Q2/');
  });
});
