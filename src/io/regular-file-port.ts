/**
 * regular-file.ts on a file-system port (io/port.ts): on Node's port exactly readInside()/readRegular() (no
 * link followed, no FIFO opened); on another (a MemoryPort), the port's lstat and read, its errors mapped to
 * the same answers. A file of its own: regular-file.ts is imported by io/lock.ts, which Node's port imports.
 */
import { join } from 'node:path';
import { nodePort } from './node-port.js';
import type { IoPort } from './port.js';
import { readInside, readRegular, type RegularRead } from './regular-file.js';

/** readInside() on `io`: `rel` below `root` only if every segment is a folder and the last a regular file. */
export function readInsideOn(io: IoPort, root: string, rel: string): RegularRead {
  if (io === nodePort) return readInside(root, rel);
  const parts = rel.split('/');
  let p = root;
  for (const [i, part] of parts.entries()) {
    p = join(p, part);
    let kind: string;
    try {
      kind = io.lstatSync(p).kind;
    } catch {
      return 'missing';
    }
    if (i < parts.length - 1 ? kind !== 'folder' : kind !== 'file') return 'notFile';
  }
  return readRegularOn(io, p);
}

/** readRegular() on `io`: the bytes (a Buffer), 'missing' when nothing is there, 'notFile' for anything else refused. */
export function readRegularOn(io: IoPort, path: string): RegularRead {
  if (io === nodePort) return readRegular(path);
  try {
    const b = io.readFileSync(path);
    return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  } catch (err) {
    return (err as { code?: string }).code === 'ENOENT' ? 'missing' : 'notFile';
  }
}
