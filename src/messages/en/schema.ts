/** English words of `hrss-credit schema` (the shape: ../types.ts SchemaUi). */
import type { SchemaUi } from '../types.js';

export const enSchemaUi: SchemaUi = {
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
      "a package's summary.json: each record's department, domain and list, the findings by code (read by report and supervise)",
  },
};
