/**
 * The words of `hrss-credit schema [NAME]` (truth.md "Documents, typed once"), in both languages, beside
 * the main catalogues as register-ui.ts is; a document without a description fails the build.
 */
import type { DocumentName } from '../schemas/documents/index.js';
import type { Lang } from './index.js';

export interface SchemaUi {
  help: { schema: string; name: string };
  name: string;
  about: string;
  /** After the list: how to print one. */
  next: string;
  documents: Record<DocumentName, string>;
}

const zh: SchemaUi = {
  help: { schema: '列出本工具写出和读取的各种文档，或输出其中一种的 JSON Schema（供脚本使用）', name: '文档名称，如 manifest、records' },
  name: '名称',
  about: '说明',
  next: '输出某一种的 JSON Schema：hrss-credit schema <名称>',
  documents: {
    manifest: '汇总包的 manifest.json：各文件的 SHA-256、各科室的报送数字',
    records: '汇总包的 records.json：发布的记录、移出、重复报送未变、更正',
    report: '各命令 --format json 输出的共同部分，也是汇总包的 report.json',
    status: 'status --format json：各科室报送情况及合计',
    compile: 'compile --format json：是否生成汇总包、各科室报送数字及汇总',
    'quarter-summary': '季度汇总（status、报送情况.xlsx、manifest 共用的各科室情况）',
    figures: '报送数字：报送条数、本批发布红/黑名单、重复报送未变、其中更正、移出',
    supervise: 'supervise --format json：督查明细和问题清单',
    'report-view': 'report --format json：报告页面所依据的数据',
    validate: 'validate --format json：检查发现的问题；加 --annotate 时另列写出的检查结果文件',
    verify: 'verify --format json：重新计算哈希后发现的改动、缺少、多出的文件',
    export: 'export --format json：写出的文件夹、文件和记录条数',
    calendar: 'calendar --format json：某年的节假日、调休上班日及其来源',
    rules: 'rules --format json：各诊断代码、默认严重程度和修改方法',
    matrix: 'matrix --format json：正在使用的责任清单（科室、别名、领域）',
    measures: 'measures --format json：正在使用的联合奖惩措施清单',
    template: 'template --format json：写出的填报表和因已存在而跳过的文件',
    schema: 'schema --format json：本列表',
    publish: 'publish --format json：发布登记的结果和台账新的末尾（SEQ:HASH）',
    'register-import': 'register import --format json：导入的批次、记录条数和登记事件',
    'register-note': 'register note --format json：备注的登记事件',
    'register-verify': 'register verify --format json：台账链是否完好、末尾和第一处断点',
    'register-repair': 'register repair --format json：台账是否完好或截去的残行',
    'register-list': 'register list --format json：某日的记录（证件号码已遮蔽）',
    'register-show': 'register show --format json：查到的记录、各版本和事件',
    diff: 'diff --format json：两个批次之间公示名单的变化及按科室、领域的计数',
    'objection-add': 'objection add --format json：登记的异议',
    'objection-resolve': 'objection resolve --format json：办结的异议',
    'objection-list': 'objection list --format json：异议列表',
    'objection-letter': 'objection letter --format json：写出的告知书',
  },
};

const en: SchemaUi = {
  help: {
    schema: 'list the documents the tool writes and reads, or print the JSON Schema of one (for scripts)',
    name: 'a document name, e.g. manifest, records',
  },
  name: 'Name',
  about: 'What it is',
  next: 'Print the JSON Schema of one: hrss-credit schema <name>',
  documents: {
    manifest: "a package's manifest.json: SHA-256 of every file, each department's figures",
    records: "a package's records.json: records published, removals, unchanged resends, corrections",
    report: "what every command's --format json starts with; a package's report.json",
    status: "status --format json: each department's submission and the totals",
    compile: "compile --format json: whether the package was written, each department's figures and their sum",
    'quarter-summary': 'the quarter summary (the department lines status, 报送情况.xlsx and the manifest share)',
    figures: 'the figures: rows received, red/black published, unchanged, corrected, removals',
    supervise: 'supervise --format json: the 督查 rows and lapses',
    'report-view': 'report --format json: the model the report page is drawn from',
    validate: 'validate --format json: the findings; with --annotate the marked-up copies written',
    verify: 'verify --format json: files changed, missing or added once the hashes are recomputed',
    export: 'export --format json: the folder written, its files and the number of records',
    calendar: "calendar --format json: a year's holidays, weekend working days and where they come from",
    rules: 'rules --format json: every diagnostic code, its default severity and how to fix it',
    matrix: 'matrix --format json: the responsibility matrix in force (departments, aliases, domains)',
    measures: 'measures --format json: the joint reward and punishment measures in force',
    template: 'template --format json: the forms written and those skipped because they exist',
    schema: 'schema --format json: this list',
    publish: "publish --format json: the publication recorded and the register's new head (SEQ:HASH)",
    'register-import': 'register import --format json: the batch imported, its records and the event',
    'register-note': "register note --format json: the note's event",
    'register-verify': 'register verify --format json: whether the chain holds, its head and the first break',
    'register-repair': 'register repair --format json: intact, or the torn line cut',
    'register-list': 'register list --format json: the records on a day (ID numbers masked)',
    'register-show': 'register show --format json: the records found, their revisions and events',
    diff: 'diff --format json: how the public list changed between two batches, counts by department and domain',
    'objection-add': 'objection add --format json: the objection recorded',
    'objection-resolve': 'objection resolve --format json: the objection resolved',
    'objection-list': 'objection list --format json: the objections',
    'objection-letter': 'objection letter --format json: the letter written',
  },
};

export function schemaUi(lang: Lang): SchemaUi {
  return lang === 'en' ? en : zh;
}
