/** Chinese texts of the tool's own errors (a config, a template, a package, the register, a write, a usage). */
import type { ToolErrorCatalogue } from '../types.js';
import { zhCalendarFileInvalid } from './calendar.js';
import { bytesZh } from './words.js';
import { shownBreak } from '../break-reason.js';

type ToolArgs = Record<string, string | number>;

/** What is wrong with a broken register line (REGISTER_CORRUPT's reason). */
const CORRUPT_ZH: Record<string, string> = {
  json: '不是有效的 JSON',
  schema: '不是登记簿事件',
  seq: '序号不连续',
  prev: '与上一条的链接不符',
  hash: '哈希不符，内容被改动',
  canonical: '不是本工具写下的原样，被改动或重新排版',
  linebreak: '行尾是 CR 或 U+2028，几条事件连在一行',
  torn: '最后一行未写完',
  blank: '最后的事件之后多了空行',
  blankOnly: '文件里没有任何事件，只有空行',
};

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
    case 'encoding':
      return '文件既不是 UTF-8 也不是 GB18030 编码的文本；请另存为 UTF-8（记事本：另存为，编码选 UTF-8）';
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
    case 'creditCode':
      return `值 ${v} 不是有效的统一社会信用代码（18 位，校验位按 GB 32100）；请填写本局的代码，或删去此项`;
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
    case 'codesOnOpenField':
      return (
        `${v} 列的内容是自由填写的文字、号码或日期，不能写 "codes"（代码对照只用于名单类型、领域、主体类别、` +
        '证件类型、失信程度和报送科室）；请删去这一列的 "codes"'
      );
    case 'noOutputs':
      return '其中没有 outputs 文件清单';
    case 'recordId':
      return `记录的 id${a.value !== undefined ? ` ${a.value}` : ''} 与其内容不符：文件被手工改动过，请重新汇总`;
    case 'content':
      return `内容不符合本工具写的格式（${a.detail ?? ''}）；请用 hrss-credit compile 重新汇总该季度`;
    case 'packageNotFile':
      return '这不是一个普通文件（可能是管道、设备或文件夹），未读取；请用 hrss-credit compile 重新汇总该季度';
    case 'packageTooLarge':
      return `文件太大（超过 ${bytesZh(Number(a.limit))}），不是本工具写的；请用 hrss-credit compile 重新汇总该季度`;
    default:
      return v ? `值 ${v} 无效` : '内容无效';
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
    case 'emptyNote':
      return '备注内容为空：请在 register note 后用引号写上备注，例如 hrss-credit register note "已电话通知就业办更正"';
    case 'emptyValue':
      return `选项 ${a.name} 的取值为空：请写上内容（含空格时用引号括起）`;
    case 'unknownRecordId':
      return (
        `${a.name} ${a.value}：登记簿中没有这个编号的记录；记录编号是 register list、register show 显示的 12 位编号（0–9、a–f），` +
        '可先运行 hrss-credit register show <主体名称、统一社会信用代码或证件号码> 查到它'
      );
    case 'missingOneOf':
      return `请用 ${a.names} 之一指明${a.what === 'record' ? '异议针对的记录（记录编号，或主体名称、统一社会信用代码、证件号码）' : '要做的事'}`;
    case 'exclusive':
      return `${a.names} 只能选一个，请去掉多余的`;
    case 'invalidYear':
      return `选项 ${a.name} 的取值“${a.value}”不是年份：请写四位数字，例如 2026`;
    case 'templateAllAndDepartment':
      return (
        `科室名称“${a.value}”和 --all 只能选一个：只要一个科室的填报表，写 hrss-credit template ${a.value}；` +
        `要给每个科室各生成一份，写 hrss-credit template --all --quarter ${a.quarter}`
      );
    case 'templateWhich':
      return (
        `请指明要生成哪个科室的填报表，例如 hrss-credit template ${a.example}；` +
        `要给每个科室各生成一份，写 hrss-credit template --all --quarter ${a.quarter}`
      );
    case 'templateAllQuarter':
      return `--all 需要 --quarter：每份填报表放进 submissions/<季度>/<科室>/，请写明季度，例如 hrss-credit template --all --quarter ${a.quarter}`;
    case 'templateAllOut':
      return '--all 与 --out 不能同用：--out 指定的是一个文件，--all 会给每个科室各写一份到其文件夹；请去掉 --out';
    case 'templateName':
      return (
        `科室名称“${a.value}”不能用作文件名（不能含 / \\ : * ? " < > | 或控制字符，不能以点或空格结尾，不能是 CON、NUL 等设备名）；` +
        '请在配置文件的 matrix 中改用可作文件名的名称'
      );
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
  PACKAGE_NOT_FOUND: (a) =>
    a.batch === undefined
      ? `找不到汇总包：${a.path}`
      : a.use === 'diff'
        ? `无法比较 ${a.path}：登记簿中没有 ${a.batch} 批次的发布记录，当前位置没有 ${a.path} 这个汇总包文件夹，工作目录里也没有 ` +
          `packages/${a.batch}/；请先登记（hrss-credit publish ${a.batch}；以前的批次用 hrss-credit register import <名单文件> ` +
          `--batch ${a.batch}），或先汇总，或给出汇总包文件夹的路径`
        : a.workspace === 'none'
          ? `找不到汇总包：当前位置没有 ${a.path} 这个文件夹或文件，也找不到工作目录来查找 ${a.batch} 批次的汇总包；请给出汇总包文件夹的路径，或用 -w 指定工作目录`
          : `找不到汇总包：当前位置没有 ${a.path} 这个文件夹或文件，工作目录里也没有 ${a.batch} 批次的汇总包` +
            `（packages/${a.batch}/ 或 packages/${a.batch}.zip）；请先汇总（hrss-credit compile ${a.batch}），或给出汇总包文件夹的路径`,
  // The file and key only when known: never "无法读取：：" (docs/decisions.md "A message with an empty argument").
  PACKAGE_INVALID: (a) =>
    `汇总包 ${a.path} 无法读取：${a.file !== undefined ? `${a.file}${a.key ? ` 的 ${a.key}` : ''}：` : ''}${problemZh(a)}`,
  REGISTER_CORRUPT: (a) =>
    `登记簿 ${a.path} 第 ${a.line} 行有问题` +
    `（${CORRUPT_ZH[shownBreak(String(a.reason), Number(a.line))] ?? a.reason}），修好之前不读也不写登记簿；请先运行 hrss-credit register verify 查看` +
    (a.reason === 'torn'
      ? '，再用 hrss-credit register repair 截去未写完的最后一行'
      : shownBreak(String(a.reason), Number(a.line)) === 'blankOnly'
        ? '，再用 hrss-credit register repair 删去这些空行；登记簿若是新建的、从未登记过，也可以直接删除 register/events.jsonl'
        : a.reason === 'blank'
          ? '，再用 hrss-credit register repair 删去末尾的空行'
          : ''),
  REGISTER_LOCKED: (a) =>
    `另一人正在写登记簿（${a.host} 上的进程 ${a.pid}，开始于 ${a.since}）；请等对方完成后再试。锁已失效时会自动接管：另一台电脑的锁 30 秒未刷新即接管，本机的锁在该进程结束或电脑重启后即接管；若仍被挡住，` +
    `请确认 ${a.host} 上没有 hrss-credit 在运行，再删除 register/.lock`,
  REGISTER_HEAD_SHORT: (a) =>
    `--head ${a.head} 的哈希太短：至少要 ${a.min} 位十六进制数字（位数太少的位置可以被伪造的历史凑出来）；请抄录发布时打印的完整位置 序号:哈希`,
  REGISTER_HEAD_INVALID: (a) =>
    `--head ${a.head} 不是登记簿位置：应写作 序号:哈希，序号是数字，哈希是至少 ${a.min} 位十六进制数字（0–9、a–f），如 7:3f9a0c1d2e4b5a69；请照抄发布（publish）时打印的“登记簿最新位置”`,
  LOCK_NOT_FILE: (a) => `锁文件 ${a.path} 不是普通文件（${a.kind}），无法判断是否有人在写；请确认没有 hrss-credit 在运行，删除它后再试`,
  REGISTER_UNREADABLE: (a) => `读不了登记簿 ${a.path}（${a.problem}）；请检查文件是否被占用或权限`,
  EXPORT_TARGET_NOT_EMPTY: (a) => `导出文件夹 ${a.path} 不是空的；请换一个空文件夹，或加 --force 覆盖同名文件`,
  LOCK_HELD: (a) =>
    `另一个汇总正在进行（${a.host ? `电脑 ${a.host} 上的` : ''}进程 ${a.pid}，开始于 ${a.since}）；请等它结束后再试。失效的锁会自动接管（另一台电脑 30 秒未刷新，本机进程结束或电脑重启后）；若仍被挡住，` +
    `请确认没有 hrss-credit 在运行，再删除 packages/.hrss-credit.lock`,
  // Only a package write (scope "package": built in a temporary folder, then swapped) may promise the old package is untouched.
  WRITE_FAILED: (a) =>
    a.scope === 'package'
      ? `写入汇总包失败（${a.problem}），原有的汇总包未受影响${a.path ? `：${a.path}` : ''}`
      : `写入失败（${writeProblemZh(String(a.problem))}）${a.path ? `：${a.path}` : ''}；没有留下写了一半的文件，原有的同名文件（如有）未改动；` +
        (a.problem === 'EACCES' || a.problem === 'EPERM'
          ? '该文件是只读的，或当前用户没有写入权限：请取消它的“只读”属性（Windows：右键 → 属性 → 去掉“只读”勾选），或请管理员开放其所在文件夹的写入权限，然后重试'
          : '请腾出磁盘空间或检查写入权限后重试'),
  CALENDAR_FILE_INVALID: (a) => zhCalendarFileInvalid(a),
  DEPARTMENT_UNKNOWN: (a) => `责任清单中没有科室“${a.name}”；请运行 hrss-credit matrix 查看科室名称`,
  ANNOTATE_DIR_UNSAFE: (a) =>
    a.where === 'quarter'
      ? `检查结果不能写到报送季度文件夹里（${a.path}）：否则汇总时会被当作一个科室；请不写 --annotate 的文件夹（默认写到 submissions 旁的 检查结果/），或指定 submissions 以外的文件夹`
      : `检查结果不能写到科室文件夹里（${a.path}）：否则会被当作报送材料；请用 --annotate 指定科室文件夹以外的文件夹`,
  OUTPUT_IN_TOOL_FOLDER: (a) =>
    `不会把文件写进工具自己的文件夹（${a.path}）：换版本时会连同工具一起被删掉；请在工作区里运行，或用 -w 指定工作区、用 --out 指定要写的文件`,
  DIFF_ORDER_REVERSED: (a) =>
    `无法比较：${a.from}（${a.fromOn === 'package' ? '汇总包，尚未发布' : `${a.fromOn} 发布`}）晚于 ${a.to}（${a.toOn} 发布）；` +
    'diff 说明公示名单从前一批到后一批的变化，' +
    `请把较早的批次写在前面：hrss-credit diff ${a.to} ${a.from}`,
  MEASURES_FILE_MISSING: (a) =>
    `配置项 measures 指定的联合奖惩措施清单文件 ${a.file} 不存在，` +
    `${a.command === 'measures' ? '打印措施清单' : '生成科室报送表'}需要它；请把该文件放到工作区的 ${a.file}，` +
    '或从配置文件中删去 measures（不使用措施清单）',
  PAGE_ASSETS_MISSING: (a) =>
    `找不到科室自查页面的程序文件（${a.path}，${a.problem}）：安装不完整；请重新安装本工具（从源码运行时先执行 npm run build）`,
  INTERNAL: (a) => `内部错误：${a.message ?? ''}（加 --debug 查看详情，并请报告此问题）`,
};
