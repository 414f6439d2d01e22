/**
 * The machine format (cli.md "The JSON report"): its type is the contract scripts rely on. Built here,
 * below the api, so that compile can write report.json into a package without importing a reporter;
 * the text of each finding comes from a render function (the catalogues, messages/index.ts), since
 * the catalogues import diagnostics/ and not the other way round.
 */
import type { Report } from './report.js';
import type { JsonDiagnostic, ReportBase } from '../schemas/documents/report.js';
import type { ToolError } from './tool-error.js';
import type { Diagnostic } from './diagnostic.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';

/**
 * The document's types come from its one schema (schemas/documents/report.ts): the report's keys, then
 * a command's own keys `K` (their schemas in schemas/documents/ extend the report's).
 */
export type { JsonDiagnostic };
export type JsonReport<K extends object = Record<string, unknown>> = ReportBase & K;

/** A finding's message and fix hint in one language (messages/index.ts renderMessage). */
export type RenderFinding = (d: Pick<Diagnostic, 'code' | 'args'>) => { message: string; hint: string };

export function buildJsonReport<K extends object = Record<string, never>>(report: Report, render: RenderFinding, extra?: K): JsonReport<K> {
  return {
    schemaVersion: 1,
    tool: report.tool,
    command: report.command,
    ...(report.quarter ? { quarter: report.quarter } : {}),
    valid: report.valid,
    stats: report.stats,
    ...(extra as K),
    diagnostics: report.diagnostics.map((d) => {
      const { message, hint } = render(d);
      return {
        code: d.code,
        severity: d.severity,
        ...(d.department !== undefined ? { department: d.department } : {}),
        location: d.location,
        args: d.args as Record<string, unknown>,
        message,
        hint,
      };
    }),
    dropped: report.dropped,
  };
}

/** The same document for commands without findings (verify, export, rules, matrix): their data as extra keys. */
export function toJsonDocument<C extends string, K extends object>(
  command: C,
  extra: K,
  options: { valid?: boolean; stats?: Partial<Report['stats']> } = {},
): JsonReport<K> & { command: C } {
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    command,
    valid: options.valid ?? true,
    stats: { files: 0, rows: 0, errors: 0, warnings: 0, info: 0, ...options.stats },
    ...extra,
    diagnostics: [],
    dropped: [],
  };
}

/** The document of a run that could not do its job (exit 2), `message` rendered by the caller. */
export function buildJsonError(command: string, err: ToolError, message: string): ReportBase {
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    command,
    valid: false,
    stats: { files: 0, rows: 0, errors: 0, warnings: 0, info: 0 },
    diagnostics: [],
    dropped: [],
    error: { code: err.code, message },
  };
}

export function formatJson(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
