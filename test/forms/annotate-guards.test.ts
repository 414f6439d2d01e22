// The annotator's guards (issue 18, "guards that a mutation slips past"), each asserted on the bytes
// of the copy: a cell flagged twice takes the fill of its worst finding whatever the order; sheet-local
// defined names (print areas) follow their sheet when 检查结果 is put first; a note's text is escaped,
// both in a comments part we add and in one the sheet already had.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotateXlsx, type AnnotatePlan, type CellMark } from '../../dist/io/annotate/xlsx-annotate.js';
import { ZipArchive } from '../../dist/io/zip/zip.js';
import { DEFAULT_LIMITS } from '../../dist/schemas/config.js';

const RED = 'FFFFC7CE';
const YELLOW = 'FFFFEB9C';
const NOTE = `请核对 <主体名称> & "代码" 'A&B'`;

let dir: string;
let copy: Map<string, string>;

async function parts(file: string): Promise<Map<string, string>> {
  const zip = await ZipArchive.open(file, DEFAULT_LIMITS);
  const out = new Map<string, string>();
  for (const n of zip.names) out.set(n, (await zip.read(n)).toString('utf8'));
  zip.close();
  return out;
}

function sheetPart(p: Map<string, string>, name: string): string {
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(p.get('xl/workbook.xml') ?? '')?.[1];
  const target =
    new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(p.get('xl/_rels/workbook.xml.rels') ?? '')?.[1] ?? '';
  return `xl/${target.replace(/^\/?xl\//, '')}`;
}

function fillOf(p: Map<string, string>, sheet: string, ref: string): string {
  const tag = new RegExp(`<c r="${ref}"[^>]*>`).exec(p.get(sheetPart(p, sheet)) ?? '')?.[0] ?? '';
  const s = Number(/ s="(\d+)"/.exec(tag)?.[1] ?? 0);
  const styles = p.get('xl/styles.xml') ?? '';
  const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*>/g)].map((m) => m[0]);
  const fillId = Number(/fillId="(\d+)"/.exec(xfs[s] ?? '')?.[1] ?? 0);
  const fills = [...(/<fills[^>]*>([\s\S]*?)<\/fills>/.exec(styles)?.[1] ?? '').matchAll(/<fill>[\s\S]*?<\/fill>/g)].map((m) => m[0]);
  return /fgColor rgb="([0-9A-F]+)"/.exec(fills[fillId] ?? '')?.[1] ?? '';
}

/** The comments part of a sheet, as stored. */
function commentsOf(p: Map<string, string>, sheet: string): string {
  const part = sheetPart(p, sheet);
  const rels = p.get(part.replace(/([^/]+)$/, '_rels/$1.rels')) ?? '';
  const target =
    /<Relationship [^>]*Type="[^"]*\/comments"[^>]*Target="([^"]+)"|<Relationship [^>]*Target="([^"]+)"[^>]*Type="[^"]*\/comments"/.exec(
      rels,
    );
  const t = (target?.[1] ?? target?.[2] ?? '').replace(/^\.\.\//, 'xl/').replace(/^\/?xl\//, 'xl/');
  return p.get(t) ?? '';
}

const mark = (ref: string, kind: CellMark['kind'], note = `${kind} at ${ref}`): CellMark => {
  const col = ref.charCodeAt(0) - 65;
  return { row: Number(ref.slice(1)), col, kind, note };
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hrss-annotate-guards-'));
  const wb = new ExcelJS.Workbook();
  for (const name of ['黑名单', '红名单']) {
    const ws = wb.addWorksheet(name);
    ws.addRow(['领域', '主体名称', '统一社会信用代码']);
    ws.addRow(['劳务派遣', '示例公司甲', 'x']);
    ws.addRow(['劳务派遣', '示例公司乙', 'y']);
    ws.pageSetup.printArea = 'A1:C3';
  }
  // 红名单 has a note of its own: ours are merged into its comments part.
  wb.getWorksheet('红名单')!.getCell('C3').note = '科室的批注';
  await wb.xlsx.writeFile(join(dir, 'in.xlsx'));
  const plan: AnnotatePlan = {
    marks: new Map([
      [
        '黑名单',
        [
          mark('A2', 'warning'),
          mark('A2', 'error'),
          mark('B2', 'error'),
          mark('B2', 'warning'),
          mark('C2', 'info'),
          mark('C2', 'warning'),
          mark('A3', 'error', NOTE),
        ],
      ],
      ['红名单', [mark('B2', 'error', NOTE), mark('C3', 'warning', NOTE)]],
    ]),
    summary: { sheetName: '检查结果', headers: ['位置', '级别', '代码', '问题', '建议'], rows: [], footer: [], author: 'hrss-credit' },
  };
  await annotateXlsx(join(dir, 'in.xlsx'), join(dir, 'out.xlsx'), plan, {
    limits: DEFAULT_LIMITS,
    instant: new Date(Date.UTC(2026, 9, 15)),
  });
  copy = await parts(join(dir, 'out.xlsx'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the annotator', () => {
  it('fills a cell flagged more than once with its worst finding, in whichever order the findings came', () => {
    expect(fillOf(copy, '黑名单', 'A2')).toBe(RED); // warning, then error
    expect(fillOf(copy, '黑名单', 'B2')).toBe(RED); // error, then warning
    expect(fillOf(copy, '黑名单', 'C2')).toBe(YELLOW); // info, then warning
    expect(fillOf(copy, '黑名单', 'A1')).toBe('');
  });

  it('moves each sheet-local defined name (print area) one place on, with its sheet', () => {
    const wb = copy.get('xl/workbook.xml') ?? '';
    expect([...wb.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(['检查结果', '黑名单', '红名单']);
    const names = [...wb.matchAll(/<definedName [^>]*localSheetId="(\d+)"[^>]*>([^<]*)</g)].map((m) => [Number(m[1]), m[2]]);
    expect(names).toEqual([
      [0, "'检查结果'!$1:$1"],
      [1, '&apos;黑名单&apos;!$A1:$C3'],
      [2, '&apos;红名单&apos;!$A1:$C3'],
    ]);
  });

  it("escapes a note's text in a comments part it adds and in one the sheet had", () => {
    const escaped = "请核对 &lt;主体名称&gt; &amp; &quot;代码&quot; 'A&amp;B'";
    const added = commentsOf(copy, '黑名单');
    expect(added).toContain(`<t xml:space="preserve">${escaped}</t>`);
    expect(added).not.toContain('<主体名称>');
    const merged = commentsOf(copy, '红名单');
    expect(merged).toContain('科室的批注');
    expect(merged).toContain(`<t xml:space="preserve">${escaped}</t>`);
    expect(merged).toContain(`<t xml:space="preserve">${escaped}\n\n</t>`);
    expect(merged).not.toContain('<主体名称>');
  });
});
