// 联合奖惩措施清单 (department.md "Joint measures"): the config key (inline or a file), the measures
// command, the export column and the catalogue carried into the package.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanup, runCli, tempDir } from '../helpers/cases.js';
import { MeasuresFileSchema } from '../../dist/schemas/measures.js';
import { openWorkbook } from '../../dist/io/sniff.js';
import { DEFAULT_LIMITS } from '../../dist/schemas/config.js';
import { scoreRows } from '../../dist/table/header.js';

async function readSheets(file: string): Promise<Record<string, string[][]>> {
  const wb = await openWorkbook(file, 'x', { limits: DEFAULT_LIMITS, score: scoreRows });
  const out: Record<string, string[][]> = {};
  for (const s of wb.sheets) {
    const rows: string[][] = [];
    await s.read((r: { cells: unknown[] }) => {
      rows.push(r.cells.map((c) => (c === null || c === undefined ? '' : String(c))));
    });
    out[s.name] = rows;
  }
  await wb.close();
  return out;
}

const EXAMPLE = join(ROOT, 'fixtures', 'example-workspace');
const EXAMPLE_MEASURES = join(ROOT, 'templates', 'measures.example.json');
let tmp: string;
beforeAll(() => {
  tmp = tempDir('measures');
});
afterAll(() => cleanup(tmp));

function workspace(name: string, measures: unknown): string {
  const ws = join(tmp, name);
  cpSync(EXAMPLE, ws, { recursive: true });
  const config = JSON.parse(readFileSync(join(ws, 'hrss-credit.config.json'), 'utf8'));
  writeFileSync(join(ws, 'hrss-credit.config.json'), JSON.stringify({ ...config, measures }));
  return ws;
}

describe('measures', () => {
  it('templates/measures.example.json is a valid catalogue whose every entry cites its source', () => {
    const parsed = MeasuresFileSchema.parse(JSON.parse(readFileSync(EXAMPLE_MEASURES, 'utf8')));
    const entries = Array.isArray(parsed) ? parsed : parsed.measures;
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(e.basis ?? '').toMatch(/令第\d+号|条例|〔\d{4}〕\d+号|发布制度 五（三）/);
  });

  it('`measures` prints the catalogue from a workspace-relative file, filtered by --department', async () => {
    const ws = workspace('file', 'measures.json');
    cpSync(EXAMPLE_MEASURES, join(ws, 'measures.json'));
    const all = await runCli(['measures', '-w', ws, '--format', 'json'], ws);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout).measures).toHaveLength(5);
    const one = await runCli(['measures', '--department', '市劳动保障监察支队', '-w', ws, '--format', 'json'], ws);
    expect(JSON.parse(one.stdout).measures.map((e: { list: string; domain: string }) => `${e.list}:${e.domain}`)).toEqual([
      'black:拖欠工资',
      'black:违法用工',
      'black:劳动保障诚信等级评价',
      'red:劳动保障诚信等级评价',
    ]);
    const pretty = await runCli(['measures', '--department', '考试中心', '-w', ws], ws);
    expect(pretty.stdout).toContain('记入专业技术人员资格考试诚信档案库');
  });

  it('a bad catalogue is CONFIG_INVALID naming the key (exit 2); no catalogue says so', async () => {
    const bad = workspace('bad', [{ list: 'grey', domain: '拖欠工资', items: ['x'] }]);
    const r = await runCli(['measures', '-w', bad, '--format', 'json'], bad);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe('CONFIG_INVALID');
    expect(JSON.parse(r.stdout).error.message).toContain('measures');
    const none = await runCli(['measures', '-w', EXAMPLE, '--format', 'json'], tmp);
    expect(JSON.parse(none.stdout).measures).toEqual([]);
  });

  it('compile fills an empty 奖惩措施 from the catalogue into records.json and the 公示 workbook (column after 公示期限（月）)', async () => {
    const ws = workspace('compile', [
      { list: 'black', domain: '社会保险', items: ['限制参与政府采购', '限制参与招投标'] },
      { list: 'black', domain: '拖欠工资', basis: '《保障农民工工资支付条例》第四十八条', items: ['限制获得政府资金支持'] },
    ]);
    const r = await runCli(['compile', '2026Q3', '-w', ws, '--today', '2026-10-15', '--format', 'json'], ws);
    const doc = JSON.parse(r.stdout);
    const filled = doc.diagnostics.filter((d: { code: string }) => d.code === 'MEASURES_FILLED');
    expect(filled.length).toBeGreaterThan(0);
    expect(filled.every((d: { severity: string; department: string }) => d.severity === 'info' && d.department === '市社保中心')).toBe(
      true,
    );
    // The example's 拖欠工资 rows write their own measures, which this catalogue does not list.
    expect(
      doc.diagnostics
        .filter((d: { code: string }) => d.code === 'MEASURES_UNLISTED')
        .map((d: { department: string; location: { column?: string } }) => d.department),
    ).toEqual(['市劳动保障监察支队', '市劳动保障监察支队']);
    const records = JSON.parse(readFileSync(join(ws, 'packages', '2026Q3', 'records.json'), 'utf8')).records as {
      domain: string;
      listType: string;
      measures: string;
    }[];
    const insurance = records.filter((x) => x.domain === '社会保险' && x.listType === 'black');
    expect(insurance.length).toBe(filled.length);
    for (const x of insurance) expect(x.measures).toBe('限制参与政府采购；限制参与招投标');
    const sheets = await readSheets(join(ws, 'packages', '2026Q3', '公示', '新乡市人社局信用红黑名单_2026Q3.xlsx'));
    const black = sheets['黑名单']!;
    const col = black[0]!.indexOf('奖惩措施');
    expect(black[0]![col - 1]).toBe('公示期限（月）');
    expect(black.slice(1).filter((row) => row[col] === '限制参与政府采购；限制参与招投标')).toHaveLength(filled.length);
    const template = JSON.parse(readFileSync(join(ROOT, 'templates', 'credit-office.json'), 'utf8')) as {
      columns: { header: string; field?: string }[];
    };
    const headers = template.columns.map((c) => c.header);
    expect(headers[headers.indexOf('公示期限（月）') + 1]).toBe('奖惩措施');
    expect(template.columns.find((c) => c.header === '奖惩措施')?.field).toBe('measures');
  });
});
