/**
 * Node's file-system port (io/port.ts): node:fs as the tool has always used it. Reads open only
 * regular files, without blocking on a FIFO, up to a cap; writes go through writeFileAtomic (a
 * temporary name, then rename, with its fault hooks). The read hooks (io/faults.ts beforeAccess)
 * stay where the readers call them, so every fault-injection test fails at the same step as before.
 */
import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
  type Dirent,
  type Stats,
} from 'node:fs';
import { lstat, open, readdir, stat } from 'node:fs/promises';
import { writeFileAtomic, writeFileAtomicFrom } from './atomic-write.js';
import { ioError, type AppendHandle, type DirEntry, type EntryKind, type EntryStat, type IoPort, type ReadHandle } from './port.js';

const kindOf = (s: Stats | Dirent): EntryKind => (s.isSymbolicLink() ? 'link' : s.isDirectory() ? 'folder' : s.isFile() ? 'file' : 'other');

const entryStat = (s: Stats): EntryStat => ({ kind: kindOf(s), size: s.size, links: s.nlink, mtimeMs: s.mtimeMs });

const dirEntries = (list: Dirent[]): DirEntry[] => list.map((d) => ({ name: d.name, kind: kindOf(d) }));

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
// A function, not a constant: nothing of node:fs runs when the module is loaded (a browser bundle that
// shims node:fs still loads this file as the api's default port, and never calls it).
const readFlags = (): number => constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK = 65_536;

function readFileSyncBounded(path: string, maxBytes: number): Uint8Array {
  const fd = openSync(path, readFlags());
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw ioError('ENOTFILE', 'open', path);
    if (st.size > maxBytes) throw ioError('EFBIG', 'read', path);
    // Read in chunks rather than trusting st.size: a file may grow while it is read.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(CHUNK);
      const r = readSync(fd, chunk, 0, chunk.length, null);
      if (r === 0) break;
      total += r;
      if (total > maxBytes) throw ioError('EFBIG', 'read', path);
      chunks.push(chunk.subarray(0, r));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

async function readFileBounded(path: string, maxBytes: number): Promise<Uint8Array> {
  const fh = await open(path, readFlags());
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw ioError('ENOTFILE', 'open', path);
    if (st.size > maxBytes) throw ioError('EFBIG', 'read', path);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.max(CHUNK, Math.min(st.size + 1, 16 * 1024 * 1024)));
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw ioError('EFBIG', 'read', path);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await fh.close();
  }
}

async function readHead(path: string, n: number): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Opens `path` with `flags` and says what the open file is; the descriptor is closed when fstat fails. */
function openWithStat(path: string, flags: number, mode?: number): { fd: number; st: Stats } {
  const fd = openSync(path, flags, mode);
  try {
    return { fd, st: fstatSync(fd) };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/**
 * A handle's close, which closes its descriptor once: a second call (a `finally` and the checkpoint's parts both
 * closing one file, register-store.ts) would otherwise close whatever the number was given to since — another
 * file, or one of libuv's own descriptors, whose next use then aborts the process without a word.
 */
function closeOnce(fd: number): () => void {
  let open = true;
  return () => {
    if (!open) return;
    open = false;
    closeSync(fd);
  };
}

function openRead(path: string): ReadHandle {
  const { fd, st } = openWithStat(path, readFlags());
  return {
    kind: kindOf(st),
    size: st.size,
    read: (buf, offset, length, position) => readSync(fd, buf, offset, length, position),
    close: closeOnce(fd),
  };
}

function openAppend(path: string, options: { create?: boolean } = {}): AppendHandle {
  const flags = constants.O_WRONLY | constants.O_APPEND | (constants.O_NONBLOCK ?? 0) | (options.create ? constants.O_CREAT : 0);
  const { fd, st } = openWithStat(path, flags, 0o666);
  return {
    kind: kindOf(st),
    size: st.size,
    write: (bytes, offset = 0, length = bytes.length - offset) => writeSync(fd, bytes, offset, length),
    sync: () => fsyncSync(fd),
    truncate: (size) => ftruncateSync(fd, size),
    close: closeOnce(fd),
  };
}

function copyFileDurable(from: string, to: string): void {
  copyFileSync(from, to);
  const fd = openSync(to, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncFolder(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every platform lets a folder be opened for fsync (Windows): the file's own fsync is what it offers.
  }
}

export const nodePort: IoPort = {
  name: 'node',
  async stat(path) {
    return entryStat(await stat(path));
  },
  statSync(path) {
    return entryStat(statSync(path));
  },
  async lstat(path) {
    return entryStat(await lstat(path));
  },
  async readdir(path) {
    return dirEntries(await readdir(path, { withFileTypes: true }));
  },
  readdirSync(path) {
    return dirEntries(readdirSync(path, { withFileTypes: true }));
  },
  exists: (path) => existsSync(path),
  readFile: (path, maxBytes = Number.MAX_SAFE_INTEGER) => readFileBounded(path, maxBytes),
  readFileSync: (path, maxBytes = Number.MAX_SAFE_INTEGER) => readFileSyncBounded(path, maxBytes),
  readHead,
  writeFile: (path, data, options) =>
    writeFileAtomic(path, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength), options),
  writeFileFrom: writeFileAtomicFrom,
  mkdir(path) {
    mkdirSync(path, { recursive: true });
  },
  rename(from, to) {
    renameSync(from, to);
  },
  remove(path) {
    rmSync(path, { recursive: true, force: true });
  },
  diskPath: (path) => path,

  // quarter side
  lstatSync(path) {
    return entryStat(lstatSync(path));
  },
  fsync(path) {
    try {
      const fd = openSync(path, 'r');
      fsyncSync(fd);
      closeSync(fd);
    } catch {
      // Not every platform lets a folder be opened for fsync.
    }
  },
  writeFileInPlace(path, data) {
    writeFileSync(path, data);
  },
  openRead,
  openAppend,
  copyFileDurable,
  syncFolder,
  // Loaded when first taken: the page's bundle, which takes this port as the api's default, never loads it.
  async lock(dir, options) {
    const { acquireLock } = await import('./lock.js');
    return acquireLock(dir, options);
  },
};
