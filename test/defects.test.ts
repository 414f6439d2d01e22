// Defects found by a new user on files made with LibreOffice, openpyxl and iconv.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { ROOT, buildCase, cleanup, project, runCli, tempDir, TODAY, type Case } from './helpers/cases.js';
import { listTypeFromName } from '../dist/schemas/enums.js';
import { parseDateText, parseDateSerial } from '../dist/domain/dates.js';

let root: string;
let n = 0;
beforeAll(() => {
  root = tempDir('defects');
});
afterAll(() => cleanup(root));

const FILE = '2026Q3/就业办/劳务派遣红黑名单.xlsx';
const HEAD = [
  '序号',
  '名单类型',
  '领域',
  '主体类别',
  '主体名称',
  '统一社会信用代码',
  '法定代表人',
  '列入事由',
  '认定依据',
  '认定文书号',
  '认定日期',
  '失信程度',
];
function blackRow(i: number, date: unknown, severity: unknown = '严重'): unknown[] {
  return [
    i,
    '黑名单',
    '劳务派遣',
    '法人及非法人组织',
    '新乡市红旗区示例建材有限公司',
    '91410702MA46B2QK4T',
    '赵一鸣',
    '未经许可经营劳务派遣业务',
    '《中华人民共和国劳动合同法》第九十二条',
    `新人社监罚〔2026〕10${i}号`,
    date,
    severity,
  ];
}

async function validateCase(
  c: Omit<Case, 'name' | 'expect'>,
  extra: string[] = [],
): Promise<{
  code: number;
  doc: {
    diagnostics: Array<{ code: string; args: Record<string, unknown>; message: string; hint?: string; location: Record<string, unknown> }>;
  };
}> {
  const dir = join(root, `c${n++}`);
  const target = await buildCase({ name: 'x', expect: [], ...c }, dir);
  const r = await runCli(['validate', target, '--today', TODAY, '--format', 'json', ...extra], dir);
  return { code: r.code, doc: JSON.parse(r.stdout) };
}

describe('a name that names both lists is mixed, in every spelling', () => {
  it.each([
    '社保黑红名单',
    '红黑名单',
    '红、黑名单',
    '红/黑名单',
    '黑/红名单',
    '红黑榜',
    '红名单和黑名单',
    '黑名单与红名单',
    '红 黑名单',
    '红榜黑榜',
  ])('%s', (name) => {
    expect(listTypeFromName(name)).toBeUndefined();
  });
  it('a 红 that is not a list (红旗区) does not make a black list mixed', () => {
    expect(listTypeFromName('红旗区社保黑名单')).toBe('black');
    expect(listTypeFromName('守信红名单')).toBe('red');
    expect(listTypeFromName('黑名单')).toBe('black');
  });
  it('a sheet 社保黑红名单 with 黑名单 rows gives no SCHEMA_LIST_TYPE_CONFLICT', async () => {
    const { doc } = await validateCase({
      about: '',
      patches: [
        { removeSheet: { file: FILE, sheet: '黑名单' } },
        { removeSheet: { file: FILE, sheet: '红名单' } },
        { sheet: { file: FILE, value: { name: '社保黑红名单', rows: [HEAD, blackRow(1, { date: '2026-08-03' })] } } },
      ],
    });
    expect(doc.diagnostics.map(project)).toEqual([]);
  });
});

describe('dates with a time of day, 号 and two-digit years', () => {
  it('a real date-time cell is SCHEMA_DATE_INVALID reason timeOfDay showing the time', async () => {
    const { code, doc } = await validateCase({
      about: '',
      patches: [{ sheet: { file: FILE, value: { name: '黑名单', rows: [HEAD, blackRow(1, { date: '2026-08-03T10:30' })] } } }],
    });
    expect(code).toBe(1);
    expect(doc.diagnostics.map(project)).toEqual([{ code: 'SCHEMA_DATE_INVALID', sheet: '黑名单', row: 2, column: 'K' }]);
    expect(doc.diagnostics[0]!.args).toMatchObject({ reason: 'timeOfDay', value: '2026-08-03 10:30' });
  });
  it('a serial with a fraction, and text with a time, are timeOfDay too', () => {
    expect(parseDateSerial(46237.4375)).toEqual({ ok: false, reason: 'timeOfDay', shown: '2026-08-03 10:30' });
    expect(parseDateText('2026-08-03 10:30')).toEqual({ ok: false, reason: 'timeOfDay', shown: '2026-08-03 10:30' });
    expect(parseDateText('2026-08-03 00:00')).toEqual({ ok: true, date: '2026-08-03' });
  });
  it('2026年8月3号 is a date; 26/8/3 is still refused', () => {
    expect(parseDateText('2026年8月3号')).toEqual({ ok: true, date: '2026-08-03' });
    expect(parseDateText('26/8/3')).toEqual({ ok: false, reason: 'format' });
  });
});

describe('失信程度', () => {
  it('较重 is not a severity word: SCHEMA_ENUM at the cell', async () => {
    const { doc } = await validateCase({
      about: '',
      patches: [{ sheet: { file: FILE, value: { name: '黑名单', rows: [HEAD, blackRow(1, { date: '2026-08-03' }, '较重')] } } }],
    });
    expect(doc.diagnostics.map(project)).toEqual([{ code: 'SCHEMA_ENUM', sheet: '黑名单', row: 2, column: 'L' }]);
  });
});

describe('--strict -q', () => {
  it('shows the warnings that make the run fail', async () => {
    const dir = join(root, `c${n++}`);
    const target = await buildCase(
      {
        name: 'x',
        about: '',
        expect: [],
        patches: [{ sheet: { file: FILE, value: { name: '黑名单', rows: [HEAD, blackRow(1, { date: '2026-06-03' })] } } }],
      },
      dir,
    );
    const json = JSON.parse((await runCli(['validate', target, '--today', TODAY, '--format', 'json'], dir)).stdout);
    expect(json.diagnostics.map(project)).toEqual([{ code: 'SCHEMA_DATE_OUT_OF_QUARTER', sheet: '黑名单', row: 2, column: 'K' }]);
    const strict = await runCli(['validate', target, '--today', TODAY, '--strict', '-q'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('SCHEMA_DATE_OUT_OF_QUARTER');
    const quiet = await runCli(['validate', target, '--today', TODAY, '-q'], dir);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).not.toContain('SCHEMA_DATE_OUT_OF_QUARTER');
  });
});

describe('a closed pipe on stdout (| head)', () => {
  it("ends quietly with the command's own code, no EPIPE stack trace", async () => {
    const child = spawn(process.execPath, [join(import.meta.dirname, '..', 'bin', 'hrss-credit.js'), 'rules'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reader goes away before the first line is written.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const [code] = (await once(child, 'close')) as [number];
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});

describe('tool errors on stderr', () => {
  it('a path with ESC in it is shown with the control character made visible', async () => {
    const r = await runCli(['validate', 'a\u001b[31mb.xlsx'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toContain('a\u241b[31mb.xlsx');
  });
});

describe('department folders set up but not filled', () => {
  it('are not submitted (PACKAGE_SUBMISSION_MISSING), never COVER_MISSING; compile passes', async () => {
    const ws = join(root, `ws${n++}`);
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
    const q = join(ws, 'submissions', '2026Q3');
    for (const d of ['监察科', '就业局', '创业担保中心']) rmSync(join(q, d), { recursive: true });
    mkdirSync(join(q, '监察科'));
    mkdirSync(join(q, '就业局'));
    writeFileSync(join(q, '就业局', 'desktop.ini'), '[.ShellClassInfo]\r\n');
    writeFileSync(join(q, '就业局', 'Thumbs.db'), 'x');
    mkdirSync(join(q, '创业担保中心', '附件'), { recursive: true });
    writeFileSync(join(q, '创业担保中心', '.DS_Store'), 'x');
    const r = await runCli(['compile', '2026Q3', '--today', TODAY, '--dry-run', '--format', 'json'], ws);
    const doc = JSON.parse(r.stdout);
    expect(r.code).toBe(0);
    const codes = doc.diagnostics.map((d: { code: string; department?: string }) => `${d.code} ${d.department ?? ''}`).sort();
    expect(codes).toEqual([
      'PACKAGE_SUBMISSION_MISSING 创业担保中心',
      'PACKAGE_SUBMISSION_MISSING 就业局',
      'PACKAGE_SUBMISSION_MISSING 监察科',
    ]);
    const st = JSON.parse((await runCli(['status', '2026Q3', '--today', TODAY, '--format', 'json'], ws)).stdout);
    const notSubmitted = st.departments
      .filter((d: { submitted: boolean }) => !d.submitted)
      .map((d: { name: string }) => d.name)
      .sort();
    expect(notSubmitted).toEqual(['创业担保中心', '就业局', '监察科']);
  });
  it('a folder holding one file is still checked (COVER_MISSING when a list has no cover)', async () => {
    const { doc } = await validateCase({ about: '', patches: [{ removeSheet: { file: FILE, sheet: '报送单' } }] });
    expect(doc.diagnostics.map(project).map((d) => d.code)).toContain('COVER_MISSING');
  });
});

describe('a workbook whose only list sheet is empty', () => {
  it('is a list with no rows: no FILE_NO_LIST', async () => {
    const dir = join(root, `c${n++}`);
    await buildCase(
      {
        name: 'x',
        about: '',
        expect: [],
        patches: [{ file: { path: '2026Q3/就业办/黑名单.xlsx', content: { workbook: { sheets: [{ name: '黑名单', rows: [] }] } } } }],
      },
      dir,
    );
    const r = await runCli(['validate', '2026Q3/就业办/黑名单.xlsx', '--today', TODAY, '--format', 'json'], dir);
    const doc = JSON.parse(r.stdout);
    expect(doc.diagnostics.map(project)).toEqual([]);
    expect(r.code).toBe(0);
    expect(doc.stats.rows).toBe(0);
  });
});

describe('a folder named like a file', () => {
  it('目录.xlsx/ is EVIDENCE_FILE_IGNORED as a folder, not as an .xlsx file', async () => {
    const { doc } = await validateCase({
      about: '',
      patches: [{ file: { path: '2026Q3/就业办/目录.xlsx/说明.txt', content: { text: '说明' } } }],
    });
    const d = doc.diagnostics.filter((x) => x.code === 'EVIDENCE_FILE_IGNORED');
    expect(d.map((x) => x.args)).toEqual([{ ext: '', folder: true }]);
    expect(d[0]!.message).not.toContain('.xlsx');
  });
});

describe('共享 files say so in their names', () => {
  it('export --audience sharing writes 红名单_共享.csv, never a plain 红名单.csv with full identifiers', async () => {
    const ws = join(root, `ws${n++}`);
    cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
    expect((await runCli(['compile', '2026Q3', '--today', TODAY], ws)).code).toBe(0);
    const pkg = join(ws, 'packages', '2026Q3');
    // The package's 共享/ holds the workbook only (package.md's tree).
    expect(readdirSync(join(pkg, '共享')).sort()).toEqual(['新乡市人社局信用红黑名单_2026Q3_共享.xlsx']);
    const to = join(ws, 'out');
    expect((await runCli(['export', pkg, '--to', to, '--audience', 'sharing'], ws)).code).toBe(0);
    expect(
      readdirSync(to)
        .filter((f) => !f.startsWith('.'))
        .sort(),
    ).toEqual(['新乡市人社局信用红黑名单_2026Q3_共享.xlsx', '红名单_共享.csv', '黑名单_共享.csv'].sort());
  });
});

describe('validate --quarter takes a supplementary batch', () => {
  it('2026Q3-2 and 2026年第三季度第2批 check the rows against 2026Q3, as the batch folder 2026Q3-2/ does', async () => {
    const dir = join(root, `batch${n++}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, '红名单.csv'),
      '序号,领域,主体类别,主体名称,统一社会信用代码,法定代表人,列入事由,认定依据,认定日期\n' +
        '1,劳务派遣,法人及非法人组织,新乡市卫河人力资源服务有限公司,91410700MA3X7K2P20,张三,守法诚信,《劳务派遣暂行规定》,2026-08-03\n',
    );
    for (const batch of ['2026Q3-2', '2026年第三季度第2批']) {
      const res = await runCli(
        ['validate', '红名单.csv', '--department', '就业办', '--quarter', batch, '--today', '2026-10-20', '--format', 'json'],
        dir,
      );
      const doc = JSON.parse(res.stdout) as { quarter?: string; diagnostics: { code: string }[] };
      expect([res.code, doc.quarter, doc.diagnostics.map((d) => d.code)]).toEqual([0, '2026Q3', []]);
    }
  });
});
