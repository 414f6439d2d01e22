// A config `calendar.extraFile` naming a file that is not there (workspace.md's example config pasted as it stands
// names calendar-2027.json) stopped every command that reads the calendar — objection add/list/resolve, calendar,
// supervise, report — with CALENDAR_FILE_INVALID "(file)：文件不存在", exit 2 (round 30). Now it is a config
// finding as CONFIG_SEVERITY_FIXED is: CONFIG_FILE_MISSING (warning) at the key's line in the config file, the
// setting not applied, the commands going on with the built-in calendar and calendar/. docs/decisions.md.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanup, runCli, tempDir } from './helpers/cases.js';

let tmp = '';
let ws = '';
let line = 0;
const TODAY = ['--today', '2026-10-15'];

beforeAll(() => {
  tmp = tempDir('config-file-missing');
  ws = join(tmp, '新乡 人社', '信用 红黑名单');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  const file = join(ws, 'hrss-credit.config.json');
  const config = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, JSON.stringify({ ...config, calendar: { extraFile: 'calendar-2027.json' } }, null, 2));
  line =
    readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('"extraFile"')) + 1;
});
afterAll(() => cleanup(tmp));

type Finding = { code: string; severity: string; location: { file?: string; row?: number }; args: Record<string, unknown> };
const run = async (args: string[]): Promise<{ code: number; ds: Finding[] }> => {
  const r = await runCli([...args, ...TODAY, '--format', 'json'], ws);
  const doc = JSON.parse(r.stdout);
  return { code: r.code, ds: doc.diagnostics ?? [] };
};
const MISSING = {
  code: 'CONFIG_FILE_MISSING',
  severity: 'warning',
  location: { file: 'hrss-credit.config.json', row: expect.any(Number) },
  args: { key: 'calendar.extraFile', file: 'calendar-2027.json' },
};

describe('a calendar.extraFile that is not there', () => {
  it('is CONFIG_FILE_MISSING at the key’s line; calendar, objection list, supervise and status still run (exit 0)', async () => {
    expect(line).toBeGreaterThan(1);
    const cal = await run(['calendar', '2026']);
    expect(cal.code).toBe(0);
    expect(cal.ds).toEqual([expect.objectContaining(MISSING)]);
    expect(cal.ds[0]?.location.row).toBe(line);
    expect((await run(['objection', 'list'])).code).toBe(0);
    expect((await run(['supervise', '2026'])).code).toBe(0);
    const status = await run(['status', '2026Q3']);
    expect(status.code).toBe(0);
    expect(status.ds.filter((d) => d.code === 'CONFIG_FILE_MISSING')).toEqual([expect.objectContaining(MISSING)]);
  });

  it('says so on the screen (zh-CN, en) with its line, and fails the run under --strict as any warning', async () => {
    const zh = await runCli(['status', '2026Q3', ...TODAY], ws);
    expect(zh.stdout).toContain(`hrss-credit.config.json 第 ${line} 行  CONFIG_FILE_MISSING`);
    const en = await runCli(['calendar', '2026', ...TODAY, '--lang', 'en'], ws);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('CONFIG_FILE_MISSING: calendar.extraFile names calendar-2027.json, which does not exist');
    expect((await runCli(['status', '2026Q3', ...TODAY, '--strict'], ws)).code).toBe(1);
  });

  it('once the file is there, it is read (2027 covered) and nothing is said', async () => {
    const year = { year: 2027, source: '测试用 2027 年节假日安排', holidays: [['2027-01-01', '2027-01-01']], workdays: [] };
    writeFileSync(join(ws, 'calendar-2027.json'), JSON.stringify(year));
    const cal = await run(['calendar', '2027']);
    expect(cal).toEqual({ code: 0, ds: [] });
  });
});
