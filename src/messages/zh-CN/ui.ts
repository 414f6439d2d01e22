/** Chinese words of the interface itself: headings, summaries, help (UiText). */
import type { UiText } from '../types.js';
import { zhCalendarUi } from './calendar.js';
import { zhFieldNames } from './fields.js';
import { zhReportsUi } from './reports.js';
import { usageZh } from './tool-errors.js';

export const zhUi: UiText = {
  severity: { error: '错误', warning: '警告', info: '提示' },
  fieldNames: zhFieldNames,
  columns: { location: '位置', severity: '级别', code: '代码', message: '问题', hint: '修改建议' },
  sheetRow: (sheet, row, column, header) =>
    [sheet ? `工作表“${sheet}”` : '', row !== undefined ? `第 ${row} 行` : '', column ? `${column} 列${header ? `（${header}）` : ''}` : '']
      .filter(Boolean)
      .join(' '),
  textLine: (line) => `第 ${line} 行`,
  rowRanges: (sheet, column, ranges, more, count, header) => {
    const r = ranges
      .map(([a, b]) => (column ? (a === b ? `${column}${a}` : `${column}${a}:${column}${b}`) : a === b ? `${a}` : `${a}–${b}`))
      .join('、');
    const where = column ? r : `第 ${r} 行`;
    return [sheet ? `工作表“${sheet}”` : '', `${where}${more ? ' 等' : ''}${header ? `（${header}）` : ''}，共 ${count} 处`]
      .filter(Boolean)
      .join(' ');
  },
  moreFindings: (n) => `还有 ${n} 处，完整列表见 --format json 或 --annotate`,
  droppedFindings: (code, dropped, kept) =>
    `${code} 另有 ${dropped} 处未逐条列出（每个文件每个代码只记录前 ${kept} 处，见配置 limits.maxFindingsPerCode），已计入统计`,
  summary: (s) => `共检查 ${s.files} 个文件、${s.rows} 行：错误 ${s.errors} 个，警告 ${s.warnings} 个，提示 ${s.info} 个`,
  valid: '检查通过。',
  invalid: '检查未通过：请按上表修改后重新检查。',
  noFindings: '没有发现问题。',
  hintPrefix: '建议：',
  error: '错误',
  debugHint: '（加 --debug 可查看技术细节）',
  debugNoticed: (where, code, message) => `[debug] ${where}：${code}（${message}），已跳过，命令照常完成`,
  usage: usageZh,
  help: {
    usage: '用法：',
    optionsToken: '[选项]',
    commandToken: '[命令]',
    arguments: '参数：',
    options: '选项：',
    commands: '命令：',
    helpOption: '显示帮助',
    helpCommand: '显示某个命令的帮助',
    versionOption: '显示版本号',
    program: '新乡市人社局信用红黑名单：科室报送自查、汇总、导出',
    validate: '检查名单文件或科室文件夹（报送前自查）',
    validatePaths: '名单文件（.xlsx/.csv）或科室文件夹',
    compile: '检查本季度所有科室并生成报送市信用办的汇总包',
    compileQuarter: '季度，如 2026Q3、Q3、2026年第三季度',
    exportCmd: '按导出模板重新导出已生成汇总包中的名单文件',
    exportTarget: '季度或汇总包文件夹',
    verify: '校验汇总包是否被改动（重新计算哈希）',
    verifyDir: '汇总包文件夹或 zip，如 packages/2026Q3；或工作目录中的批次，如 2026Q3-2',
    status: '查看本季度各科室的报送情况',
    statusQuarter: '季度，如 2026Q3 或 Q3',
    rules: '列出所有检查代码及修改方法',
    rulesCode: '只显示这个代码',
    matrix: '显示当前生效的责任清单（科室与领域）',
    calendar: '显示某年的放假和调休上班安排及其来源（用于计算异议处理期限）',
    calendarYear: '年份（默认为今天所在的年份）',
    supervise: '某年各科室各季度的报送督查情况：未报送、逾期、审核审定不全等（可导出督查情况表）',
    superviseYear: '年份，如 2026',
    report: '为领导生成一页 HTML 报告：主要数据、图表、检查发现的问题（可打印为 A4）',
    reportTarget: '批次（如 2026Q3）或年份（如 2026）',
    opt: {
      workspace: '工作目录（默认从当前位置向上查找）',
      config: '配置文件（默认为工作目录下的 hrss-credit.config.json）',
      format: '输出格式：pretty（表格）或 json',
      lang: '语言：zh-CN 或 en',
      today: '以此日期作为“今天”（YYYY-MM-DD）',
      strict: '警告也视为错误',
      ignore: '忽略这些代码（逗号分隔，可重复）',
      quiet: '只显示错误',
      debug: '出错时显示技术细节',
      noColor: '不使用颜色',
      ascii: '用普通字符画表格（适用于显示错位的控制台）',
      maxFindings: '表格中每个文件最多显示的问题行数（默认 200；同一代码同一列的问题合并为一行）',
      department: '报送科室（当路径中没有时）',
      quarter: '报送季度（当路径中没有时）',
      dryRun: '只检查，不写入任何文件',
      force: '替换已存在的汇总包（旧包改名保留）',
      zip: '同时生成 zip 压缩包',
      out: '汇总包写到此文件夹（代替工作目录的 packages/）',
      template: '导出模板文件',
      to: '导出到此文件夹',
      audience: '导出对象：public（公示，脱敏）或 sharing（共享，完整证件号）',
      xlsx: '同时写出督查情况表（.xlsx）到此文件',
      reportOut: '报告文件的路径（默认：已生成汇总包的批次写入 packages/<批次>/报告.html，否则当前文件夹）',
    },
  },
  rules: {
    code: '代码',
    severity: '默认级别',
    fixed: '（固定）',
    meaning: '含义',
    fix: '修改方法',
    unknown: (c) => `没有这个代码：${c}`,
  },
  matrix: { department: '科室/单位', aliases: '别名', domains: '负责领域', authority: '认定部门', domainAliases: '领域别名' },
  compile: {
    written: (p) => `汇总包已生成：${p}`,
    dryRun: '试运行（--dry-run）：检查完毕，未写入任何文件。',
    notWritten: '有错误，未生成汇总包。请通知相关科室按上表修改后重新报送。',
    counts: '汇总',
    rows: '报送条数',
    unchanged: '重复报送未变',
    corrected: '其中更正',
    removals: '移出条数',
    red: '红名单',
    black: '黑名单',
    department: '科室',
    submitted: '已报送',
    nil: '无信息',
    missing: '未报送',
    removalsOnly: '仅移出',
    next: (sheet, verify) => `下一步：核对 ${sheet} 后，将“公示”和“共享”文件夹报送市信用办；可运行 ${verify} 确认包未被改动。`,
    zip: (p) => `压缩包：${p}`,
    replaced: (p) => `原汇总包已改名保留：${p}`,
    notWrittenExists: '本季度的汇总包已存在，未重新生成。如需用现在的材料重新生成，请加 --force（旧包会改名保留）。',
    notWrittenPublished: (next) =>
      `这一批已经发布（见登记簿），不再重新汇总，--force 也不行；更正和补报请放在下一批（补充批次如 ${next}）。`,
    manifestHash: (h, f) => `清单 manifest.json 的 SHA-256：${h}（已存于 ${f}，hrss-credit verify 会核对）`,
    pruned: (ps) => `为免含完整证件号的旧包越积越多，已删除较早的旧汇总包（配置 packages.keepReplaced）：${ps.join('、')}`,
    progress: (d, t, n) => `正在检查 ${d}/${t}：${n}`,
  },
  verify: {
    ok: (n) => `校验通过：${n} 个文件与清单一致。`,
    changed: '已改动',
    missing: '缺失',
    added: '多出',
    bad: (n) => `校验未通过：${n} 处与清单不一致。`,
    inconsistent: '清单数字对不上',
    manifestInvalid: (k, p) =>
      `清单 manifest.json 已损坏或被改动（${k}：${p}），无法校验；请用原始汇总包，或重新运行 hrss-credit compile --force 生成`,
    manifestMismatch: (a, e, f) => `清单 manifest.json 已被改动：其 SHA-256 为 ${a}，与生成时记录的 ${e}（${f}）不同`,
    manifestHashUnreadable: (a, f) =>
      `${f} 中读不出唯一的 SHA-256（64 位十六进制），清单 manifest.json 无法核对；其 SHA-256 为 ${a}：请与生成汇总包时显示的值比对，或用汇总包重新生成该文件`,
    manifestUnchecked: (a, f) => `未找到 ${f}，清单 manifest.json 本身无法核对；其 SHA-256 为 ${a}，请与生成汇总包时显示的值比对`,
  },
  exported: (n, d) => `已导出 ${n} 个文件到 ${d}`,
  progressRows: (f, n) => `正在检查 ${f}：已读 ${n.toLocaleString('zh-CN')} 行`,
  interruptedAfterCommit: (c) =>
    c.kind === 'event'
      ? `收到中断（Ctrl-C）时事件已写入登记簿（第 ${c.seq} 条），命令已做完，无需重做。`
      : `收到中断（Ctrl-C）时汇总包已写入 ${c.path}，命令已做完，无需重做。`,
  status: {
    columns: [
      '科室',
      '已报送',
      '无信息',
      '报送条数',
      '红名单',
      '黑名单',
      '重复报送未变',
      '其中更正',
      '移出条数',
      '错误',
      '警告',
      '审核',
      '审定',
      '案例材料',
    ],
    yes: '是',
    no: '否',
    none: '—',
    unknown: (f) => `${f}（不是矩阵中的科室）`,
    quarterLevel: '（季度整体）',
    total: '合计',
    awaiting: (a) =>
      `${a.department}：${[
        a.removals.length ? `待报移出申请 ${a.removals.length} 条（记录编号 ${a.removals.join('、')}）` : '',
        a.corrections.length ? `待报更正 ${a.corrections.length} 条（记录编号 ${a.corrections.join('、')}）` : '',
      ]
        .filter(Boolean)
        .join('；')}`,
    published: (p) =>
      `${p.batch} 已于 ${p.on} 发布（登记簿第 ${p.seq} 条事件）：以上是各科室报送的情况，不再与登记簿核对；更正和移出请在下一批报送。`,
    findingsHead: (shown, total) => (shown < total ? `问题（先列 ${shown} 条，共 ${total} 条）：` : `问题（${total} 条）：`),
    findingsAll: (c) => `查看全部问题和修改建议：${c}（只检查，不生成汇总包）`,
    objectionColumns: ['异议超期', '异议期限待定'],
    objections: (o) =>
      `${[
        o.overdue.length ? `异议超期 ${o.overdue.length} 件（${o.overdue.join('、')}）` : '',
        o.pending.length ? `异议期限待定 ${o.pending.length} 件（${o.pending.join('、')}；需新建 ${o.files.join('、')}）` : '',
      ]
        .filter(Boolean)
        .join('；')}：查看 hrss-credit objection list --overdue`,
  },
  calendar: zhCalendarUi,
  reports: zhReportsUi,
  forms: {
    help: {
      template: '生成科室填报用的红黑名单工作簿（含下拉列表、填报说明和报送单）',
      templateDepartment: '科室名称，如 就业办',
      quarter: '报送季度（默认为正在收集的季度，即上一季度：10 月里是第三季度）',
      all: '为每个科室各生成一份，放入 submissions/季度/科室/ 文件夹（已有的文件不覆盖）',
      outFile: '写到此文件（默认为当前文件夹下的 科室_季度_信用红黑名单.xlsx）',
      measures: '显示联合奖惩措施清单',
      annotate: '另存一份标出问题单元格的检查结果副本（默认写到 ./检查结果/）',
    },
    written: (p) => `已生成：${p}`,
    skipped: (p) => `已存在，未覆盖：${p}`,
    measures: {
      list: '名单',
      domain: '领域',
      department: '科室',
      basis: '依据',
      items: '措施',
      none: '没有配置联合奖惩措施清单（配置项 measures）。',
      red: '红名单',
      black: '黑名单',
      all: '（所有科室）',
    },
    annotate: {
      written: (p) => `检查结果副本：${p}`,
      zipNoCopy: (z) =>
        `${z} 未生成检查结果副本：压缩包里的名单不生成标注副本（名单是从临时解压的副本读取的，科室报送的文件是压缩包本身）；需要时请把压缩包解压，` +
        '对名单文件单独运行 hrss-credit validate <名单文件> --annotate。',
      sheet: '检查结果',
      link: '转到单元格',
      omitted: (n) => `另有 ${n} 个同类问题因数量过多未逐一标注，请改正上列问题后重新检查。`,
      none: '没有发现问题。',
      title: (file, time, tool) => `检查结果：${file}（检查时间 ${time}，${tool}）`,
      overview: (e, w, i) =>
        `共发现错误 ${e} 处、警告 ${w} 处${i ? `、提示 ${i} 处` : ''}。${e ? '错误须改正后再报送；' : ''}点击“位置”可转到对应单元格，单元格上的批注写明问题和改法。`,
    },
  },
};
