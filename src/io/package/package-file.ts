/**
 * A package's files read as bytes, without their schemas (issue 22): publish, export and diff read
 * records.json and manifest.json through here, and a command that reads no package (register show) loads
 * none of package-read.ts's document schemas. package-read.ts re-exports what it always exported.
 */
import { join } from 'node:path';
import { ToolError } from '../../diagnostics/tool-error.js';
import { readRegularOn, ReadFileProblem } from '../json-file.js';
import { nodePort } from '../node-port.js';
import type { IoPort } from '../port.js';

/**
 * The report's name inside a package folder: made from the package, not part of it (verify skips it). Here, not in
 * package-read.ts: verify (and publish through it) would load the report's and the summary's schemas for a name.
 */
export const REPORT_FILE = '报告.html';

/**
 * A package's JSON files are read as regular files only, without blocking and up to this bound (a
 * FIFO or /dev/zero put in their place must not hang report, supervise, export or the register):
 * 512 MiB is about the longest string the engine can parse; a province's records.json is far below.
 */
export const MAX_PACKAGE_JSON_BYTES = 512 * 1_048_576;

/** The bytes of a package file that must be a regular file (PACKAGE_INVALID naming it otherwise). */
export function readPackageBytes(path: string, display: string, file: string, io: IoPort): Buffer {
  try {
    const bytes = readRegularOn(io, path, MAX_PACKAGE_JSON_BYTES);
    // A Buffer (the callers decode it as one) over the same bytes, copied from none.
    return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (err) {
    if (!(err instanceof ReadFileProblem)) throw err;
    const info = err.info;
    if (info.problem === 'unreadable')
      throw new ToolError('PACKAGE_INVALID', { path: display, file, problem: 'unreadable', detail: info.detail });
    throw new ToolError('PACKAGE_INVALID', {
      path: display,
      file,
      problem: info.problem === 'tooLarge' ? 'packageTooLarge' : 'packageNotFile',
      ...(info.problem === 'tooLarge' ? { limit: info.limit } : {}),
    });
  }
}

/**
 * The bytes of the file `name` of the package folder `dir` (records.json, manifest.json): a regular file,
 * bounded; PACKAGE_INVALID otherwise.
 */
export function readPackageFile(dir: string, name: string, io: IoPort = nodePort): Buffer {
  return readPackageBytes(join(dir, name), dir, name, io);
}
