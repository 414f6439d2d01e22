// node:fs for the page (issue 20): the api reads through ctx.io (a MemoryPort holding the dropped
// file); the modules not on the port yet (validate --annotate's copy: its reader and writer, the CSV
// worker's read stream) call node:fs, which in the page is this, over the very same port. POSIX paths.
import { Buffer } from 'buffer';
import { Readable, Writable } from 'stream';

// The store is the page's IoPort (src/page/engine.ts puts its MemoryPort on globalThis.__hrssPort):
// the port the api reads through, so the few modules still on node:fs (the annotated copy's reader
// and writer) see the same files.
function port() {
  const p = globalThis.__hrssPort;
  if (!p) throw new Error('page: no memory port');
  return p;
}
let nextFd = 3;
const fds = new Map();

function norm(p) {
  if (p instanceof URL) p = p.pathname;
  p = String(p);
  const parts = [];
  for (const s of p.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') parts.pop();
    else parts.push(s);
  }
  return `/${parts.join('/')}`;
}
function parentOf(p) {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}
function fsError(code, syscall, path) {
  const e = new Error(`${code}: ${syscall} '${path}'`);
  e.code = code;
  e.syscall = syscall;
  e.path = path;
  return e;
}
function kindOf(n) {
  try {
    return port().statSync(n).kind;
  } catch {
    return undefined;
  }
}
const isDir = (n) => kindOf(n) === 'folder';
const isFile = (n) => kindOf(n) === 'file';
function getFile(n) {
  return isFile(n) ? port().readFileSync(n) : undefined;
}
function setFile(n, bytes) {
  port().writeFile(n, bytes);
}
function mkdirs(p) {
  port().mkdir(p);
}
class Stats {
  constructor(kind, size) {
    this.kind = kind;
    this.size = size;
    this.mode = kind === 'dir' ? 0o40755 : 0o100644;
    this.mtimeMs = 0;
    this.mtime = new Date(0);
    this.dev = 1;
    this.ino = 0;
    this.nlink = 1;
  }
  isDirectory() {
    return this.kind === 'dir';
  }
  isFile() {
    return this.kind === 'file';
  }
  isSymbolicLink() {
    return false;
  }
  isFIFO() {
    return false;
  }
  isCharacterDevice() {
    return false;
  }
  isBlockDevice() {
    return false;
  }
  isSocket() {
    return false;
  }
}
class Dirent {
  constructor(name, kind, parentPath) {
    this.name = name;
    this.kind = kind;
    this.parentPath = parentPath;
    this.path = parentPath;
  }
  isDirectory() {
    return this.kind === 'dir';
  }
  isFile() {
    return this.kind === 'file';
  }
  isSymbolicLink() {
    return false;
  }
  isFIFO() {
    return false;
  }
}

export const constants = {
  O_RDONLY: 0,
  O_NOFOLLOW: 0,
  O_NONBLOCK: 0,
  O_WRONLY: 1,
  O_CREAT: 64,
  O_EXCL: 128,
  O_TRUNC: 512,
  F_OK: 0,
  R_OK: 4,
  W_OK: 2,
};

export function statSync(p, opts) {
  const n = norm(p);
  const k = kindOf(n);
  if (k === 'file') return new Stats('file', port().statSync(n).size);
  if (k === 'folder') return new Stats('dir', 0);
  if (opts && opts.throwIfNoEntry === false) return undefined;
  throw fsError('ENOENT', 'stat', String(p));
}
export const lstatSync = statSync;
export function existsSync(p) {
  return kindOf(norm(p)) !== undefined;
}
export function realpathSync(p) {
  statSync(p);
  return norm(p);
}
realpathSync.native = realpathSync;
export function readdirSync(p, opts) {
  const n = norm(p);
  if (!isDir(n)) throw fsError(isFile(n) ? 'ENOTDIR' : 'ENOENT', 'scandir', String(p));
  const out = port()
    .readdirSync(n)
    .map((e) => new Dirent(e.name, e.kind === 'folder' ? 'dir' : 'file', n));
  out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return opts?.withFileTypes ? out : out.map((d) => d.name);
}
function bytesOf(data, enc) {
  if (typeof data === 'string') return Buffer.from(data, enc || 'utf8');
  if (data instanceof Uint8Array) return data;
  return Buffer.from(data);
}
export function writeFileSync(p, data, opts) {
  const enc = typeof opts === 'string' ? opts : opts?.encoding;
  if (typeof p === 'number') {
    setFile(fds.get(p).path, bytesOf(data, enc));
    return;
  }
  const n = norm(p);
  if (!isDir(parentOf(n))) throw fsError('ENOENT', 'open', String(p));
  setFile(n, bytesOf(data, enc));
}
export function readFileSync(p, opts) {
  const path = typeof p === 'number' ? fds.get(p)?.path : norm(p);
  const data = path !== undefined ? getFile(path) : undefined;
  if (!data) throw fsError(path !== undefined && isDir(path) ? 'EISDIR' : 'ENOENT', 'open', String(p));
  const enc = typeof opts === 'string' ? opts : opts?.encoding;
  const buf = Buffer.from(data.buffer, data.byteOffset, data.length);
  return enc ? buf.toString(enc) : buf;
}
export function mkdirSync(p, opts) {
  const n = norm(p);
  if (opts?.recursive) mkdirs(n);
  else {
    if (kindOf(n) !== undefined) throw fsError('EEXIST', 'mkdir', String(p));
    if (!isDir(parentOf(n))) throw fsError('ENOENT', 'mkdir', String(p));
    mkdirs(n);
  }
}
let tmpCount = 0;
export function mkdtempSync(prefix) {
  const p = `${norm(prefix)}${(++tmpCount).toString(36).padStart(6, '0')}`;
  mkdirs(p);
  return p;
}
export function rmSync(p, opts) {
  const n = norm(p);
  if (kindOf(n) === undefined) {
    if (!opts?.force) throw fsError('ENOENT', 'rm', String(p));
    return;
  }
  port().remove(n);
}
export const unlinkSync = rmSync;
export function renameSync(a, b) {
  if (!isFile(norm(a)) && !isDir(norm(a))) throw fsError('ENOENT', 'rename', String(a));
  port().rename(norm(a), norm(b));
}
export function openSync(p, flags) {
  const n = norm(p);
  const write = typeof flags === 'string' ? /[wa]/.test(flags) : (flags & 3) !== 0;
  if (write) {
    if (!isDir(parentOf(n))) throw fsError('ENOENT', 'open', String(p));
    if (typeof flags === 'number' && flags & constants.O_EXCL && isFile(n)) throw fsError('EEXIST', 'open', String(p));
    if (!isFile(n) || (typeof flags === 'string' && flags.startsWith('w')) || (typeof flags === 'number' && flags & constants.O_TRUNC))
      setFile(n, new Uint8Array(0));
  } else if (!isFile(n)) throw fsError(isDir(n) ? 'EISDIR' : 'ENOENT', 'open', String(p));
  const fd = nextFd++;
  fds.set(fd, { path: n, pos: 0 });
  return fd;
}
export function fstatSync(fd) {
  const f = fds.get(fd);
  if (!f) throw fsError('EBADF', 'fstat', String(fd));
  return statSync(f.path);
}
export function closeSync(fd) {
  fds.delete(fd);
}
export function readSync(fd, buffer, offset, length, position) {
  const f = fds.get(fd);
  if (!f) throw fsError('EBADF', 'read', String(fd));
  const data = getFile(f.path);
  const pos = position ?? f.pos;
  const n = Math.max(0, Math.min(length, data.length - pos));
  buffer.set(data.subarray(pos, pos + n), offset);
  if (position == null) f.pos += n;
  return n;
}
export function writeSync(fd, data, offset, length) {
  const f = fds.get(fd);
  if (!f) throw fsError('EBADF', 'write', String(fd));
  let chunk = bytesOf(data);
  if (typeof offset === 'number' && typeof data !== 'string') chunk = chunk.subarray(offset, offset + (length ?? chunk.length - offset));
  setFile(f.path, Buffer.concat([getFile(f.path), chunk]));
  return chunk.length;
}
export function fsyncSync() {}
export function linkSync(a, b) {
  const to = norm(b);
  if (kindOf(to) !== undefined) throw fsError('EEXIST', 'link', String(b));
  setFile(to, getFile(norm(a)));
}
export function accessSync(p) {
  statSync(p);
}

// Callback API (yauzl.open, fd-slicer).
const cb =
  (fn) =>
  (...args) => {
    const done = args.pop();
    let r;
    try {
      r = fn(...args);
    } catch (e) {
      queueMicrotask(() => done(e));
      return;
    }
    queueMicrotask(() => done(null, r));
  };
export const open = cb((p, flags) => openSync(p, typeof flags === 'function' ? 'r' : flags));
export const close = cb(closeSync);
export const fstat = cb(fstatSync);
export const stat = cb(statSync);
export const lstat = cb(lstatSync);
export function read(fd, buffer, offset, length, position, done) {
  let n;
  try {
    n = readSync(fd, buffer, offset, length, position);
  } catch (e) {
    queueMicrotask(() => done(e));
    return;
  }
  queueMicrotask(() => done(null, n, buffer));
}

export function createReadStream(p, opts = {}) {
  const hwm = opts.highWaterMark ?? 64 * 1024;
  let pos = opts.start ?? 0;
  let data;
  return new Readable({
    autoDestroy: true,
    emitClose: true,
    highWaterMark: hwm,
    read() {
      if (!data) {
        try {
          data = readFileSync(typeof opts.fd === 'number' ? opts.fd : p);
        } catch (e) {
          this.destroy(e);
          return;
        }
      }
      const end = opts.end !== undefined ? Math.min(opts.end + 1, data.length) : data.length;
      if (pos >= end) {
        this.push(null);
        return;
      }
      const next = Math.min(end, pos + hwm);
      this.push(Buffer.from(data.subarray(pos, next)));
      pos = next;
    },
  });
}
export function createWriteStream(p) {
  const n = norm(p);
  const chunks = [];
  if (!isDir(parentOf(n))) {
    const w = new Writable({
      write(_c, _e, next) {
        next();
      },
    });
    queueMicrotask(() => w.destroy(fsError('ENOENT', 'open', String(p))));
    return w;
  }
  setFile(n, new Uint8Array(0));
  // Node's file streams emit 'close' once done (the annotate writer waits for it).
  return new Writable({
    autoDestroy: true,
    emitClose: true,
    write(chunk, _enc, next) {
      chunks.push(bytesOf(chunk));
      next();
    },
    final(next) {
      setFile(n, Buffer.concat(chunks));
      next();
    },
  });
}

class FileHandle {
  constructor(fd) {
    this.fd = fd;
  }
  async read(buffer, offset, length, position) {
    if (buffer && !(buffer instanceof Uint8Array)) ({ buffer, offset, length, position } = buffer);
    buffer ??= Buffer.alloc(16384);
    const bytesRead = readSync(this.fd, buffer, offset ?? 0, length ?? buffer.length - (offset ?? 0), position ?? null);
    return { bytesRead, buffer };
  }
  async stat() {
    return fstatSync(this.fd);
  }
  async readFile(opts) {
    return readFileSync(this.fd, opts);
  }
  async close() {
    closeSync(this.fd);
  }
  createReadStream(opts) {
    return createReadStream(null, { ...opts, fd: this.fd });
  }
}

const wrap =
  (fn) =>
  async (...args) =>
    fn(...args);
export const promises = {
  open: async (p, flags) => new FileHandle(openSync(p, flags ?? 'r')),
  stat: wrap(statSync),
  lstat: wrap(lstatSync),
  readdir: wrap(readdirSync),
  readFile: wrap(readFileSync),
  writeFile: wrap(writeFileSync),
  mkdir: wrap(mkdirSync),
  mkdtemp: wrap(mkdtempSync),
  rm: wrap(rmSync),
  unlink: wrap(rmSync),
  rename: wrap(renameSync),
  realpath: wrap(realpathSync),
  access: wrap(accessSync),
};

export default {
  constants,
  statSync,
  lstatSync,
  existsSync,
  realpathSync,
  readdirSync,
  writeFileSync,
  readFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  unlinkSync,
  renameSync,
  openSync,
  fstatSync,
  closeSync,
  readSync,
  writeSync,
  fsyncSync,
  linkSync,
  accessSync,
  open,
  close,
  fstat,
  stat,
  lstat,
  read,
  createReadStream,
  createWriteStream,
  promises,
};
