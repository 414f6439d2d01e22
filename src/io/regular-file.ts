/**
 * Reading a file of a package that may have been tampered with (verify): only a regular file is read,
 * no link is followed and no FIFO or device is opened (non-blocking open, then fstat).
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The bytes, or why there are none: nothing there, or something that is not a regular file. */
export type RegularRead = Buffer | 'missing' | 'notFile';

/** Reads `rel` below `root` only if every segment is a real folder and the last a regular file. */
export function readInside(root: string, rel: string): RegularRead {
  const parts = rel.split('/');
  let p = root;
  for (const [i, part] of parts.entries()) {
    p = join(p, part);
    let st;
    try {
      st = lstatSync(p);
    } catch {
      return 'missing';
    }
    if (i < parts.length - 1 ? !st.isDirectory() : !st.isFile()) return 'notFile';
  }
  return readRegular(p);
}

/** Opens without following a link and without blocking on a FIFO; only a regular file is read. */
export function readRegular(path: string): RegularRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0));
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'notFile';
  }
  try {
    if (!fstatSync(fd).isFile()) return 'notFile';
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
