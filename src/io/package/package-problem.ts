/**
 * Why a package file cannot be read, as data for the catalogue (PACKAGE_INVALID): the file, the key and the problem
 * — JSON syntax at a line and column, a value that does not fit its schema, a record id that does not match its
 * content — never a bare error text with no file (it printed "汇总包 packages/2026Q3 无法读取：：值  无效").
 */
import { ZodError, type z } from 'zod';
import { ToolError } from '../../diagnostics/tool-error.js';
import { parseJsonText } from '../json-file.js';
import { zodIssueArgs } from '../workspace/workspace.js';

/**
 * The PACKAGE_INVALID for `err`, met reading `file` of the package shown as `shown`; `text` is the file's text, `value`
 * what it parsed to (for the value at a zod issue's key), when the caller has them.
 */
export function packageProblem(err: unknown, shown: string, file: string, text?: string, value?: unknown): ToolError {
  if (err instanceof ToolError) return err;
  if (err instanceof SyntaxError && text !== undefined) {
    const parsed = parseJsonText(text);
    if (!parsed.ok)
      return new ToolError('PACKAGE_INVALID', {
        path: shown,
        file,
        problem: 'jsonSyntax',
        line: parsed.line,
        column: parsed.column,
      });
  }
  if (err instanceof ZodError) {
    const issue = err.issues[0] as z.core.$ZodIssue;
    const json = value === undefined && text !== undefined ? parseJsonText(text) : undefined;
    return new ToolError('PACKAGE_INVALID', { path: shown, file, ...zodIssueArgs(issue, json?.ok ? json.value : value) });
  }
  const message = err instanceof Error ? err.message : String(err);
  // records.json's id check (schemas/documents/records.ts): "records[3].id is <id>, its identity gives <id>".
  const id = /^(records\[\d+\]\.id) is (\S+), its identity gives/.exec(message);
  if (id) return new ToolError('PACKAGE_INVALID', { path: shown, file, key: id[1] as string, value: id[2] as string, problem: 'recordId' });
  return new ToolError('PACKAGE_INVALID', { path: shown, file, problem: 'content', detail: message.slice(0, 200) });
}
