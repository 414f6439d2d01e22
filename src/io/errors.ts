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

export const unreadable = (args: CodeArgs['FILE_UNREADABLE'], row?: number): FileProblem =>
  new FileProblem('FILE_UNREADABLE', args, row);

export const unsupported = (args: CodeArgs['FILE_UNSUPPORTED']): FileProblem => new FileProblem('FILE_UNSUPPORTED', args);

/** Maps a file-system error to a finding's args (EBUSY, ENOENT, EACCES while reading). */
export function ioProblem(err: unknown): FileProblem {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';
  return unreadable({ reason: 'io', detail: code });
}
