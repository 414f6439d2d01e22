// publish records a publication that happened (register.md): a --on after today is recorded as given (a script may
// know the date ahead of the machine's clock) and said — PUBLISH_DATE_FUTURE, a warning, on the screen and in the
// JSON — since the batch is missing from every view of today. A new user's trial published 2027-01-09 on 2027-01-08
// and found the records silently absent from that day's register list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { compiledExample, copyWorkspace, runCli, ROOT, tempDir, TODAY } from './helpers.js';

let tmp: string;
let template: string;
beforeAll(async () => {
  tmp = tempDir('publish-future');
  template = await compiledExample(tmp);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('publish --on after today', () => {
  it('records it and warns, zh and en; on or before today no word', async () => {
    const ws = copyWorkspace(template, join(tmp, 'ws-1'));
    const res = await runCli(['publish', '2026Q3', '--on', '2026-10-16', '--format', 'json', '-w', ws, '--today', TODAY], ROOT);
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(doc.outcome).toBe('published');
    expect(doc.diagnostics.map((d: { code: string; severity: string; args: unknown }) => [d.code, d.severity, d.args])).toEqual([
      ['PUBLISH_DATE_FUTURE', 'warning', { batch: '2026Q3', on: '2026-10-16', today: TODAY }],
    ]);
    const ws2 = copyWorkspace(template, join(tmp, 'ws-2'));
    const text = await runCli(['publish', '2026Q3', '--on', '2026-10-16', '--lang', 'en', '-w', ws2, '--today', TODAY], ROOT);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('PUBLISH_DATE_FUTURE');
    // Above what was recorded: the warning's table, then the published line.
    const warned = text.stdout.indexOf('PUBLISH_DATE_FUTURE');
    expect(warned).toBeGreaterThanOrEqual(0);
    expect(text.stdout.indexOf('recorded: 2026Q3 published on 2026-10-16')).toBeGreaterThan(warned);
    const ws3 = copyWorkspace(template, join(tmp, 'ws-3'));
    const today = await runCli(['publish', '2026Q3', '--on', TODAY, '--format', 'json', '-w', ws3, '--today', TODAY], ROOT);
    expect(JSON.parse(today.stdout).diagnostics).toEqual([]);
  });
});
