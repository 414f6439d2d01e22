// The department form (department.md "A fill-in form"): what `template` writes, read back as XML,
// and both directions of the round trip: the untouched form and the form filled in by openpyxl
// (and saved again by LibreOffice) validate without structural findings.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanup, project, runCli, tempDir } from '../helpers/cases.js';
import { ZipArchive } from '../../dist/io/zip/zip.js';
import { DEFAULT_LIMITS } from '../../dist/schemas/config.js';
import { makeIdNumber } from '../../dist/domain/id-number.js';
import { makeCreditCode } from '../../dist/domain/credit-code.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1790000000' };
const NAME = '就业办_2026Q3_信用红黑名单.xlsx';
const FIXTURE = join(ROOT, 'fixtures', 'real', 'template-openpyxl-libreoffice', NAME);
let tmp: string;
beforeAll(() => {
  tmp = tempDir('form');
});
afterAll(() => cleanup(tmp));

/** Asserts without printing a 2 MB sheet when it fails. */
function has(xml: string, pattern: RegExp | string): void {
  const ok = typeof pattern === 'string' ? xml.includes(pattern) : pattern.test(xml);
  expect(ok, String(pattern)).toBe(true);
}

async function parts(file: string): Promise<Map<string, string>> {
  const zip = await ZipArchive.open(file, DEFAULT_LIMITS);
  const out = new Map<string, string>();
  for (const n of zip.names)
    if (n.endsWith('.xml') || n.endsWith('.rels')) out.set(n, (await zip.read(n)).toString('utf8').replace(/&quot;/g, '"'));
  zip.close();
  return out;
}

/** Sheet name → its part, from workbook.xml and its relationships. */
function sheetParts(p: Map<string, string>): Map<string, string> {
  const rels = new Map(
    [...(p.get('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [
      m[1],
      m[2],
    ]),
  );
  const relsAlt = new Map(
    [...(p.get('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship [^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"/g)].map((m) => [
      m[2],
      m[1],
    ]),
  );
  const out = new Map<string, string>();
  for (const m of (p.get('xl/workbook.xml') ?? '').matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const target = (rels.get(m[2]!) ?? relsAlt.get(m[2]!) ?? '').replace(/^\/?xl\//, '');
    out.set(m[1]!, `xl/${target}`);
  }
  return out;
}

/** The numFmt code of each cellXfs index. */
function cellFormats(styles: string): string[] {
  const custom = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const builtin: Record<string, string> = { '0': 'General', '49': '@', '14': 'yyyy-mm-dd' };
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  return [...xfs.matchAll(/<xf [^>]*?numFmtId="(\d+)"/g)].map((m) => custom.get(m[1]!) ?? builtin[m[1]!] ?? m[1]!);
}

function cellStyle(sheet: string, ref: string): number {
  const m = new RegExp(`<c r="${ref}"([^>]*)`).exec(sheet);
  return Number(/ s="(\d+)"/.exec(m?.[1] ?? '')?.[1] ?? 0);
}

async function makeForm(dir: string, extra: string[] = []): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const r = await runCli(['template', '就业办', '--quarter', '2026Q3', '--today', '2026-10-02', ...extra], dir, EPOCH);
  expect(r.code).toBe(0);
  return join(dir, NAME);
}

describe('template writes the department form', () => {
  it('with the sheets, canonical headers, validations, text and date formats and a frozen header', async () => {
    const file = await makeForm(join(tmp, 'one'));
    const p = await parts(file);
    const sheets = sheetParts(p);
    expect([...sheets.keys()]).toEqual(['填报说明', '红名单', '黑名单', '报送单', '移出申请']);
    const formats = cellFormats(p.get('xl/styles.xml')!);
    const black = p.get(sheets.get('黑名单')!)!;
    // Headers as submission.md writes them (shared strings): 领域 first, identifiers where the form puts them.
    has(black, '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    // 领域 limited to 就业办's one domain; closed lists with a Chinese input message and error alert.
    has(
      black,
      /<dataValidation type="list" allowBlank="1" showInputMessage="1" promptTitle="领域" prompt="[^"]+" showErrorMessage="1" errorStyle="stop" errorTitle="输入有误" error="[^"]+" sqref="A2:A2001"><formula1>"劳务派遣"<\/formula1>/,
    );
    has(black, /sqref="C2:C2001"><formula1>"法人及非法人组织,个体工商户,自然人"<\/formula1>/);
    has(
      black,
      /sqref="I2:I2001"><formula1>"居民身份证,军官证,外国人护照,港澳居民来往内地通行证,台湾居民来往大陆通行证,港澳台居民居住证,外国人永久居留身份证,其他证件"<\/formula1>/,
    );
    has(black, /sqref="P2:P2001"><formula1>"轻微,一般,严重"<\/formula1>/);
    // Dates: a date validation (1990-01-01 … 2100-12-31) and yyyy-mm-dd.
    has(black, /<dataValidation type="date" allowBlank="1"[^>]*sqref="N2:N2001"><formula1>32874<\/formula1><formula2>73415<\/formula2>/);
    // Identifier columns E (统一社会信用代码), H (法定代表人证件号码), J (证件号码): text for 2,000 rows.
    for (const ref of ['E2', 'E2001', 'H2', 'H2001', 'J2', 'J2001']) expect(formats[cellStyle(black, ref)]).toBe('@');
    for (const ref of ['N2', 'N2001', 'O2001']) expect(formats[cellStyle(black, ref)]).toBe('yyyy-mm-dd');
    has(black, /<col min="5" max="5" width="22" style="\d+" customWidth="1"\/>/);
    // 红名单 has no 失信程度; 移出申请 has register.md's columns with 移出类型's list.
    const red = p.get(sheets.get('红名单')!)!;
    expect(red.includes('轻微,一般,严重')).toBe(false);
    const removal = p.get(sheets.get('移出申请')!)!;
    has(removal, /sqref="F2:F2001"><formula1>"违法违规移出,提前移出,撤销"<\/formula1>/);
    has(removal, /sqref="A2:A2001"><formula1>"红名单,黑名单"<\/formula1>/);
    const sst = p.get('xl/sharedStrings.xml')!;
    for (const h of [
      '领域',
      '主体类别',
      '主体名称',
      '统一社会信用代码',
      '证件号码',
      '认定日期',
      '奖惩措施',
      '移出类型',
      '报备市信用办日期',
      '违法违规认定文书号',
      '报送单位',
      '报送季度',
      '2026Q3',
      '审核人',
      '审定人',
    ]) {
      has(sst, `<t>${h}</t>`);
    }
    // 填报说明 names the deadline: the quarter's last day + P10D.
    has(sst, '2026-10-10');
  });

  it("a supplementary batch's form names the batch and gives no deadline (it gave the regular batch's)", async () => {
    const dir = join(tmp, 'supplementary');
    mkdirSync(dir, { recursive: true });
    const r = await runCli(['template', '就业办', '--quarter', '2026Q3-2', '--today', '2026-10-20', '--format', 'json'], dir, EPOCH);
    expect(r.code).toBe(0);
    const sst = (await parts(join(dir, '就业办_2026Q3-2_信用红黑名单.xlsx'))).get('xl/sharedStrings.xml') ?? '';
    has(sst, '就业办 2026Q3-2 信用红黑名单填报说明');
    has(sst, '请按局里通知的时间');
    expect(sst).not.toContain('2026-10-10');
    // The cover's 报送季度 stays the quarter (covers are checked against the batch's quarter, register.md).
    has(sst, '<t>2026Q3</t>');
  });

  it('gives the same bytes every time under SOURCE_DATE_EPOCH, and never overwrites', async () => {
    const a = readFileSync(await makeForm(join(tmp, 'a')));
    const b = readFileSync(await makeForm(join(tmp, 'b')));
    expect(a.equals(b)).toBe(true);
    writeFileSync(join(tmp, 'a', 'mine.xlsx'), 'keep');
    const r = await runCli(['template', '市就业办', '--quarter', '2026Q3', '--out', 'mine.xlsx', '--format', 'json'], join(tmp, 'a'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ written: [], skipped: [{ department: '就业办', path: 'mine.xlsx' }] });
    expect(readFileSync(join(tmp, 'a', 'mine.xlsx'), 'utf8')).toBe('keep');
  });

  // Seen: with no --quarter, template took the quarter today falls in, so in October a department got a 2026Q4 form
  // while 2026Q3 was being collected. The default is the quarter being collected: the last that has ended.
  it('without --quarter: the quarter being collected (the last that has ended), in its name and its JSON', async () => {
    for (const [today, quarter] of [
      ['2026-10-02', '2026Q3'],
      ['2026-12-31', '2026Q3'],
      ['2027-01-05', '2026Q4'],
      ['2026-04-01', '2026Q1'],
    ]) {
      const dir = join(tmp, `default ${today} 默认`);
      mkdirSync(dir, { recursive: true });
      const r = await runCli(['template', '就业办', '--today', today as string, '--format', 'json'], dir, EPOCH);
      expect(r.code, today).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc.quarter, today).toBe(quarter);
      expect(
        doc.written.map((w: { path: string }) => w.path),
        today,
      ).toEqual([`就业办_${quarter}_信用红黑名单.xlsx`]);
      expect(readdirSync(dir), today).toEqual([`就业办_${quarter}_信用红黑名单.xlsx`]);
    }
  });

  it('--all writes one into each department folder, creating folders, skipping existing files', async () => {
    const ws = join(tmp, 'ws');
    mkdirSync(join(ws, 'submissions', '2026年第三季度', '市社保中心'), { recursive: true });
    writeFileSync(join(ws, 'submissions', '2026年第三季度', '市社保中心', '市社保中心_2026Q3_信用红黑名单.xlsx'), 'keep');
    const r = await runCli(['template', '--all', '--quarter', '2026Q3', '-w', ws, '--format', 'json'], ws);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.skipped).toEqual([
      { department: '市社保中心', path: 'submissions/2026年第三季度/市社保中心/市社保中心_2026Q3_信用红黑名单.xlsx' },
    ]);
    expect(doc.written.map((w: { path: string }) => w.path)).toContain('submissions/2026年第三季度/就业办/就业办_2026Q3_信用红黑名单.xlsx');
    expect(doc.written).toHaveLength(7);
    expect(readdirSync(join(ws, 'submissions'))).toEqual(['2026年第三季度']);
    const noQuarter = await runCli(['template', '--all', '-w', ws, '--format', 'json'], ws);
    expect(noQuarter.code).toBe(2);
    const unknown = await runCli(['template', '财务科', '--format', 'json'], ws);
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stdout).error.code).toBe('DEPARTMENT_UNKNOWN');
  });

  it("填报说明 lists the measures of the department's domains from the catalogue in force", async () => {
    const ws = join(tmp, 'measures-ws');
    mkdirSync(ws, { recursive: true });
    writeFileSync(
      join(ws, 'hrss-credit.config.json'),
      JSON.stringify({
        measures: [
          { list: 'black', domain: '劳务派遣', basis: '示例依据', items: ['列为重点监察对象'] },
          { list: 'black', domain: '拖欠工资', items: ['限制参与政府采购'] },
        ],
      }),
    );
    const r = await runCli(['template', '就业办', '--quarter', '2026Q3', '-w', ws], ws, EPOCH);
    expect(r.code).toBe(0);
    const sst = (await parts(join(ws, NAME))).get('xl/sharedStrings.xml')!;
    has(sst, '列为重点监察对象');
    expect(sst.includes('限制参与政府采购')).toBe(false);
  });

  it('a domain list too long for an inline list lives on a hidden sheet 代码表, and the form still validates clean', async () => {
    const ws = join(tmp, 'long-ws');
    mkdirSync(ws, { recursive: true });
    const domains = Array.from({ length: 20 }, (_, i) => `人力资源市场秩序专项治理领域第${i + 1}类`);
    writeFileSync(join(ws, 'hrss-credit.config.json'), JSON.stringify({ matrix: { departments: [{ name: '人力资源市场科', domains }] } }));
    const r = await runCli(['template', '人力资源市场科', '--quarter', '2026Q3', '-w', ws, '--today', '2026-10-02'], ws, EPOCH);
    expect(r.code).toBe(0);
    const file = join(ws, '人力资源市场科_2026Q3_信用红黑名单.xlsx');
    const p = await parts(file);
    const wb = p.get('xl/workbook.xml')!;
    has(wb, /<sheet [^>]*name="代码表" state="hidden"/);
    const black = p.get(sheetParts(p).get('黑名单')!)!;
    has(black, 'error="请从下拉列表中选择一项，不要自行输入"');
    has(black, /sqref="A2:A2001"><formula1>代码表!\$A\$1:\$A\$20<\/formula1>/);
    const v = await runCli(['validate', file, '-w', ws, '--today', '2026-10-02', '--format', 'json'], ws);
    expect(
      JSON.parse(v.stdout)
        .diagnostics.map(project)
        .map((d: { code: string }) => d.code),
    ).toEqual(['COVER_FIELD_MISSING', 'APPROVAL_REVIEW_MISSING', 'APPROVAL_SIGNOFF_MISSING']);
  });

  it('the untouched form reports nothing about its structure, only the sign-offs still to fill in', async () => {
    const file = await makeForm(join(tmp, 'untouched'));
    const r = await runCli(['validate', file, '--today', '2026-10-02', '--format', 'json'], tmp);
    const found = JSON.parse(r.stdout).diagnostics.map(project);
    expect(found).toEqual([
      { code: 'COVER_FIELD_MISSING', sheet: '报送单', row: 4 },
      { code: 'APPROVAL_REVIEW_MISSING', sheet: '报送单', row: 6 },
      { code: 'APPROVAL_SIGNOFF_MISSING', sheet: '报送单', row: 8 },
    ]);
  });

  const python = '/usr/bin/python3';
  const hasOpenpyxl = existsSync(python) && spawnSync(python, ['-c', 'import openpyxl']).status === 0;
  const hasSoffice = spawnSync('soffice', ['--version']).status === 0;
  it.skipIf(!hasOpenpyxl)(
    'filled in by openpyxl (and saved again by LibreOffice) it validates with no finding [needs python3-openpyxl; libreoffice-calc-nogui]',
    async () => {
      const dir = join(tmp, 'filled');
      const form = await makeForm(dir);
      const filled = join(dir, 'out', NAME);
      mkdirSync(join(dir, 'out'));
      execFileSync(python, [
        join(ROOT, 'test', 'helpers', 'fill-form.py'),
        form,
        filled,
        makeCreditCode('91410702', 'MA46B2QK'),
        makeIdNumber('410702', '1980-01-01', '001'),
      ]);
      const files = [filled];
      if (hasSoffice) {
        execFileSync(
          'soffice',
          [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--convert-to', 'xlsx', '--outdir', join(dir, 'lo-out'), filled],
          { stdio: 'ignore' },
        );
        files.push(join(dir, 'lo-out', NAME));
      } else console.warn('soffice not installed: the LibreOffice round trip is checked on the committed fixture only');
      for (const f of files) {
        const r = await runCli(
          ['validate', f, '--department', '就业办', '--quarter', '2026Q3', '--today', '2026-10-15', '--format', 'json'],
          tmp,
        );
        const doc = JSON.parse(r.stdout);
        expect(doc.diagnostics.map(project)).toEqual([]);
        expect(doc.stats.rows).toBe(2);
        expect(r.code).toBe(0);
      }
    },
  );

  // LibreOffice headless drops the frozen pane (a view setting) and keeps cell styles and
  // validations to row 1002 only; the column's text format stays (docs/decisions.md).
  it('the committed form filled by openpyxl and saved by LibreOffice keeps its list validations and text format', async () => {
    const p = await parts(FIXTURE);
    const sheets = sheetParts(p);
    const black = p.get(sheets.get('黑名单')!)!;
    has(black, /<dataValidation [^>]*promptTitle="领域"[^>]*sqref="A2:A\d+"[^>]*type="list"><formula1>"劳务派遣"<\/formula1>/);
    const formats = cellFormats(p.get('xl/styles.xml')!);
    expect(formats[Number(/<col [^>]*max="5" min="5" style="(\d+)"/.exec(black)?.[1])]).toBe('@');
    expect(formats[cellStyle(black, 'J1000')]).toBe('@');
    const r = await runCli(
      ['validate', FIXTURE, '--department', '就业办', '--quarter', '2026Q3', '--today', '2026-10-15', '--format', 'json'],
      tmp,
    );
    expect(JSON.parse(r.stdout).diagnostics).toEqual([]);
    expect(JSON.parse(r.stdout).stats.rows).toBe(2);
  });
});
