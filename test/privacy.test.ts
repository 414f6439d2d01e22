// Personal information and the integrity of what is written (package.md "Personal information",
// docs/decisions.md): ID and mobile numbers typed into free text, ID numbers in file, sheet and
// folder names and cover fields, characters XML 1.0 forbids. Every identifier is synthetic.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SaxesParser } from 'saxes';
import { makeIdNumber } from '../src/domain/id-number.js';
import { listFiles } from '../src/io/package/package-fs.js';
import { ROOT, buildCase, cleanup, runCli, tempDir, TODAY } from './helpers/cases.js';
import { unzip } from './helpers/zip-entries.js';
import { writeFiles } from '../scripts/lib/fixture-kit.mjs';

const EXAMPLE = join(ROOT, 'fixtures', 'example-workspace');
const PUBLIC_XLSX = join('公示', '新乡市人社局信用红黑名单_2026Q3.xlsx');
const SHARED_XLSX = join('共享', '新乡市人社局信用红黑名单_2026Q3_共享.xlsx');

const IN_FACTS = makeIdNumber('410702', '1986-05-04', '019'); // 41070219860504019X
const IN_FILE_NAME = makeIdNumber('410703', '1979-11-23', '052');
const IN_SHEET_NAME = makeIdNumber('410711', '1992-02-29', '031');
const IN_COVER = makeIdNumber('410782', '1968-07-15', '044');
const masked = (id: string): string => `${id.slice(0, 6)}********${id.slice(-4)}`;
const ALL_IDS = [IN_FACTS, IN_FILE_NAME, IN_SHEET_NAME, IN_COVER];
const PHONE = '13812345678';

let tmp: string;
beforeAll(() => {
  tmp = tempDir('privacy');
});
afterAll(() => cleanup(tmp));

const HEADERS = [
  '名单类型',
  '领域',
  '名单名称',
  '主体类别',
  '主体名称',
  '统一社会信用代码',
  '法定代表人',
  '列入事由',
  '认定依据',
  '认定文书号',
  '认定日期',
  '公示截止日期',
  '备注',
];

/** The example workspace plus one 就业局 black-list CSV whose text carries personal information. */
async function workspace(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const ws = join(tmp, name);
  cpSync(EXAMPLE, ws, { recursive: true });
  await writeFiles(join(ws, 'submissions', '2026Q3'), {
    [`就业局/补充黑名单_ID${IN_FILE_NAME}.csv`]: {
      csv: {
        rows: [
          HEADERS,
          [
            '黑名单',
            '就业',
            '就业失信单位',
            '法人及非法人组织',
            '新乡市示例劳务有限公司',
            '91410702MA9LQ3T4X3',
            '刘志强',
            `法定代表人身份证${IN_FACTS}，手机138 1234 5678，拒不整改\uFFFE`,
            '《就业促进法》',
            '新人社监罚〔2026〕12号',
            '2026-09-20',
            '2027-09-19',
            `联系人x${IN_FACTS}X`,
          ],
        ],
      },
    },
    ...extra,
  });
  return ws;
}

async function xlsxText(file: string): Promise<string> {
  return (await unzip(readFileSync(file))).map((e) => e.data.toString('utf8')).join('\n');
}

/** A strict XML 1.0 parse of every part: saxes reports forbidden characters as errors. */
async function xmlErrors(file: string): Promise<string[]> {
  const errors: string[] = [];
  for (const e of await unzip(readFileSync(file))) {
    if (!/\.(xml|rels)$/.test(e.name)) continue;
    const p = new SaxesParser({ xmlns: true });
    p.on('error', (err) => errors.push(`${e.name}: ${err.message}`));
    p.write(e.data.toString('utf8')).close();
  }
  return errors;
}

describe('personal information in free text (SCHEMA_PERSONAL_INFO)', () => {
  let ws: string;
  let validateOut: { code: number; stdout: string };
  let pkg: string;

  beforeAll(async () => {
    ws = await workspace('free-text');
    validateOut = await runCli(
      ['validate', join(ws, 'submissions', '2026Q3', '就业局'), '-w', ws, '--today', TODAY, '--format', 'json'],
      ROOT,
    );
    const res = await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY, '--format', 'json'], ROOT);
    expect(res.code).toBe(0);
    pkg = join(ws, 'packages', '2026Q3');
  });

  it('validate warns at the cell with the kind and the masked value, exit 0, nothing in full on stdout', () => {
    expect(validateOut.code).toBe(0);
    const doc = JSON.parse(validateOut.stdout);
    const found = doc.diagnostics
      .filter((d: { code: string }) => d.code === 'SCHEMA_PERSONAL_INFO')
      .map((d: { severity: string; location: { row: number; column: string }; args: object }) => [
        d.severity,
        d.location.row,
        d.location.column,
        d.args,
      ]);
    expect(found).toEqual([
      ['warning', 2, 'H', { field: 'facts', kind: 'idNumber', value: masked(IN_FACTS) }],
      ['warning', 2, 'H', { field: 'facts', kind: 'mobile', value: '138****5678' }],
      ['warning', 2, 'M', { field: 'remarks', kind: 'idNumber', value: masked(IN_FACTS) }],
    ]);
    for (const id of ALL_IDS) expect(validateOut.stdout).not.toContain(id);
    expect(validateOut.stdout).not.toContain(PHONE);
  });

  it('公示 (CSV and xlsx) shows them masked like an ID column; 共享 and records.json keep them', async () => {
    const csv = readFileSync(join(pkg, '公示', '黑名单.csv'), 'utf8');
    expect(csv).toContain(`法定代表人身份证${masked(IN_FACTS)}，手机138****5678，`);
    expect(csv).toContain(`联系人x${masked(IN_FACTS)}X`);
    const pub = await xlsxText(join(pkg, PUBLIC_XLSX));
    expect(pub).toContain(`法定代表人身份证${masked(IN_FACTS)}，手机138****5678，`);
    for (const text of [csv, pub]) {
      expect(text).not.toContain(IN_FACTS);
      expect(text).not.toContain('138 1234 5678');
    }
    const shared = await xlsxText(join(pkg, SHARED_XLSX));
    expect(shared).toContain(`法定代表人身份证${IN_FACTS}，手机138 1234 5678，`);
    const records = JSON.parse(readFileSync(join(pkg, 'records.json'), 'utf8'));
    expect(records.audience).toBe('sharing');
    expect(JSON.stringify(records)).toContain(IN_FACTS);
  });

  it('no full ID number in report.json, manifest.json or 报送情况.xlsx, though a file name carries one', async () => {
    const report = readFileSync(join(pkg, 'report.json'), 'utf8');
    const manifest = readFileSync(join(pkg, 'manifest.json'), 'utf8');
    const status = await xlsxText(join(pkg, '报送情况.xlsx'));
    for (const text of [report, manifest, status]) for (const id of ALL_IDS) expect(text).not.toContain(id);
    expect(manifest).toContain(`补充黑名单_ID${masked(IN_FILE_NAME)}.csv`);
    const files = JSON.parse(report).diagnostics.map((d: { location: { file: string } }) => d.location.file);
    expect(files).toContain(`submissions/2026Q3/就业局/补充黑名单_ID${masked(IN_FILE_NAME)}.csv`);
  });
});

describe('ID numbers in names and cover fields are masked wherever the tool prints them', () => {
  let ws: string;

  beforeAll(async () => {
    ws = await workspace('names', {
      [`就业局/名单_${IN_SHEET_NAME}.xlsx`]: {
        workbook: {
          sheets: [
            {
              name: `黑名单${IN_SHEET_NAME}`,
              rows: [
                HEADERS,
                [
                  '黑名单',
                  '就业',
                  '就业失信单位',
                  '法人及非法人组织',
                  '新乡市另一劳务有限公司',
                  '91410702MA46B2QK4T',
                  '王某',
                  `手机${PHONE}`,
                  '《就业促进法》',
                  '新人社监罚〔2026〕13号',
                  '2026-09-21',
                  '2027-09-20',
                  '',
                ],
              ],
            },
          ],
        },
      },
    });
    // An evidence file whose name carries an ID: 典型案例 is public.
    await writeFiles(join(ws, 'submissions', '2026Q3'), { [`就业局/附件/现场照片_${IN_FILE_NAME}.png`]: { png: true } });
    // The reviewer's name typed with an ID number after it, on the 就业局 cover.
    const cover = join(ws, 'submissions', '2026Q3', '就业局', '报送单.csv');
    await writeFiles(join(ws, 'submissions', '2026Q3'), {
      '就业局/报送单.csv': {
        csv: {
          rows: readFileSync(cover, 'utf8')
            .replace(/^\ufeff/, '')
            .trim()
            .split(/\r?\n/)
            .map((l) => (l.startsWith('审核人') ? ['审核人（分管领导）', `李建国ID${IN_COVER}`] : l.split(','))),
        },
      },
    });
  });

  it('validate: location.file and location.sheet on stdout (JSON and pretty) are masked', async () => {
    const target = join(ws, 'submissions', '2026Q3', '就业局');
    const json = await runCli(['validate', target, '-w', ws, '--today', TODAY, '--format', 'json'], ROOT);
    const doc = JSON.parse(json.stdout);
    const sheets = doc.diagnostics.map((d: { location: { sheet?: string } }) => d.location.sheet).filter(Boolean);
    expect(sheets).toContain(`黑名单${masked(IN_SHEET_NAME)}`);
    const files = doc.diagnostics.map((d: { location: { file?: string } }) => d.location.file);
    expect(files.some((f: string) => f.endsWith(`名单_${masked(IN_SHEET_NAME)}.xlsx`))).toBe(true);
    const pretty = await runCli(['validate', target, '-w', ws, '--today', TODAY], ROOT);
    for (const out of [json.stdout, pretty.stdout]) for (const id of ALL_IDS) expect(out).not.toContain(id);
  });

  it('a path the user typed that carries an ID is masked in the exit-2 error too', async () => {
    const res = await runCli(['validate', join(ws, `名单_${IN_COVER}.xlsx`)], ROOT);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`名单_${masked(IN_COVER)}.xlsx`);
    expect(res.stderr + res.stdout).not.toContain(IN_COVER);
  });

  it('status (JSON) and the package (manifest.json, 报送情况.xlsx, report.json) show the cover field masked', async () => {
    const st = await runCli(['status', '2026Q3', '-w', ws, '--today', TODAY, '--format', 'json'], ROOT);
    for (const id of ALL_IDS) expect(st.stdout).not.toContain(id);
    expect(st.stdout).toContain(`李建国ID${masked(IN_COVER)}`);
    const res = await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY, '--format', 'json'], ROOT);
    expect(res.code).toBe(0);
    for (const id of ALL_IDS) expect(res.stdout).not.toContain(id);
    const pkg = join(ws, 'packages', '2026Q3');
    const manifest = readFileSync(join(pkg, 'manifest.json'), 'utf8');
    expect(JSON.parse(manifest).departments.find((d: { name: string }) => d.name === '就业局').reviewer).toBe(
      `李建国ID${masked(IN_COVER)}`,
    );
    const texts = [
      manifest,
      readFileSync(join(pkg, 'report.json'), 'utf8'),
      await xlsxText(join(pkg, '报送情况.xlsx')),
      await xlsxText(join(pkg, PUBLIC_XLSX)),
      readFileSync(join(pkg, '公示', '黑名单.csv'), 'utf8'),
    ];
    for (const text of texts) {
      for (const id of ALL_IDS) expect(text).not.toContain(id);
      expect(text).not.toContain(PHONE);
    }
    expect(listFiles(pkg).filter((f) => ALL_IDS.some((id) => f.includes(id)))).toEqual([]);
    // Windows forbids * in file names: the published evidence name uses the full-width ＊.
    expect(listFiles(pkg)).toContain(`典型案例/就业局/现场照片_${masked(IN_FILE_NAME).replace(/\*/g, '＊')}.png`);
    const verify = await runCli(['verify', pkg, '--format', 'json'], ROOT);
    expect(verify.code).toBe(0);
  });
});

describe('characters XML 1.0 forbids (SCHEMA_CHARACTER_INVALID)', () => {
  let pkg: string;
  let validateDoc: { diagnostics: { code: string; location: { row: number; column: string }; args: object }[] };

  beforeAll(async () => {
    const ws = await workspace('xml-chars');
    const v = await runCli(['validate', join(ws, 'submissions', '2026Q3', '就业局'), '-w', ws, '--today', TODAY, '--format', 'json'], ROOT);
    validateDoc = JSON.parse(v.stdout);
    const res = await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY, '--format', 'json'], ROOT);
    expect(res.code).toBe(0);
    pkg = join(ws, 'packages', '2026Q3');
  });

  it('validate reports the cell and the code point', () => {
    const found = validateDoc.diagnostics
      .filter((d) => d.code === 'SCHEMA_CHARACTER_INVALID')
      .map((d) => [d.location.row, d.location.column, d.args]);
    expect(found).toEqual([[2, 'H', { field: 'facts', codepoint: 'U+FFFE' }]]);
  });

  it('the 公示 and 共享 workbooks are well-formed XML, the character written as U+FFFD', async () => {
    for (const f of [PUBLIC_XLSX, SHARED_XLSX]) {
      expect(await xmlErrors(join(pkg, f))).toEqual([]);
      const text = await xlsxText(join(pkg, f));
      expect(text).toContain('拒不整改\uFFFD');
      expect(text).not.toContain('\uFFFE');
    }
    expect(readFileSync(join(pkg, '公示', '黑名单.csv'), 'utf8')).toContain('拒不整改\uFFFD');
    expect(readFileSync(join(pkg, 'records.json'), 'utf8')).toContain('拒不整改\uFFFD');
  });

  it('openpyxl opens them (when python3 has openpyxl)', (ctx) => {
    const python = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import openpyxl']).status === 0);
    if (!python) return ctx.skip();
    for (const f of [PUBLIC_XLSX, SHARED_XLSX]) {
      const r = spawnSync(python, ['-c', 'import sys, openpyxl; openpyxl.load_workbook(sys.argv[1])', join(pkg, f)], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
  });
});

describe('messages that say what happened', () => {
  async function validateCase(name: string, patches: unknown[]): Promise<{ code: string; args: Record<string, unknown> }[]> {
    const dir = join(tmp, name);
    const target = await buildCase({ name, about: '', patches, expect: [] }, dir);
    const res = await runCli(['validate', target, '--today', TODAY, '--format', 'json'], dir);
    return JSON.parse(res.stdout).diagnostics;
  }

  it('SCHEMA_PERIOD_SEVERITY: a typed end date beyond 失信程度; an empty one defaults within it (truth.md)', async () => {
    const computed = await validateCase('severity-computed', [
      { set: { file: '2026Q3/就业办/劳务派遣红黑名单.xlsx', sheet: '黑名单', cell: 'N4', value: '一般' } },
    ]);
    expect(computed.map((d) => [d.code, d.args.computed])).toEqual([]);
    const typed = await validateCase('severity-typed', [
      { set: { file: '2026Q3/就业办/劳务派遣红黑名单.xlsx', sheet: '黑名单', cell: 'N3', value: '一般' } },
    ]);
    expect(typed.map((d) => [d.code, 'computed' in d.args])).toEqual([['SCHEMA_PERIOD_SEVERITY', false]]);
  });

  it('an ID number in the credit-code column: reason idNumber, masked, no check-digit message', async () => {
    const id = makeIdNumber('410702', '1979-11-23', '052');
    const found = await validateCase('credit-code-id', [
      { set: { file: '2026Q3/就业办/劳务派遣红黑名单.xlsx', sheet: '黑名单', cell: 'F3', value: { text: id } } },
    ]);
    expect(found.map((d) => [d.code, d.args])).toEqual([
      ['SCHEMA_CREDIT_CODE_FORMAT', { value: masked(id), length: 18, reason: 'idNumber' }],
    ]);
  });
});
