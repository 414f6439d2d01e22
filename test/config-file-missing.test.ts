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

// The same for a config `measures` naming a file that is not there (round 31): it stopped every command, even
// `register list`, with CONFIG_INVALID "配置文件 measures-2027.json 有误", exit 2. Now it is CONFIG_FILE_MISSING at the
// key's line and the catalogue is empty; the commands that cannot do without it (the department form, `measures`)
// stop and say which file is missing and how to fix it; a file that is there but broken is still exit 2.
describe('a measures file that is not there', () => {
  let mws = '';
  let mline = 0;
  beforeAll(() => {
    mws = join(tmp, 'measures-ws');
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), mws, { recursive: true });
    const file = join(mws, 'hrss-credit.config.json');
    const config = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...config, measures: 'measures-2027.json' }, null, 2));
    mline =
      readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"measures"')) + 1;
  });
  const mrun = async (args: string[]): Promise<{ code: number; ds: Finding[]; stderr: string }> => {
    const r = await runCli([...args, ...TODAY, '--format', 'json'], mws);
    return { code: r.code, ds: JSON.parse(r.stdout).diagnostics ?? [], stderr: r.stderr };
  };

  it('is CONFIG_FILE_MISSING at the key’s line; status, calendar, supervise and register list still run', async () => {
    expect(mline).toBeGreaterThan(1);
    const status = await mrun(['status', '2026Q3']);
    expect(status.code).toBe(0);
    expect(status.ds.filter((d) => d.code === 'CONFIG_FILE_MISSING')).toEqual([
      expect.objectContaining({
        ...MISSING,
        location: { file: 'hrss-credit.config.json', row: mline },
        args: { key: 'measures', file: 'measures-2027.json' },
      }),
    ]);
    expect((await mrun(['calendar', '2026'])).code).toBe(0);
    expect((await mrun(['supervise', '2026'])).code).toBe(0);
    expect((await runCli(['register', 'list', ...TODAY, '--format', 'json'], mws)).code).not.toBe(2);
    const zh = await runCli(['status', '2026Q3', ...TODAY], mws);
    expect(zh.stdout).toContain(`hrss-credit.config.json 第 ${mline} 行  CONFIG_FILE_MISSING`);
    expect(zh.stdout).toContain('配置项 measures 指定的文件 measures-2027.json 不存在');
    expect(zh.stdout).not.toContain('内置日历');
    const en = await runCli(['status', '2026Q3', ...TODAY, '--lang', 'en'], mws);
    expect(en.stdout).toContain('measures names measures-2027.json, which does not exist');
  });

  it('the department form and `measures` stop (exit 2) naming the file and the fix, zh-CN and en', async () => {
    const form = await runCli(['template', '就业办', '--out', join(tmp, 'form.xlsx'), ...TODAY], mws);
    expect(form.code).toBe(2);
    expect(form.stderr).toContain('measures-2027.json 不存在，生成科室报送表需要它');
    expect(form.stderr).toContain('从配置文件中删去 measures');
    expect(form.stderr).not.toContain('有误');
    const list = await runCli(['measures', ...TODAY, '--lang', 'en'], mws);
    expect(list.code).toBe(2);
    expect(list.stderr).toContain('measures-2027.json that the config key measures names does not exist');
  });

  it('a file that is there but broken is still CONFIG_INVALID (exit 2), naming it; a good one is read', async () => {
    writeFileSync(join(mws, 'measures-2027.json'), '{ "measures": [ ');
    const broken = await runCli(['status', '2026Q3', ...TODAY], mws);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('配置文件 measures-2027.json 有误');
    const entry = { list: 'red', domain: '劳动保障诚信等级评价', items: ['减少日常检查频次'] };
    writeFileSync(join(mws, 'measures-2027.json'), JSON.stringify({ measures: [entry] }));
    const ok = await runCli(['measures', ...TODAY, '--format', 'json'], mws);
    expect([ok.code, JSON.parse(ok.stdout).measures]).toEqual([0, [entry]]);
    expect((await mrun(['status', '2026Q3'])).ds.filter((d) => d.code === 'CONFIG_FILE_MISSING')).toEqual([]);
  });
});
