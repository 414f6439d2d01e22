/** Chinese findings about the quarter's package, the calendar, the register, objections and removals (the rest: codes-files.ts). */
import type { CodeCatalogue } from '../types.js';
import { calendarExample } from '../calendar.js';
import { F, list, place, places } from './words.js';
import { zhRemovalType } from './register-codes.js';

/** The config's severity words as the clerk reads them (off: 关闭). */
const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', info: '提示', off: '关闭' };

/** A record named by what the clerk typed and its id — once when what was typed is the id (--record). */
const zhNamed = (query: string, id: string): string => (query === id ? `记录 ${id} ` : `“${query}”对应的记录（编号 ${id}）`);

export const zhRegisterCodes = {
  PACKAGE_DUPLICATE: {
    title: '重复记录',
    message: (a) =>
      `${a.subject} 的同一认定重复出现 ${a.count} 次：${places(a.places)}${a.count > a.places.length ? `……（只列出前 ${a.places.length} 处）` : ''}`,
    hint: () => '同一主体、同一名单、同一领域、同一认定只报送一次；请删除重复行',
  },
  PACKAGE_SAME_SUBJECT: {
    title: '同一主体多次列入',
    message: (a) => `${a.subject} 在同一名单、同一领域中以不同认定再次出现（另见 ${place(a.other)}）`,
    hint: () => '如确为不同的认定可保留；否则请合并或删除',
  },
  PACKAGE_RED_BLACK_CONFLICT: {
    title: '同时列入红名单和黑名单',
    message: (a) => `${a.subject} 本季度同时出现在红名单和黑名单中（另见 ${place(a.other)}）`,
    hint: () => '失信主体不得同时列入红名单；请与相关科室核实，由列入红名单的科室提出移出',
  },
  PACKAGE_SUBMISSION_MISSING: {
    title: '科室未报送',
    message: (a) =>
      a.sentIn !== undefined
        ? `${a.department}没有向本批报送，已在补报批次 ${a.sentIn} 报送（补报（${a.sentIn}））`
        : a.form !== undefined
          ? `${a.department}本季度没有报送：科室文件夹 ${a.form} 中只有 hrss-credit template 生成的空白填报表` +
            '（没有名单行，报送单的填报人和“无信息报告”都未填写）'
          : `${a.department}本季度没有报送（没有科室文件夹或报送单）`,
    hint: (a) =>
      a.sentIn !== undefined
        ? `无需再向本批报送：其名单随 ${a.sentIn} 汇总和公示；本批的汇总包不含该科室`
        : a.form !== undefined
          ? '请该科室填好这张表后放回该文件夹：有名单的填写名单和报送单（含填报人）；无信息的在报送单填写“无信息报告：是”和填报人'
          : '请督促该科室报送；无信息的应报送注明“无信息报告：是”的报送单',
  },
  PACKAGE_QUARTER_DUPLICATE: {
    title: '季度文件夹重复',
    message: (a) => `多个文件夹都表示 ${a.quarter}：${list(a.folders)}`,
    hint: () => '请把材料合并到一个季度文件夹（建议命名为 2026Q3 形式）',
  },
  PACKAGE_EXISTS: {
    title: '汇总包已存在',
    message: (a) => `本季度的汇总包已存在：${a.path}`,
    hint: () => '如需重新生成，请加 --force（旧包会改名保留）',
  },
  EXPORT_REMOVED_NOT_FOUND: {
    title: '移出名单缺少记录内容',
    message: (a) =>
      `${a.quarter} 汇总包移出的 ${a.count} 条记录在登记簿中找不到（${list(a.ids)}）：导出的移出名单只有记录编号、移出类型、移出日期、移出原因和报送科室，名单类型、主体名称、证件号码等列为空`,
    hint: () => '请在编制该汇总包的工作目录中导出（加 -w 指定工作目录），或直接使用汇总包“公示”“共享”文件夹中的移出名单',
  },
  EXPORT_NO_REGISTER: {
    title: '没有登记簿，移出名单缺少记录内容',
    message: (a) =>
      `${a.quarter} 汇总包移出 ${a.count} 条记录（${list(a.ids)}），但这里没有登记簿（不在工作目录中，` +
      '或工作目录还没有 register/events.jsonl）：导出的移出名单只有记录编号、移出类型、移出日期、移出原因和报送科室，' +
      '名单类型、主体名称、证件号码等列为空',
    hint: () => '请在编制该汇总包的工作目录中导出（加 -w 指定工作目录），或直接使用汇总包“公示”“共享”文件夹中的移出名单',
  },
  PACKAGE_DEPARTMENT_DUPLICATE: {
    title: '科室文件夹重复',
    message: (a) => `多个文件夹都是 ${a.department}：${list(a.folders)}`,
    hint: () => '每个科室每季度只用一个文件夹，请合并',
  },
  PACKAGE_BATCH_EMPTY: {
    title: '补充批次没有报送内容',
    message: (a) =>
      `补充批次 ${a.batch} 中没有任何科室的报送（${a.folder} 里没有装有文件的科室文件夹或压缩包），汇总出的包只含登记簿自动带出的内容（到期、撤销），或什么也没有`,
    hint: (a) =>
      `请把本批次各科室的文件夹放进 ${a.folder}/（每个科室一个文件夹，以科室名称命名）；如不需要补充批次，请删除这个空文件夹；只有为报送其中的到期、撤销记录时才发布这个空批次`,
  },
  CALENDAR_NOT_COVERED: {
    title: '工作日日历未覆盖该年份',
    message: (a) => `工作日日历中没有 ${a.year} 年的节假日安排，无法计算工作日（不会按周一至周五猜测）`,
    hint: (a) =>
      `国务院办公厅公布 ${a.year} 年部分节假日安排的通知后，在工作目录中新建 ${a.file}（holidays 写放假的起止日期，workdays 写调休上班的周末），内容如 ${calendarExample(a.year)}；` +
      `或升级 hrss-credit`,
  },
  REGISTER_PACKAGE_CHANGED: {
    title: '汇总包已被改动',
    message: (a) => `${a.batch} 的汇总包与其清单（manifest.json）不符，${a.count} 个文件不一致：${a.changed}；本次未登记发布`,
    hint: (a) => `请重新汇总（hrss-credit compile ${a.batch} --force）后再发布，或找回发出时的原件`,
  },
  PUBLISH_DATE_FUTURE: {
    title: '发布日期晚于今天',
    message: (a) => `${a.batch} 按发布日期 ${a.on} 登记，晚于今天（${a.today}）；今天的各项查询中还看不到这批名单`,
    hint: () => '请核对 --on 的日期：publish 应在市信用办发布当天或之后登记；若日期写错，请用 hrss-credit register note 记下正确的发布日期',
  },
  REGISTER_ALREADY_PUBLISHED: {
    title: '该批次已发布过另一份汇总包',
    message: (a) => `${a.batch} 已于 ${a.publishedOn} 发布（登记簿第 ${a.seq} 条），那份汇总包与现在这份不同`,
    hint: () => '已发布的批次不能改；更正请放到下一批次报送',
  },
  REGISTER_BATCH_PUBLISHED: {
    title: '该批次已发布，不能重新汇总',
    message: (a) =>
      `登记簿记载 ${a.batch} 已于 ${a.publishedOn} 发布（第 ${a.seq} 条），packages/${a.batch} 是当时发出的汇总包；本次未重新汇总，原汇总包未改动`,
    hint: (a) => `已发布的批次不能改（--force 也不行）；更正或补报请放到下一批次（如补充批次 ${a.next}，或下一季度）报送`,
  },
  OBJECTION_RECORD_NOT_FOUND: {
    title: '找不到异议所涉记录',
    message: (a) =>
      !a.notPublic
        ? `登记簿中没有与“${a.query}”相符的公示中记录；异议未登记`
        : a.notPublic.status === 'expired'
          ? `${zhNamed(a.query, a.notPublic.id)}公示截止日期为 ${a.notPublic.on}，收到异议的 ${a.notPublic.received} 已不在公示中；异议未登记`
          : `${zhNamed(a.query, a.notPublic.id)}已于 ${a.notPublic.on} 移出名单（${zhRemovalType(a.notPublic.type ?? '')}），` +
            `收到异议的 ${a.notPublic.received} 已不在公示中；异议未登记`,
    hint: (a) =>
      a.notPublic
        ? '公示异议针对收到当天仍在公示的信息：请核对 --received 是否为实际收到日期；确已不在公示的，请按来信来访另行答复'
        : '请用 hrss-credit register list --find 查到记录编号，再用 --record 指定',
  },
  OBJECTION_BEFORE_PUBLICATION: {
    title: '收到异议时该记录尚未公示',
    message: (a) =>
      `“${a.query}”对应的记录由 ${a.batch} 于 ${a.publishedOn} 公示，而异议收到日期是 ${a.received}，早于公示；异议针对的是已公示的信息，本次未登记`,
    hint: () => '请核对 --received 收到日期；如确是公示前提出的意见，不按公示异议登记',
  },
  OBJECTION_AMBIGUOUS: {
    title: '异议所涉记录不唯一',
    message: (a) => `“${a.query}”对应 ${a.count} 条公示中记录（${a.ids}）；异议未登记`,
    hint: () => '请加 --record 记录编号，指明异议针对哪一条',
  },
  OBJECTION_LATE: {
    title: '异议逾期办结',
    message: (a) => `异议 ${a.number} 的办理期限是 ${a.deadline}，于 ${a.resolvedOn} 办结，已超期；办结登记后留作督查记录`,
    hint: () => '异议应在收到后 3 个工作日内（需数据提供单位核实的 7 个工作日内）核查处理，今后请及时办理',
  },
  OBJECTION_OVERDUE: {
    title: '异议已超期未办结',
    message: (a) =>
      `异议 ${a.number} 的办理期限是 ${a.deadline}，今天（${a.today}）仍未办结${a.workingDaysLeft !== null ? `，已超期 ${-a.workingDaysLeft} 个工作日` : ''}`,
    hint: (a) =>
      `请尽快核查，并用 hrss-credit objection resolve ${a.number} --outcome 维持|更正|撤销 --opinion "…" 登记处理结果（结果三选一，处理意见写在引号里）`,
  },
  OBJECTION_NOT_FOUND: {
    title: '没有这个异议编号',
    message: (a) => `登记簿中没有异议 ${a.number}`,
    hint: () => '请用 hrss-credit objection list --all 查看已登记的异议编号',
  },
  OBJECTION_OPEN: {
    title: '异议尚未办结，不能出具处理意见书',
    message: (a) =>
      `异议 ${a.number}（${a.received} 收到${a.deadline ? `，办理期限 ${a.deadline}` : ''}）尚未办结：处理意见书要写明处理结果、经办人和处理意见；本次未生成`,
    hint: (a) => `核查后先用 hrss-credit objection resolve ${a.number} --outcome 维持|更正|撤销 --opinion "…" 登记处理结果，再出具意见书`,
  },
  OBJECTION_ALREADY_RESOLVED: {
    title: '异议已办结',
    message: (a) => `异议 ${a.number} 已于 ${a.resolvedOn} 办结（${a.outcome}），不能再次办结；本次未登记`,
    hint: () => '如处理结果有误，请用 hrss-credit register note 说明，并另行登记新的异议',
  },
  OBJECTION_NOT_PUBLIC: {
    title: '撤销的记录已不在公示中',
    message: (a) =>
      `异议 ${a.number} 所涉记录（编号 ${a.id}）` +
      (a.type === 'expired'
        ? `的公示期已于 ${a.removedOn} 届满`
        : `已于 ${a.removedOn}${a.batch ? ` 随 ${a.batch}` : ''} 移出名单（${zhRemovalType(a.type)}）`) +
      '，撤销不再移出它，也不列入下一批的移出名单；处理结果仍可登记',
    hint: (a) =>
      a.type === 'corrected'
        ? '这条记录已被更正后的新记录取代：如要撤销的是新记录，请对新记录另行登记异议并办结'
        : '无需处理；处理意见书照常出具',
  },
  FILE_UNTOUCHED_FORM: {
    title: '未填写的空白报送表',
    message: (a) =>
      `“${a.name}”是 hrss-credit template 生成、未填写的空白报送表（无名单行、未填填报人和无信息报告），科室另有已填写的文件，此表未读取`,
    hint: () => '无需处理；如要整理文件夹，可删去此空白表',
  },
  REGISTER_REMOVED_RESENT: {
    title: '已移出的记录又被报送',
    message: (a) =>
      `这条记录（编号 ${a.id}，${a.department} 发布）已于 ${a.on} 移出名单（${zhRemovalType(a.type)}），本行与它是同一认定文书，本批次不再发布`,
    hint: () => '请科室在下次报送时删去此行；如有新的认定决定需要再次列入，请填新的认定文书号报送',
  },
  REGISTER_IMPORT_OUT_OF_ORDER: {
    title: '导入顺序颠倒',
    message: (a) =>
      `已导入 ${a.batch}（${a.publishedOn} 发布），但登记簿里已有更晚的 ${a.later}（${a.laterOn} 发布）：登记簿按记录先后处理，两批都有的记录以后导入的 ${a.batch} 为准`,
    hint: (a) =>
      `请用 hrss-credit register list 核对两批都有的记录；以后请按发布先后导入（先导入 ${a.batch} 这样较早的批次，再导入或发布 ${a.later} 之后的批次）`,
  },
  IMPORT_DATE_FUTURE: {
    title: '导入的发布日期晚于今天',
    message: (a) => `${a.batch} 按发布日期 ${a.on} 导入，晚于今天（${a.today}）；今天的各项查询中还看不到这批名单`,
    hint: () =>
      '请核对 --published-on 的日期：register import 导入的是已经发布过的名单，发布日期应在今天或之前；若日期写错，请用 hrss-credit register note 记下正确的发布日期',
  },
  OBJECTION_DEADLINE_PENDING: {
    title: '异议办理期限待定',
    message: (a) =>
      `异议 ${a.number} 的办理期限要用到 ${a.year} 年的节假日安排，工作日日历中还没有，期限暂未计算（不会按周一至周五猜测），objection list 中显示为待定`,
    hint: (a) =>
      `国务院办公厅公布 ${a.year} 年部分节假日安排的通知后，在工作目录中新建 ${a.file}，内容如 ${calendarExample(a.year)}` +
      `（按通知补全全部放假区间和调休上班日）；之后期限自动算出。期间请按 ${a.workingDays} 个工作日自行掌握办理时限`,
  },
  FILE_FEEDBACK_COPY: {
    title: '检查结果副本',
    message: (a) => `“${a.name}”是 hrss-credit validate --annotate 生成的检查结果副本，不是名单，未读取`,
    hint: () => '请按检查结果改正原表后报送原表，并把检查结果副本移出科室文件夹',
  },
  REGISTER_ALREADY_ACTIVE: {
    title: '记录已在公示中',
    message: (a) => `这条记录（编号 ${a.id}）已由 ${a.department} 在 ${a.quarter} 发布且仍在公示期内，内容相同，本批次不再重复发布`,
    hint: () => '无需处理；如不想看到此提示，报送时只报新增记录即可',
  },
  REGISTER_CHANGED: {
    title: '与已公示记录不一致',
    message: (a) => `这条记录（编号 ${a.id}）已由 ${a.department} 发布且仍在公示中，但“${a.fields.map(F).join('”“')}”与已公示的不同`,
    hint: () => '如是更正，请在名单的“更正原文书号”列填原认定文书号（文书号未变的，填它本身）；如不是更正，请删去此行或改回与已公示的一致',
  },
  REGISTER_CORRECTION_APPLIED: {
    title: '按异议处理结果更正',
    message: (a) =>
      `这条记录（编号 ${a.id}）的异议 ${a.objection} 已按“更正”办结，本行即其更正：“${a.fields.map(F).join('”“')}”按本行发布，原内容不再公示`,
    hint: () => '无需处理；请核对更正后的内容无误',
  },
  REGISTER_RED_ON_BLACK: {
    title: '红名单主体被列入黑名单',
    message: (a) => `该主体正在红名单上公示（记录编号 ${a.id}，${a.department} 发布），不能同时列入黑名单`,
    hint: (a) => `请 ${a.department} 在本批次报送该红名单记录的移出申请（移出类型：违法违规移出），再一并汇总`,
  },
  REGISTER_BLACK_ON_RED: {
    title: '黑名单主体被列入红名单',
    message: (a) => `该主体正在黑名单上公示（记录编号 ${a.id}，${a.department} 发布），不能列入红名单`,
    hint: () => '黑名单公示期内不得列入红名单；请删去此行，待黑名单移出后再报',
  },
  REGISTER_WEAK_IDENTITY: {
    title: '记录只能按名称识别',
    message: (a) => `“${a.subject}”没有有效的统一社会信用代码或身份证号，登记簿只能按名称识别（记录编号 ${a.id}）`,
    hint: () => '请补填有效的统一社会信用代码（单位、个体工商户）或身份证号（自然人），以免重名时混淆',
  },
  REGISTER_BATCH_ORDER: {
    title: '批次发布顺序不对',
    message: (a) => `${a.batch} 不能在同季度更早的批次 ${a.earlier} 之前发布`,
    hint: (a) => `请先发布 ${a.earlier}（hrss-credit publish ${a.earlier}），再发布 ${a.batch}`,
  },
  REMOVAL_NOT_FOUND: {
    title: '移出申请找不到记录',
    message: (a) =>
      a.removed
        ? `${a.subject}的这条记录（编号 ${a.removed.id}）已于 ${a.removed.on}${a.removed.batch ? ` 随 ${a.removed.batch}` : ''} 移出名单` +
          `（${zhRemovalType(a.removed.type)}），不在公示中，无需再申请移出`
        : `登记簿中没有正在公示的${a.listType === 'red' ? '红' : '黑'}名单记录：${a.subject}${a.decisionNo ? `（认定文书号 ${a.decisionNo}）` : ''}`,
    hint: (a) =>
      a.removed
        ? '这一行是已经办结的移出申请（常见于沿用上季度的表格）：请删去这一行（或整张“移出申请”表）后重新汇总'
        : '请核对名单类型、主体名称、统一社会信用代码或证件号码和认定文书号，与已公示的记录一致（可用 hrss-credit register list --find 查找）',
  },
  REMOVAL_AMBIGUOUS: {
    title: '移出申请对应多条记录',
    message: (a) => `${a.subject} 有 ${a.count} 条正在公示的记录（编号 ${list(a.ids)}），申请没有说明移出哪一条`,
    hint: () => '请在“认定文书号”列填写要移出的那条记录的认定文书号',
  },
  REMOVAL_NOT_OWNER: {
    title: '只能移出本科室发布的记录',
    message: (a) => `记录 ${a.id} 由 ${a.owner} 发布，${a.department} 不能申请移出（谁发布、谁负责）`,
    hint: (a) => `请由 ${a.owner} 报送这条移出申请`,
  },
  REMOVAL_TYPE_MISMATCH: {
    title: '移出类型与名单类型不符',
    message: (a) => `记录 ${a.id} 在${a.listType === 'red' ? '红' : '黑'}名单上，不能“${zhRemovalType(a.removalType)}”`,
    hint: () => '违法违规移出只用于红名单，提前移出只用于黑名单；请改正移出类型',
  },
  REMOVAL_FILING_MISSING: {
    title: '提前移出缺少审查或报备日期',
    message: (a) =>
      `记录 ${a.id} 申请提前移出，但未填${a.missing.map((m) => (m === 'reviewedOn' ? '“审查日期”' : '“报备市信用办日期”')).join('和')}`,
    hint: () => '提前移出须经本科室审查并报市信用办备案，请填写审查日期和报备市信用办日期',
  },
  REMOVAL_TOO_EARLY: {
    title: '提前移出早于最短公示期',
    message: (a) =>
      `记录 ${a.id} 于 ${a.publishedOn} 发布，失信程度“${a.severity}”最短公示 ${a.months} 个月，${a.on} 移出早于 ${a.earliest}`,
    hint: (a) => `请核实；最短公示期满（${a.earliest}）后再申请提前移出`,
  },
  REMOVAL_DUPLICATE: {
    title: '同一记录有多条移出申请',
    message: (a) => `记录 ${a.id} 有多条移出申请：${places(a.places)}`,
    hint: () => '每条记录只留一条移出申请，删去其余的',
  },
  REMOVAL_DATE_INVALID: {
    title: '移出申请日期有误',
    message: (a) =>
      `“${a.header}”的值“${a.value}”` +
      (a.reason === 'format'
        ? '不是可识别的日期'
        : a.reason === 'future'
          ? `晚于今天（${a.limit ?? ''}）`
          : `早于该记录的发布日期（${a.limit ?? ''}）`),
    hint: () => '请填写形如 2026-09-30 的真实日期，不晚于今天、不早于记录发布日期',
  },
  REMOVAL_TYPE_INVALID: {
    title: '移出类型未填或不对',
    message: (a) => (a.value ? `移出类型“${a.value}”不是可用的类型` : '未填移出类型'),
    hint: (a) => `请填写：${list(a.allowed)}`,
  },
  CORRECTION_TARGET_NOT_FOUND: {
    title: '更正找不到原记录',
    message: (a) => `更正原文书号“${a.decisionNo}”没有对应 ${a.department} 发布的、同一主体正在公示的记录`,
    hint: () => '请核对更正原文书号是否与原公示记录的认定文书号一致；如不是更正，请清空该列',
  },
  CONFIG_SEVERITY_FIXED: {
    title: '配置：该代码的级别不能更改',
    message: (a) =>
      `配置项 ${a.key} 要求改为“${SEVERITY_ZH[a.value] ?? a.value}”，但 ${a.code} 的级别固定为“${SEVERITY_ZH[a.fixed] ?? a.fixed}”，` +
      '不能更改；该设置未生效',
    hint: (a) => `请从配置文件的 severity 中删去“${a.code}”（运行 hrss-credit rules ${a.code} 可查看说明）；要让文件通过，须改正文件本身`,
  },
  CONFIG_FILE_MISSING: {
    title: '配置：指定的文件不存在',
    message: (a) =>
      `配置项 ${a.key} 指定的文件 ${a.file} 不存在；该设置未生效，` +
      (a.key === 'measures'
        ? '没有联合奖惩措施清单：检查不补填、不核对奖惩措施，生成科室报送表（template）和 measures 不能运行'
        : '仍使用内置日历和 calendar 文件夹中的日历'),
    hint: (a) => `请把该文件放到工作区的 ${a.file}，或从配置文件中删去 ${a.key}`,
  },
  TEMPLATE_CODES_INCOMPLETE: {
    title: '导出模板：代码表不全',
    message: (a) => `导出模板“${a.column}”列的 codes 代码表中没有“${a.labels}”的代码；这些记录会以文字混在代码中导出`,
    hint: (a) => `请在模板该列的 codes 中逐个补上（如 "${a.labels.split('、')[0]}": "…"，代码以市信用办的要求为准），或去掉 "codes"`,
  },
} satisfies Partial<CodeCatalogue>;
