// Paths inside the text of a message on Windows (round 31): compile's closing lines used `\` (compile-view-paths),
// but PACKAGE_EXISTS said 本季度的汇总包已存在：packages/2026Q3 in the findings' table and PATH_UNREADABLE
// 无法读取 submissions/2026Q3 on stderr, as did export's folder, supervise's and register list's workbooks and the
// objection letter's line. Every path a screen line shows goes through screenPath (reporters/screen-path.ts):
// `\` on Windows, `/` elsewhere; the JSON document (args, message) keeps `/`.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../dist/reporters/registry.js';
import { messagesFor } from '../dist/messages/index.js';
import { ToolError } from '../dist/diagnostics/tool-error.js';
import { reportFailure } from '../dist/cli/program.js';
import { screenArgs } from '../dist/reporters/screen-path.js';
import { cleanup, ROOT, runCli, tempDir } from './helpers/cases.js';
import { withFault } from './helpers/faults.js';

const tmp = tempDir('message-paths');
afterAll(() => cleanup(tmp));

async function contextFor(platform: string, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const { Chalk } = await import('chalk');
  return { m: messagesFor(lang), chalk: new Chalk({ level: 0 }), ascii: false, width: 200, quiet: false, strict: false, platform };
}

function workspace(name: string): string {
  const ws = join(tmp, name);
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  return ws;
}

describe('a path inside a message uses the platform’s separators on the screen', () => {
  it('PACKAGE_EXISTS: packages\\2026Q3 in the table on Windows (zh-CN, en); packages/2026Q3 elsewhere and in JSON', async () => {
    const ws = workspace('exists');
    expect((await runCli(['compile', '2026Q3', '--today', '2026-10-15'], ws)).code).toBe(0);
    const res = await runCli(['compile', '2026Q3', '--today', '2026-10-15', '--format', 'json'], ws);
    expect(res.code).toBe(1);
    const doc = JSON.parse(res.stdout);
    const found = doc.diagnostics.find((d: { code: string }) => d.code === 'PACKAGE_EXISTS');
    expect(found.args).toEqual({ path: 'packages/2026Q3' });
    expect(found.message).toContain('packages/2026Q3');
    const view = async (platform: string, lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<string> =>
      renderDocument('compile', 'pretty', doc, await contextFor(platform, lang), { dryRun: false, platform });
    const win = await view('win32');
    expect(win).toContain('本季度的汇总包已存在：packages\\2026Q3');
    expect(win).not.toContain('packages/2026Q3');
    expect(await view('win32', 'en')).not.toContain('packages/2026Q3');
    expect(await view('linux')).toContain('本季度的汇总包已存在：packages/2026Q3');
  });

  it('PATH_UNREADABLE on stderr: submissions\\2026Q3 on Windows, / elsewhere and in the JSON error', async () => {
    const ws = workspace('unreadable');
    const fault = 'io:EACCES@2026Q3';
    const json = await withFault(fault, () => runCli(['validate', 'submissions/2026Q3', '--format', 'json'], ws));
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).error).toMatchObject({
      code: 'PATH_UNREADABLE',
      message: expect.stringContaining('submissions/2026Q3（'),
    });
    const screen = await withFault(fault, () => runCli(['validate', 'submissions/2026Q3'], ws));
    expect(screen.code).toBe(2);
    // The same error as the run's, drawn for each platform (bin/ gives process.platform).
    const err = new ToolError('PATH_UNREADABLE', { path: 'submissions/2026Q3', problem: 'EACCES' });
    const stderrOn = async (platform: string): Promise<string> => {
      let out = '';
      const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (out += s) }, env: {}, cwd: ws };
      const { Chalk } = await import('chalk');
      expect(await reportFailure(err, messagesFor('zh-CN'), io, false, 'validate', new Chalk({ level: 0 }), false, platform)).toBe(2);
      return out;
    };
    expect(await stderrOn('linux')).toBe(screen.stderr);
    const win = await stderrOn('win32');
    expect(win).toContain('无法读取文件夹 submissions\\2026Q3（EACCES）');
    expect(win).not.toContain('submissions/');
  });

  it('a duplicate’s folders and a place’s file too; other arguments untouched', () => {
    const args = {
      department: '就业办',
      folders: ['submissions/2026Q3/就业办', 'submissions/2026Q3/就业 办'],
      other: { file: 'a/b.xlsx', row: 3 },
    };
    expect(screenArgs(args, 'win32')).toEqual({
      department: '就业办',
      folders: ['submissions\\2026Q3\\就业办', 'submissions\\2026Q3\\就业 办'],
      other: { file: 'a\\b.xlsx', row: 3 },
    });
    expect(screenArgs({ value: '2026/8/5', path: 'a/b' }, 'win32')).toEqual({ value: '2026/8/5', path: 'a\\b' });
    expect(screenArgs(args, 'linux')).toEqual(args);
  });

  it('export’s folder and its files, register list’s 台账 (the same helper draws supervise’s workbook and the letter)', async () => {
    const ws = workspace('written');
    expect((await runCli(['compile', '2026Q3', '--today', '2026-10-15'], ws)).code).toBe(0);
    const res = await runCli(['export', '2026Q3', '--to', 'out/导出 目录', '--format', 'json'], ws);
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(doc.dir).toBe('out/导出 目录');
    const win = await contextFor('win32');
    expect(renderDocument('export', 'pretty', doc, win)).toContain('out\\导出 目录');
    expect(renderDocument('export', 'pretty', doc, win)).not.toContain('out/');
    const list = { schemaVersion: 1, command: 'register list', on: '2026-10-15', records: [], ledger: 'out/台账 2026.xlsx' };
    expect(renderDocument('register-list', 'pretty', list as never, win)).toContain('out\\台账 2026.xlsx');
    expect(renderDocument('register-list', 'pretty', list as never, await contextFor('linux'))).toContain('out/台账 2026.xlsx');
  });
});
