// validate --annotate (department.md "Feedback in the department's own file"): the copy read back
// as parts — fills and notes on the flagged cells, the 检查结果 sheet with links, everything else
// byte for byte — and the guards (never into a department folder, feedback copies not read).
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { cleanup, project, runCli, tempDir } from '../helpers/cases.js';
import { ZipArchive } from '../../dist/io/zip/zip.js';
import { DEFAULT_LIMITS } from '../../dist/schemas/config.js';
import { makeIdNumber } from '../../dist/domain/id-number.js';
import { makeCreditCode } from '../../dist/domain/credit-code.js';
import { writeFiles } from '../../scripts/lib/fixture-kit.mjs';

const EPOCH = { SOURCE_DATE_EPOCH: '1790000000' };
const TODAY = '2026-10-15';
const FULL_ID = /\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}\d{3}[\dX]/;
const DEPT = 'ws/submissions/2026Q3/就业办';
const BOOK = `${DEPT}/劳务派遣红黑名单.xlsx`;
const GOOD_CODE = makeCreditCode('91410702', 'MA46B2QK');
const BAD_CODE = GOOD_CODE.slice(0, 17) + (GOOD_CODE.endsWith('X') ? 'Y' : 'X');
const GOOD_ID = makeIdNumber('410702', '1986-05-04', '019');
const BAD_ID = GOOD_ID.slice(0, 17) + (GOOD_ID.endsWith('1') ? '2' : '1');
const RED_CODE = makeCreditCode('91410700', 'MA3YF8C1');
const BAD_RED_CODE = RED_CODE.slice(0, 17) + (RED_CODE.endsWith('9') ? '8' : '9');

let tmp: string;
beforeAll(async () => {
  tmp = tempDir('annotate');
  await writeFiles(tmp, {
    [BOOK]: {
      workbook: {
        sheets: [
          {
            name: '黑名单',
            merges: ['A1:N1'],
            hiddenRows: [6],
            widths: [6, 12, 12, 18, 30, 22, 10, 22, 20, 20, 24, 12, 12, 8, 10],
            rows: [
              ['新乡市就业办2026年第三季度劳务派遣领域失信黑名单'],
              [
                '序号',
                '领域',
                '名单名称',
                '主体类别',
                '主体名称',
                '统一社会信用代码',
                '法定代表人',
                '证件号码',
                '列入事由',
                '认定依据',
                '认定文书号',
                '认定日期',
                '公示截止日期',
                '失信程度',
                '联系人',
              ],
              [
                1,
                '劳务派遣',
                'x',
                '法人及非法人组织',
                '新乡市红旗区示例建材有限公司',
                BAD_CODE,
                '赵一鸣',
                null,
                '事由',
                '依据',
                '新人社监罚〔2026〕101号',
                { date: '2026-08-03' },
                { date: '2029-08-02' },
                '严重',
              ],
              [
                2,
                '劳务派遣',
                'x',
                '自然人',
                '钱小芳',
                null,
                null,
                { text: BAD_ID },
                '事由',
                '依据',
                '新人社监罚〔2026〕102号',
                '2026年13月1日',
                null,
                '严重',
              ],
              [
                3,
                '社会保险',
                'x',
                '自然人',
                '孙丽',
                null,
                null,
                { text: GOOD_ID },
                '事由',
                '依据',
                null,
                { date: '2026-09-01' },
                null,
                '严重',
              ],
              [
                4,
                '劳务派遣',
                'x',
                '法人及非法人组织',
                '新乡市示例劳务有限公司',
                GOOD_CODE,
                '李四',
                null,
                '事由',
                '依据',
                '新人社监罚〔2026〕103号',
                { date: '2026-09-02' },
                null,
                '严重',
              ],
            ],
          },
          {
            name: '报送单',
            rows: [
              ['项目', '内容'],
              ['报送单位', '就业办'],
              ['报送季度', '2026Q3'],
              ['填报人', '周雨'],
            ],
          },
        ],
      },
    },
    [`${DEPT}/红名单.csv`]: {
      csv: {
        encoding: 'gb18030',
        rows: [
          ['领域', '主体类别', '主体名称', '统一社会信用代码', '法定代表人', '列入事由', '认定依据', '认定日期'],
          ['劳务派遣', '法人及非法人组织', '示例公司', BAD_RED_CODE, '孙明', '事由', '依据', '2026-08-20'],
        ],
      },
    },
  });
});
afterAll(() => cleanup(tmp));

async function parts(file: string): Promise<Map<string, Buffer>> {
  const zip = await ZipArchive.open(file, DEFAULT_LIMITS);
  const out = new Map<string, Buffer>();
  for (const n of zip.names) out.set(n, await zip.read(n));
  zip.close();
  return out;
}

const str = (p: Map<string, Buffer>, name: string): string => (p.get(name) ?? Buffer.alloc(0)).toString('utf8');

function sheetPart(p: Map<string, Buffer>, name: string): string {
  const wb = str(p, 'xl/workbook.xml');
  const rels = str(p, 'xl/_rels/workbook.xml.rels');
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1];
  const target =
    new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
  return `xl/${(target ?? '').replace(/^\/?xl\//, '')}`;
}

/** The fill colour of a cell's format ('' when it has none). */
function fillOf(p: Map<string, Buffer>, sheet: string, ref: string): string {
  const xml = str(p, sheetPart(p, sheet));
  const tag = new RegExp(`<c r="${ref}"[^>]*>`).exec(xml)?.[0] ?? '';
  const s = Number(/ s="(\d+)"/.exec(tag)?.[1] ?? 0);
  const styles = str(p, 'xl/styles.xml');
  const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*>/g)].map((m) => m[0]);
  const fillId = Number(/fillId="(\d+)"/.exec(xfs[s] ?? '')?.[1] ?? 0);
  const fills = [...(/<fills[^>]*>([\s\S]*?)<\/fills>/.exec(styles)?.[1] ?? '').matchAll(/<fill>[\s\S]*?<\/fill>/g)].map((m) => m[0]);
  return /fgColor rgb="([0-9A-F]+)"/.exec(fills[fillId] ?? '')?.[1] ?? '';
}

function notesOf(p: Map<string, Buffer>, sheet: string): Map<string, string> {
  const part = sheetPart(p, sheet);
  const dir = part.slice(0, part.lastIndexOf('/'));
  const rels = str(p, `${dir}/_rels/${part.slice(dir.length + 1)}.rels`);
  const target = /Type="[^"]*\/comments"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Type="[^"]*\/comments"/.exec(rels);
  const file = (target?.[1] ?? target?.[2] ?? '').replace(/^\.\.\//, 'xl/');
  const xml = str(p, file.startsWith('xl/') ? file : `${dir}/${file}`);
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<comment ref="([A-Z]+\d+)"[^>]*>([\s\S]*?)<\/comment>/g))
    out.set(m[1]!, [...m[2]!.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join(''));
  return out;
}

const sha = (f: string): string => createHash('sha256').update(readFileSync(f)).digest('hex');

describe('validate --annotate', () => {
  it('writes a copy per list file with every finding on its cell, the 检查结果 sheet first, the original untouched', async () => {
    const before = sha(join(tmp, BOOK));
    const plain = await runCli(['validate', DEPT, '--today', TODAY, '--format', 'json'], tmp);
    const r = await runCli(['validate', DEPT, '--today', TODAY, '--annotate', 'out', '--format', 'json'], tmp, EPOCH);
    expect(r.code).toBe(plain.code);
    const doc = JSON.parse(r.stdout);
    expect(doc.diagnostics).toEqual(JSON.parse(plain.stdout).diagnostics);
    expect(doc.annotated).toEqual([
      { source: BOOK, path: 'out/劳务派遣红黑名单.检查结果.xlsx', marked: 9, omitted: 0 },
      { source: `${DEPT}/红名单.csv`, path: 'out/红名单.检查结果.xlsx', marked: 1, omitted: 0 },
    ]);
    expect(sha(join(tmp, BOOK))).toBe(before);

    const orig = await parts(join(tmp, BOOK));
    const copy = await parts(join(tmp, 'out', '劳务派遣红黑名单.检查结果.xlsx'));
    expect([...str(copy, 'xl/workbook.xml').matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '检查结果',
      '黑名单',
      '报送单',
    ]);
    // error red, warning yellow, info (the hidden row 6) no fill but a note on the row's first cell.
    expect(fillOf(copy, '黑名单', 'F3')).toBe('FFFFC7CE');
    expect(fillOf(copy, '黑名单', 'H4')).toBe('FFFFC7CE');
    expect(fillOf(copy, '黑名单', 'L4')).toBe('FFFFC7CE');
    expect(fillOf(copy, '黑名单', 'B5')).toBe('FFFFC7CE');
    expect(fillOf(copy, '黑名单', 'K5')).toBe('FFFFC7CE');
    expect(fillOf(copy, '黑名单', 'O2')).toBe('FFFFEB9C');
    expect(fillOf(copy, '黑名单', 'A6')).toBe('');
    expect(fillOf(copy, '黑名单', 'E6')).toBe('');
    expect(fillOf(copy, '报送单', 'A1')).toBe('FFFFC7CE');
    const notes = notesOf(copy, '黑名单');
    expect([...notes.keys()].sort()).toEqual(['A6', 'B5', 'F3', 'H4', 'K5', 'L4', 'O2']);
    expect(notes.get('H4')).toContain('410702********');
    expect([...notesOf(copy, '报送单').keys()]).toEqual(['A1']);
    // The department's values, merges, widths, hidden rows and number formats: the cells without
    // findings keep their format index, every part the copy does not need to change is the same bytes.
    const sheet = str(copy, sheetPart(copy, '黑名单'));
    const origSheet = str(orig, sheetPart(orig, '黑名单'));
    expect(/<cols>[\s\S]*?<\/cols>/.exec(sheet)?.[0]).toBe(/<cols>[\s\S]*?<\/cols>/.exec(origSheet)?.[0]);
    expect(/<mergeCells[\s\S]*?<\/mergeCells>/.exec(sheet)?.[0]).toBe(/<mergeCells[\s\S]*?<\/mergeCells>/.exec(origSheet)?.[0]);
    for (const row of [1, 3]) {
      const re = new RegExp(`<row r="${row === 1 ? 1 : 7}"[\\s\\S]*?</row>`);
      expect(re.exec(sheet)?.[0]).toBe(re.exec(origSheet)?.[0]);
    }
    expect(/<c r="L3"[^>]*>/.exec(sheet)?.[0]).toBe(/<c r="L3"[^>]*>/.exec(origSheet)?.[0]);
    expect(/<c r="H4"[^>]*>[\s\S]*?<\/c>/.exec(sheet)?.[0].replace(/ s="\d+"/, '')).toBe(
      /<c r="H4"[^>]*>[\s\S]*?<\/c>/.exec(origSheet)?.[0].replace(/ s="\d+"/, ''),
    );
    expect(/<row r="6"[^>]*hidden="1"/.test(sheet)).toBe(true);
    const origStyles = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(str(orig, 'xl/styles.xml'))![1]!;
    expect(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(str(copy, 'xl/styles.xml'))![1]!.startsWith(origStyles)).toBe(true);
    const changed = new Set([
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      '[Content_Types].xml',
      'xl/styles.xml',
      sheetPart(orig, '黑名单'),
      sheetPart(orig, '报送单'),
    ]);
    for (const [name, bytes] of orig)
      if (!changed.has(name) && !name.includes('_rels/sheet')) expect(copy.get(name)?.equals(bytes), name).toBe(true);

    // 检查结果: one row per finding of this file, each linking to its cell.
    const summary = str(copy, sheetPart(copy, '检查结果'));
    const links = [...summary.matchAll(/<hyperlink ref="A(\d+)" location="([^"]+)"/g)].map((m) => m[2]!.replace(/&apos;|'/g, "'"));
    expect(links).toEqual([
      "'报送单'!A1",
      "'报送单'!A1",
      "'黑名单'!O2",
      "'黑名单'!F3",
      "'黑名单'!H4",
      "'黑名单'!L4",
      "'黑名单'!B5",
      "'黑名单'!K5",
      "'黑名单'!A6",
    ]);
    expect(summary).toContain('SCHEMA_ID_CHECKSUM');
    // No full ID number in any note or in the summary (the department's own cells keep theirs).
    for (const text of [...notes.values(), summary]) expect(text).not.toMatch(FULL_ID);

    // The CSV became one sheet.
    const csv = await parts(join(tmp, 'out', '红名单.检查结果.xlsx'));
    expect([...str(csv, 'xl/workbook.xml').matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(['检查结果', '红名单']);
    expect(fillOf(csv, '红名单', 'D2')).toBe('FFFFC7CE');
    expect(str(csv, sheetPart(csv, '红名单'))).toContain(`<t xml:space="preserve">${BAD_RED_CODE}</t>`);
    expect([...notesOf(csv, '红名单').keys()]).toEqual(['D2']);
  });

  it('检查结果 reads and prints: a title (file, time, tool version), one summary line, wrapped text, widths that fit, A4 landscape with the header row on every page', async () => {
    const copy = await parts(join(tmp, 'out', '劳务派遣红黑名单.检查结果.xlsx'));
    const summary = str(copy, sheetPart(copy, '检查结果'));
    const text = (row: number): string =>
      [...(new RegExp(`<row r="${row}"[^>]*>([\\s\\S]*?)</row>`).exec(summary)?.[1] ?? '').matchAll(/<t[^>]*>([^<]*)<\/t>/g)]
        .map((m) => m[1])
        .join('|');
    const version = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')).version as string;
    // SOURCE_DATE_EPOCH 1790000000 is 2026-09-21 14:13 UTC, 22:13 in Beijing.
    expect(text(1)).toBe(`检查结果：劳务派遣红黑名单.xlsx（检查时间 2026-09-21 22:13，hrss-credit ${version}）`);
    expect(text(2)).toMatch(/^共发现错误 7 处、警告 1 处、提示 1 处。错误须改正后再报送；/);
    expect(text(3)).toBe('位置|级别|代码|问题|修改建议');
    expect(summary).toContain('<mergeCells count="2"><mergeCell ref="A1:E1"/><mergeCell ref="A2:E2"/></mergeCells>');
    // Frozen under the header; the header row repeats on every printed page; A4 landscape, one page wide.
    expect(summary).toContain('<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>');
    expect(str(copy, 'xl/workbook.xml')).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'检查结果'!$3:$3</definedName>`,
    );
    expect(summary).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(summary).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    // Every finding's cells wrap (问题 and 建议 are not cut at the column's edge), and a long one gets a taller row.
    const styles = str(copy, 'xl/styles.xml');
    const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*\/>|<xf [^>]*>[\s\S]*?<\/xf>/g)].map(
      (m) => m[0],
    );
    for (const m of summary.matchAll(/<c r="([ACDE])(\d+)"[^>]*s="(\d+)"/g))
      if (Number(m[2]) >= 4) expect(xfs[Number(m[3])], `${m[1]}${m[2]}`).toContain('wrapText="1"');
    expect([...summary.matchAll(/<row r="(\d+)" ht="(\d+)"/g)].filter((m) => Number(m[1]) >= 4).length).toBeGreaterThan(0);
    // Widths from the text: 位置 as wide as its longest entry, 问题 and 建议 at most 68 characters; together they fit A4 landscape.
    const widths = [...summary.matchAll(/<col min="\d+" max="\d+" width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(5);
    expect(widths[1]).toBeLessThanOrEqual(8);
    expect(Math.max(widths[3]!, widths[4]!)).toBeLessThanOrEqual(68);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(214);
  });

  const python = '/usr/bin/python3';
  const hasOpenpyxl = existsSync(python) && spawnSync(python, ['-c', 'import openpyxl']).status === 0;
  it.skipIf(!hasOpenpyxl)('another reader (openpyxl) sees the fills, notes and links [needs python3-openpyxl]', () => {
    const script = [
      'import json, sys, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      's = wb["黑名单"]',
      'print(json.dumps({"sheets": wb.sheetnames, "fill": s["F3"].fill.fgColor.rgb, "note": bool(s["F3"].comment), "link": wb["检查结果"]["A6"].hyperlink.location, "merged": [str(r) for r in s.merged_cells.ranges], "date": s["L3"].number_format, "width": s.column_dimensions["E"].width, "hidden": s.row_dimensions[6].hidden}))',
    ].join('\n');
    const out = JSON.parse(execFileSync(python, ['-c', script, join(tmp, 'out', '劳务派遣红黑名单.检查结果.xlsx')], { encoding: 'utf8' }));
    expect(out).toEqual({
      sheets: ['检查结果', '黑名单', '报送单'],
      fill: 'FFFFC7CE',
      note: true,
      link: "'黑名单'!O2",
      merged: ['A1:N1'],
      date: 'yyyy-mm-dd',
      width: 30,
      hidden: true,
    });
  });

  it('gives the same bytes twice under SOURCE_DATE_EPOCH; notes follow --lang', async () => {
    await runCli(['validate', DEPT, '--today', TODAY, '--annotate', 'again', '--format', 'json'], tmp, EPOCH);
    expect(sha(join(tmp, 'again', '劳务派遣红黑名单.检查结果.xlsx'))).toBe(sha(join(tmp, 'out', '劳务派遣红黑名单.检查结果.xlsx')));
    await runCli(['validate', DEPT, '--today', TODAY, '--annotate', 'en', '--lang', 'en', '--format', 'json'], tmp, EPOCH);
    const en = await parts(join(tmp, 'en', '劳务派遣红黑名单.检查结果.xlsx'));
    expect(notesOf(en, '黑名单').get('F3')).toMatch(/check/i);
  });

  it('a list of a submissions folder: the copy in 检查结果/<batch>/<department>/ beside submissions/ (truth.md); refuses a folder inside a department folder (exit 2)', async () => {
    const r = await runCli(['validate', BOOK, '--today', TODAY, '--annotate'], tmp, EPOCH);
    expect(r.code).toBe(1);
    expect(existsSync(join(tmp, 'ws', '检查结果', '2026Q3', '就业办', '劳务派遣红黑名单.检查结果.xlsx'))).toBe(true);
    expect(r.stdout).toContain('ws/检查结果/2026Q3/就业办/劳务派遣红黑名单.检查结果.xlsx');
    const bad = await runCli(['validate', DEPT, '--today', TODAY, '--annotate', `${DEPT}/feedback`, '--format', 'json'], tmp);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).error.code).toBe('ANNOTATE_DIR_UNSAFE');
    expect(existsSync(join(tmp, DEPT, 'feedback'))).toBe(false);
  });

  it('a feedback copy left in a department folder is FILE_FEEDBACK_COPY and not read', async () => {
    const dept = join(tmp, 'ws2', 'submissions', '2026Q3', '就业办');
    mkdirSync(dept, { recursive: true });
    cpSync(join(tmp, BOOK), join(dept, '劳务派遣红黑名单.xlsx'));
    const plain = JSON.parse(
      (await runCli(['validate', 'ws2/submissions/2026Q3/就业办', '--today', TODAY, '--format', 'json'], tmp)).stdout,
    );
    cpSync(join(tmp, 'out', '劳务派遣红黑名单.检查结果.xlsx'), join(dept, '劳务派遣红黑名单.检查结果.xlsx'));
    const withCopy = JSON.parse(
      (await runCli(['validate', 'ws2/submissions/2026Q3/就业办', '--today', TODAY, '--format', 'json'], tmp)).stdout,
    );
    const extra = withCopy.diagnostics.filter(
      (d: { code: string; location: unknown }) =>
        !plain.diagnostics.some(
          (p: { code: string; location: unknown }) => p.code === d.code && JSON.stringify(p.location) === JSON.stringify(d.location),
        ),
    );
    expect(extra.map((d: { code: string; severity: string; location: { file: string } }) => [d.code, d.severity, d.location.file])).toEqual(
      [['FILE_FEEDBACK_COPY', 'warning', 'ws2/submissions/2026Q3/就业办/劳务派遣红黑名单.检查结果.xlsx']],
    );
    expect(withCopy.stats.rows).toBe(plain.stats.rows);
  });

  it('findings beyond limits.maxFindingsPerCode are not marked; 检查结果 says how many (its last row)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('黑名单');
    ws.addRow(['领域', '主体类别', '主体名称', '统一社会信用代码', '法定代表人', '列入事由', '认定依据', '认定文书号', '认定日期']);
    const bad = (body: string): string => {
      const good = makeCreditCode('91410702', body);
      return good.slice(0, 17) + (good.endsWith('X') ? 'Y' : 'X');
    };
    for (let i = 0; i < 4; i++)
      ws.addRow(['劳务派遣', '法人及非法人组织', `示例公司${i}`, bad(`MA46B2Q${i + 1}`), '孙明', '事由', '依据', `文号${i}`, '2026-08-20']);
    mkdirSync(join(tmp, 'capped'), { recursive: true });
    await wb.xlsx.writeFile(join(tmp, 'capped', '黑名单.xlsx'));
    writeFileSync(join(tmp, 'capped', 'hrss-credit.config.json'), JSON.stringify({ limits: { maxFindingsPerCode: 2 } }));
    const r = await runCli(
      [
        'validate',
        'capped/黑名单.xlsx',
        '--department',
        '就业办',
        '--quarter',
        '2026Q3',
        '--today',
        TODAY,
        '--annotate',
        'capped-out',
        '--format',
        'json',
      ],
      tmp,
      EPOCH,
    );
    const doc = JSON.parse(r.stdout);
    expect(doc.diagnostics.map(project)).toEqual([
      { code: 'SCHEMA_CREDIT_CODE_CHECKSUM', sheet: '黑名单', row: 2, column: 'D' },
      { code: 'SCHEMA_CREDIT_CODE_CHECKSUM', sheet: '黑名单', row: 3, column: 'D' },
    ]);
    expect(doc.annotated).toEqual([{ source: 'capped/黑名单.xlsx', path: 'capped-out/黑名单.检查结果.xlsx', marked: 2, omitted: 2 }]);
    const copy = await parts(join(tmp, 'capped-out', '黑名单.检查结果.xlsx'));
    expect([...notesOf(copy, '黑名单').keys()]).toEqual(['D2', 'D3']);
    expect(fillOf(copy, '黑名单', 'D4')).toBe('');
    const summary = str(copy, sheetPart(copy, '检查结果'));
    // Title, overview, header, the two kept findings, a blank row, then the line saying how many more.
    expect([...summary.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([1, 2, 3, 4, 5, 7]);
    expect(/<row r="7"[^>]*>[\s\S]*?<\/row>/.exec(summary)?.[0]).toContain('另有 2 个');
    // The overview counts every finding, those not marked too.
    expect(/<row r="2"[^>]*>[\s\S]*?<\/row>/.exec(summary)?.[0]).toContain('共发现错误 4 处、警告 0 处');
  });

  it('a sheet with notes of its own keeps them; ours join them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('黑名单');
    ws.addRow(['领域', '主体类别', '主体名称', '统一社会信用代码', '法定代表人', '列入事由', '认定依据', '认定文书号', '认定日期']);
    ws.addRow(['劳务派遣', '法人及非法人组织', '示例公司', BAD_CODE, '孙明', '事由', '依据', '文号1', '2026-08-20']);
    ws.getCell('C2').note = '科室自己的批注';
    ws.getCell('D2').note = '请核对代码';
    const file = join(tmp, 'notes', '黑名单.xlsx');
    mkdirSync(join(tmp, 'notes'), { recursive: true });
    await wb.xlsx.writeFile(file);
    const r = await runCli(
      [
        'validate',
        'notes/黑名单.xlsx',
        '--department',
        '就业办',
        '--quarter',
        '2026Q3',
        '--today',
        TODAY,
        '--annotate',
        'notes-out',
        '--format',
        'json',
      ],
      tmp,
      EPOCH,
    );
    expect(JSON.parse(r.stdout).diagnostics.map(project)).toEqual([
      { code: 'SCHEMA_CREDIT_CODE_CHECKSUM', sheet: '黑名单', row: 2, column: 'D' },
    ]);
    const copy = await parts(join(tmp, 'notes-out', '黑名单.检查结果.xlsx'));
    const notes = notesOf(copy, '黑名单');
    expect(notes.get('C2')).toBe('科室自己的批注');
    expect(notes.get('D2')).toMatch(/校验位[\s\S]*请核对代码/);
    expect(fillOf(copy, '黑名单', 'D2')).toBe('FFFFC7CE');
    // A single file outside a workspace: its copy beside it by default (truth.md).
    const here = await runCli(
      ['validate', '黑名单.xlsx', '--department', '就业办', '--quarter', '2026Q3', '--today', TODAY, '--annotate', '--format', 'json'],
      join(tmp, 'notes'),
      EPOCH,
    );
    expect(here.code).toBe(1);
    expect(JSON.parse(here.stdout).annotated.map((a: { path: string }) => a.path)).toEqual(['黑名单.检查结果.xlsx']);
  });

  it('a sheet whose name carries an ID number: its cells are still marked and 检查结果 links to the sheet itself', async () => {
    const sheet = `黑名单李四${GOOD_ID}`;
    await writeFiles(tmp, {
      'id-sheet/名单.xlsx': {
        workbook: {
          sheets: [
            {
              name: sheet,
              rows: [
                ['序号', '领域', '主体类别', '主体名称', '证件号码', '列入事由', '认定依据', '认定文书号', '认定日期'],
                [1, '劳务派遣', '自然人', '李四', BAD_ID, '事由', '依据', '新人社监〔2026〕1号', '2026-08-03'],
              ],
            },
          ],
        },
      },
    });
    const r = await runCli(
      ['validate', '名单.xlsx', '--department', '就业办', '--quarter', '2026Q3', '--today', TODAY, '--annotate', 'out', '--format', 'json'],
      join(tmp, 'id-sheet'),
      EPOCH,
    );
    const doc = JSON.parse(r.stdout);
    expect(doc.diagnostics.map(project)).toEqual([
      { code: 'SCHEMA_ID_CHECKSUM', sheet: doc.diagnostics[0].location.sheet, row: 2, column: 'E' },
    ]);
    expect(doc.diagnostics[0].location.sheet).not.toMatch(FULL_ID);
    const copy = await parts(join(tmp, 'id-sheet', 'out', '名单.检查结果.xlsx'));
    expect(notesOf(copy, sheet).get('E2')).toMatch(/校验位/);
    expect(fillOf(copy, sheet, 'E2')).toBe('FFFFC7CE');
    const summary = str(copy, sheetPart(copy, '检查结果'));
    const links = [...summary.matchAll(/<hyperlink ref="A(\d+)" location="([^"]+)"/g)].map((m) => m[2]!.replace(/&apos;|'/g, "'"));
    expect(links).toEqual([`'${sheet}'!E2`]);
  });

  it('a list whose file name carries an ID number: the copy written is named masked on the screen and in JSON (privacy.md)', async () => {
    const dir = join(tmp, 'id-named');
    mkdirSync(dir, { recursive: true });
    const name = `黑名单 ${GOOD_ID}.csv`;
    writeFileSync(
      join(dir, name),
      `序号,领域,主体类别,主体名称,证件号码,列入事由,认定依据,认定文书号,认定日期\n1,劳务派遣,自然人,李四,${BAD_ID},事由,依据,新人社监〔2026〕1号,2026-08-03\n`,
    );
    const args = ['validate', name, '--department', '就业办', '--quarter', '2026Q3', '--today', TODAY, '--annotate', 'out'];
    const doc = await runCli([...args, '--format', 'json'], dir, EPOCH);
    expect(doc.code).toBe(1);
    const written = JSON.parse(doc.stdout).annotated as { source: string; path: string }[];
    expect(written).toHaveLength(1);
    expect(existsSync(join(dir, 'out', `黑名单 ${GOOD_ID}.检查结果.xlsx`))).toBe(true);
    expect(doc.stdout).not.toMatch(FULL_ID);
    const pretty = await runCli(args, dir, EPOCH);
    expect(pretty.stdout).toContain('检查结果副本');
    expect(pretty.stdout).not.toMatch(FULL_ID);
  });
});
