/** Chinese words of the register's commands (publish, register …, diff) (the shape: ../types.ts RegisterUi). */
import { clockTime } from '../../domain/zh-format.js';
import type { RegisterUi } from '../types.js';

const zhRemovals = { violation: '违法违规移出', early: '提前移出', revoked: '撤销', corrected: '更正', expired: '到期' } as const;

export const zhRegisterUi: RegisterUi = {
  help: {
    publish: '登记某批次的汇总包已发布（先校验汇总包未被改动）',
    publishBatch: '批次，如 2026Q3',
    on: '发布日期 YYYY-MM-DD（默认今天）',
    listOn: '看某日的名单状态 YYYY-MM-DD（默认今天）',
    by: '经办人姓名（默认 HRSS_CREDIT_USER、配置的 clerk 或系统用户名）',
    register: '登记簿：历次发布的红黑名单及其状态',
    verify: '检查登记簿的事件记录是否完整、未被改动',
    head: '发布时记下的位置 序号:哈希，检查登记簿是否仍到达该处',
    repair: '截去崩溃时未写完的最后一行或末尾多出的空行（先保留副本）',
    list: '列出登记簿中的名单记录及状态',
    status: '状态：active（公示中）、expired（到期）、removed（已移出）、all（全部）',
    department: '只看某科室',
    list_: '名单类型：red（红名单）或 black（黑名单）',
    expiringBefore: '只看公示截止日期早于该日的',
    find: '按名称、代码、证件号或记录编号查找',
    full: '在屏幕上显示完整证件号码和电话号码（内部使用；写出的文件仍脱敏）',
    xlsx: '同时写出台账 Excel 文件',
    show: '查看某记录及其所有事件',
    showQuery: '记录编号、统一社会信用代码、证件号码或名称',
    diff: '比较两个批次（或汇总包文件夹）之间公示名单的变化',
    diffA: '较早的批次或汇总包文件夹',
    diffB: '较晚的批次或汇总包文件夹',
    importCmd: '导入启用本工具之前已发布的名单（以便跟踪到期和移出）',
    importFiles: '名单文件（.xlsx 或 .csv，格式同报送名单）',
    importBatch: '这些名单当时所属的批次，如 2025Q4',
    publishedOn: '当时的发布日期 YYYY-MM-DD',
    importDepartment: '报送科室（默认按文件所在文件夹名识别）',
    note: '在登记簿中记一条备注（不改变任何状态）',
    noteText: '备注内容',
    noteId: '备注涉及的记录编号（可重复）',
  },
  noted: (seq) => `已记下备注（登记簿第 ${seq} 条）`,
  strictRefused: '使用了 --strict，以上警告按错误处理：本次未写入登记簿，登记簿未改动',
  imported: (b, on, n) => `已导入：${b}（${on} 发布）${n} 条名单记录`,
  published: (b, on, n, r) => `已登记：${b} 于 ${on} 发布，${n} 条名单记录${r ? `，${r} 条移出` : ''}`,
  alreadyPublished: (b, on, seq) => `${b} 的这份汇总包已于 ${on} 登记发布（登记簿第 ${seq} 条），无需重复，未作改动`,
  head: (h) => `登记簿最新位置（请记在发文登记上，日后可用 register verify --head 核对）：${h}`,
  by: (by, host, at) => `经办：${by}（${host}，登记于 ${clockTime(at)}）`,
  verifyOk: (n, h) => `登记簿完整：${n} 条事件${h ? `，最新位置 ${h}` : ''}`,
  verifyBroken: (line, reason) => `登记簿第 ${line} 行有问题：${reason}`,
  verifyHint: (reason) =>
    reason === 'torn'
      ? '最后一行未写完（多为写入时断电或被强行结束）：运行 hrss-credit register repair 截去该行，再重新执行上次的操作'
      : reason === 'blankOnly'
        ? '登记簿文件 register/events.jsonl 里没有任何事件，只有空行（多为手工新建，或用编辑器保存时留下的）：' +
          '运行 hrss-credit register repair 删去空行（先保留副本）；登记簿若是新建的、从未登记过，也可以直接删除 register/events.jsonl'
        : reason === 'blank'
          ? '已登记的事件都完好，只是末尾多了空行（多为用编辑器打开后保存时加上的）：运行 hrss-credit register repair 删去空行（先保留副本）。请勿用编辑器打开并保存 register/events.jsonl'
          : reason === 'head'
            ? '登记簿未达到记下的位置，或记下位置之前的历史已被改写（末尾被截掉，或事件被改动后重新计算了哈希）。请从备份找回 register/events.jsonl，并查明改动来源'
            : '历史记录被改动、删除或调换了顺序。请勿手工修改；从备份找回 register/events.jsonl，并查明改动来源',
  reasons: {
    json: '不是有效的 JSON',
    schema: '不是登记簿事件',
    seq: '序号不连续（有事件被删除或调换）',
    prev: '与上一条的链接不符（前面的事件被改动、删除或调换）',
    hash: '哈希不符（本条被改动，或被重新排版）',
    canonical: '不是本工具写下的原样（多了空格、换了键的顺序或转义写法），本条被改动或重新排版',
    linebreak: '几条事件连在一行，行尾是 CR 或 U+2028 而不是换行符（多为用编辑器打开后另存）',
    torn: '最后一行未写完',
    blank: '最后的事件之后多了空行',
    blankOnly: '没有任何事件，只有空行',
    head: '未达到或已被改写：登记簿没有到达记下的位置（序号:哈希）',
  },
  repairIntact: '登记簿完整，无需修复',
  repairCut: (line, bytes, backup) => `已截去未写完的第 ${line} 行（${bytes} 字节）；原文件副本：${backup}`,
  repairCutNoCopy: (line, bytes, problem) =>
    `已截去未写完的第 ${line} 行（${bytes} 字节）；磁盘空间不足（${problem}），未能另存原文件副本——截去的只是写到一半的一行，不是已登记的事件。请尽快清理磁盘空间`,
  repairCutBlank: (line, bytes, backup, problem) =>
    `已删去第 ${line} 行起末尾的空行（${bytes} 字节），已登记的事件未作改动；` +
    (backup ? `原文件副本：${backup}` : `磁盘空间不足（${problem ?? 'ENOSPC'}），未能另存原文件副本——删去的只是空行。请尽快清理磁盘空间`),
  listColumns: ['编号', '名单', '领域', '科室', '主体名称', '代码/证件号', '批次', '发布日期', '公示截止', '状态'],
  listSummary: (n, on) => `${on} 的登记簿：${n} 条记录`,
  ledger: (p) => `台账已写入：${p}`,
  ledgerNotPrinted: (rows) => `记录超过 ${rows} 条，屏幕上不逐条列出，请打开台账查看（不带 --xlsx 运行可在屏幕上列出全部记录）`,
  fullShown: (ledger) =>
    `注意：已按 --full 在屏幕上显示完整的证件号码和电话号码，仅供内部核对，请勿截图、复制或转发${ledger ? '；台账是文件，仍按公示规则脱敏' : ''}`,
  status: { active: '公示中', expired: '已到期', removed: '已移出' },
  removalTypes: zhRemovals,
  listTypes: { red: '红名单', black: '黑名单' },
  objection: '异议标注',
  showNone: (q) => `登记簿中没有与“${q}”对应的记录`,
  showEvents: '相关事件',
  eventOn: (on) => `日期 ${on}`,
  eventAt: (at, who) => `（${who} 登记于 ${clockTime(at)}）`,
  effects: (e) => {
    const [kind, detail = ''] = e.split(':');
    const removal = zhRemovals[detail as keyof typeof zhRemovals] ?? detail;
    const words: Record<string, string> = {
      repair: '修复（截去未写完的行）',
      published: '发布',
      imported: '导入',
      unchanged: '重复报送（未再发布）',
      note: '备注',
      objected: '提出异议',
      removed: `移出（${removal}）`,
      corrected: `更正（第${detail}版）`,
      resolved: `异议处理（${{ revoked: '撤销', upheld: '维持', corrected: '更正' }[detail] ?? detail}）`,
    };
    return words[kind ?? ''] ?? e;
  },
  diffHeading: (a, b) => `${a} → ${b}`,
  diffSections: { added: '新增', removed: '移出', corrected: '更正', unchanged: '重复报送未变' },
  diffCounts: ['科室/领域', '新增', '移出', '更正', '未变'],
};
