/**
 * Putting a finished file in place only where nothing is (one helper for io/atomic-write.ts's `exclusive`
 * writes — the template's "never over an existing file" — and io/lock.ts's lock and take-over guard).
 */
import { closeSync, linkSync, openSync, readFileSync, writeSync } from 'node:fs';

/** Errors of a file system without hard links (FAT, exFAT, some SMB shares, a cross-device temporary). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Places the finished file `temp` at `path` only when `path` does not exist: true when placed, false when
 * something is there already (left as it is). A hard link does it atomically — the file appears whole or not
 * at all, and of two writers exactly one wins. Without hard links, an exclusive create (`wx`, O_EXCL) and a copy still let only
 * one writer create `path`, though a crash mid-copy may leave it short (the lock's reader judges such a file
 * unreadable; a template is written again). The caller removes `temp` either way. `link` is for the tests.
 */
export function placeNew(temp: string, path: string, link: (from: string, to: string) => void = linkSync): boolean {
  try {
    link(temp, path);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_LINKS.has(code)) throw err;
  }
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    const bytes = readFileSync(temp);
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
  } finally {
    closeSync(fd);
  }
  return true;
}
