/**
 * The in-memory file-system port (io/port.ts): a Map of path → bytes and a set of folders, for
 * tests (a workspace built from fixture bytes, no temporary folder) and for the browser page (the
 * dropped file's bytes). No Node import and no Buffer here: the browser bundle takes it as it is.
 *
 * Paths follow POSIX rules: absolute ('/ws/submissions/…'), '.' and '..' resolved, '/' separators.
 * A write replaces the whole file at once, as the Node port's atomic write does.
 */
import { ToolError } from '../diagnostics/tool-error.js';
import {
  ioError,
  type AppendHandle,
  type DirEntry,
  type EntryStat,
  type FileOut,
  type IoPort,
  type PortLock,
  type PortLockOptions,
  type ReadHandle,
} from './port.js';

const encoder = new TextEncoder();

/** '/a/./b/../c/' → '/a/c'; a relative path is taken from the root. */
export function normalisePosix(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

const parentOf = (p: string): string => (p === '/' ? '/' : p.slice(0, p.lastIndexOf('/')) || '/');
const nameOf = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/**
 * A buffer that holds `data` and `more` bytes after it: `room` itself when `data` is its start (this handle
 * appended it) and it has space, else a new one of twice what is needed with `data` copied in. Bytes past
 * `data`'s end were never handed out (reads return views no longer than the file), so writing there is unseen.
 */
function appendRoom(room: Uint8Array | undefined, data: Uint8Array, more: number): Uint8Array {
  const need = data.length + more;
  if (room && data.buffer === room.buffer && data.byteOffset === room.byteOffset && need <= room.length) return room;
  const next = new Uint8Array(Math.max(64, need * 2));
  next.set(data, 0);
  return next;
}

export class MemoryPort implements IoPort {
  readonly name = 'memory';
  /** `node`: the file's identity across writes in place (its first entry's object when absent), as an inode. */
  private readonly files = new Map<string, { data: Uint8Array; mtimeMs: number; node?: object }>();
  private readonly folders = new Set<string>(['/']);
  private clock = 0;
  /** Files written through writeFile, in order (tests assert what a command wrote). */
  readonly written: string[] = [];

  /** A port holding `files` (path → bytes or text); their folders are made. */
  constructor(files: Record<string, Uint8Array | string> = {}) {
    for (const [path, data] of Object.entries(files)) this.put(path, data);
  }

  /** Adds or replaces a file (folders made), outside the write log: building a test's world. */
  put(path: string, data: Uint8Array | string): void {
    const p = normalisePosix(path);
    this.mkdir(parentOf(p));
    this.files.set(p, { data: typeof data === 'string' ? encoder.encode(data) : data, mtimeMs: ++this.clock });
  }

  /** Every file below `root` (or all), sorted by path: what a test compares. */
  list(root = '/'): string[] {
    const r = normalisePosix(root);
    const prefix = r === '/' ? '/' : `${r}/`;
    return [...this.files.keys()].filter((p) => p.startsWith(prefix)).sort();
  }

  private need(path: string, syscall: string): string {
    const p = normalisePosix(path);
    if (!this.files.has(p) && !this.folders.has(p)) throw ioError('ENOENT', syscall, path);
    return p;
  }

  statSync(path: string): EntryStat {
    const p = this.need(path, 'stat');
    const f = this.files.get(p);
    return f ? { kind: 'file', size: f.data.length, links: 1, mtimeMs: f.mtimeMs } : { kind: 'folder', size: 0, links: 1, mtimeMs: 0 };
  }

  async stat(path: string): Promise<EntryStat> {
    return this.statSync(path);
  }

  async lstat(path: string): Promise<EntryStat> {
    return this.statSync(path);
  }

  readdirSync(path: string): DirEntry[] {
    const p = this.need(path, 'scandir');
    if (!this.folders.has(p)) throw ioError('ENOTDIR', 'scandir', path);
    const out: DirEntry[] = [];
    for (const f of this.folders) if (f !== '/' && parentOf(f) === p) out.push({ name: nameOf(f), kind: 'folder' });
    for (const f of this.files.keys()) if (parentOf(f) === p) out.push({ name: nameOf(f), kind: 'file' });
    return out;
  }

  async readdir(path: string): Promise<DirEntry[]> {
    return this.readdirSync(path);
  }

  exists(path: string): boolean {
    const p = normalisePosix(path);
    return this.files.has(p) || this.folders.has(p);
  }

  readFileSync(path: string, maxBytes = Number.MAX_SAFE_INTEGER): Uint8Array {
    const p = this.need(path, 'open');
    const f = this.files.get(p);
    if (!f) throw ioError('ENOTFILE', 'open', path);
    if (f.data.length > maxBytes) throw ioError('EFBIG', 'read', path);
    return f.data;
  }

  async readFile(path: string, maxBytes?: number): Promise<Uint8Array> {
    return this.readFileSync(path, maxBytes);
  }

  async readHead(path: string, n: number): Promise<Uint8Array> {
    return this.readFileSync(path).subarray(0, n);
  }

  writeFile(path: string, data: Uint8Array | string, options: { exclusive?: boolean } = {}): boolean {
    const p = normalisePosix(path);
    if (this.folders.has(p)) throw ioError('EISDIR', 'open', path);
    if (options.exclusive && this.files.has(p)) return false;
    this.mkdir(parentOf(p));
    // A copy: the caller may reuse its buffer, and a file on disk would not change with it.
    const bytes = typeof data === 'string' ? encoder.encode(data) : data.slice();
    this.files.set(p, { data: bytes, mtimeMs: ++this.clock });
    this.written.push(p);
    return true;
  }

  async writeFileFrom(path: string, fill: (out: FileOut) => Promise<void>): Promise<void> {
    let data = new Uint8Array(1 << 12);
    let size = 0;
    await fill({
      get size() {
        return size;
      },
      write(bytes) {
        if (size + bytes.length > data.length) {
          const grown = new Uint8Array(Math.max(data.length * 2, size + bytes.length));
          grown.set(data.subarray(0, size));
          data = grown;
        }
        data.set(bytes, size);
        size += bytes.length;
      },
      patch(bytes, at) {
        if (at < 0 || at + bytes.length > size) throw new RangeError(`patch past the end: ${at}+${bytes.length} of ${size}`);
        data.set(bytes, at);
      },
    });
    // Placed whole once made, as writeFile places it.
    this.writeFile(path, data.subarray(0, size));
  }

  mkdir(path: string): void {
    let p = normalisePosix(path);
    const made: string[] = [];
    while (!this.folders.has(p)) {
      if (this.files.has(p)) throw ioError('ENOTDIR', 'mkdir', path);
      made.push(p);
      p = parentOf(p);
    }
    for (const m of made) this.folders.add(m);
  }

  rename(from: string, to: string): void {
    const a = this.need(from, 'rename');
    const b = normalisePosix(to);
    if (!this.folders.has(parentOf(b))) throw ioError('ENOENT', 'rename', to);
    const file = this.files.get(a);
    if (file) {
      if (this.folders.has(b)) throw ioError('EISDIR', 'rename', to);
      this.files.delete(a);
      this.files.set(b, file);
      return;
    }
    if (this.files.has(b)) throw ioError('ENOTDIR', 'rename', to);
    if (b === a || b.startsWith(`${a}/`)) throw ioError('EINVAL', 'rename', to);
    if (this.folders.has(b) && this.readdirSync(b).length > 0) throw ioError('ENOTEMPTY', 'rename', to);
    const move = (p: string): string => b + p.slice(a.length);
    for (const f of [...this.folders])
      if (f === a || f.startsWith(`${a}/`)) {
        this.folders.delete(f);
        this.folders.add(move(f));
      }
    for (const [f, v] of [...this.files])
      if (f.startsWith(`${a}/`)) {
        this.files.delete(f);
        this.files.set(move(f), v);
      }
  }

  remove(path: string): void {
    const p = normalisePosix(path);
    if (p === '/') throw ioError('EPERM', 'rm', path);
    this.files.delete(p);
    if (!this.folders.has(p)) return;
    for (const f of [...this.folders]) if (f === p || f.startsWith(`${p}/`)) this.folders.delete(f);
    for (const f of [...this.files.keys()]) if (f.startsWith(`${p}/`)) this.files.delete(f);
  }

  diskPath(): string | undefined {
    return undefined;
  }

  // quarter side
  lstatSync(path: string): EntryStat {
    return this.statSync(path);
  }

  fsync(): void {
    // Nothing to flush: the bytes are in memory.
  }

  writeFileInPlace(path: string, data: Uint8Array | string): void {
    const p = normalisePosix(path);
    if (this.folders.has(p)) throw ioError('EISDIR', 'open', path);
    if (!this.folders.has(parentOf(p))) throw ioError('ENOENT', 'open', path);
    const was = this.files.get(p);
    this.files.set(p, {
      data: typeof data === 'string' ? encoder.encode(data) : data.slice(),
      mtimeMs: ++this.clock,
      ...(was ? { node: was.node ?? was } : {}),
    });
  }

  // register side

  /** The locks held, by lock file path: the holder's token and since when. */
  private readonly locks = new Map<string, { token: number; since: string }>();
  private lockTokens = 0;

  openRead(path: string): ReadHandle {
    const p = this.need(path, 'open');
    const files = this.files;
    const opened = files.get(p);
    const node = opened ? (opened.node ?? opened) : undefined;
    let last = opened?.data ?? new Uint8Array(0);
    return {
      kind: opened ? 'file' : 'folder',
      size: opened?.data.length ?? 0,
      // Reads the file as it is now, as a file descriptor does (a later append is seen); a file renamed over
      // it or put in its place by an atomic write is another file: the handle reads the one it opened.
      read(buf, offset, length, position) {
        const now = files.get(p);
        if (now && (now.node ?? now) === node) last = now.data;
        const data = last;
        const part = data.subarray(Math.min(position, data.length), Math.min(position + length, data.length));
        buf.set(part, offset);
        return part.length;
      },
      close() {},
    };
  }

  openAppend(path: string, options: { create?: boolean } = {}): AppendHandle {
    const p = normalisePosix(path);
    if (this.folders.has(p)) throw ioError('EISDIR', 'open', path);
    if (!this.files.has(p)) {
      if (!options.create) throw ioError('ENOENT', 'open', path);
      if (!this.folders.has(parentOf(p))) throw ioError('ENOENT', 'open', path);
      this.files.set(p, { data: new Uint8Array(0), mtimeMs: ++this.clock });
    }
    const size = this.files.get(p)?.data.length ?? 0;
    const change = (make: (data: Uint8Array) => Uint8Array): void => {
      const f = this.files.get(p);
      if (!f) throw ioError('ENOENT', 'write', path);
      this.files.set(p, { data: make(f.data), mtimeMs: ++this.clock, node: f.node ?? f });
    };
    // Appends grow a buffer of spare room that doubles when full (amortised O(1) a byte: copying the
    // whole file on each append made writing an n-line log quadratic). Only this handle's own buffer is
    // ever written past a file's end, so bytes a reader was handed never change (appendRoom below).
    let room: Uint8Array | undefined;
    return {
      kind: 'file',
      size,
      write(bytes, offset = 0, length = bytes.length - offset) {
        const part = bytes.subarray(offset, offset + length);
        change((data) => {
          room = appendRoom(room, data, part.length);
          room.set(part, data.length);
          return room.subarray(0, data.length + part.length);
        });
        return part.length;
      },
      sync() {},
      truncate(to) {
        change((data) => {
          const next = new Uint8Array(to);
          next.set(data.subarray(0, Math.min(to, data.length)), 0);
          return next;
        });
      },
      close() {},
    };
  }

  copyFileDurable(from: string, to: string): void {
    const data = this.readFileSync(from);
    const b = normalisePosix(to);
    if (this.folders.has(b)) throw ioError('EISDIR', 'copyfile', to);
    if (!this.folders.has(parentOf(b))) throw ioError('ENOENT', 'copyfile', to);
    this.files.set(b, { data: data.slice(), mtimeMs: ++this.clock });
  }

  syncFolder(): void {}

  /**
   * A lock within this port: a second taker waits up to `waitMs` and is then refused (LOCK_HELD), as
   * on disk. No file is written (nothing else could read it) and none goes stale: its holder is in this
   * process and releases it, on an error too (the register's writers release in `finally`).
   */
  async lock(dir: string, options: PortLockOptions = {}): Promise<PortLock> {
    try {
      this.mkdir(dir);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'ENOTDIR') throw new ToolError('PATH_NOT_FOLDER', { path: dir });
      throw new ToolError('WRITE_FAILED', { problem: code ?? 'mkdir', path: dir });
    }
    if (this.files.has(normalisePosix(dir))) throw new ToolError('PATH_NOT_FOLDER', { path: dir });
    const path = `${normalisePosix(dir)}/${options.file ?? '.hrss-credit.lock'}`;
    const host = options.host ?? 'memory';
    const now = options.now ?? Date.now;
    const deadline = Date.now() + (options.waitMs ?? 3000);
    while (this.locks.has(path)) {
      if (Date.now() >= deadline) {
        const held = this.locks.get(path);
        throw new ToolError('LOCK_HELD', { pid: '?', since: held?.since ?? '?', host });
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    const token = ++this.lockTokens;
    this.locks.set(path, { token, since: new Date(now()).toISOString() });
    const ours = (): boolean => this.locks.get(path)?.token === token;
    return {
      refresh: ours,
      assertHeld: () => {
        if (!ours()) throw new ToolError('LOCK_HELD', { pid: '?', since: this.locks.get(path)?.since ?? '?', host });
      },
      release: () => {
        if (ours()) this.locks.delete(path);
      },
    };
  }
}
