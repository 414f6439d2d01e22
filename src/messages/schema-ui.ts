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
    'package-summary':
      '汇总包的 summary.json：各条记录的科室、领域、名单类型及按代码统计的问题（report、supervise 读它，不读 records.json）',
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
    'package-summary':
      "a package's summary.json: each record's department, domain and list, the findings counted by code (what report and supervise read instead of records.json)",
  },
};

export function schemaUi(lang: Lang): SchemaUi {
  return lang === 'en' ? en : zh;
}
