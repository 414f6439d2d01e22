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

const PLACEHOLDER = '\u0000items\u0000';

/**
 * Items a part of jsonWithItemsParts: ~40 KB of JSON (a register list's records), so that each part's
 * strings stay under V8's large-object size and die young. Parts of 1,000 (~0.4 MB, a UTF-16 string of
 * ~0.8 MB) were each made in the large-object space, freed only by a full collection: a province's list
 * let its heap grow to ~4× what it holds live (~360 MB) between two.
 */
export const ITEMS_PER_PART = 100;

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
    if (batch.length === ITEMS_PER_PART) yield flush();
  }
  if (batch.length > 0) yield flush();
  yield `${any ? '\n  ]' : '[]'}${text.slice(at + mark.length)}`;
}
