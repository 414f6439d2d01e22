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
import type { IsoDate } from '../domain/dates.js';
import type { RegisterRecord } from '../register/events.js';
import { toXmlSafe } from '../domain/text.js';
import { withoutBidi } from '../domain/bidi.js';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { normaliseZip } from './xlsx-writer.js';
import { writeFileDurable } from './package-fs.js';

type DocxModule = typeof import('docx');

const LIST = { red: '红名单', black: '黑名单' } as const;
export const CREDIT_OFFICE = '新乡市社会信用体系建设领导小组办公室';

/** What the letter shows: built by the api (api/objection.ts letterData), written here. */
export interface LetterData {
  bureau: string;
  number: string;
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
  /** 维持 / 更正 / 撤销 (api/objection.ts OUTCOMES). */
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
    ['收到日期', d.received],
    ['办理期限', d.deadline ? `${d.deadline}（收到后 ${d.workingDays} 个工作日${d.providerCheck ? '，需数据提供单位核实' : ''}）` : `待定（工作日日历未覆盖，收到后 ${d.workingDays} 个工作日）`],
    ['名单', `${LIST[r.listType]}${r.listName ? `（${r.listName}）` : ''}`],
    ['领域', r.domain],
    ['主体名称', r.subjectName],
    ['主体类型', r.subjectType],
  ];
  if (r.creditCode) rows.push(['统一社会信用代码', r.creditCode]);
  if (r.legalRep || r.legalRepIdNumber) rows.push(['法定代表人（负责人）', [r.legalRep, r.legalRepIdType, r.legalRepIdNumber].filter(Boolean).join(' ')]);
  if (r.idNumber) rows.push(['证件类型及号码', [r.idType, r.idNumber].filter(Boolean).join(' ')]);
  rows.push(
    ['认定文书号', r.decisionNo],
    ['认定日期', r.decisionDate],
    ['公示截止日期', r.publishUntil],
    ['认定部门', r.authority || r.department],
    ['报送科室', r.department],
    ['发布批次', `${d.batch}（${d.publishedOn} 发布，记录编号 ${r.id}）`],
    ['异议内容', d.summary],
    ['核查情况', checkedText(d)],
    ['处理结果', d.outcome ?? '尚未办结'],
    ['处理意见', d.opinion ?? ''],
    ['经办人', d.handler],
    ['办结日期', d.date ? `${d.date}${d.late ? '（超过办理期限）' : ''}` : ''],
  );
  return rows;
}

function checkedText(d: LetterData): string {
  const r = d.record;
  const base = `对照 ${d.batch} 批次发布的记录（${d.publishedOn} 发布）与${r.department}报送的认定文书 ${r.decisionNo || r.decisionDate}，核查主体信息、认定事实与依据、公示期限`;
  return d.providerCheck ? `${base}；并请数据提供单位${r.authority || r.department}核实` : base;
}

let docx: Promise<DocxModule> | undefined;

async function loadDocx(): Promise<DocxModule> {
  const mod = await import('docx');
  return (mod as unknown as { default?: DocxModule }).default?.Document ? (mod as unknown as { default: DocxModule }).default : mod;
}

export async function letterBuffer(d: LetterData, instant: Date): Promise<Buffer> {
  const { Document, Packer, Paragraph, TextRun, Table, TableRow, TableCell, WidthType, AlignmentType } = await (docx ??= loadDocx());
  // No bidi control (an RLO in a summary would reverse the letter's text) and nothing XML forbids.
  const text = (t: string, bold = false) => new TextRun({ text: toXmlSafe(withoutBidi(t)), bold });
  const cell = (t: string, width: number, bold = false) =>
    new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, children: t.split('\n').map((line) => new Paragraph({ children: [text(line, bold)] })) });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: letterRows(d).map(([label, value]) => new TableRow({ children: [cell(label, 25, true), cell(value, 75)] })),
  });
  const doc = new Document({
    creator: d.bureau,
    lastModifiedBy: d.bureau,
    title: `异议处理意见书 ${d.number}`,
    styles: { default: { document: { run: { font: '宋体', size: 24 } } } },
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '异议处理意见书', bold: true, size: 36 })] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(`编号：${d.number}`)] }),
          new Paragraph({ children: [text(`${CREDIT_OFFICE}：`)] }),
          new Paragraph({ children: [text(`    我局于 ${d.received} 收到${d.from}对下列公示信息提出的异议，已按规定核查处理，现将处理意见报告如下。`)] }),
          table,
          new Paragraph({ children: [] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(d.bureau)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(d.date ?? '')] }),
        ],
      },
    ],
  });
  const raw = await Packer.toBuffer(doc);
  const stamp = instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return normaliseZip(Buffer.from(raw), instant, (name, data) =>
    name === 'docProps/core.xml' ? Buffer.from(data.toString('utf8').replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`), 'utf8') : data,
  );
}

/** Writes the letter, making its folder first (objections/ by default). */
export function writeLetter(path: string, buf: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileDurable(path, buf);
}
