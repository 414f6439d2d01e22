/** 中文消息（默认）。每条消息说明问题所在，提示说明如何修改。 */
import type { CodeArgs, PlaceArg } from '../diagnostics/codes.js';
import type { CodeCatalogue, ToolErrorCatalogue, UiText } from './types.js';
import { visible } from '../domain/text.js';
import { COVER_KEYS } from '../schemas/cover.js';
import { calendarExample, calendarFileInvalidZh, zhCalendarUi } from './calendar.js';
import { zhReportsUi } from './reports.js';
import { zhRemovalType } from './register-codes.js';

/** A column or cover entry by its key (args are data); a list of names joined the Chinese way. */
const F = (key: string): string => zhUi.fieldNames[key] ?? key;
const PERSONAL_KIND_ZH = { idNumber: '身份证号码', mobile: '手机号码', landline: '固定电话号码' } as const;
const list = (names: readonly string[]): string => names.join('、');
const place = (p: PlaceArg): string => `${p.file}${p.sheet ? `（${p.sheet}）` : ''}${p.row !== undefined ? ` 第 ${p.row} 行` : ''}`;
const places = (ps: readonly PlaceArg[]): string => ps.map(place).join('；');

export function bytesZh(n: number | undefined): string {
  if (n === undefined) return '';
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n >= 100 * 1024 * 1024 ? 0 : 1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${n} 字节`;
}

const LIMIT_ZH: Record<NonNullable<CodeArgs['FILE_UNREADABLE']['limit']>, (a: CodeArgs['FILE_UNREADABLE']) => string> = {
  maxFileBytes: (a) => `文件大小 ${bytesZh(a.actual)} 超过上限 ${bytesZh(a.max)}（limits.maxFileBytes）`,
  maxUnzippedBytes: (a) =>
    `${a.detail === 'zip' ? '压缩包' : '工作簿'}解压后超过 ${bytesZh(a.max)}（limits.maxUnzippedBytes），可能是压缩炸弹`,
  maxZipRatio: (a) =>
    `${a.detail === 'zip' ? '压缩包' : '工作簿'}的压缩比 ${a.actual ?? ''}:1 超过上限 ${a.max ?? ''}:1（limits.maxZipRatio），可能是压缩炸弹`,
  maxRows: (a) => `行数超过上限 ${a.max ?? ''} 行（limits.maxRows）`,
  maxColumns: (a) => `列数 ${a.actual ?? ''} 超过上限 ${a.max ?? ''} 列（limits.maxColumns）`,
  maxCellChars: (a) => `单元格内容超过上限 ${a.max ?? ''} 个字符（limits.maxCellChars）`,
  maxAttachmentBytes: (a) => `文件超过上限 ${bytesZh(a.max)}（limits.maxAttachmentBytes）`,
  maxZipEntries: (a) =>
    `${a.detail === 'zip' ? '压缩包' : '工作簿'}内含 ${a.actual ?? ''} 个文件，超过上限 ${a.max ?? ''} 个（limits.maxZipEntries），可能是压缩炸弹`,
  maxXmlDepth: (a) => `工作簿内部 XML 嵌套超过 ${a.max ?? ''} 层（limits.maxXmlDepth），文件已损坏或是恶意构造的`,
  maxSharedStrings: (a) => `工作簿的共享文本超过上限 ${a.max ?? ''} 条（limits.maxSharedStrings）`,
  maxSharedStringChars: (a) => `工作簿的共享文本合计超过上限 ${a.max ?? ''} 个字符（limits.maxSharedStringChars）`,
  maxSheets: (a) => `工作簿的工作表数 ${a.actual ?? ''} 超过上限 ${a.max ?? ''} 个（limits.maxSheets）`,
};

const UNREADABLE_ZH: Record<CodeArgs['FILE_UNREADABLE']['reason'], (a: CodeArgs['FILE_UNREADABLE']) => string> = {
  damaged: (a) => `文件已损坏或不完整，无法读取${a.detail ? `（${a.detail}）` : ''}`,
  notWorkbook: (a) => `文件扩展名是 Excel 工作簿，但内容不是${a.detail ? `（实际是 ${a.detail}）` : ''}`,
  notText: (a) => `CSV/文本文件的内容不是文本${a.detail ? `（实际是 ${a.detail}）` : ''}`,
  limit: (a) => (a.limit ? LIMIT_ZH[a.limit](a) : '文件超过安全上限'),
  io: (a) => `读取文件时出错（${a.detail ?? ''}）：文件可能正被其他程序占用、已被移走或没有读取权限`,
  locked: (a) => `文件正被其他程序（通常是 Excel 或 WPS）打开占用，无法读取（${a.detail ?? ''}）`,
  empty: () => '文件是空的（0 字节）',
  xml: (a) => `工作簿内部的 XML 无法解析${a.detail ? `（${a.detail}）` : ''}`,
};

const NAME_PROBLEM_ZH: Record<NonNullable<CodeArgs['EVIDENCE_PATH_UNSAFE']['problem']>, string> = {
  device: '是 Windows 保留的设备名',
  character: '含有 Windows 不允许的字符或控制字符',
  trailing: '以点或空格结尾',
  empty: '名称为空',
  tooLong: '太长：一个文件名最多约 75 个汉字，附件下的整个路径最多 140 个字',
};

const BECAUSE_ZH = {
  organisation: '（法人及非法人组织必填）',
  person: '（自然人必填）',
  black: '（黑名单必填）',
  business: '（个体工商户必填）',
} as const;

export const zhCN: CodeCatalogue = {
  FILE_UNREADABLE: {
    title: '文件无法读取',
    message: (a) => UNREADABLE_ZH[a.reason](a),
    hint: (a) =>
      a.reason === 'limit'
        ? '请确认文件是否正确；确需处理更大的文件时，在 hrss-credit.config.json 的 limits 中调高对应上限'
        : a.reason === 'locked'
          ? '请在 Excel/WPS 中关闭这个文件（必要时在任务管理器中结束残留的 Excel 进程）后重新检查'
          : a.reason === 'io'
            ? '请关闭正在打开该文件的 Excel/WPS，确认文件仍在原处且有读取权限后重试'
            : '请用 Excel 或 WPS 打开该文件确认内容，再“另存为”Excel 工作簿（.xlsx）；无法打开的，请向报送人索取原文件',
  },
  FILE_UNSUPPORTED: {
    title: '不支持的文件格式',
    message: (a) =>
      a.encrypted && a.inZip
        ? '压缩包里的这个文件设置了密码（已加密），无法读取'
        : a.encrypted
          ? '工作簿设置了打开密码（已加密），无法读取'
          : `不支持 .${a.format} 格式的文件`,
    hint: (a) =>
      a.encrypted && a.inZip
        ? '请重新压缩时不要设置密码（在压缩软件中不勾选“加密”或“设置密码”），或直接报送科室文件夹'
        : a.encrypted
          ? '请在 Excel/WPS 中取消“用密码进行加密”后另存为 .xlsx'
          : '请用 Excel/WPS 打开后“另存为”Excel 工作簿（.xlsx），或运行 soffice --headless --convert-to xlsx 文件名',
  },
  FILE_ENCODING: {
    title: '文本编码错误',
    message: (a) =>
      `第 ${a.row} 行含有按 ${a.encoding === 'gb18030' ? 'GB18030（GBK）' : a.encoding.toUpperCase()} 编码无法识别的字节，文字已乱码`,
    hint: () => '请在 Excel 中打开原始表格，另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后重新报送',
  },
  FILE_NO_LIST: {
    title: '文件中没有名单',
    message: (a) => `文件中的 ${a.sheets} 个工作表都不是红黑名单（没有找到含“主体名称”等列的表头）`,
    hint: () => '名单工作表的前 10 行中应有表头行，至少包含“主体名称”及另外两个规定列；或将工作表命名为“红名单”“黑名单”',
  },
  FILE_LOOSE: {
    title: '文件放错位置',
    message: (a) => `文件“${a.name}”直接放在季度文件夹中，不属于任何科室`,
    hint: () => '请把它移到报送科室的文件夹里（如 submissions/2026Q3/就业办/）',
  },
  SHEET_HEADER_NOT_FOUND: {
    title: '找不到表头',
    message: (a) => `前 ${a.rowsSearched} 行中找不到表头（应有“主体名称”及至少两个其他规定列）`,
    hint: () => '请使用报送模板的表头，例如：名单类型、领域、主体类别、主体名称、统一社会信用代码、列入事由、认定依据、认定日期',
  },
  SHEET_COLUMN_MISSING: {
    title: '缺少列',
    message: (a) =>
      a.rows ? `缺少“${F(a.field)}”列，有 ${a.rows} 行需要填写（首行为第 ${a.firstRow} 行）` : `缺少必需的“${F(a.field)}”列`,
    hint: (a) => `请在表头中增加“${F(a.field)}”列并逐行填写`,
  },
  SHEET_COLUMN_DUPLICATE: {
    title: '列重复',
    message: (a) => `“${F(a.field)}”出现在多列（${a.columns}），只读取第一列`,
    hint: () => '请删除或改名重复的列，保证每项内容只有一列',
  },
  SHEET_COLUMN_UNKNOWN: {
    title: '无法识别的列',
    message: (a) => `${a.column} 列的表头“${a.header}”不是规定的列，该列不会被读取`,
    hint: () => '如是规定列的别名写法，请改用标准列名（运行 hrss-credit rules SHEET_COLUMN_UNKNOWN 查看）；确属附加信息可忽略',
  },
  SHEET_HIDDEN: {
    title: '隐藏的内容',
    message: (a) => (a.what === 'sheet' ? '该名单工作表被隐藏，未作为名单读取' : '该行被隐藏，仍按数据读取'),
    hint: (a) => (a.what === 'sheet' ? '如需报送，请取消隐藏工作表' : '请确认隐藏行是否确需报送；不需要的请删除'),
  },
  SCHEMA_REQUIRED: {
    title: '必填项为空',
    message: (a) => `“${F(a.field)}”不能为空${a.because ? BECAUSE_ZH[a.because] : ''}`,
    hint: (a) => `请填写“${F(a.field)}”`,
  },
  SCHEMA_ENUM: {
    title: '取值不在规定范围',
    message: (a) => `“${F(a.field)}”的值“${a.value}”不在规定范围内`,
    hint: (a) => `可填写：${list(a.allowed)}`,
  },
  SCHEMA_LIST_TYPE_CONFLICT: {
    title: '名单类型与表名矛盾',
    message: (a) => `名单类型“${a.value}”与工作表/文件名“${a.name}”${a.name === a.fromName ? '' : `（${a.fromName}）`}矛盾`,
    hint: () => '请核对该记录应列入红名单还是黑名单，并放到对应的工作表中',
  },
  SCHEMA_DATE_INVALID: {
    title: '日期无法识别',
    message: (a) =>
      a.reason === 'nonexistent'
        ? `“${F(a.field)}”的日期“${a.value}”不存在`
        : a.reason === 'timeOfDay'
          ? `“${F(a.field)}”的值“${a.value}”带有时间，只应填写日期`
          : `“${F(a.field)}”的值“${a.value}”不是有效日期`,
    hint: (a) =>
      a.reason === 'timeOfDay'
        ? '请删去时间，只保留日期（如 2026-08-03）：可把单元格格式设为“日期”并重新输入日期'
        : '请填写完整日期，如 2026-08-03、2026/8/3 或 2026年8月3日（年份写四位）',
  },
  SCHEMA_DATE_FUTURE: {
    title: '日期晚于今天',
    message: (a) => `“${F(a.field)}”${a.value} 晚于今天（${a.today}）`,
    hint: () => '认定日期应为已作出认定的日期，请核对',
  },
  SCHEMA_DATE_ORDER: {
    title: '日期先后颠倒',
    message: (a) => `公示截止日期 ${a.publishUntil} 早于认定日期 ${a.decisionDate}`,
    hint: () => '请核对两个日期，公示截止日期应在认定日期之后',
  },
  SCHEMA_DATE_OUT_OF_QUARTER: {
    title: '认定日期不在本季度',
    message: (a) => `认定日期 ${a.value} 不在报送季度 ${a.quarter}（${a.start} 至 ${a.end}）内`,
    hint: () => '如属往期补报可保留；否则请核对认定日期或报送季度',
  },
  SCHEMA_EXPIRED: {
    title: '已过公示期',
    message: (a) => `公示截止日期 ${a.publishUntil} 已早于今天（${a.today}），没有可公示的内容`,
    hint: () => '已到期的记录不再报送；请删除该行或核对日期',
  },
  SCHEMA_PERIOD_TOO_LONG: {
    title: '公示期限超过上限',
    message: (a) => `公示截止日期 ${a.publishUntil} 超过${a.domain ? `“${a.domain}”领域` : ''}上限 ${a.years} 年（最晚 ${a.latest}）`,
    hint: () =>
      '红黑名单对外公开期限一般不超过三年（发布制度第四条第（四）项）；法律法规另有规定的，请在配置 publication.domainMaxYears 中登记',
  },
  SCHEMA_PERIOD_SEVERITY: {
    title: '公示期限超过失信程度上限',
    message: (a) =>
      `失信程度为“${a.severity}”，公示期最长 ${a.months} 个月（至 ${a.latest}），但公示截止日期${a.computed ? `未填写，按默认计算为 ${a.publishUntil}` : `为 ${a.publishUntil}`}`,
    hint: (a) =>
      a.computed
        ? `依国办发〔2025〕22号：轻微不超过3个月，一般不超过1年，严重不超过3年；请在“公示截止日期”列填写不晚于 ${a.latest} 的日期，或核对失信程度`
        : '依国办发〔2025〕22号：轻微不超过3个月，一般不超过1年，严重不超过3年；请核对失信程度或截止日期',
  },
  SCHEMA_CREDIT_CODE_FORMAT: {
    title: '统一社会信用代码格式错误',
    message: (a) =>
      a.reason === 'idNumber'
        ? `统一社会信用代码列填的是“${a.value}”：这像是身份证号码，请填在证件号码列`
        : `统一社会信用代码“${a.value}”格式错误：应为 18 位数字或大写字母（不含 I、O、S、V、Z），实为 ${a.length} 位`,
    hint: (a) =>
      a.reason === 'idNumber'
        ? '自然人的身份证号码请填在“证件号码”列，主体类别填“自然人”，统一社会信用代码列留空'
        : '请对照营业执照或登记证书核对代码',
  },
  SCHEMA_CREDIT_CODE_CHECKSUM: {
    title: '统一社会信用代码校验错误',
    message: (a) =>
      a.position === 18
        ? `统一社会信用代码“${a.value}”校验位错误：最后一位应为 ${a.expected}`
        : `统一社会信用代码“${a.value}”中的组织机构代码校验位（第 17 位）错误：应为 ${a.expected}`,
    hint: () => '多为录入错误，请对照营业执照核对；确属早期试点发放的合法代码，请加入配置 creditCode.allow',
  },
  SCHEMA_ID_FORMAT: {
    title: '证件号码格式错误',
    message: (a) =>
      a.reason === 'birthDate'
        ? `“${F(a.field)}”${a.value} 中的出生日期不存在`
        : `“${F(a.field)}”${a.value} 格式错误：居民身份证号码应为 18 位（末位可为 X）或 15 位数字`,
    hint: () => '请对照身份证核对号码；非居民身份证请在“证件类型”列注明',
  },
  SCHEMA_ID_CHECKSUM: {
    title: '身份证号码校验错误',
    message: (a) => `“${F(a.field)}”${a.value} 校验位错误：最后一位应为 ${a.expected}`,
    hint: () => '多为录入错误，请对照身份证核对',
  },
  SCHEMA_ID_PRECISION_LOST: {
    title: '号码被 Excel 截断',
    message: (a) => `“${F(a.field)}”${a.value} 被 Excel 或 WPS 当作数字保存，后几位已丢失`,
    hint: () => '请将该列设置为“文本”格式后，从原始资料重新录入完整号码（不要直接改格式，丢失的数字无法恢复）',
  },
  SCHEMA_SUBJECT_MISMATCH: {
    title: '证件与主体类别不符',
    message: (a) =>
      a.reason === 'personWithCreditCode'
        ? '主体类别为“自然人”，却只填写了统一社会信用代码、没有证件号码'
        : a.reason === 'organisationWithBusinessCode'
          ? '主体类别为“法人及非法人组织”，但统一社会信用代码以 92 开头（个体工商户）'
          : '主体类别为“个体工商户”，但统一社会信用代码不以 92 开头',
    hint: () => '请核对主体类别：个体工商户、自然人、法人及非法人组织',
  },
  SCHEMA_MINOR: {
    title: '未成年人不得列入黑名单公示',
    message: (a) => `证件号码 ${a.value} 的当事人在认定日期 ${a.decisionDate} 时未满 18 周岁（${a.age} 岁）`,
    hint: () => '未成年人信息不得公开，请删除该行或核对证件号码',
  },
  SCHEMA_FORMULA_NO_VALUE: {
    title: '公式没有计算结果',
    message: (a) => `“${F(a.field)}”是公式（=${a.formula}），但文件中没有保存计算结果`,
    hint: () => '请在 Excel/WPS 中打开并重新保存文件，或把公式复制后“选择性粘贴为数值”',
  },
  SCHEMA_CELL_ERROR: {
    title: '单元格是错误值',
    message: (a) => `“${F(a.field)}”是错误值 ${a.value}`,
    hint: () => '请修正公式或直接填写内容',
  },
  SCHEMA_NORMALISED: {
    title: '已规范化',
    message: (a) => `“${F(a.field)}”已由“${a.from}”规范为“${a.to}”`,
    hint: () => '无需处理；如希望原表一致，可按规范写法修改',
  },
  SCHEMA_PERSONAL_INFO: {
    title: '文字中含有个人信息',
    message: (a) =>
      `“${F(a.field)}”中含有${PERSONAL_KIND_ZH[a.kind]} ${a.value}：${a.field in COVER_KEYS ? '报送单不公示，终端、JSON 和报告中一律脱敏显示' : '公示文件中将脱敏显示，共享文件中保留原样'}`,
    hint: (a) =>
      a.field in COVER_KEYS
        ? '报送单的填报人、审核人、审定人只填姓名；电话只填在“联系电话”栏，身份证号码不必填写'
        : '身份证号码、电话号码属于个人信息，不要写在名称、事由、依据、移出原因、备注等文字栏里；自然人的身份证号码请填在“证件号码”列，电话号码不应报送',
  },
  TEXT_PERSONAL_INFO: {
    title: '登记的文字中含有个人信息',
    message: (a) =>
      `${a.option === 'note' ? '备注' : a.option}中含有${PERSONAL_KIND_ZH[a.kind]} ${a.value}：已照原样登记（登记簿是内部记录），终端、JSON、公示和报告中一律脱敏显示`,
    hint: () => '异议摘要、处理意见和备注里不必写身份证号码或电话号码；申请人的联系方式请写在 --from 里（只用于异议处理意见书）',
  },
  SCHEMA_CHARACTER_INVALID: {
    title: '单元格含有无效字符',
    message: (a) => `“${F(a.field)}”含有不可见的无效字符 ${a.codepoint}，写入汇总包时替换为 U+FFFD（替换字符）`,
    hint: () => '多由复制粘贴带入；请在原表中删除该字符后重新保存（可将该单元格内容重新输入一遍）',
  },
  MEASURES_FILLED: {
    title: '奖惩措施已按清单补全',
    message: (a) =>
      `“奖惩措施”未填写，已按联合奖惩措施清单补入${a.list === 'red' ? '红名单' : '黑名单'}“${a.domain}”领域的 ${a.items} 项措施`,
    hint: () => '如补入的措施不适用于该主体，请在“奖惩措施”中写明实际采取的措施（运行 hrss-credit measures 查看清单）',
  },
  MEASURES_UNLISTED: {
    title: '奖惩措施不在清单中',
    message: (a) => `奖惩措施“${a.measure}”不在${a.list === 'red' ? '红名单' : '黑名单'}“${a.domain}”领域的联合奖惩措施清单中`,
    hint: () =>
      '请按清单的写法填写（运行 hrss-credit measures 查看），多项措施用“；”分隔；确需清单外的措施，请与局信用工作牵头科室确认后补入清单',
  },
  MATRIX_DEPARTMENT_UNKNOWN: {
    title: '无法确定报送科室',
    message: (a) => (a.source === 'none' ? '无法确定报送科室：文件夹名和报送单都没有给出' : `“${a.name}”不是责任清单中的科室或单位`),
    hint: () =>
      '请把科室文件夹命名为责任清单中的名称（运行 hrss-credit matrix 查看），或用 --department 指定；新增科室请在配置 matrix 中登记',
  },
  MATRIX_DOMAIN_NOT_ALLOWED: {
    title: '领域不属于本科室',
    message: (a) => `${a.department}不负责报送“${a.domain}”领域（本科室负责：${list(a.allowed)}）`,
    hint: (a) => (a.responsible.length ? `“${a.domain}”领域应由 ${list(a.responsible)} 报送` : '请核对领域；确需调整职责请修改配置 matrix'),
  },
  COVER_MISSING: {
    title: '缺少报送单',
    message: (a) => (a.lists > 0 ? `科室文件夹有 ${a.lists} 个名单文件，但没有报送单` : '科室文件夹中没有报送单'),
    hint: () => '请附上报送单（报送单.xlsx，或名单工作簿中名为“报送单”的工作表），填写报送单位、季度、填报人及审核、审定人和日期',
  },
  COVER_DUPLICATE: {
    title: '报送单重复',
    message: (a) => `有多份报送单：${places(a.covers)}`,
    hint: () => '每个科室每季度只保留一份报送单',
  },
  COVER_FIELD_MISSING: {
    title: '报送单缺项',
    message: (a) => `报送单中“${F(a.key)}”未填写`,
    hint: (a) => `请在报送单中填写“${F(a.key)}”`,
  },
  COVER_MISMATCH: {
    title: '报送单与文件夹不一致',
    message: (a) => `报送单的“${F(a.key)}”为“${a.cover}”，与 ${a.expected} 不一致`,
    hint: () => '请核对报送单，或检查文件是否放错了科室/季度文件夹',
  },
  COVER_NIL_WITH_ROWS: {
    title: '无信息报告却有名单',
    message: (a) => `报送单注明“无信息报告”，但名单中有 ${a.rows} 条记录`,
    hint: () => '有记录报送时，请将“无信息报告”改为“否”或删除该项',
  },
  APPROVAL_REVIEW_MISSING: {
    title: '缺少分管领导审核',
    message: (a) => `报送单缺少${list(a.missing.map(F))}（局分管领导审核）`,
    hint: () => '依发布制度第四条第（二）项，名单须经局分管领导审核；请补填审核人和审核日期',
  },
  APPROVAL_SIGNOFF_MISSING: {
    title: '缺少主要领导审定',
    message: (a) => `报送单缺少${list(a.missing.map(F))}（单位主要领导审定）`,
    hint: () => '依发布制度第四条第（二）项，名单须经单位主要领导审定；请补填审定人和审定日期',
  },
  APPROVAL_DATE_FUTURE: {
    title: '签批日期晚于今天',
    message: (a) => `${F(a.key)} ${a.value} 晚于今天（${a.today}）`,
    hint: () => '请填写实际签批的日期',
  },
  APPROVAL_DATE_ORDER: {
    title: '审定早于审核',
    message: (a) => `审定日期 ${a.approvedOn} 早于审核日期 ${a.reviewedOn}`,
    hint: () => '通常先由分管领导审核，再由主要领导审定；请核对日期',
  },
  APPROVAL_SAME_PERSON: {
    title: '审核人与审定人相同',
    message: (a) => `审核人与审定人都是“${a.name}”`,
    hint: () => '审核（分管领导）与审定（主要领导）一般应为两人；请核对',
  },
  EVIDENCE_REPORT_MISSING: {
    title: '缺少典型案例报道材料',
    message: (a) =>
      a.named ? `报送单列出的典型案例文件不存在：${list(a.named)}` : `报送了 ${a.black} 条黑名单记录，但附件/ 中没有典型案例报道材料`,
    hint: () => '依发布制度第三条“以案释法”，请在“附件”文件夹中放入一个典型案例的报道材料（.pdf、.docx、.doc、.wps、.ofd 或 .txt）',
  },
  EVIDENCE_PICTURE_MISSING: {
    title: '缺少典型案例图片',
    message: (a) => `报送了 ${a.black} 条黑名单记录，但附件/ 中没有相关图片`,
    hint: () => '请在“附件”文件夹中放入典型案例的相关图片（.jpg、.png、.gif、.bmp、.webp 或 .heic）',
  },
  EVIDENCE_RED_INCOMPLETE: {
    title: '红名单典型案例不完整',
    message: (a) =>
      `只报送了红名单，附件/ 中缺少${a.missing === 'both' ? '典型案例报道材料和图片' : a.missing === 'report' ? '典型案例报道材料' : '相关图片'}`,
    hint: () => '建议随附一个典型事件的报道材料及相关图片',
  },
  EVIDENCE_FILE_INVALID: {
    title: '附件无效',
    message: (a) =>
      a.reason === 'empty'
        ? '附件是空文件'
        : a.reason === 'tooLarge'
          ? `附件大小 ${bytesZh(a.actual)} 超过上限 ${bytesZh(a.max)}`
          : a.reason === 'unreadable'
            ? `附件无法读取（${a.detected ?? ''}）`
            : `附件扩展名为 ${a.ext}，但内容不是该格式${a.detected && a.detected !== 'unknown' ? `（实际是 ${a.detected}）` : ''}`,
    hint: (a) =>
      a.reason === 'tooLarge'
        ? '请压缩图片或文档后重新放入；确需更大附件请调高配置 limits.maxAttachmentBytes'
        : '请用原程序打开并另存为正确的格式，不要只改扩展名',
  },
  EVIDENCE_FILE_IGNORED: {
    title: '文件未被使用',
    message: (a) =>
      a.deep
        ? `此文件夹在“附件”下超过 ${a.deep} 层，其中的文件不会被检查或打包`
        : a.folder
          ? '此文件夹不是“附件”文件夹，其中的文件不会被检查或打包'
          : `此文件（${a.ext}）既不是名单、报送单，也不是报道材料或图片，不会被检查或打包`,
    hint: (a) =>
      a.deep
        ? `请把其中的报道材料和图片移到“附件”下不超过 ${a.deep} 层的文件夹中`
        : a.folder
          ? '名单和报送单请直接放在科室文件夹中，报道材料和图片放在“附件”文件夹中；无关文件夹请移出'
          : '报道材料请用 .pdf/.docx/.doc/.wps/.ofd/.txt，图片请用 .jpg/.png 等，并放在“附件”文件夹中；无关文件请移出',
  },
  EVIDENCE_PATH_UNSAFE: {
    title: '不安全的路径',
    message: (a) =>
      a.reason === 'link'
        ? `“${visible(a.name)}”是快捷方式/链接，不会被读取或打包`
        : a.reason === 'hardlink'
          ? `“${visible(a.name)}”是硬链接（同一文件在别处还有名字，可能在工作目录之外），不会被读取或打包`
          : a.reason === 'name' && a.problem === 'tooLong'
            ? `名称“${visible(a.name)}”${NAME_PROBLEM_ZH.tooLong}；无法写入汇总包，不会被打包`
            : a.reason === 'name'
              ? `名称“${visible(a.name)}”在 Windows 上无法使用（${NAME_PROBLEM_ZH[a.problem ?? 'character']}），不会被打包`
              : `“${visible(a.name)}”指向科室文件夹之外，不会被读取或打包`,
    hint: (a) =>
      a.inZip
        ? '压缩包里的这个路径会解压到科室文件夹之外，不予处理：请直接压缩科室文件夹（右键文件夹 →“发送到”→“压缩(zipped)文件夹”），文件名中不要含 \\ 或盘符，或直接报送文件夹'
        : a.reason === 'name' && a.problem === 'tooLong'
          ? '请把文件名改短（或少套几层文件夹）后重新报送；否则汇总时无法写入汇总包'
          : a.reason === 'name'
            ? '请重命名：不要用 CON、PRN、AUX、NUL、COM1、LPT1 等作文件名，不要含 < > : " / \\ | ? * 和控制字符，结尾不要是点或空格'
            : '请把文件本身（而不是链接）复制到科室文件夹的“附件”中',
  },
  PACKAGE_DUPLICATE: {
    title: '重复记录',
    message: (a) => `${a.subject} 的同一认定重复出现 ${a.count} 次：${places(a.places)}`,
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
    message: (a) => `${a.department}本季度没有报送（没有科室文件夹或报送单）`,
    hint: () => '请督促该科室报送；无信息的应报送注明“无信息报告：是”的报送单',
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
  PACKAGE_DEPARTMENT_DUPLICATE: {
    title: '科室文件夹重复',
    message: (a) => `多个文件夹都是 ${a.department}：${list(a.folders)}`,
    hint: () => '每个科室每季度只用一个文件夹，请合并',
  },
  OBJECTION_DEADLINE_PENDING: {
    title: '异议已登记，期限待定',
    message: (a) =>
      `异议 ${a.number} 已登记；计算其办理期限要用到 ${a.year} 年的节假日安排，工作日日历中还没有，期限暂未计算（不会按周一至周五猜测），objection list 中显示为待定`,
    hint: (a) =>
      `国务院办公厅公布 ${a.year} 年部分节假日安排的通知后，在工作目录中新建 ${a.file}，内容如 ${calendarExample(a.year)}（按通知补全全部放假区间和调休上班日）；之后期限自动算出。期间请按 3 个工作日自行掌握办理时限`,
  },
  CALENDAR_NOT_COVERED: {
    title: '工作日日历未覆盖该年份',
    message: (a) => `工作日日历中没有 ${a.year} 年的节假日安排，无法计算工作日（不会按周一至周五猜测）`,
    hint: (a) =>
      `国务院办公厅公布 ${a.year} 年部分节假日安排的通知后，在工作目录中新建 ${a.file}（holidays 写放假的起止日期，workdays 写调休上班的周末），内容如 ${calendarExample(a.year)}；或升级 hrss-credit`,
  },
  REGISTER_PACKAGE_CHANGED: {
    title: '汇总包已被改动',
    message: (a) => `${a.batch} 的汇总包与其清单（manifest.json）不符，${a.count} 个文件不一致：${a.changed}；本次未登记发布`,
    hint: (a) => `请重新汇总（hrss-credit compile ${a.batch} --force）后再发布，或找回发出时的原件`,
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
    hint: (a) => `已发布的批次不能改（--force 也不行）；更正或补报请放到下一批次（如 ${a.batch}-2 或下一季度）报送`,
  },
  OBJECTION_RECORD_NOT_FOUND: {
    title: '找不到异议所涉记录',
    message: (a) => `登记簿中没有与“${a.query}”相符的公示中记录；异议未登记`,
    hint: () => '请用 hrss-credit register list --find 查到记录编号，再用 --record 指定',
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
    message: (a) => `异议 ${a.number} 的办理期限是 ${a.deadline}，于 ${a.resolvedOn} 办结，已超期；已登记，并留作督查记录`,
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
  SCHEMA_EXTRA_CELL: {
    title: '表头以外的单元格',
    message: (a) => `本行在最后一列表头（${a.lastHeader} 列）右边还有 ${a.count} 个单元格有内容，这些内容没有对应的表头，未读取`,
    hint: () =>
      '多半是某个值里有英文逗号却没加英文双引号，把一格拆成了几格，后面各列都错了位：请核对本行，把含逗号的值用英文双引号括起来（或把逗号改成中文逗号），或用 Excel 另存为 .xlsx 后报送',
  },
  FILE_FEEDBACK_COPY: {
    title: '检查结果副本',
    message: (a) => `“${a.name}”是 hrss-credit validate --annotate 生成的检查结果副本，不是名单，未读取`,
    hint: () => '请按检查结果改正原表后报送原表，并把检查结果副本移出科室文件夹',
  },
  FILE_UNTOUCHED_FORM: {
    title: '未填写的空白报送表',
    message: (a) =>
      `“${a.name}”是 hrss-credit template 生成、未填写的空白报送表（无名单行、未填填报人和无信息报告），科室另有已填写的文件，此表未读取`,
    hint: () => '无需处理；如要整理文件夹，可删去此空白表',
  },
  REGISTER_ALREADY_ACTIVE: {
    title: '记录已在公示中',
    message: (a) => `这条记录（编号 ${a.id}）已由 ${a.department} 在 ${a.quarter} 发布且仍在公示期内，内容相同，本批次不再重复发布`,
    hint: () => '无需处理；如不想看到此提示，报送时只报新增记录即可',
  },
  REGISTER_REMOVED_RESENT: {
    title: '已移出的记录又被报送',
    message: (a) =>
      `这条记录（编号 ${a.id}，${a.department} 发布）已于 ${a.on} 移出名单（${zhRemovalType(a.type)}），本行与它是同一认定文书，本批次不再发布`,
    hint: () => '请科室在下次报送时删去此行；如有新的认定决定需要再次列入，请填新的认定文书号报送',
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
  REGISTER_IMPORT_OUT_OF_ORDER: {
    title: '导入顺序颠倒',
    message: (a) =>
      `已导入 ${a.batch}（${a.publishedOn} 发布），但登记簿里已有更晚的 ${a.later}（${a.laterOn} 发布）：登记簿按记录先后处理，两批都有的记录以后导入的 ${a.batch} 为准`,
    hint: (a) =>
      `请用 hrss-credit register list 核对两批都有的记录；以后请按发布先后导入（先导入 ${a.batch} 这样较早的批次，再导入或发布 ${a.later} 之后的批次）`,
  },
  REMOVAL_NOT_FOUND: {
    title: '移出申请找不到记录',
    message: (a) =>
      `登记簿中没有正在公示的${a.listType === 'red' ? '红' : '黑'}名单记录：${a.subject}${a.decisionNo ? `（认定文书号 ${a.decisionNo}）` : ''}`,
    hint: () =>
      '请核对名单类型、主体名称、统一社会信用代码或证件号码和认定文书号，与已公示的记录一致（可用 hrss-credit register list --find 查找）',
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
      `“${a.header}”的值“${a.value}”${a.reason === 'format' ? '不是可识别的日期' : a.reason === 'future' ? `晚于今天（${a.limit ?? ''}）` : `早于该记录的发布日期（${a.limit ?? ''}）`}`,
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
};

type ToolArgs = Record<string, string | number>;

const TYPE_ZH: Record<string, string> = {
  number: '数字',
  string: '文字（加引号的字符串）',
  boolean: 'true 或 false',
  object: '对象 {…}',
  array: '数组 […]',
  int: '整数',
};

/** What is wrong with one key of a config, template or manifest file (io/workspace/workspace.ts issueArgs). */
/** A write's errno code with what it means to a clerk. */
function writeProblemZh(code: string): string {
  const said: Record<string, string> = {
    ENOSPC: '磁盘已满',
    EDQUOT: '磁盘配额已满',
    EROFS: '磁盘只读',
    EACCES: '没有写入权限',
    EPERM: '没有写入权限',
    EBUSY: '文件被占用（请在 Excel 中关闭它）',
    ENAMETOOLONG: '文件名或路径太长',
  };
  return said[code] ? `${code}，${said[code]}` : code;
}

function problemZh(a: ToolArgs): string {
  const v = a.value !== undefined ? `“${a.value}”` : '';
  const more = a.suggestion !== undefined ? `；你是不是想写 ${a.suggestion}？` : '';
  switch (a.problem) {
    case 'unreadable':
      return `无法读取文件（${a.detail ?? ''}）`;
    case 'notFile':
      return '这不是一个普通文件（可能是文件夹、管道或设备）；请指定一个 .json 文件';
    case 'tooLarge':
      return `文件太大（超过 ${bytesZh(Number(a.limit))}），不是配置或模板文件`;
    case 'jsonSyntax':
      return `第 ${a.line} 行第 ${a.column} 列不是合法的 JSON；请检查该处的引号、逗号和括号（键名要用英文双引号）`;
    case 'missing':
      return `缺少此项，应为${TYPE_ZH[String(a.expected)] ?? a.expected}`;
    case 'type':
      return `值 ${v} 的类型不对，应为${TYPE_ZH[String(a.expected)] ?? a.expected}`;
    case 'unknownKey':
      return `不认识的键 ${v}；请删除或检查拼写`;
    case 'choice':
      return `值 ${v} 无效，可选：${a.allowed}`;
    case 'tooSmall':
      return `值 ${v} 太小，最小为 ${a.limit}`;
    case 'tooBig':
      return `值 ${v} 太大，最大为 ${a.limit}`;
    case 'tooShort':
      return Number(a.limit) <= 1 ? '不能为空' : `至少要有 ${a.limit} 个（字符或项）`;
    case 'tooLong':
      return `值 ${v} 太长，最多 ${a.limit} 个（字符或项）`;
    case 'format':
      return `值 ${v} 的格式不对`;
    case 'unknownCode':
      return `${v} 不是检查代码${more}（运行 hrss-credit rules 查看全部代码）`;
    case 'reservedKey':
      return `${v} 是程序保留的名字，不能用作名称或键；请改名`;
    case 'pathSegment':
      return `名称 ${v} 不能用作文件夹名：不能含 / \\ : * ? " < > | 或控制字符，也不能是 . 或 ..`;
    case 'windowsName':
      return `名称 ${v} 是 Windows 的保留设备名（CON、PRN、AUX、NUL、COM1～9、LPT1～9），不能用作文件夹名`;
    case 'trailingDotSpace':
      return `名称 ${v} 不能以点或空格结尾（Windows 会把它们去掉）`;
    case 'nameTooLong':
      return `名称 ${v} 太长，最多 ${a.limit} 个字`;
    case 'fieldOrValue':
      return '每一列须写 "field" 或 "value" 中的一个，且只能写一个';
    case 'noOutputs':
      return '其中没有 outputs 文件清单';
    case 'recordId':
      return '记录的 id 与其内容不符：文件被手工改动过，请重新汇总';
    case 'packageNotFile':
      return '这不是一个普通文件（可能是管道、设备或文件夹），未读取；请用 hrss-credit compile 重新汇总该季度';
    case 'packageTooLarge':
      return `文件太大（超过 ${bytesZh(Number(a.limit))}），不是本工具写的；请用 hrss-credit compile 重新汇总该季度`;
    default:
      return `值 ${v} 无效`;
  }
}

/** A usage error: what commander or the flag checks found, as data (cli/program.ts usageArgs). */
export function usageZh(a: ToolArgs): string {
  const more = a.suggestion !== undefined ? `；你是不是想输入 ${a.suggestion}？` : '';
  switch (a.kind) {
    case 'unknownOption':
      return `未知的选项 ${a.name}${more}`;
    case 'unknownCommand':
      return `未知的命令 ${a.name}${more}`;
    case 'missingArgument':
      return `缺少参数 ${a.name}`;
    case 'excessArguments':
      return `参数过多${a.value !== undefined ? `：${a.value}` : ''}`;
    case 'optionMissingArgument':
      return `选项 ${a.name} 缺少取值`;
    case 'missingOption':
      return `缺少必填的选项 ${a.name}`;
    case 'invalidChoice':
      return `选项 ${a.name} 的取值“${a.value}”无效，可选：${a.allowed}`;
    case 'unknownCode':
      return `${a.name ? `${a.name} 中的` : ''}“${a.value}”不是检查代码${more}（运行 hrss-credit rules 查看全部代码）`;
    case 'unknownDocument':
      return `“${a.value}”不是本工具的文档名称${more}（运行 hrss-credit schema 查看全部名称）`;
    case 'notPositiveInt':
      return `选项 ${a.name} 的取值“${a.value}”无效：请写一个不小于 1 的整数`;
    case 'noCommand':
      return '请指定一个命令';
    case 'trailingQuote':
      return `参数 ${a.value}" 以引号结尾：命令提示符把路径末尾的 \\" 当成了引号本身，后面的选项也被并进了这个路径；请去掉路径末尾的 \\（写成 "${a.value}"）后重试`;
    default:
      return String(a.detail ?? '');
  }
}

export const zhToolErrors: ToolErrorCatalogue = {
  USAGE: (a) => `命令用法错误：${usageZh(a)}`,
  PATH_NOT_FOUND: (a) => `找不到路径：${a.path}`,
  PATH_NOT_FOLDER: (a) => `${a.path} 是一个文件，这里需要一个文件夹；请指定文件夹的路径`,
  PATH_UNREADABLE: (a) => `无法读取文件夹 ${a.path}（${a.problem}）；请确认有读取权限、网络共享仍然连通后重试`,
  WORKSPACE_NOT_FOUND: () => '找不到工作目录（含 hrss-credit.config.json 或 submissions/ 的文件夹）；请在工作目录中运行，或用 -w 指定',
  CONFIG_INVALID: (a) => `配置文件 ${a.file} 有误：${a.key ? `${a.key}：` : ''}${problemZh(a)}`,
  TEMPLATE_INVALID: (a) => `导出模板 ${a.file} 有误：${a.key ? `${a.key}：` : ''}${problemZh(a)}`,
  QUARTER_INVALID: (a) => `无法识别的季度“${a.value}”；请写作 2026Q3、Q3 或 2026年第三季度（年份在 1900–2999 之间）`,
  DATE_INVALID: (a) => `无法识别的日期“${a.value}”；请写作 YYYY-MM-DD（年份在 1900–2999 之间）`,
  DATE_OUT_OF_RANGE: (a) =>
    a.reason === 'future'
      ? `${a.option} ${a.value} 晚于今天（${a.limit}）；不能登记尚未发生的事，请写实际日期`
      : a.reason === 'beforeReceipt'
        ? `${a.option} ${a.value} 早于该异议的收到日期 ${a.limit}；办结日期不能早于收到日期，请核对`
        : `${a.option} ${a.value} 早于该记录的公示日期 ${a.limit}；请核对日期`,
  QUARTER_NOT_FOUND: (a) => `submissions/ 中没有 ${a.quarter} 的季度文件夹`,
  PACKAGE_NOT_FOUND: (a) => `找不到汇总包：${a.path}`,
  PACKAGE_INVALID: (a) => `汇总包 ${a.path} 无法读取：${a.file ?? ''}${a.key ? ` 的 ${a.key}` : ''}：${problemZh(a)}`,
  REGISTER_CORRUPT: (a) =>
    `登记簿 ${a.path} 第 ${a.line} 行有问题（${({ json: '不是有效的 JSON', schema: '不是登记簿事件', seq: '序号不连续', prev: '与上一条的链接不符', hash: '哈希不符，内容被改动', canonical: '不是本工具写下的原样，被改动或重新排版', linebreak: '行尾是 CR 或 U+2028，几条事件连在一行', torn: '最后一行未写完' } as Record<string, string>)[String(a.reason)] ?? a.reason}），修好之前不读也不写登记簿；请先运行 hrss-credit register verify 查看${a.reason === 'torn' ? '，再用 hrss-credit register repair 截去未写完的最后一行' : ''}`,
  REGISTER_LOCKED: (a) =>
    `另一人正在写登记簿（${a.host} 上的进程 ${a.pid}，开始于 ${a.since}）；请等对方完成后再试。锁已失效时会自动接管：另一台电脑的锁 30 秒未刷新即接管，本机的锁在该进程结束或电脑重启后即接管；若仍被挡住，请确认 ${a.host} 上没有 hrss-credit 在运行，再删除 register/.lock`,
  REGISTER_HEAD_SHORT: (a) =>
    `--head ${a.head} 的哈希太短：至少要 ${a.min} 位十六进制数字（位数太少的位置可以被伪造的历史凑出来）；请抄录发布时打印的完整位置 序号:哈希`,
  REGISTER_HEAD_INVALID: (a) =>
    `--head ${a.head} 不是登记簿位置：应写作 序号:哈希，序号是数字，哈希是至少 ${a.min} 位十六进制数字（0–9、a–f），如 7:3f9a0c1d2e4b5a69；请照抄发布（publish）时打印的“登记簿最新位置”`,
  LOCK_NOT_FILE: (a) => `锁文件 ${a.path} 不是普通文件（${a.kind}），无法判断是否有人在写；请确认没有 hrss-credit 在运行，删除它后再试`,
  REGISTER_UNREADABLE: (a) => `读不了登记簿 ${a.path}（${a.problem}）；请检查文件是否被占用或权限`,
  EXPORT_TARGET_NOT_EMPTY: (a) => `导出文件夹 ${a.path} 不是空的；请换一个空文件夹，或加 --force 覆盖同名文件`,
  LOCK_HELD: (a) =>
    `另一个汇总正在进行（${a.host ? `电脑 ${a.host} 上的` : ''}进程 ${a.pid}，开始于 ${a.since}）；请等它结束后再试。失效的锁会自动接管（另一台电脑 30 秒未刷新，本机进程结束或电脑重启后）；若仍被挡住，请确认没有 hrss-credit 在运行，再删除 packages/.hrss-credit.lock`,
  // Only a package write (scope "package": built in a temporary folder, then swapped) may promise the old package is untouched.
  WRITE_FAILED: (a) =>
    a.scope === 'package'
      ? `写入汇总包失败（${a.problem}），原有的汇总包未受影响${a.path ? `：${a.path}` : ''}`
      : `写入失败（${writeProblemZh(String(a.problem))}）${a.path ? `：${a.path}` : ''}；没有留下写了一半的文件，原有的同名文件（如有）未改动；请腾出磁盘空间或检查写入权限后重试`,
  CALENDAR_FILE_INVALID: (a) => calendarFileInvalidZh(a),
  DEPARTMENT_UNKNOWN: (a) => `责任清单中没有科室“${a.name}”；请运行 hrss-credit matrix 查看科室名称`,
  ANNOTATE_DIR_UNSAFE: (a) =>
    a.where === 'quarter'
      ? `检查结果不能写到报送季度文件夹里（${a.path}）：否则汇总时会被当作一个科室；请不写 --annotate 的文件夹（默认写到 submissions 旁的 检查结果/），或指定 submissions 以外的文件夹`
      : `检查结果不能写到科室文件夹里（${a.path}）：否则会被当作报送材料；请用 --annotate 指定科室文件夹以外的文件夹`,
  OUTPUT_IN_TOOL_FOLDER: (a) =>
    `不会把文件写进工具自己的文件夹（${a.path}）：换版本时会连同工具一起被删掉；请在工作区里运行，或用 -w 指定工作区、用 --out 指定要写的文件`,
  INTERNAL: (a) => `内部错误：${a.message ?? ''}（加 --debug 查看详情，并请报告此问题）`,
};

export const zhUi: UiText = {
  severity: { error: '错误', warning: '警告', info: '提示' },
  fieldNames: {
    listType: '名单类型',
    domain: '领域',
    listName: '名单名称',
    subjectType: '主体类别',
    subjectName: '主体名称',
    creditCode: '统一社会信用代码',
    legalRep: '法定代表人',
    legalRepIdType: '法定代表人证件类型',
    legalRepIdNumber: '法定代表人证件号码',
    idType: '证件类型',
    idNumber: '证件号码',
    facts: '列入事由',
    basis: '认定依据',
    decisionNo: '认定文书号',
    decisionDate: '认定日期',
    publishUntil: '公示截止日期',
    severity: '失信程度',
    measures: '奖惩措施',
    remarks: '备注',
    correctionOf: '更正原文书号',
    unit: '报送单位',
    quarter: '报送季度',
    filler: '填报人',
    phone: '联系电话',
    reviewer: '审核人',
    reviewedOn: '审核日期',
    approver: '审定人',
    approvedOn: '审定日期',
    sentOn: '报送日期',
    nil: '无信息报告',
    cases: '典型案例',
    reason: '移出原因',
    violationNo: '违法违规认定文书号',
  },
  columns: { location: '位置', severity: '级别', code: '代码', message: '问题', hint: '修改建议' },
  sheetRow: (sheet, row, column, header) =>
    [sheet ? `工作表“${sheet}”` : '', row !== undefined ? `第 ${row} 行` : '', column ? `${column} 列${header ? `（${header}）` : ''}` : '']
      .filter(Boolean)
      .join(' '),
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
    verifyDir: '汇总包文件夹，如 packages/2026Q3',
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
    red: '红名单',
    black: '黑名单',
    department: '科室',
    submitted: '已报送',
    nil: '无信息',
    missing: '未报送',
    next: (sheet, verify) => `下一步：核对 ${sheet} 后，将“公示”和“共享”文件夹报送市信用办；可运行 ${verify} 确认包未被改动。`,
    zip: (p) => `压缩包：${p}`,
    replaced: (p) => `原汇总包已改名保留：${p}`,
    notWrittenExists: '本季度的汇总包已存在，未重新生成。如需用现在的材料重新生成，请加 --force（旧包会改名保留）。',
    manifestHash: (h, f) => `清单 manifest.json 的 SHA-256：${h}（已存于 ${f}，hrss-credit verify 会核对）`,
    pruned: (ps) => `为免含完整证件号的旧包越积越多，已删除较早的旧汇总包（配置 package.keepReplaced）：${ps.join('、')}`,
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
    manifestUnchecked: (a, f) => `未找到 ${f}，清单 manifest.json 本身无法核对；其 SHA-256 为 ${a}，请与生成汇总包时显示的值比对`,
  },
  exported: (n, d) => `已导出 ${n} 个文件到 ${d}`,
  progressRows: (f, n) => `正在检查 ${f}：已读 ${n.toLocaleString('zh-CN')} 行`,
  interruptedAfterCommit: (c) =>
    c.kind === 'event'
      ? `收到中断（Ctrl-C）时事件已写入登记簿（第 ${c.seq} 条），命令已做完，无需重做。`
      : `收到中断（Ctrl-C）时汇总包已写入 ${c.path}，命令已做完，无需重做。`,
  status: {
    columns: ['科室', '已报送', '无信息', '报送条数', '红名单', '黑名单', '重复报送未变', '错误', '警告', '审核', '审定', '案例材料'],
    yes: '是',
    no: '否',
    none: '—',
    unknown: (f) => `${f}（不是矩阵中的科室）`,
    quarterLevel: '（季度整体）',
    total: '合计',
    awaiting: (a) =>
      `${a.department}：${[a.removals.length ? `待报移出申请 ${a.removals.length} 条（记录编号 ${a.removals.join('、')}）` : '', a.corrections.length ? `待报更正 ${a.corrections.length} 条（记录编号 ${a.corrections.join('、')}）` : ''].filter(Boolean).join('；')}`,
    published: (p) =>
      `${p.batch} 已于 ${p.on} 发布（登记簿第 ${p.seq} 条事件）：以上是各科室报送的情况，不再与登记簿核对；更正和移出请在下一批报送。`,
  },
  calendar: zhCalendarUi,
  reports: zhReportsUi,
  forms: {
    help: {
      template: '生成科室填报用的红黑名单工作簿（含下拉列表、填报说明和报送单）',
      templateDepartment: '科室名称，如 就业办',
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
