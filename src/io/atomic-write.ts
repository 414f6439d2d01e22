/**
 * Every file the tool writes outside a package's own swap (template, letter, supervise and ledger
 * workbooks, report, export files, annotated copies, the package's files themselves) is written to a
 * temporary name in the same folder, flushed, then renamed over the target: a full disk, a kill or
 * Ctrl-C leaves the previous file (or none), never a truncated one (docs/decisions.md "Writing
 * files: a temporary name, then rename"). The temporary file is removed when anything fails, and on
 * Ctrl-C/SIGTERM by the interrupt tasks.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { onInterrupt } from './cleanup.js';
import { beforeWrite, partialWrite } from './faults.js';
import { placeNew } from './place-new.js';
import type { FileOut } from './port.js';

/** The temporary name beside `path`: hidden, and recognisable as ours (`.<name>.tmp-<pid>-<hex>`). */
export function tempBeside(path: string): string {
  // The name is cut to 100 bytes: a long final name (up to 255 bytes) must not make its temporary name too long.
  let stem = '';
  for (const ch of basename(path)) {
    if (Buffer.byteLength(stem + ch, 'utf8') > 100) break;
    stem += ch;
  }
  return join(dirname(path), `.${stem}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** True for a name `tempBeside` makes: readers that list folders skip such files. */
export function isTempName(name: string): boolean {
  return /^\..+\.tmp-\d+-[0-9a-f]+$/.test(name);
}

function writeAll(fd: number, data: Buffer, path: string): void {
  const cut = partialWrite(path);
  const end = cut ? Math.floor(data.length / 2) : data.length;
  let off = 0;
  while (off < end) off += writeSync(fd, data, off, end - off);
  if (cut) {
    const err = new Error(`ENOSPC: injected fault, write '${path}'`) as NodeJS.ErrnoException;
    err.code = 'ENOSPC';
    err.syscall = 'write';
    err.path = path;
    throw err;
  }
}

/**
 * Writes `data` to `path` whole or not at all. With `exclusive`, an existing `path` is kept and
 * false returned (the template's "never over an existing file"); true when written. Throws the
 * file-system error (the temporary file removed) for the caller to report as WRITE_FAILED.
 */
export function writeFileAtomic(path: string, data: Buffer | string, options: { exclusive?: boolean } = {}): boolean {
  beforeWrite(path);
  mkdirSync(dirname(path), { recursive: true });
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temp = tempBeside(path);
  const forget = onInterrupt(() => rmSync(temp, { force: true }));
  try {
    const fd = openSync(temp, 'wx');
    try {
      writeAll(fd, bytes, path);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.exclusive) {
      if (!placeNew(temp, path)) return false;
    } else renameSync(temp, path);
    return true;
  } finally {
    rmSync(temp, { force: true });
    forget();
  }
}

/**
 * writeFileAtomic for a file made a piece at a time (IoPort.writeFileFrom): `fill` writes into the temporary file,
 * which is flushed and renamed over `path` once it resolves; on a throw it is removed and `path` left as it was. A
 * province's 台账 (a 47 MB zip) was made whole in memory, then written (~180 MiB of its chunks and their copy).
 */
export async function writeFileAtomicFrom(path: string, fill: (out: FileOut) => Promise<void>): Promise<void> {
  beforeWrite(path);
  mkdirSync(dirname(path), { recursive: true });
  const temp = tempBeside(path);
  const forget = onInterrupt(() => rmSync(temp, { force: true }));
  try {
    const fd = openSync(temp, 'wx');
    try {
      // The disk fills half-way (the fault of writeAll): after the first piece.
      const cut = partialWrite(path);
      let size = 0;
      const at = (bytes: Uint8Array, position: number): void => {
        let off = 0;
        while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off, position + off);
      };
      await fill({
        get size() {
          return size;
        },
        write(bytes) {
          if (cut && size > 0) {
            const err = new Error(`ENOSPC: injected fault, write '${path}'`) as NodeJS.ErrnoException;
            err.code = 'ENOSPC';
            err.syscall = 'write';
            err.path = path;
            throw err;
          }
          at(bytes, size);
          size += bytes.length;
        },
        patch(bytes, from) {
          if (from < 0 || from + bytes.length > size) throw new RangeError(`patch past the end: ${from}+${bytes.length} of ${size}`);
          at(bytes, from);
        },
      });
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
    forget();
  }
}
