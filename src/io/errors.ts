/** What a reader reports when a file cannot be read: turned into FILE_* findings by the caller. */
import type { CodeArgs } from '../diagnostics/codes.js';

export class FileProblem extends Error {
  constructor(
    readonly code: 'FILE_UNREADABLE' | 'FILE_UNSUPPORTED',
    readonly args: CodeArgs['FILE_UNREADABLE'] | CodeArgs['FILE_UNSUPPORTED'],
    readonly row?: number,
  ) {
    super(`${code} ${JSON.stringify(args)}`);
  }
}

export const unreadable = (args: CodeArgs['FILE_UNREADABLE'], row?: number): FileProblem => new FileProblem('FILE_UNREADABLE', args, row);

export const unsupported = (args: CodeArgs['FILE_UNSUPPORTED']): FileProblem => new FileProblem('FILE_UNSUPPORTED', args);

/**
 * A file-system error as a finding's args. On Windows a file Excel holds open fails with EBUSY
 * (a sharing violation) or EPERM: 'locked', whose message says to close it in Excel (delivery.md
 * "Windows"); anything else (EACCES, ENOENT, EIO) is 'io' with its code.
 */
export function ioArgs(err: unknown): CodeArgs['FILE_UNREADABLE'] {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';
  return { reason: code === 'EBUSY' || code === 'EPERM' ? 'locked' : 'io', detail: code };
}

export function ioProblem(err: unknown): FileProblem {
  return unreadable(ioArgs(err));
}
