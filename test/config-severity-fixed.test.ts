// A config `severity` entry for a fixed code (checks.md "error (fixed)") cannot take effect: it was accepted and
// ignored without a word. Now it is CONFIG_SEVERITY_FIXED (warning) at the key's line in the config file, naming
// the code, the severity asked and the fixed one; the fixed code keeps its severity. docs/decisions.md "The
// command line, config and templates".
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanup, runCli, tempDir } from './helpers/cases.js';
import { pageData } from '../dist/api/department/page.js';

let tmp = '';
let ws = '';
const TODAY = ['--today', '2026-10-15'];

function setSeverity(severity: Record<string, string>): void {
  const file = join(ws, 'hrss-credit.config.json');
  const config = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'example-workspace', 'hrss-credit.config.json'), 'utf8'));
  writeFileSync(file, JSON.stringify({ ...config, severity }, null, 2));
}

beforeAll(() => {
  tmp = tempDir('config-fixed');
  ws = join(tmp, '新乡 人社', '信用 红黑名单');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  // A list the tool cannot read: FILE_UNREADABLE, which the config would lower.
  writeFileSync(join(ws, 'submissions', '2026Q3', '就业办', '劳务派遣红黑名单.xlsx'), 'not a workbook');
});
afterAll(() => cleanup(tmp));

type Finding = { code: string; severity: string; location: { file?: string; row?: number }; args: Record<string, unknown> };
const findings = async (args: string[]): Promise<{ code: number; ds: Finding[] }> => {
  const r = await runCli([...args, ...TODAY, '--format', 'json'], ws);
  return { code: r.code, ds: JSON.parse(r.stdout).diagnostics };
};

describe('config severity of a fixed code', () => {
  it('is CONFIG_SEVERITY_FIXED at the key’s line, the code keeps its severity (validate and status)', async () => {
    setSeverity({ SHEET_COLUMN_UNKNOWN: 'off', FILE_UNREADABLE: 'warning', EVIDENCE_PATH_UNSAFE: 'error' });
    const line =
      readFileSync(join(ws, 'hrss-credit.config.json'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"FILE_UNREADABLE"')) + 1;
    for (const args of [
      ['validate', 'submissions/2026Q3/就业办'],
      ['status', '2026Q3'],
    ]) {
      const { code, ds } = await findings(args);
      expect(code).toBe(1);
      const fixed = ds.filter((d) => d.code === 'CONFIG_SEVERITY_FIXED');
      // One finding: EVIDENCE_PATH_UNSAFE set to its own severity changes nothing and is not reported.
      expect(fixed).toEqual([
        {
          code: 'CONFIG_SEVERITY_FIXED',
          severity: 'warning',
          location: { file: 'hrss-credit.config.json', row: line },
          args: { code: 'FILE_UNREADABLE', value: 'warning', fixed: 'error', key: 'severity.FILE_UNREADABLE' },
          message: expect.any(String),
          hint: expect.stringContaining('FILE_UNREADABLE'),
        },
      ]);
      expect(ds.find((d) => d.code === 'FILE_UNREADABLE')?.severity).toBe('error');
    }
  });

  it('named from the workspace, as compile names its files: the same location run from any folder', async () => {
    setSeverity({ FILE_UNREADABLE: 'warning' });
    for (const cwd of [tmp, join(ws, 'submissions')]) {
      const r = await runCli(['compile', '2026Q3', '--dry-run', '-w', ws, ...TODAY, '--format', 'json'], cwd);
      const d = (JSON.parse(r.stdout).diagnostics as Finding[]).find((x) => x.code === 'CONFIG_SEVERITY_FIXED');
      expect(d?.location.file, cwd).toBe('hrss-credit.config.json');
    }
  });

  it('off is said too; a config without such an entry has no finding', async () => {
    setSeverity({ EVIDENCE_PATH_UNSAFE: 'off' });
    const off = await findings(['validate', 'submissions/2026Q3/劳动关系科']);
    expect(off.ds.map((d) => [d.code, d.args.code, d.args.value])).toEqual([['CONFIG_SEVERITY_FIXED', 'EVIDENCE_PATH_UNSAFE', 'off']]);
    setSeverity({ SHEET_COLUMN_UNKNOWN: 'off' });
    const none = await findings(['validate', 'submissions/2026Q3/劳动关系科']);
    expect(none.code).toBe(0);
    expect(none.ds).toEqual([]);
  });

  it('the terminal says it in Chinese and in English, at the file and line', async () => {
    setSeverity({ FILE_UNREADABLE: 'info' });
    const zh = await runCli(['validate', 'submissions/2026Q3/劳动关系科', ...TODAY], ws);
    expect(zh.stdout).toContain('hrss-credit.config.json');
    expect(zh.stdout).toContain('CONFIG_SEVERITY_FIXED');
    expect(zh.stdout).toMatch(/第 \d+ 行/);
    const en = await runCli(['validate', 'submissions/2026Q3/劳动关系科', ...TODAY, '--lang', 'en'], ws);
    expect(en.stdout).toContain('severity.FILE_UNREADABLE asks for "info"');
    // A config file has lines, not rows (seen: "row 17"): the key's line, as an editor numbers it.
    const line =
      readFileSync(join(ws, 'hrss-credit.config.json'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"FILE_UNREADABLE"')) + 1;
    expect(en.stdout).toContain(`line ${line}`);
    expect(en.stdout).not.toMatch(/\brows? \d/);
    expect(zh.stdout).toContain(`第 ${line} 行`);
  });

  it('the self-check page gets the config without it (a department’s check does not report the bureau’s file)', () => {
    setSeverity({ SHEET_COLUMN_UNKNOWN: 'off', FILE_UNREADABLE: 'warning' });
    const data = pageData({ cwd: ws }, 'zh-CN', new Date(0));
    expect((data.config as { severity: unknown }).severity).toEqual({ SHEET_COLUMN_UNKNOWN: 'off' });
  });
});
