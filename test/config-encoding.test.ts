// hrss-credit.config.json written by hand on Chinese Windows (workspace.md): Notepad saves "ANSI" (GBK) or
// "Unicode" (UTF-16 with a BOM). Read as UTF-8, every Chinese name in a GBK file became U+FFFD without a word:
// `domainMaxYears: { 招录考试: … }` no longer matched and the bureau's name was exported garbled.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { ToolError } from '../src/diagnostics/tool-error.js';
import { loadConfig } from '../src/io/workspace/workspace.js';
import { loadCalendarFile } from '../src/io/workspace/calendar.js';
import { ROOT, cleanup, runCli, tempDir, TODAY } from './helpers/cases.js';

const tmp = tempDir('config-encoding');
afterAll(() => cleanup(tmp));

const CONFIG = {
  bureau: { name: '某市人力资源和社会保障局', divisionCode: '410700' },
  publication: { domainMaxYears: { 招录考试: { years: 5, basis: '人社部令第31号 第十二条' } } },
};

function written(name: string, bytes: Buffer): string {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  return file;
}

describe('the config file in the encodings Windows editors save', () => {
  const text = JSON.stringify(CONFIG, null, 2);
  it.each([
    ['GBK (Notepad "ANSI")', iconv.encode(text, 'gbk')],
    ['GB18030', iconv.encode(text, 'gb18030')],
    ['UTF-16LE with BOM (Notepad "Unicode")', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')])],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')])],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['UTF-8', Buffer.from(text)],
  ])('%s: every Chinese name reads as written', (label, bytes) => {
    const config = loadConfig(written(`${label.replace(/\W+/g, '-')}.json`, bytes), 'hrss-credit.config.json');
    expect(config.bureau.name).toBe('某市人力资源和社会保障局');
    expect(Object.keys(config.publication.domainMaxYears)).toEqual(['招录考试']);
  });

  it('bytes that are neither UTF-8 nor GB18030: CONFIG_INVALID saying so, never U+FFFD', () => {
    const file = written('neither.json', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0x81, 0x20, 0x22, 0x7d]));
    let thrown: unknown;
    try {
      loadConfig(file, 'hrss-credit.config.json');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ToolError);
    expect(thrown).toMatchObject({ code: 'CONFIG_INVALID', args: { problem: 'encoding' } });
  });

  it('compile of a workspace whose config is GBK applies its 5-year 招录考试 rule (it was SCHEMA_PERIOD_TOO_LONG, exit 1)', async () => {
    const ws = join(tmp, 'ws');
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
    const own = JSON.parse(readFileSync(join(ws, 'hrss-credit.config.json'), 'utf8'));
    writeFileSync(join(ws, 'hrss-credit.config.json'), iconv.encode(JSON.stringify({ ...own, ...CONFIG }, null, 2), 'gbk'));
    const r = await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY, '--format', 'json'], ROOT);
    expect(JSON.parse(r.stdout).diagnostics.map((d: { code: string }) => d.code)).not.toContain('SCHEMA_PERIOD_TOO_LONG');
    expect(r.code).toBe(0);
    expect(readFileSync(join(ws, 'packages', '2026Q3', '公示', '红名单.csv'), 'utf8')).toContain(',某市人力资源和社会保障局,');
  });
});

describe('a calendar file (objections.md calendar/<year>.json) in the same encodings', () => {
  const text = JSON.stringify({ year: 2027, source: '国办发明电〔2026〕7号', holidays: [['2027-01-01', '2027-01-03']], workdays: [] });
  it.each([
    ['GBK', iconv.encode(text, 'gbk')],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')])],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
  ])('%s: its source reads as written', (label, bytes) => {
    const file = written(`2027-${label.replace(/\W+/g, '-')}.json`, bytes);
    expect(loadCalendarFile(file, 'calendar/2027.json', 2027)).toMatchObject({
      year: 2027,
      source: { kind: 'file', source: '国办发明电〔2026〕7号' },
    });
  });

  it('neither UTF-8 nor GB18030: CALENDAR_FILE_INVALID `encoding`', () => {
    const file = written('2027-neither.json', Buffer.from([0x7b, 0x22, 0x81, 0x20, 0x22, 0x7d]));
    expect(() => loadCalendarFile(file, 'calendar/2027.json', 2027)).toThrow(
      expect.objectContaining({ code: 'CALENDAR_FILE_INVALID', args: expect.objectContaining({ problem: 'encoding' }) }),
    );
  });
});
