/**
 * The list record's columns (submission.md "Columns"): each Chinese term is paired with its field
 * key here, once. Header matching folds both sides (domain/text.ts foldKey).
 */

export const FIELD_KEYS = [
  'listType',
  'domain',
  'listName',
  'subjectType',
  'subjectName',
  'creditCode',
  'legalRep',
  'legalRepIdType',
  'legalRepIdNumber',
  'idType',
  'idNumber',
  'facts',
  'basis',
  'decisionNo',
  'decisionDate',
  'publishUntil',
  'severity',
  'measures',
  'remarks',
  'correctionOf',
] as const;

export type FieldKey = (typeof FIELD_KEYS)[number];

export type FieldKind = 'text' | 'enum' | 'date' | 'creditCode' | 'idNumber';

export interface FieldDef {
  key: FieldKey;
  /** The header as the bureau's form prints it. */
  header: string;
  aliases: readonly string[];
  kind: FieldKind;
  /** Required at the header: a missing column is SHEET_COLUMN_MISSING. */
  required: boolean;
}

export const FIELDS: readonly FieldDef[] = [
  { key: 'listType', header: '名单类型', aliases: ['名单类别', '红黑名单', '红黑名单类型'], kind: 'enum', required: false },
  { key: 'domain', header: '领域', aliases: ['所属领域', '发布领域', '行业领域'], kind: 'enum', required: true },
  { key: 'listName', header: '名单名称', aliases: ['名单全称'], kind: 'text', required: false },
  { key: 'subjectType', header: '主体类别', aliases: ['主体类型', '行政相对人类别', '相对人类别'], kind: 'enum', required: true },
  {
    key: 'subjectName',
    header: '主体名称',
    aliases: ['单位名称', '企业名称', '名称', '姓名', '行政相对人名称', '法定名称或姓名', '主体名称或姓名'],
    kind: 'text',
    required: true,
  },
  { key: 'creditCode', header: '统一社会信用代码', aliases: ['社会信用代码', '信用代码'], kind: 'creditCode', required: false },
  {
    key: 'legalRep',
    header: '法定代表人',
    aliases: ['法定代表人（负责人）', '负责人', '法人代表', '经营者', '法定代表人姓名', '法定代表人（负责人）姓名'],
    kind: 'text',
    required: false,
  },
  { key: 'legalRepIdType', header: '法定代表人证件类型', aliases: ['法定代表人（负责人）证件类型'], kind: 'enum', required: false },
  {
    key: 'legalRepIdNumber',
    header: '法定代表人证件号码',
    aliases: ['法定代表人身份证号', '法定代表人身份证号码', '法定代表人（负责人）证件号码'],
    kind: 'idNumber',
    required: false,
  },
  { key: 'idType', header: '证件类型', aliases: ['身份证件类型'], kind: 'enum', required: false },
  { key: 'idNumber', header: '证件号码', aliases: ['身份证号码', '身份证号', '公民身份号码'], kind: 'idNumber', required: false },
  {
    key: 'facts',
    header: '列入事由',
    aliases: ['事由', '主要事实', '认定事实', '失信行为', '失信事实', '守信事实', '内容', '列入原因'],
    kind: 'text',
    required: true,
  },
  { key: 'basis', header: '认定依据', aliases: ['依据', '法律依据', '列入依据'], kind: 'text', required: true },
  { key: 'decisionNo', header: '认定文书号', aliases: ['决定文书号', '文书号', '决定书文号'], kind: 'text', required: false },
  { key: 'decisionDate', header: '认定日期', aliases: ['列入日期', '决定日期', '列入时间'], kind: 'date', required: true },
  {
    key: 'publishUntil',
    header: '公示截止日期',
    aliases: ['有效期至', '截止日期', '截止期', '预计退出日期'],
    kind: 'date',
    required: false,
  },
  { key: 'severity', header: '失信程度', aliases: ['严重程度'], kind: 'enum', required: false },
  { key: 'measures', header: '奖惩措施', aliases: ['联合奖惩措施', '惩戒措施', '激励措施'], kind: 'text', required: false },
  { key: 'remarks', header: '备注', aliases: [], kind: 'text', required: false },
  /** A correction (register.md): the 认定文书号 of the public record this row replaces. */
  { key: 'correctionOf', header: '更正原文书号', aliases: ['原认定文书号', '被更正文书号', '更正前文书号'], kind: 'text', required: false },
];

export const FIELD_BY_KEY: Readonly<Record<FieldKey, FieldDef>> = Object.fromEntries(FIELDS.map((f) => [f.key, f])) as Record<
  FieldKey,
  FieldDef
>;

/** 序号: recognised and ignored. */
export const ROW_NUMBER_HEADERS = ['序号', '编号', 'NO', 'NO.', '序'] as const;

export const IDENTIFIER_FIELDS: readonly FieldKey[] = ['creditCode', 'idNumber', 'legalRepIdNumber'];
