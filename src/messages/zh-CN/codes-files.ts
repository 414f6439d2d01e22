/**
 * Chinese findings about the files a department sends: the file, its sheets and rows, the cover, the
 * evidence (the rest: codes-register.ts).
 */
import type { CodeArgs } from '../../diagnostics/codes.js';
import type { CodeCatalogue } from '../types.js';
import { visible } from '../../domain/text.js';
import { COVER_KEYS } from '../../schemas/cover.js';
import { bytesZh, F, list, places } from './words.js';

const PERSONAL_KIND_ZH = { idNumber: '身份证号码', mobile: '手机号码', landline: '固定电话号码' } as const;

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

export const zhFileCodes = {
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
      `第 ${a.row} 行含有按 ${a.encoding === 'gb18030' ? 'GB18030（GBK）' : a.encoding.toUpperCase()} 编码无法识别的字节，文字已乱码` +
      `${a.columns ? `（${a.columns} 列有无法识别的字节）` : ''}；本行的中文内容未作检查，只检查了其中的数字和字母`,
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
      `失信程度为“${a.severity}”，公示期最长 ${a.months} 个月（至 ${a.latest}），` +
      `但公示截止日期${a.computed ? `未填写，按默认计算为 ${a.publishUntil}` : `为 ${a.publishUntil}`}`,
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
    hint: (a) =>
      a.reason === 'chars'
        ? '请只填写 18 位号码（末位可为 X），不要夹带点号、字母或其他符号；非居民身份证请在“证件类型”列注明'
        : '请对照身份证核对号码；非居民身份证请在“证件类型”列注明',
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
      `“${F(a.field)}”中含` +
      `有${PERSONAL_KIND_ZH[a.kind]} ${a.value}：${a.field in COVER_KEYS ? '报送单不公示，终端、JSON 和报告中一律脱敏显示' : '公示文件中将脱敏显示，共享文件中保留原样'}`,
    hint: (a) =>
      a.field in COVER_KEYS
        ? '报送单的填报人、审核人、审定人只填姓名；电话只填在“联系电话”栏，身份证号码不必填写'
        : '身份证号码、电话号码属于个人信息，不要写在名称、事由、依据、移出原因、备注等文字栏里；自然人的身份证号码请填在“证件号码”列，电话号码不应报送',
  },
  TEXT_PERSONAL_INFO: {
    title: '登记的文字中含有个人信息',
    message: (a) =>
      `${a.option === 'note' ? '备注' : a.option}中含有${PERSONAL_KIND_ZH[a.kind]} ${a.value}：登记簿中照原样保存（登记簿是内部记录），终端、JSON、公示和报告中一律脱敏显示`,
    hint: () => '异议摘要、处理意见和备注里不必写身份证号码或电话号码；申请人的联系方式请写在 --from 里（只用于异议处理意见书）',
  },
  SCHEMA_EXTRA_CELL: {
    title: '表头以外的单元格',
    message: (a) => `本行在最后一列表头（${a.lastHeader} 列）右边还有 ${a.count} 个单元格有内容，这些内容没有对应的表头，未读取`,
    hint: () =>
      '多半是某个值里有英文逗号却没加英文双引号，把一格拆成了几格，后面各列都错了位：请核对本行，把含逗号的值用英文双引号括起来（或把逗号改成中文逗号），或用 Excel 另存为 .xlsx 后报送',
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
    message: (a) =>
      a.source === 'none' ? '无法确定报送科室：既没有指定科室，也没有报送单写明报送单位' : `“${a.name}”不是责任清单中的科室或单位`,
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
          : a.zipAt
            ? '此压缩包放在科室文件夹里，不会被打开：其中的名单、报送单和附件都不会被检查或打包'
            : `此文件（${a.ext}）既不是名单、报送单，也不是报道材料或图片，不会被检查或打包`,
    hint: (a) =>
      a.deep
        ? `请把其中的报道材料和图片移到“附件”下不超过 ${a.deep} 层的文件夹中`
        : a.folder
          ? '名单和报送单请直接放在科室文件夹中，报道材料和图片放在“附件”文件夹中；无关文件夹请移出'
          : a.zipAt
            ? `科室交来的压缩包不用解压：把它改名为“${visible(a.zipAt)}”，放到上一级的季度文件夹中，再删去这个科室文件夹` +
              '（同一科室不能既有文件夹又有压缩包）；或者把它解压到这个科室文件夹里'
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
} satisfies Partial<CodeCatalogue>;
