// compile's last lines on Windows (使用手册 四、汇总): the package, the zip and the manifest's hash file were
// shown with `/` (汇总包已生成：packages/2026Q3) right above a next step written with `\`
// (核对 packages\2026Q3\报送情况.xlsx …); every path a clerk reads there now uses the platform's separators,
// while the JSON document keeps `/`.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../dist/reporters/registry.js';
import { messagesFor } from '../dist/messages/index.js';
import { cleanup, ROOT, runCli, tempDir } from './helpers/cases.js';

const tmp = tempDir('compile-view-paths');
afterAll(() => cleanup(tmp));

describe("compile's closing lines use the platform's separators", () => {
  it('packages\\2026Q3, packages\\2026Q3.zip and the hash file on Windows; packages/2026Q3 elsewhere and in JSON', async () => {
    const ws = join(tmp, 'ws');
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
    const res = await runCli(['compile', '2026Q3', '--zip', '--today', '2026-10-15', '--format', 'json'], ws);
    expect(res.code, res.stdout).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect([doc.package, doc.zip, doc.manifestHashFile]).toEqual([
      'packages/2026Q3',
      'packages/2026Q3.zip',
      'packages/2026Q3.manifest.sha256',
    ]);
    const { Chalk } = await import('chalk');
    const ctx = { m: messagesFor('zh-CN'), chalk: new Chalk({ level: 0 }), ascii: false, width: 120, quiet: false, strict: false };
    const last = (platform: string): string[] =>
      renderDocument('compile', 'pretty', doc, ctx, { dryRun: false, platform }).trimEnd().split('\n').slice(-4);
    const win = last('win32');
    expect(win.slice(0, 2)).toEqual(['汇总包已生成：packages\\2026Q3', '压缩包：packages\\2026Q3.zip']);
    expect(win[2]).toContain('（已存于 packages\\2026Q3.manifest.sha256，');
    expect(win[3]).toContain('核对 packages\\2026Q3\\报送情况.xlsx');
    expect(win.join('\n')).not.toContain('packages/');
    const posix = last('linux');
    expect(posix.slice(0, 2)).toEqual(['汇总包已生成：packages/2026Q3', '压缩包：packages/2026Q3.zip']);
    expect(posix.join('\n')).not.toContain('\\');
  });
});
