// `hrss-credit page` (selfcheck.md): one self-contained HTML file under 5 MB, with the workspace's
// config (matrix, limits, severities, measures inline), its date and the tool's version baked in,
// nothing to fetch; written atomically, never into the tool's own folder.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/program.js';
import { cleanup, ROOT, runCli, tempDir } from './helpers/cases.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) cleanup(d);
});
function dir(): string {
  const d = tempDir('page');
  dirs.push(d);
  return d;
}
const EPOCH = { SOURCE_DATE_EPOCH: '1791590400' }; // 2026-10-10T00:00:00Z

function baked(html: string): Record<string, unknown> {
  const m = /<script type="application\/json" id="page-data">(.*?)<\/script>/s.exec(html);
  expect(m).not.toBeNull();
  return JSON.parse(m?.[1] ?? '{}') as Record<string, unknown>;
}

describe('hrss-credit page', () => {
  it('writes 科室自查.html in the current folder: under 5 MB, the config, date and version baked in, nothing to fetch', async () => {
    const cwd = dir();
    const ws = join(ROOT, 'fixtures', 'example-workspace');
    const r = await runCli(['page', '-w', ws, '--format', 'json'], cwd, EPOCH);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({
      command: 'page',
      path: '科室自查.html',
      writtenAt: '2026-10-10T00:00:00Z',
      workspace: 'example-workspace',
    });
    const path = join(cwd, '科室自查.html');
    expect(statSync(path).size).toBe(doc.bytes);
    expect(statSync(path).size).toBeLessThan(5 * 1024 * 1024);
    // Nothing but the page left in the folder (an atomic write leaves no temporary file).
    expect(readdirSync(cwd)).toEqual(['科室自查.html']);
    const html = readFileSync(path, 'utf8');
    const data = baked(html);
    expect(data.config).toEqual(JSON.parse(readFileSync(join(ws, 'hrss-credit.config.json'), 'utf8')));
    expect(data).toMatchObject({ tool: 'hrss-credit', writtenAt: '2026-10-10T00:00:00Z', workspace: 'example-workspace', lang: 'zh-CN' });
    expect(data.departments).toContain('就业办');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'; /);
    // No element that fetches: no link, no src, no CSS url() or @import.
    const outsideScripts = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/g, '$1');
    expect(outsideScripts).not.toMatch(/<link\b|<img\b|<iframe\b|\bsrc=|url\(|@import/i);
    // Exactly one executing script (the one the CSP names by its hash), besides the data and the worker's source.
    expect(html.match(/<script\b[^>]*>/g)).toEqual([
      '<script type="application/json" id="page-data">',
      '<script type="text/x-hrss-credit-engine" id="page-engine">',
      '<script>',
    ]);
    // The same bytes for the same workspace and SOURCE_DATE_EPOCH.
    const again = await runCli(['page', '-w', ws, '--out', 'again.html'], cwd, EPOCH);
    expect(again.code).toBe(0);
    expect(readFileSync(join(cwd, 'again.html'), 'utf8')).toBe(html);
    expect(again.stdout).toContain('again.html');
  });

  it('carries a measures file named by the config inline, and --lang en makes an English page', async () => {
    const ws = dir();
    const measures = [{ list: 'black', domain: '拖欠工资', basis: '示例依据', items: ['限制参加评优评先'] }];
    writeFileSync(join(ws, 'measures.json'), JSON.stringify(measures));
    writeFileSync(join(ws, 'hrss-credit.config.json'), JSON.stringify({ measures: 'measures.json', limits: { maxRows: 5000 } }));
    const r = await runCli(['page', '--lang', 'en'], ws, EPOCH);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('Self-check page written');
    const html = readFileSync(join(ws, '科室自查.html'), 'utf8');
    const data = baked(html);
    expect(data.lang).toBe('en');
    expect(html).toContain('<html lang="en">');
    expect((data.config as { measures: unknown }).measures).toHaveLength(1);
    expect((data.config as { limits: unknown }).limits).toEqual({ maxRows: 5000 });
    expect(data.measures).toBe(1);
  });

  it('refuses the tool’s own folder (OUTPUT_IN_TOOL_FOLDER, exit 2) and names a failed write (WRITE_FAILED, exit 2)', async () => {
    const tool = dir();
    let out = '';
    const io = (cwd: string) => ({
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (out += s) },
      env: {},
      cwd,
      toolDir: tool,
    });
    expect(await run(['page', '--format', 'json'], io(tool))).toBe(2);
    expect(JSON.parse(out).error.code).toBe('OUTPUT_IN_TOOL_FOLDER');
    expect(existsSync(join(tool, '科室自查.html'))).toBe(false);
    // --out says where: the tool's folder too, when asked by name.
    out = '';
    expect(await run(['page', '--out', join(tool, 'x.html')], io(tool)), out).toBe(0);
    const cwd = dir();
    mkdirSync(join(cwd, 'taken.html'));
    out = '';
    expect(await run(['page', '--out', 'taken.html', '--format', 'json'], io(cwd))).toBe(2);
    expect(JSON.parse(out).error.code).toBe('WRITE_FAILED');
  });
});
