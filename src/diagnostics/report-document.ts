/**
 * The machine format (cli.md "The JSON report"): its type is the contract scripts rely on. Built here,
 * below the api, so that compile can write report.json into a package without importing a reporter;
 * the text of each finding comes from a render function (the catalogues, messages/index.ts), since
 * the catalogues import diagnostics/ and not the other way round.
 */
import type { Report } from './report.js';
import type { ToolError } from './tool-error.js';
import type { Diagnostic, Location } from './diagnostic.js';
import type { Code, Severity } from './codes.js';
import type { DroppedFindings } from './collector.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';

export interface JsonDiagnostic {
  code: Code;
  severity: Severity;
  department?: string;
  location: Location;
  args: Record<string, unknown>;
  message: string;
  hint: string;
}

export interface JsonReport {
  schemaVersion: 1;
  tool: { name: string; version: string };
  command: string;
  quarter?: string;
  valid: boolean;
  stats: Report['stats'];
  diagnostics: JsonDiagnostic[];
  /** Always present: findings counted in `stats` but not listed (limits.maxFindingsPerCode). */
  dropped: DroppedFindings[];
  error?: { code: string; message: string };
  [extra: string]: unknown;
}

/** A finding's message and fix hint in one language (messages/index.ts renderMessage). */
export type RenderFinding = (d: Pick<Diagnostic, 'code' | 'args'>) => { message: string; hint: string };

export function buildJsonReport(report: Report, render: RenderFinding, extra: Record<string, unknown> = {}): JsonReport {
  return {
    schemaVersion: 1,
    tool: report.tool,
    command: report.command,
    ...(report.quarter ? { quarter: report.quarter } : {}),
    valid: report.valid,
    stats: report.stats,
    ...extra,
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
export function toJsonDocument(command: string, extra: Record<string, unknown>, options: { valid?: boolean; stats?: Partial<Report['stats']> } = {}): JsonReport {
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
export function buildJsonError(command: string, err: ToolError, message: string): JsonReport {
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
