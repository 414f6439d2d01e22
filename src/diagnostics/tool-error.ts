/** When the tool cannot do its job at all (exit 2): bad flags, paths, config, template, a held lock. */
import { showText } from '../domain/privacy.js';

export type ToolErrorCode =
  | 'USAGE'
  | 'PATH_NOT_FOUND'
  | 'PATH_NOT_FOLDER'
  | 'PATH_UNREADABLE'
  | 'WORKSPACE_NOT_FOUND'
  | 'CONFIG_INVALID'
  | 'TEMPLATE_INVALID'
  | 'QUARTER_INVALID'
  | 'DATE_INVALID'
  | 'DATE_OUT_OF_RANGE'
  | 'QUARTER_NOT_FOUND'
  | 'PACKAGE_NOT_FOUND'
  | 'PACKAGE_INVALID'
  | 'EXPORT_TARGET_NOT_EMPTY'
  | 'LOCK_HELD'
  | 'REGISTER_CORRUPT'
  | 'REGISTER_LOCKED'
  | 'REGISTER_HEAD_SHORT'
  | 'REGISTER_HEAD_INVALID'
  | 'LOCK_NOT_FILE'
  | 'REGISTER_UNREADABLE'
  | 'WRITE_FAILED'
  | 'CALENDAR_FILE_INVALID'
  | 'DEPARTMENT_UNKNOWN'
  | 'ANNOTATE_DIR_UNSAFE'
  | 'OUTPUT_IN_TOOL_FOLDER'
  | 'PAGE_ASSETS_MISSING'
  | 'MEASURES_FILE_MISSING'
  | 'DIFF_ORDER_REVERSED'
  | 'INTERNAL';

/** A path or value the user gave may carry an ID or phone number (张三_410702….xlsx): printed as the public sees it. */
function maskArgs(args: Record<string, string | number>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(args)) out[k] = typeof v === 'string' ? showText(v) : v;
  return out;
}

export class ToolError extends Error {
  readonly args: Record<string, string | number>;

  constructor(
    readonly code: ToolErrorCode,
    args: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    const safe = maskArgs(args);
    super(`${code} ${JSON.stringify(safe)}`, options);
    this.args = safe;
    this.name = 'ToolError';
  }
}

/** Any failure as the tool reports it (exit 2): a ToolError as it is, anything else INTERNAL with its message. */
export function toolErrorOf(err: unknown): ToolError {
  return err instanceof ToolError ? err : new ToolError('INTERNAL', { message: err instanceof Error ? err.message : String(err) });
}
