/**
 * The words of the register's commands (publish, register …, diff), in both languages. Kept beside
 * the main catalogues rather than inside them so that the register's screens can grow without
 * touching the shared UiText; typed the same way (a missing translation fails the build).
 */
import type { Lang } from './index.js';
import { clockTime } from '../domain/zh-format.js';

export interface RegisterUi {
  help: {
    publish: string;
    publishBatch: string;
    on: string;
    listOn: string;
    by: string;
    register: string;
    verify: string;
    head: string;
    repair: string;
    list: string;
    status: string;
    department: string;
    list_: string;
    expiringBefore: string;
    find: string;
    full: string;
    xlsx: string;
    show: string;
    showQuery: string;
    diff: string;
    diffA: string;
    diffB: string;
    importCmd: string;
    importFiles: string;
    importBatch: string;
    publishedOn: string;
    importDepartment: string;
    note: string;
    noteText: string;
    noteId: string;
  };
  imported(batch: string, on: string, records: number): string;
  noted(seq: number): string;
  published(batch: string, on: string, records: number, removals: number): string;
  alreadyPublished(batch: string, on: string, seq: number): string;
  head(head: string): string;
  by(by: string, host: string, at: string): string;
  verifyOk(events: number, head: string | null): string;
  verifyBroken(line: number, reason: string): string;
  verifyHint(reason: string): string;
  reasons: Record<'json' | 'schema' | 'seq' | 'prev' | 'hash' | 'canonical' | 'linebreak' | 'torn' | 'head', string>;
  repairIntact: string;
  repairCut(line: number, bytes: number, backup: string): string;
  /** The cut made without a copy: the disk had no room for one (the cut bytes were an unfinished line, never an event). */
  repairCutNoCopy(line: number, bytes: number, problem: string): string;
  listColumns: string[];
  listSummary(n: number, on: string): string;
  ledger(path: string): string;
  /** --full: said on stderr (stdout's JSON stays one document); `ledger`: a 台账 was written, masked all the same. */
  fullShown(ledger: boolean): string;
  status: Record<'active' | 'expired' | 'removed', string>;
  removalTypes: Record<'violation' | 'early' | 'revoked' | 'corrected' | 'expired', string>;
  listTypes: Record<'red' | 'black', string>;
  objection: string;
  showNone(query: string): string;
  showEvents: string;
  /** An event's business date (--on / --today) and when it was written to the log (the real clock), told apart. */
  eventOn(on: string): string;
  eventAt(at: string, who: string): string;
  effects(effect: string): string;
  diffHeading(from: string, to: string): string;
  diffSections: Record<'added' | 'removed' | 'corrected' | 'unchanged', string>;
  diffCounts: string[];
}

const zhRemovals = { violation: '违法违规移出', early: '提前移出', revoked: '撤销', corrected: '更正', expired: '到期' } as const;

const zh: RegisterUi = {
  help: {
    publish: '登记某批次的汇总包已发布（先校验汇总包未被改动）',
    publishBatch: '批次，如 2026Q3',
    on: '发布日期 YYYY-MM-DD（默认今天）',
    listOn: '看某日的名单状态 YYYY-MM-DD（默认今天）',
    by: '经办人姓名（默认 HRSS_CREDIT_USER、配置的 clerk 或系统用户名）',
    register: '登记簿：历次发布的红黑名单及其状态',
    verify: '检查登记簿的事件记录是否完整、未被改动',
    head: '发布时记下的位置 序号:哈希，检查登记簿是否仍到达该处',
    repair: '截去崩溃时未写完的最后一行（先保留副本）',
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
    head: '未达到或已被改写：登记簿没有到达记下的位置（序号:哈希）',
  },
  repairIntact: '登记簿完整，无需修复',
  repairCut: (line, bytes, backup) => `已截去未写完的第 ${line} 行（${bytes} 字节）；原文件副本：${backup}`,
  repairCutNoCopy: (line, bytes, problem) =>
    `已截去未写完的第 ${line} 行（${bytes} 字节）；磁盘空间不足（${problem}），未能另存原文件副本——截去的只是写到一半的一行，不是已登记的事件。请尽快清理磁盘空间`,
  listColumns: ['编号', '名单', '领域', '科室', '主体名称', '代码/证件号', '批次', '发布日期', '公示截止', '状态'],
  listSummary: (n, on) => `${on} 的登记簿：${n} 条记录`,
  ledger: (p) => `台账已写入：${p}`,
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

const en: RegisterUi = {
  help: {
    publish: 'record that a batch’s package was published (verifies the package first)',
    publishBatch: 'the batch, e.g. 2026Q3',
    on: 'publication date YYYY-MM-DD (default today)',
    listOn: 'the list as it stood that day, YYYY-MM-DD (default today)',
    by: 'who publishes (default HRSS_CREDIT_USER, the config’s clerk, the OS user)',
    register: 'the register: every list published and its status',
    verify: 'check that the register’s event log is whole and unchanged',
    head: 'the SEQ:HASH noted at publication: check the log still reaches it',
    repair: 'cut an unfinished last line left by a crash (a copy is kept)',
    list: 'list the register’s records and their status',
    status: 'status: active, expired, removed or all',
    department: 'only this department',
    list_: 'list type: red or black',
    expiringBefore: 'only records whose publication ends before this date',
    find: 'find by name, code, ID number or record id',
    full: 'show full ID and phone numbers on screen (internal use; files written stay masked)',
    xlsx: 'also write the ledger (台账) as an Excel file',
    show: 'a record and every event that touched it',
    showQuery: 'record id, credit code, ID number or name',
    diff: 'how the public list changed between two batches (or package folders)',
    diffA: 'the earlier batch or package folder',
    diffB: 'the later batch or package folder',
    importCmd: 'bring in lists published before the tool was used (so their expiry and removals are tracked)',
    importFiles: 'list files (.xlsx or .csv, in the list format)',
    importBatch: 'the batch they were published in, e.g. 2025Q4',
    publishedOn: 'the day they were published, YYYY-MM-DD',
    importDepartment: 'the department (default: from the folder name)',
    note: 'add a remark to the register (changes no status)',
    noteText: 'the remark',
    noteId: 'a record id the remark is about (repeatable)',
  },
  noted: (seq) => `remark recorded (register event ${seq})`,
  imported: (b, on, n) => `imported: ${b} (published ${on}), ${n} record(s)`,
  published: (b, on, n, r) => `recorded: ${b} published on ${on}, ${n} record(s)${r ? `, ${r} removal(s)` : ''}`,
  alreadyPublished: (b, on, seq) =>
    `this package of ${b} was already recorded as published on ${on} (register event ${seq}); nothing changed`,
  head: (h) => `register head (note it with the dispatch; check later with register verify --head): ${h}`,
  by: (by, host, at) => `by ${by} (${host}, recorded ${clockTime(at, 'en')} UTC+8)`,
  verifyOk: (n, h) => `the register is whole: ${n} event(s)${h ? `, head ${h}` : ''}`,
  verifyBroken: (line, reason) => `the register is broken at line ${line}: ${reason}`,
  verifyHint: (reason) =>
    reason === 'torn'
      ? 'the last line is unfinished (a crash or power cut while writing): run hrss-credit register repair to cut it, then repeat the last operation'
      : reason === 'head'
        ? 'the log does not reach the noted head, or the history before it was rewritten (its tail cut, or events edited and their hashes computed again). Restore register/events.jsonl from a backup and find out who changed it'
        : 'history was edited, deleted or reordered. Do not edit it by hand; restore register/events.jsonl from a backup and find out who changed it',
  reasons: {
    json: 'not valid JSON',
    schema: 'not a register event',
    seq: 'sequence number out of order (an event deleted or moved)',
    prev: 'does not link to the line before (an earlier event edited, deleted or moved)',
    hash: 'hash mismatch (this event was edited or reformatted)',
    canonical:
      'not exactly as this tool writes it (spaces added, keys reordered or escaped otherwise): this event was edited or reformatted',
    linebreak: 'several events on one line, ended by CR or U+2028 instead of a line feed (an editor saved the file)',
    torn: 'unfinished last line',
    head: 'not reached or rewritten: the log does not reach the noted head (SEQ:HASH)',
  },
  repairIntact: 'the register is whole: nothing to repair',
  repairCut: (line, bytes, backup) => `cut the unfinished line ${line} (${bytes} bytes); copy of the file: ${backup}`,
  repairCutNoCopy: (line, bytes, problem) =>
    `cut the unfinished line ${line} (${bytes} bytes); the disk is full (${problem}), so no copy of the file was kept — what was cut was half of one line, never a recorded event. Free some disk space soon`,
  listColumns: ['id', 'list', 'domain', 'department', 'subject', 'code / ID', 'batch', 'published', 'until', 'status'],
  listSummary: (n, on) => `register on ${on}: ${n} record(s)`,
  ledger: (p) => `ledger written: ${p}`,
  fullShown: (ledger) =>
    `Note: --full shows full ID and phone numbers on this screen, for internal checks only; do not copy, capture or forward them${ledger ? '. The ledger is a file and stays masked as for publication' : ''}`,
  status: { active: 'active', expired: 'expired', removed: 'removed' },
  removalTypes: {
    violation: 'removed for violation',
    early: 'removed early',
    revoked: 'revoked',
    corrected: 'corrected',
    expired: 'expired',
  },
  listTypes: { red: 'red', black: 'black' },
  objection: 'objection',
  showNone: (q) => `no record in the register matches “${q}”`,
  showEvents: 'events',
  eventOn: (on) => `dated ${on}`,
  eventAt: (at, who) => ` (recorded ${clockTime(at, 'en')} UTC+8 by ${who})`,
  effects: (e) => e,
  diffHeading: (a, b) => `${a} → ${b}`,
  diffSections: { added: 'added', removed: 'removed', corrected: 'corrected', unchanged: 'resubmitted unchanged' },
  diffCounts: ['department / domain', 'added', 'removed', 'corrected', 'unchanged'],
};

export function registerUi(lang: Lang): RegisterUi {
  return lang === 'en' ? en : zh;
}
