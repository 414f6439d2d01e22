/**
 * Reading a file of a package that may have been tampered with (verify): only a regular file is read,
 * no link is followed and no FIFO or device is opened (non-blocking open, then fstat).
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodePort } from './node-port.js';
import type { IoPort } from './port.js';

/** The bytes, or why there are none: nothing there, or something that is not a regular file. */
export type RegularRead = Buffer | 'missing' | 'notFile';

/** Reads `rel` below `root` only if every segment is a real folder and the last a regular file. */
export function readInside(root: string, rel: string, io: IoPort = nodePort): RegularRead {
  const parts = rel.split('/');
  let p = root;
  for (const [i, part] of parts.entries()) {
    p = join(p, part);
    let kind;
    try {
      kind = io === nodePort ? kindOf(lstatSync(p)) : io.lstatSync(p).kind;
    } catch {
      return 'missing';
    }
    if (i < parts.length - 1 ? kind !== 'folder' : kind !== 'file') return 'notFile';
  }
  return readRegular(p, io);
}

const kindOf = (st: { isDirectory(): boolean; isFile(): boolean }): string =>
  st.isDirectory() ? 'folder' : st.isFile() ? 'file' : 'other';

/**
 * Opens without following a link and without blocking on a FIFO; only a regular file is read. On another
 * port (memory), the port's read: nothing there is 'missing', anything else it refuses 'notFile'.
 */
export function readRegular(path: string, io: IoPort = nodePort): RegularRead {
  if (io !== nodePort) {
    try {
      const b = io.readFileSync(path);
      return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
    } catch (err) {
      return (err as { code?: string }).code === 'ENOENT' ? 'missing' : 'notFile';
    }
  }
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
