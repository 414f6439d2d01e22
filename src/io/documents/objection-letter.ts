/**
 * The 异议处理意见书 (objections.md `objection letter`): a Word document for the city credit office,
 * written with the `docx` package (loaded only here, only when a letter is written). It is the one
 * output that carries identifiers in full: the office's own data, addressed to it. Always in
 * Chinese, whatever --lang says (like the register's ledger).
 *
 * Same data and instant → the same bytes: docx stamps docProps/core.xml with the clock and its zip
 * with the time of writing, so core.xml's dates are set to the instant and the zip is re-packed with
 * one fixed timestamp (xlsx-writer.ts normaliseZip).
 */
import type { IsoDate } from '../../domain/dates.js';
import type { RegisterRecord } from '../../register/events.js';
import { toXmlSafe } from '../../domain/text.js';
import { batchTitle, chineseDate } from '../../domain/zh-format.js';
import { withoutBidi } from '../../domain/bidi.js';
import { dirname } from 'node:path';
import { normaliseZip } from '../xlsx/xlsx-writer.js';
import { writeFileDurable } from '../package/package-fs.js';
import { nodePort } from '../node-port.js';
import type { IoPort } from '../port.js';

type DocxModule = typeof import('docx');

const LIST = { red: '红名单', black: '黑名单' } as const;
export const CREDIT_OFFICE = '新乡市社会信用体系建设领导小组办公室';

/** What the letter shows: built by the api (api/objections/objection.ts letterData), written here. */
export interface LetterData {
  bureau: string;
  number: string;
  /** 发文字号 (GB/T 9704-2012 §7.2.4): `--number`, else config objections.letterNumber filled in. */
  docNumber: string;
  /** 核查情况 as the clerk wrote it (`--finding`); null: the standard sentence. */
  finding: string | null;
  from: string;
  channel: string | null;
  received: IsoDate;
  deadline: IsoDate | null;
  workingDays: number;
  providerCheck: boolean;
  summary: string;
  record: RegisterRecord;
  batch: string;
  publishedOn: IsoDate;
  /** 维持 / 更正 / 撤销 (api/objections/objection.ts OUTCOMES). */
  outcome: string | null;
  opinion: string | null;
  handler: string;
  date: IsoDate | null;
  late: boolean;
}

/** The letter's rows: label and value, in the order the office reads them. */
export function letterRows(d: LetterData): [string, string][] {
  const r = d.record;
  const rows: [string, string][] = [
    ['办理单位', d.bureau],
    ['异议编号', d.number],
    ['申请人', d.from],
    ['受理渠道', d.channel ?? '未注明'],
    ['收到日期', chineseDate(d.received)],
    [
      '办理期限',
      d.deadline
        ? `${chineseDate(d.deadline)}（收到后 ${d.workingDays} 个工作日${d.providerCheck ? '，需数据提供单位核实' : ''}）`
        : `待定（工作日日历未覆盖，收到后 ${d.workingDays} 个工作日）`,
    ],
    ['名单', `${LIST[r.listType]}${r.listName ? `（${r.listName}）` : ''}`],
    ['领域', r.domain],
    ['主体名称', r.subjectName],
    ['主体类别', r.subjectType],
  ];
  if (r.creditCode) rows.push(['统一社会信用代码', r.creditCode]);
  if (r.legalRep || r.legalRepIdNumber)
    rows.push(['法定代表人（负责人）', [r.legalRep, r.legalRepIdType, r.legalRepIdNumber].filter(Boolean).join(' ')]);
  if (r.idNumber) rows.push(['证件类型及号码', [r.idType, r.idNumber].filter(Boolean).join(' ')]);
  rows.push(
    ['认定文书号', r.decisionNo],
    ['认定日期', chineseDate(r.decisionDate)],
    ['公示截止日期', chineseDate(r.publishUntil)],
    ['认定部门', r.authority || r.department],
    ['报送科室', r.department],
    ['发布批次', `${batchTitle(d.batch)}（${chineseDate(d.publishedOn)}发布，记录编号 ${r.id}）`],
    ['异议内容', d.summary],
    ['核查情况', checkedText(d)],
    ['处理结果', d.outcome ?? '尚未办结'],
    ['处理意见', d.opinion ?? ''],
    ['经办人', d.handler],
    ['办结日期', d.date ? `${chineseDate(d.date)}${d.late ? '（超过办理期限）' : ''}` : ''],
  );
  return rows;
}

function checkedText(d: LetterData): string {
  if (d.finding !== null) return d.finding;
  const r = d.record;
  // A record listed without 认定文书号 (red lists often are) is named by its 认定日期, said as one: "认定文书 2026-08-03" read as a number.
  const decision = r.decisionNo ? `认定文书 ${r.decisionNo}` : `认定（认定日期 ${chineseDate(r.decisionDate)}）`;
  const base =
    `对照${batchTitle(d.batch)}发布的记录（${chineseDate(d.publishedOn)}发布）与${r.department}报送的${decision}，` +
    `核查主体信息、认定事实与依据、公示期限`;
  return d.providerCheck ? `${base}；并请数据提供单位${r.authority || r.department}核实` : base;
}

let docx: Promise<DocxModule> | undefined;

async function loadDocx(): Promise<DocxModule> {
  const mod = await import('docx');
  return (mod as unknown as { default?: DocxModule }).default?.Document ? (mod as unknown as { default: DocxModule }).default : mod;
}

// GB/T 9704-2012: A4 (§5.2), 版心 156 mm × 225 mm (top 37 mm, left 28 mm: §5.2.2), 3号仿宋 body
// (§6.2) with 22 lines a page, 2号小标宋 title (§7.3.1), 发文机关标志 red (§7.2.2) over a red rule
// (§7.2.6), 成文日期 右空四字 (§7.3.5.1) with room above it for the seal (加盖印章, §7.3.5.1).
const MM = 56.7; // twips
const FANGSONG = '仿宋_GB2312';
const XIAOBIAOSONG = '方正小标宋简体';
const SIZE = { mark: 52, title: 44, body: 32, table: 28 } as const; // half-points: 26 pt, 2号, 3号, 4号
const CHAR = 320; // one 3号 character, in twips
const RED = 'FF0000';

export async function letterBuffer(d: LetterData, instant: Date): Promise<Buffer> {
  const { Document, Packer, Paragraph, TextRun, Table, TableRow, TableCell, WidthType, AlignmentType, BorderStyle, LineRuleType } =
    await (docx ??= loadDocx());
  // No bidi control (an RLO in a summary would reverse the letter's text) and nothing XML forbids.
  const run = (t: string, o: { bold?: boolean; size?: number; font?: string; color?: string } = {}) =>
    new TextRun({
      text: toXmlSafe(withoutBidi(t)),
      bold: o.bold ?? false,
      size: o.size ?? SIZE.body,
      font: o.font ?? FANGSONG,
      ...(o.color ? { color: o.color } : {}),
    });
  // Fixed 28.95 pt lines: 22 lines on the 225 mm 版心 (§5.2.3).
  const line = { line: 579, lineRule: LineRuleType.EXACT };
  const cell = (t: string, width: number, bold = false) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { left: 80, right: 80 },
      children: t.split('\n').map((l) => new Paragraph({ children: [run(l, { bold, size: SIZE.table })] })),
    });
  // The 版心's 156 mm: the labels a quarter of it (the longest, 法定代表人（负责人）, on one line), the values the rest.
  const widths = [Math.round(40 * MM), Math.round(116 * MM)];
  const table = new Table({
    width: { size: widths[0]! + widths[1]!, type: WidthType.DXA },
    columnWidths: widths,
    rows: letterRows(d).map(
      ([label, value]) => new TableRow({ cantSplit: true, children: [cell(label, widths[0]!, true), cell(value, widths[1]!)] }),
    ),
  });
  const signOff = { right: 4 * CHAR };
  const doc = new Document({
    creator: d.bureau,
    lastModifiedBy: d.bureau,
    title: `异议处理意见书 ${d.number}`,
    styles: { default: { document: { run: { font: FANGSONG, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 0, after: 240 },
            children: [run(d.bureau, { size: SIZE.mark, font: XIAOBIAOSONG, color: RED })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 480 },
            border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 8 } },
            children: [run(d.docNumber)],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 480 },
            children: [run('异议处理意见书', { size: SIZE.title, font: XIAOBIAOSONG })],
          }),
          new Paragraph({ spacing: line, children: [run(`${CREDIT_OFFICE}：`)] }),
          new Paragraph({
            spacing: line,
            indent: { firstLine: 2 * CHAR },
            children: [
              run(
                `我局于${chineseDate(d.received)}收到${d.from}对下列公示信息提出的异议（异议编号 ${d.number}），已按规定核查处理，现将处理意见报告如下。`,
              ),
            ],
          }),
          table,
          // Room for the seal: it covers the 署名 and the date, so three blank lines stand above them.
          new Paragraph({ spacing: { before: 3 * 579 }, alignment: AlignmentType.RIGHT, indent: signOff, children: [run(d.bureau)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, indent: signOff, children: [run(d.date ? chineseDate(d.date) : '')] }),
        ],
      },
    ],
  });
  const raw = await Packer.toBuffer(doc);
  const stamp = instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return normaliseZip(Buffer.from(raw), instant, (name, data) =>
    name === 'docProps/core.xml'
      ? Buffer.from(data.toString('utf8').replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`), 'utf8')
      : data,
  );
}

/** Writes the letter, making its folder first (objections/ by default). */
export function writeLetter(path: string, buf: Buffer, io: IoPort = nodePort): void {
  io.mkdir(dirname(path));
  writeFileDurable(path, buf, io);
}
