/**
 * The JSON reporter: the document of diagnostics/report-document.ts (the typed contract), with the
 * findings' text from the chosen catalogue.
 */
import type { Report } from '../diagnostics/report.js';
import type { ToolError } from '../diagnostics/tool-error.js';
import {
  buildJsonError,
  buildJsonReport,
  formatJson,
  toJsonDocument,
  jsonWithItemsParts,
  type JsonDiagnostic,
  type JsonReport,
} from '../diagnostics/report-document.js';
import { renderMessage, renderToolError, type Messages } from '../messages/index.js';

export { formatJson, toJsonDocument, jsonWithItemsParts, type JsonDiagnostic, type JsonReport };

export function toJsonReport<K extends object = Record<string, never>>(report: Report, m: Messages, extra?: K): JsonReport<K> {
  return buildJsonReport(report, (d) => renderMessage(m, d), extra);
}

export function toJsonError(command: string, err: ToolError, m: Messages): JsonReport {
  return buildJsonError(command, err, renderToolError(m, err));
}
