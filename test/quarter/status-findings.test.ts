// status's table counted errors and warnings but never said which they were: the clerk had to run something else
// to learn what 错误 1 meant. Under the table it now names the first few (errors first), each with department,
// file, code and message, and the command that lists them all with their fixes (compile --dry-run).
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cases.js';

let tmp = '';
let ws = '';
const TODAY = ['--today', '2026-10-15', '--no-color'];
const BROKEN = ['就业办', '劳动关系科', '监察科', '社保中心', '监察支队', '就业局'];
beforeAll(() => {
  tmp = tempDir('status-findings');
  ws = join(tmp, '新乡 人社', '信用 红黑名单');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('status names its findings', () => {
  it('a clean quarter: no findings section', async () => {
    const r = await runCli(['status', '2026Q3', ...TODAY], ws);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('问题（');
    expect(r.stdout).not.toContain('--dry-run');
  });

  it('six errors: the first five named, errors first, with how to see all (zh and en)', async () => {
    for (const d of BROKEN) writeFileSync(join(ws, 'submissions', '2026Q3', d, '坏 表.xlsx'), 'not a workbook');
    const zh = await runCli(['status', '2026Q3', ...TODAY], ws);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain('问题（先列 5 条，共 6 条）：');
    const lines = zh.stdout.split('\n').filter((l) => l.includes('FILE_UNREADABLE'));
    expect(lines).toHaveLength(5);
    for (const l of lines) expect(l).toMatch(/^ {2}错误 {2}\S+ submissions\/2026Q3\/\S+\/坏 表\.xlsx {2}FILE_UNREADABLE {2}\S/);
    expect(lines[0]).toContain('就业办');
    expect(zh.stdout).toContain('查看全部问题和修改建议：hrss-credit compile 2026Q3 --dry-run');
    // Above the summary line, below the table.
    expect(zh.stdout.indexOf('问题（先列')).toBeGreaterThan(zh.stdout.lastIndexOf('合计'));
    expect(zh.stdout.indexOf('问题（先列')).toBeLessThan(zh.stdout.indexOf('共检查'));
    const en = await runCli(['status', '2026Q3', ...TODAY, '--lang', 'en'], ws);
    expect(en.stdout).toContain('Findings (the first 5 of 6):');
    expect(
      en.stdout.split('\n').filter((l) => /^ {2}error {2}.*FILE_UNREADABLE {2}the file is named as an Excel workbook/.test(l)),
    ).toHaveLength(5);
    expect(en.stdout).toContain('Every finding with its fix: hrss-credit compile 2026Q3 --dry-run');
    // JSON is the document as it was: every finding, no screen words.
    const json = JSON.parse((await runCli(['status', '2026Q3', ...TODAY, '--format', 'json'], ws)).stdout);
    expect(json.diagnostics.filter((d: { code: string }) => d.code === 'FILE_UNREADABLE')).toHaveLength(6);
  });

  it('a warning comes after the errors, and --quiet leaves warnings out', async () => {
    // A warning: a file loose in the quarter folder, outside every department's (FILE_LOOSE).
    writeFileSync(join(ws, 'submissions', '2026Q3', '说明.txt'), '各科室材料');
    const json = JSON.parse((await runCli(['status', '2026Q3', ...TODAY, '--format', 'json'], ws)).stdout);
    const warnings = (json.diagnostics as { severity: string }[]).filter((d) => d.severity === 'warning').length;
    expect(warnings).toBeGreaterThan(0);
    const zh = await runCli(['status', '2026Q3', ...TODAY], ws);
    const named = zh.stdout.split('\n').filter((l) => /^ {2}(错误|警告) {2}/.test(l));
    expect(named.map((l) => l.slice(2, 4))).toEqual(Array(5).fill('错误'));
    expect(zh.stdout).toContain(`共 ${6 + warnings} 条`);
    const quiet = await runCli(['status', '2026Q3', ...TODAY, '--quiet'], ws);
    expect(quiet.stdout).toContain('问题（先列 5 条，共 6 条）：');
  });
});
