/** The words of supervise and the HTML report, in both languages (kept apart: the main catalogues are long). */
import type { LapseKind, SubmissionState } from '../schemas/states.js';
import { batchTitle as zhBatchTitle } from '../domain/zh-format.js';

export interface ReportsUiText {
  badYear(value: string): string;
  state: Record<SubmissionState, string>;
  onTime: string;
  late(days: number): string;
  /** No 报送日期: timeliness unknown. */
  noDate: string;
  unknown: string;
  yes: string;
  no: string;
  lapse: Record<LapseKind, string>;
  superviseTitle(year: number): string;
  noBatches(year: number): string;
  lapsesTitle: string;
  noLapses: string;
  registerUnknown: string;
  objectionsUnknown: string;
  /** Pretty table and the 督查情况表's first sheet. */
  rowColumns: string[];
  /** The workbook's two numeric columns for 已发布 (the terminal shows them as one, red/black). */
  publishedColumns: [string, string];
  /** The 督查明细 sheet's last columns: truth.md's figures the status and the manifest show (rows, unchanged, corrected, removals). */
  figureColumns: [string, string, string, string];
  lapseColumns: string[];
  tallyColumns: string[];
  sheets: { rows: string; lapses: string; counts: string };
  xlsxWritten(path: string): string;
  reportWritten(path: string): string;
  // The HTML report.
  title: string;
  batchTitle(batch: string): string;
  yearTitle(year: number): string;
  /** The page's heading: bureau, title and what it covers, with the language's own brackets. */
  heading(bureau: string, title: string, what: string): string;
  madeOn(date: string): string;
  source: Record<'package' | 'submissions' | 'none', string>;
  basis(text: string): string;
  listSep: string;
  keyFigures: string;
  figRed: string;
  figBlack: string;
  figTotal: string;
  /** A year's timeliness counts department-quarters (truth.md), and says so. */
  figOnTimeYear: string;
  figLateYear: string;
  figMissingYear: string;
  figOnTime: string;
  figLate: string;
  figMissing: string;
  figNoDate: string;
  figRemovals: string;
  figObjections: string;
  figObjectionsOverdue: string;
  /** Objections resolved after their deadline (逾期办结). */
  figObjectionsLate: string;
  byDepartment: string;
  byDomain: string;
  trend: string;
  timeliness: string;
  red: string;
  black: string;
  department: string;
  domain: string;
  batch: string;
  total: string;
  daysLate: string;
  sentOn: string;
  deadline: string;
  status: string;
  signedOff: string;
  findings: string;
  noFindings: string;
  code: string;
  severity: string;
  count: string;
  departments: string;
  removals: string;
  objections: string;
  notKnown: string;
  subject: string;
  identifier: string;
  type: string;
  date: string;
  number: string;
  received: string;
  chartNote: string;
}

export const zhReportsUi: ReportsUiText = {
  badYear: (v) => `无法识别的年份“${v}”；请写作四位数字，如 2026`,
  state: { submitted: '已报送', nil: '无信息报告', missing: '未报送' },
  onTime: '按时',
  late: (n) => `逾期${n}天`,
  noDate: '未填报送日期',
  unknown: '—',
  yes: '是',
  no: '否',
  lapse: {
    missing: '未报送',
    late: '逾期报送',
    unsigned: '审核审定不全',
    'objection-overdue': '异议超期未处理',
    'objection-late': '异议逾期办结',
    'correction-awaited': '待报送更正',
  },
  superviseTitle: (y) => `${y} 年信用红黑名单报送督查情况`,
  noBatches: (y) => `${y} 年还没有到期或已收集的季度`,
  lapsesTitle: '需通报的问题',
  noLapses: '没有需通报的问题。',
  registerUnknown: '尚未建立发布台账（register/）：发布、移出、异议和更正情况暂不可知，显示为“—”。',
  objectionsUnknown: '发布台账尚无这些批次的记录：异议、申请移出和待更正情况暂不可知，显示为“—”。',
  rowColumns: [
    '科室',
    '批次',
    '报送状态',
    '报送日期',
    '截止日期',
    '是否按时',
    '审核审定',
    '红名单',
    '黑名单',
    '警告',
    '已发布',
    '重复报送',
    '申请移出',
    '已移出',
    '收到异议',
    '异议逾期办结',
    '异议超期',
    '待更正',
  ],
  publishedColumns: ['已发布红名单', '已发布黑名单'],
  figureColumns: ['报送条数', '重复报送未变条数', '其中更正条数', '移出条数'],
  lapseColumns: ['科室', '批次', '问题', '天数/件数'],
  tallyColumns: [
    '科室',
    '批次数',
    '已报送',
    '无信息报告',
    '未报送',
    '按时',
    '逾期',
    '未填报送日期',
    '审核审定不全',
    '红名单',
    '黑名单',
    '警告',
    '问题数',
  ],
  sheets: { rows: '督查明细', lapses: '问题清单', counts: '科室统计' },
  xlsxWritten: (p) => `督查情况表已生成：${p}`,
  reportWritten: (p) => `报告已生成：${p}`,
  title: '信用红黑名单工作报告',
  batchTitle: (b) => zhBatchTitle(b),
  yearTitle: (y) => `${y} 年度`,
  heading: (b, t, w) => `${b} ${t}（${w}）`,
  madeOn: (d) => `生成日期：${d}`,
  source: { package: '已生成的汇总包', submissions: '收集中的报送材料（尚未生成汇总包）', none: '尚无报送材料' },
  basis: (t) => `依据：${t}`,
  listSep: '；',
  keyFigures: '主要数据',
  figRed: '红名单',
  figBlack: '黑名单',
  figTotal: '合计',
  figOnTime: '按时报送科室',
  figOnTimeYear: '按时报送（科室·季度）',
  figLateYear: '逾期报送（科室·季度）',
  figMissingYear: '未报送（科室·季度）',
  figLate: '逾期报送科室',
  figMissing: '未报送科室',
  figNoDate: '未填报送日期',
  figRemovals: '移出',
  figObjections: '收到异议',
  figObjectionsOverdue: '异议超期',
  figObjectionsLate: '异议逾期办结',
  byDepartment: '各科室红黑名单条数',
  byDomain: '各领域红黑名单条数',
  trend: '各季度红黑名单条数',
  timeliness: '各科室报送及时情况（逾期天数）',
  red: '红名单',
  black: '黑名单',
  department: '科室',
  domain: '领域',
  batch: '批次',
  total: '合计',
  daysLate: '逾期天数',
  sentOn: '报送日期',
  deadline: '截止日期',
  status: '报送状态',
  signedOff: '审核审定',
  findings: '汇总检查发现的问题',
  noFindings: '汇总检查没有发现问题。',
  code: '代码',
  severity: '问题',
  count: '条数',
  departments: '涉及科室',
  removals: '移出名单',
  objections: '异议',
  notKnown: '尚未建立发布台账，暂无此项数据。',
  subject: '主体',
  identifier: '证件号码/信用代码',
  type: '类型',
  date: '日期',
  number: '编号',
  received: '收到日期',
  chartNote: '图中数字见下表。',
};

export const enReportsUi: ReportsUiText = {
  badYear: (v) => `"${v}" is not a year; write four digits, e.g. 2026`,
  state: { submitted: 'submitted', nil: 'nil report', missing: 'missing' },
  onTime: 'on time',
  late: (n) => `${n} day${n === 1 ? '' : 's'} late`,
  noDate: 'no date sent',
  unknown: '—',
  yes: 'yes',
  no: 'no',
  lapse: {
    missing: 'not submitted',
    late: 'submitted late',
    unsigned: 'review/approval incomplete',
    'objection-overdue': 'objection overdue',
    'objection-late': 'objection resolved late',
    'correction-awaited': 'correction awaited',
  },
  superviseTitle: (y) => `Supervision of the red/black list submissions, ${y}`,
  noBatches: (y) => `No quarter of ${y} is due or collected yet`,
  lapsesTitle: 'Lapses to report',
  noLapses: 'No lapses.',
  registerUnknown: 'There is no register (register/) yet: publication, removals, objections and corrections are unknown, shown as "—".',
  objectionsUnknown:
    'The register holds nothing of these batches yet: objections, removal requests and corrections awaited are unknown, shown as "—".',
  rowColumns: [
    'Department',
    'Batch',
    'Status',
    'Sent on',
    'Deadline',
    'Timeliness',
    'Signed off',
    'Red',
    'Black',
    'Warnings',
    'Published',
    'Unchanged',
    'Removals asked',
    'Removed',
    'Objections',
    'Resolved late',
    'Overdue',
    'Corrections',
  ],
  publishedColumns: ['Published red', 'Published black'],
  figureColumns: ['Rows', 'Resent unchanged', 'Of which corrected', 'Removals'],
  lapseColumns: ['Department', 'Batch', 'Lapse', 'Days/count'],
  tallyColumns: [
    'Department',
    'Batches',
    'Submitted',
    'Nil',
    'Missing',
    'On time',
    'Late',
    'No date',
    'Unsigned',
    'Red',
    'Black',
    'Warnings',
    'Lapses',
  ],
  sheets: { rows: 'Rows', lapses: 'Lapses', counts: 'Per department' },
  xlsxWritten: (p) => `Supervision workbook written: ${p}`,
  reportWritten: (p) => `Report written: ${p}`,
  title: 'Credit red/black list report',
  batchTitle: (b) => `batch ${b}`,
  yearTitle: (y) => `year ${y}`,
  heading: (b, t, w) => `${b} ${t} (${w})`,
  madeOn: (d) => `Made on ${d}`,
  source: {
    package: 'the compiled package',
    submissions: 'the submissions being collected (not compiled yet)',
    none: 'nothing submitted yet',
  },
  basis: (t) => `From ${t}`,
  listSep: '; ',
  keyFigures: 'Key figures',
  figRed: 'Red list',
  figBlack: 'Black list',
  figTotal: 'Total',
  figOnTime: 'Departments on time',
  figOnTimeYear: 'On time (department-quarters)',
  figLateYear: 'Late (department-quarters)',
  figMissingYear: 'Missing (department-quarters)',
  figLate: 'Departments late',
  figMissing: 'Departments missing',
  figNoDate: 'No date sent',
  figRemovals: 'Removals',
  figObjections: 'Objections received',
  figObjectionsOverdue: 'Objections overdue',
  figObjectionsLate: 'Objections resolved late',
  byDepartment: 'Records by department',
  byDomain: 'Records by domain',
  trend: 'Records per quarter',
  timeliness: "Each department's timeliness (days late)",
  red: 'Red',
  black: 'Black',
  department: 'Department',
  domain: 'Domain',
  batch: 'Batch',
  total: 'Total',
  daysLate: 'Days late',
  sentOn: 'Sent on',
  deadline: 'Deadline',
  status: 'Status',
  signedOff: 'Signed off',
  findings: 'Findings of the compile',
  noFindings: 'The compile found nothing.',
  code: 'Code',
  severity: 'Finding',
  count: 'Count',
  departments: 'Departments',
  removals: 'Removals',
  objections: 'Objections',
  notKnown: 'There is no register yet: not known.',
  subject: 'Subject',
  identifier: 'ID / credit code',
  type: 'Type',
  date: 'Date',
  number: 'Number',
  received: 'Received',
  chartNote: 'The numbers are in the table below.',
};
