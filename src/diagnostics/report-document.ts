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
export function toJsonDocument(
  command: string,
  extra: Record<string, unknown>,
  options: { valid?: boolean; stats?: Partial<Report['stats']> } = {},
): JsonReport {
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

const PLACEHOLDER = '\u0000items\u0000';

/**
 * The bytes of formatJson({...doc, [key]: [...items]}) (`key` a member of the top-level object), a
 * part at a time, pulled by a writer that may wait for a slow pipe: a province's `register list` is
 * 600,000 records, whose one string (and the array of them) would not fit in the memory the contract
 * allows. Items are stringified a thousand at a time as `{"items": [...]}`, whose inner text is
 * already indented as the document's.
 */
export function* jsonWithItemsParts(doc: Record<string, unknown>, key: string, items: Iterable<unknown>): Generator<string> {
  const text = formatJson({ ...doc, [key]: PLACEHOLDER });
  const mark = JSON.stringify(PLACEHOLDER);
  const at = text.indexOf(mark);
  let batch: unknown[] = [];
  let any = false;
  const flush = (): string => {
    const inner = JSON.stringify({ items: batch }, null, 2);
    // '{\n  "items": [\n' … '\n  ]\n}': the items, indented by four as members of a top-level array.
    const part = `${any ? ',\n' : '[\n'}${inner.slice(inner.indexOf('[') + 2, inner.lastIndexOf(']') - 3)}`;
    any = true;
    batch = [];
    return part;
  };
  yield text.slice(0, at);
  for (const item of items) {
    batch.push(item);
    if (batch.length === 1000) yield flush();
  }
  if (batch.length > 0) yield flush();
  yield `${any ? '\n  ]' : '[]'}${text.slice(at + mark.length)}`;
}
