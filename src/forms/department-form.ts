/**
 * The department's fill-in form (department.md "A fill-in form"), as data: sheets, columns with
 * their canonical headers (submission.md, register.md "Removal requests"), widths, formats and
 * Excel data validations. Pure: src/io/documents/form-writer.ts turns it into bytes.
 *
 * The form is for Chinese offices and its headers are the canonical Chinese ones, so its prose is
 * Chinese whatever --lang says (docs/decisions.md).
 */
import { addIsoDuration, type IsoDate } from '../domain/dates.js';
import { formatQuarter, quarterEnd, type Quarter } from '../domain/quarter.js';
import { COVER_KEYS } from '../table/cover.js';
import { FIELD_BY_KEY, type FieldKey } from '../schemas/fields.js';
import { ID_TYPES, SEVERITY_LEVELS, SUBJECT_TYPES } from '../schemas/enums.js';
import type { DepartmentDef } from '../schemas/matrix.js';
import type { MeasureEntry } from '../schemas/measures.js';

/** How many data rows carry the text format and the validations: Excel never rounds an ID typed there. */
export const FORM_ROWS = 2000;

export const FORM_SHEETS = { guide: '填报说明', red: '红名单', black: '黑名单', cover: '报送单', removal: '移出申请' } as const;

export const REMOVAL_TYPES = ['违法违规移出', '提前移出', '撤销'] as const;
export const YES_NO = ['是', '否'] as const;

export type FormColumnKind = 'text' | 'identifier' | 'date' | 'list';

export interface FormColumn {
  header: string;
  kind: FormColumnKind;
  width: number;
  /** Closed lists (kind 'list'). */
  values?: readonly string[];
  /** The input message Excel shows when the cell is selected. */
  prompt: string;
  /** How to fill the column, for 填报说明. */
  guide: string;
}

export interface FormTableSheet {
  name: string;
  columns: FormColumn[];
}

export interface DepartmentForm {
  department: string;
  quarter: string;
  deadline: IsoDate | undefined;
  /** 填报说明: one paragraph per row. */
  guide: string[];
  lists: FormTableSheet[];
  removal: FormTableSheet;
  /** 报送单: key, prefilled value, prompt, closed list when any. */
  cover: { key: string; value: string; kind: FormColumnKind; values?: readonly string[]; prompt: string }[];
}

/** Column widths in Excel's character units, wide enough for the header (a CJK character is two). */
export function headerWidth(header: string, min = 10): number {
  let w = 0;
  for (const ch of header) w += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return Math.min(60, Math.max(min, w + 4));
}

const LIST_COLUMNS: { key: FieldKey; kind: FormColumnKind; width?: number; black?: true; guide: string }[] = [
  { key: 'domain', kind: 'list', guide: '从下拉列表中选择本科室负责的领域，不要填写其他领域' },
  { key: 'listName', kind: 'text', width: 28, guide: '名单的全称，如“拖欠农民工工资失信联合惩戒对象名单”；可不填' },
  { key: 'subjectType', kind: 'list', guide: '从下拉列表中选择：法人及非法人组织、个体工商户或自然人' },
  { key: 'subjectName', kind: 'text', width: 32, guide: '单位的登记名称或个人的姓名，与证照一致' },
  { key: 'creditCode', kind: 'identifier', width: 22, guide: '单位和个体工商户必填，18 位；本列已设为文本格式，请直接输入或粘贴为“值”' },
  { key: 'legalRep', kind: 'text', width: 14, guide: '单位必填：法定代表人或负责人姓名' },
  { key: 'legalRepIdType', kind: 'list', guide: '法定代表人的证件类型，从下拉列表中选择；可不填' },
  { key: 'legalRepIdNumber', kind: 'identifier', width: 22, guide: '法定代表人的证件号码，文本格式；可不填' },
  { key: 'idType', kind: 'list', guide: '自然人的证件类型，从下拉列表中选择；不填视为居民身份证' },
  { key: 'idNumber', kind: 'identifier', width: 22, guide: '自然人必填：18 位身份证号码，文本格式，最后一位可能是 X' },
  { key: 'facts', kind: 'text', width: 40, guide: '列入的事实：何时、何事、涉及金额或人数' },
  { key: 'basis', kind: 'text', width: 40, guide: '列入所依据的法律、法规、规章或文件及条款' },
  { key: 'decisionNo', kind: 'text', width: 24, guide: '认定决定书的文号；黑名单必填' },
  { key: 'decisionDate', kind: 'date', guide: '作出认定决定的日期，格式 2026-08-03' },
  { key: 'publishUntil', kind: 'date', guide: '公示截止的日期，格式 2026-08-03；不填按规定期限自动计算' },
  { key: 'severity', kind: 'list', black: true, guide: '失信程度：轻微、一般或严重（决定最长公示期限）' },
  { key: 'measures', kind: 'text', width: 40, guide: '对该主体采取的联合奖惩措施；不填时按措施清单自动补全' },
  { key: 'remarks', kind: 'text', width: 20, guide: '其他需要说明的情况' },
  {
    key: 'correctionOf',
    kind: 'text',
    width: 24,
    guide: '只在更正已公示的记录时填写：原记录的认定文书号（文书号未变的，填它本身）；其他行不填',
  },
];

function listValues(key: FieldKey, domains: readonly string[]): readonly string[] | undefined {
  switch (key) {
    case 'domain':
      return domains;
    case 'subjectType':
      return SUBJECT_TYPES;
    case 'idType':
    case 'legalRepIdType':
      return ID_TYPES;
    case 'severity':
      return SEVERITY_LEVELS;
    default:
      return undefined;
  }
}

function promptFor(_kind: FormColumnKind, guide: string): string {
  // Excel limits an input message to 255 characters.
  return guide.slice(0, 250);
}

function listSheet(name: string, black: boolean, domains: readonly string[]): FormTableSheet {
  return {
    name,
    columns: LIST_COLUMNS.filter((c) => black || !c.black).map((c) => {
      const header = FIELD_BY_KEY[c.key].header;
      const values = c.kind === 'list' ? listValues(c.key, domains) : undefined;
      return {
        header,
        kind: c.kind,
        width: Math.max(c.width ?? 0, headerWidth(header, c.kind === 'date' ? 12 : 10)),
        ...(values ? { values } : {}),
        prompt: promptFor(c.kind, c.guide),
        guide: c.guide,
      };
    }),
  };
}

const REMOVAL_COLUMNS: { header: string; kind: FormColumnKind; width?: number; values?: readonly string[]; guide: string }[] = [
  { header: '名单类型', kind: 'list', values: ['红名单', '黑名单'], guide: '要移出的记录所在的名单' },
  { header: '主体名称', kind: 'text', width: 32, guide: '与已公示记录一致的主体名称' },
  { header: '统一社会信用代码', kind: 'identifier', width: 22, guide: '单位的统一社会信用代码，文本格式' },
  { header: '证件号码', kind: 'identifier', width: 22, guide: '自然人的证件号码，文本格式' },
  { header: '认定文书号', kind: 'text', width: 24, guide: '要移出的记录的认定文书号' },
  { header: '移出类型', kind: 'list', values: REMOVAL_TYPES, guide: '违法违规移出（红名单）、提前移出（黑名单）或撤销' },
  { header: '移出原因', kind: 'text', width: 40, guide: '移出的理由' },
  { header: '审查日期', kind: 'date', guide: '本科室审查的日期，格式 2026-08-03' },
  { header: '报备市信用办日期', kind: 'date', guide: '提前移出：报备市信用办的日期，格式 2026-08-03' },
  { header: '违法违规认定文书号', kind: 'text', width: 24, guide: '违法违规移出：新的认定文书号' },
  { header: '备注', kind: 'text', width: 20, guide: '其他需要说明的情况' },
];

const COVER_PROMPTS: Record<keyof typeof COVER_KEYS, string> = {
  unit: '报送科室，已预先填好',
  quarter: '报送季度，已预先填好',
  filler: '填报人姓名',
  phone: '填报人的联系电话',
  reviewer: '审核的局分管领导姓名',
  reviewedOn: '分管领导审核的日期，格式 2026-08-03',
  approver: '审定的局主要领导姓名（与审核人不能是同一人）',
  approvedOn: '主要领导审定的日期，格式 2026-08-03',
  sentOn: '报送到局的日期，格式 2026-08-03',
  nil: '本季度没有需要列入的名单时选“是”',
  cases: '附件/ 中有多份文件时，写明典型案例的文件名',
};

const DATE_KEYS = new Set(['reviewedOn', 'approvedOn', 'sentOn']);

/** The items of the measures catalogue for one list and domain (a department's own entries included). */
export function measuresFor(
  catalogue: readonly MeasureEntry[],
  list: 'red' | 'black',
  domain: string,
  department?: string,
): MeasureEntry[] {
  return catalogue.filter(
    (e) =>
      e.list === list && e.domain === domain && (e.department === undefined || department === undefined || e.department === department),
  );
}

export function buildDepartmentForm(input: {
  department: DepartmentDef;
  quarter: Quarter;
  deadline: string;
  measures: readonly MeasureEntry[];
  /**
   * The supplementary batch's number (2 for 2026Q3-2), absent or 1 for the regular batch: a supplementary
   * batch has no deadline (register.md: timeliness applies to regular batches only), so its guide names the
   * batch and gives no date — it gave the regular batch's, often already past.
   */
  batch?: number;
}): DepartmentForm {
  const { department, quarter } = input;
  const q = formatQuarter(quarter);
  const supplementary = (input.batch ?? 1) > 1;
  const deadline = supplementary ? undefined : addIsoDuration(quarterEnd(quarter), input.deadline);
  const domains = department.domains;
  const lists = [listSheet(FORM_SHEETS.red, false, domains), listSheet(FORM_SHEETS.black, true, domains)];
  const removal: FormTableSheet = {
    name: FORM_SHEETS.removal,
    columns: REMOVAL_COLUMNS.map((c) => ({
      header: c.header,
      kind: c.kind,
      width: Math.max(c.width ?? 0, headerWidth(c.header, c.kind === 'date' ? 12 : 10)),
      ...(c.values ? { values: c.values } : {}),
      prompt: promptFor(c.kind, c.guide),
      guide: c.guide,
    })),
  };
  const guide: string[] = [
    `${department.name} ${supplementary ? `${q}-${input.batch}` : q} 信用红黑名单填报说明`,
    '',
    `一、报送范围：本科室只报送以下领域的红黑名单：${domains.join('、') || '（责任清单中没有本科室的领域，请与局信用工作牵头科室联系）'}。`,
    `二、报送期限：${deadline ? `请于 ${deadline} 前` : '请按局里通知的时间'}将本工作簿连同附件报送局信用工作牵头科室。本季度没有需要列入的名单时，在“报送单”中把“无信息报告”选为“是”。`,
    '三、黑名单的证明材料：每个黑名单须附典型案例材料（认定决定书或案情报告，PDF、Word 或 OFD）和现场图片（JPG 或 PNG），放在本科室文件夹的“附件”子文件夹中。',
    '四、联合奖惩措施：',
  ];
  let anyMeasure = false;
  for (const domain of domains) {
    for (const list of ['black', 'red'] as const) {
      for (const e of measuresFor(input.measures, list, domain, department.name)) {
        anyMeasure = true;
        guide.push(
          `    ${domain}（${list === 'red' ? '红名单' : '黑名单'}）：${e.items.join('；')}${e.basis ? `（依据：${e.basis}）` : ''}`,
        );
      }
    }
  }
  if (!anyMeasure) guide.push('    措施清单中没有本科室领域的措施；“奖惩措施”列按认定决定填写。');
  guide.push('五、各列的填法（红名单、黑名单两个工作表的表头不要改动，从第 2 行起每行填一个主体）：');
  for (const c of lists[1]!.columns) guide.push(`    ${c.header}：${c.guide}`);
  guide.push(
    '    更正已公示的记录：把更正后的内容整行照常填写，并在“更正原文书号”列填原记录的认定文书号（文书号未变的填它本身），不必报移出申请。',
  );
  guide.push('六、移出申请：需要移出已公示的记录时，在“移出申请”工作表中逐行填写；各列的填法：');
  for (const c of removal.columns) guide.push(`    ${c.header}：${c.guide}`);
  guide.push('七、报送单：填写填报人、审核人（局分管领导）、审定人（局主要领导）及日期；报送单位和报送季度已填好，请勿改动。');
  guide.push('八、填写完毕后可运行 hrss-credit validate 检查；有问题时加 --annotate 可得到标出问题单元格的检查结果副本。');
  const cover = (Object.keys(COVER_KEYS) as (keyof typeof COVER_KEYS)[]).map((k) => ({
    key: COVER_KEYS[k].label,
    value: k === 'unit' ? department.name : k === 'quarter' ? q : '',
    kind: (DATE_KEYS.has(k) ? 'date' : k === 'nil' ? 'list' : 'text') as FormColumnKind,
    ...(k === 'nil' ? { values: YES_NO } : {}),
    prompt: COVER_PROMPTS[k],
  }));
  return { department: department.name, quarter: q, deadline, guide, lists, removal, cover };
}
