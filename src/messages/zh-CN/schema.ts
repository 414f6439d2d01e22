/** Chinese words of `hrss-credit schema` (the shape: ../types.ts SchemaUi). */
import type { SchemaUi } from '../types.js';

export const zhSchemaUi: SchemaUi = {
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
