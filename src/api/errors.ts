/** When the tool cannot do its job at all (exit 2): bad flags, paths, config, template, a held lock. */

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
  | 'QUARTER_NOT_FOUND'
  | 'PACKAGE_NOT_FOUND'
  | 'PACKAGE_INVALID'
  | 'LOCK_HELD'
  | 'WRITE_FAILED'
  | 'INTERNAL';

export class ToolError extends Error {
  constructor(
    readonly code: ToolErrorCode,
    readonly args: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(`${code} ${JSON.stringify(args)}`, options);
    this.name = 'ToolError';
  }
}
