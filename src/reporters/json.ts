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
  type JsonDiagnostic,
  type JsonReport,
} from '../diagnostics/report-document.js';
import { renderMessage, renderToolError, type Messages } from '../messages/render.js';

export { formatJson, toJsonDocument, type JsonDiagnostic, type JsonReport };

export function toJsonReport<K extends object = Record<string, never>>(report: Report, m: Messages, extra?: K): JsonReport<K> {
  return buildJsonReport(report, (d) => renderMessage(m, d), extra);
}

export function toJsonError(command: string, err: ToolError, m: Messages): JsonReport {
  return buildJsonError(command, err, renderToolError(m, err));
}

/**
 * A writing command's document (publish, register import, objection add|resolve|letter …): the report's
 * keys with the command's own, named as the command, `valid` as its exit says (a refusal is not valid
 * even when its findings are only warnings). One path for every such command, instead of a copy each.
 */
export function toCommandDocument<C extends string, K extends object>(
  report: Report,
  m: Messages,
  command: C,
  keys: K,
  valid: boolean = report.valid,
): JsonReport<K> & { command: C } {
  return { ...toJsonReport(report, m, keys), command, valid };
}
