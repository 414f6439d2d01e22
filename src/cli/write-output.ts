/** A file the user asked for (a report, the page, the 督查情况表), written whole or not at all. */
import { ToolError } from '../diagnostics/tool-error.js';
import { writeFileDurable } from '../io/package/package-fs.js';
import type { IoPort } from '../io/port.js';

/**
 * Writes `data` to `path` on `io` (the CLI's CliIo.fs; Node's when absent); a failure is WRITE_FAILED (exit 2)
 * naming `shown`, the path as the user should read it.
 */
export function writeOutputFile(path: string, data: Buffer | string, shown: string, io?: IoPort): void {
  try {
    writeFileDurable(path, data, io);
  } catch (err) {
    throw new ToolError(
      'WRITE_FAILED',
      { problem: (err as NodeJS.ErrnoException).code ?? (err as Error).message, path: shown },
      { cause: err },
    );
  }
}
