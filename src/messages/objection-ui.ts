/**
 * The words of the objection commands (objections.md), in both languages, beside the main
 * catalogues as register-ui.ts is; typed the same way (a missing translation fails the build).
 */
import type { Lang } from './index.js';

export interface ObjectionUi {
  help: {
    objection: string;
    add: string;
    received: string;
    from: string;
    summary: string;
    record: string;
    subject: string;
    channel: string;
    providerCheck: string;
    list: string;
    open: string;
    overdue: string;
    all: string;
    year: string;
    resolve: string;
    number: string;
    outcome: string;
    opinion: string;
    on: string;
    letter: string;
    out: string;
    docNumber: string;
    finding: string;
  };
  recorded(number: string, recordId: string, subject: string, received: string): string;
  deadline(deadline: string | null, n: number): string;
  resolved(number: string, outcome: string, on: string): string;
  revoked(recordId: string): string;
  awaitingCorrection(recordId: string): string;
  letter(path: string, bytes: number): string;
  listColumns: string[];
  listSummary(n: number, today: string): string;
  pending: string;
  status: Record<'open' | 'resolved', string>;
  /** The outcomes, keyed by the contract's Chinese value (JSON keeps it; the terminal shows this). */
  outcomes: Record<'维持' | '更正' | '撤销', string>;
  overdue: string;
  late: string;
  awaiting: string;
}

const zh: ObjectionUi = {
  help: {
    objection: '异议处理：登记、查看、办结异议，出具异议处理意见书',
    add: '登记收到的异议（记入登记簿，所涉记录标注“异议标注”）',
    received: '收到日期 YYYY-MM-DD',
    from: '申请人（提出异议的单位或个人）',
    summary: '异议内容摘要',
    record: '所涉记录编号（register list 中的编号）',
    subject: '所涉主体：统一社会信用代码、证件号码或名称',
    channel: '受理渠道：信用中国、来函、来访、电话、其他',
    providerCheck: '需数据提供单位核实（期限为 7 个工作日）',
    list: '列出异议及其办理期限',
    open: '只列未办结的（默认）',
    overdue: '只列已超期未办结的；有则退出码为 1（供定时检查）',
    all: '列出全部异议',
    year: '只列某年收到的',
    resolve: '登记异议的处理结果',
    number: '异议编号，如 O2026-007',
    outcome: '处理结果：维持、更正、撤销',
    opinion: '处理意见',
    on: '办结日期 YYYY-MM-DD（默认今天）',
    letter: '出具异议处理意见书（Word 文档，报市信用办）',
    out: '保存为（默认 objections/<编号>-异议处理意见书.docx）',
    docNumber: '发文字号，如 新人社函〔2026〕7号（默认按配置 objections.letterNumber 生成）',
    finding: '核查情况（写入意见书；不给则用标准表述）',
  },
  recorded: (number, recordId, subject, received) => `已登记异议 ${number}：记录 ${recordId}（${subject}），${received} 收到`,
  deadline: (deadline, n) =>
    deadline ? `办理期限：${deadline}（收到后 ${n} 个工作日）` : `办理期限：待定（工作日日历未覆盖；收到后 ${n} 个工作日）`,
  resolved: (number, outcome, on) => `已办结异议 ${number}：${outcome}（${on}）`,
  revoked: (id) => `记录 ${id} 已撤销，即日起不再公示；下一批汇总包将列为“撤销”`,
  awaitingCorrection: (id) => `记录 ${id} 等待报送科室提交更正后的记录（填写更正原文书号）`,
  letter: (path, bytes) => `已写出异议处理意见书：${path}（${bytes} 字节；含完整证件号码，仅报市信用办）`,
  listColumns: ['编号', '主体', '证件/代码', '记录编号', '收到日期', '办理期限', '剩余工作日', '状态', '处理结果'],
  listSummary: (n, today) => `共 ${n} 件异议（${today}）`,
  pending: '待定',
  status: { open: '办理中', resolved: '已办结' },
  outcomes: { 维持: '维持', 更正: '更正', 撤销: '撤销' },
  overdue: '已超期',
  late: '逾期办结',
  awaiting: '待更正',
};

const en: ObjectionUi = {
  help: {
    objection: 'objections: record, list and resolve them, write the letter',
    add: 'record an objection received (in the register; its record is flagged)',
    received: 'date received YYYY-MM-DD',
    from: 'who objected',
    summary: 'what the objection says, in short',
    record: 'the record id it concerns (as register list shows it)',
    subject: 'the subject it concerns: credit code, ID number or name',
    channel: 'how it came in: 信用中国, 来函, 来访, 电话, 其他',
    providerCheck: 'the data provider must verify (7 working days)',
    list: 'list objections and their deadlines',
    open: 'only those still open (default)',
    overdue: 'only those open past their deadline; exit 1 when there are any (for a scheduled check)',
    all: 'every objection',
    year: 'only those received in a year',
    resolve: 'record how an objection was resolved',
    number: 'the objection number, e.g. O2026-007',
    outcome: 'outcome: 维持 (upheld), 更正 (corrected), 撤销 (revoked)',
    opinion: 'the opinion',
    on: 'date resolved YYYY-MM-DD (default today)',
    letter: 'write the objection letter (Word document, for the city credit office)',
    out: 'save as (default objections/<number>-异议处理意见书.docx)',
    docNumber: 'the document number (发文字号), e.g. 新人社函〔2026〕7号 (default from config objections.letterNumber)',
    finding: 'what the check found (核查情况), written into the letter; the standard sentence when not given',
  },
  recorded: (number, recordId, subject, received) => `recorded objection ${number}: record ${recordId} (${subject}), received ${received}`,
  deadline: (deadline, n) =>
    deadline
      ? `deadline: ${deadline} (${n} working days after receipt)`
      : `deadline: pending (the calendar does not cover it; ${n} working days after receipt)`,
  resolved: (number, outcome, on) => `resolved objection ${number}: ${outcome} (${on})`,
  revoked: (id) => `record ${id} is revoked and no longer public; the next package lists it as revoked`,
  awaitingCorrection: (id) => `record ${id} awaits its department's corrected row (with 更正原文书号)`,
  letter: (path, bytes) =>
    `wrote the objection letter: ${path} (${bytes} bytes; it carries full ID numbers, for the city credit office only)`,
  listColumns: ['number', 'subject', 'identifier', 'record', 'received', 'deadline', 'days left', 'status', 'outcome'],
  listSummary: (n, today) => `${n} objection(s) (${today})`,
  pending: 'pending',
  status: { open: 'open', resolved: 'resolved' },
  outcomes: { 维持: 'upheld', 更正: 'corrected', 撤销: 'revoked' },
  overdue: 'overdue',
  late: 'late',
  awaiting: 'awaiting correction',
};

export function objectionUi(lang: Lang): ObjectionUi {
  return lang === 'en' ? en : zh;
}
