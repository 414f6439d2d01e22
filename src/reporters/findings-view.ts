/**
 * The findings of a command's JSON document (its `diagnostics`, `dropped`, `stats`, `valid`) as the
 * pretty tables of pretty.ts draw them: a layout in the registry draws what the document says, not a
 * second copy of the api's report. The tables render each message again from code and arguments (with
 * control characters made visible, visible.ts), so the document's own `message` is not what they show.
 */
import type { Report } from '../diagnostics/report.js';
import type { CollectedDiagnostic } from '../diagnostics/collector.js';
import { isCode } from '../diagnostics/codes.js';
import type { ReportBase } from '../schemas/documents/report.js';
import type { Messages } from '../messages/index.js';
import { formatSummary, diagnosticChunks, type PrettyOptions } from './pretty.js';

const NO_SORT = { departmentRank: 0, sheetIndex: 0, columnIndex: 0 };

/** The report a document was built from (diagnostics/report-document.ts), read back for the tables. */
export function findingsOf(doc: Pick<ReportBase, 'tool' | 'command' | 'valid' | 'stats' | 'diagnostics' | 'dropped'>): Report {
  const diagnostics: CollectedDiagnostic[] = [];
  for (const d of doc.diagnostics) {
    // A code the catalogue does not know cannot be in a document this tool built; skipped rather than drawn wrong.
    if (!isCode(d.code)) continue;
    diagnostics.push({
      code: d.code,
      severity: d.severity,
      ...(d.department !== undefined ? { department: d.department } : {}),
      location: d.location,
      // The document's args are the finding's own (buildJsonReport copies them): typed by its code.
      args: d.args as CollectedDiagnostic['args'],
      sort: NO_SORT,
    } as CollectedDiagnostic);
  }
  return {
    schemaVersion: 1,
    tool: doc.tool,
    command: doc.command,
    valid: doc.valid,
    stats: doc.stats,
    diagnostics,
    dropped: doc.dropped.flatMap((x) => (isCode(x.code) ? [{ ...x, code: x.code }] : [])),
    exitCode: doc.valid ? 0 : 1,
  };
}

/** The findings tables of a document, a piece at a time (for Ctrl-C between pieces: cli/render.ts emitChunks). */
export function* findingChunks(doc: Parameters<typeof findingsOf>[0], m: Messages, o: PrettyOptions): Generator<string> {
  yield* diagnosticChunks(findingsOf(doc), m, o);
}

export function findingTables(doc: Parameters<typeof findingsOf>[0], m: Messages, o: PrettyOptions): string {
  let out = '';
  for (const chunk of findingChunks(doc, m, o)) out += chunk;
  return out;
}

export function findingSummary(doc: Parameters<typeof findingsOf>[0], m: Messages, o: PrettyOptions): string {
  return formatSummary(findingsOf(doc), m, o);
}
