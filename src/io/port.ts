/**
 * The file-system port (issue 20; publint's `vfs-node.js`): the api and the readers reach files only
 * through this interface, found on the api Context as `ctx.io`. Node's implementation (io/node-port.ts)
 * wraps node:fs and keeps the bounded regular-file reads, atomic writes and fault hooks; the in-memory
 * one (io/memory-port.ts) holds a Map of path → bytes and serves tests and the browser page.
 *
 * Paths are strings with Node's path semantics ('/' on POSIX, the memory port is POSIX). Errors are
 * thrown as Node's are: an Error with an errno `code` (ENOENT, ENOTDIR, EISDIR, EEXIST, EACCES…), so
 * the callers' handling (FILE_UNREADABLE with its code, PATH_NOT_FOUND) is the same on either port.
 *
 * This file imports nothing of Node: the browser bundle takes it as it is.
 */

export type EntryKind = 'file' | 'folder' | 'link' | 'other';

export interface EntryStat {
  kind: EntryKind;
  size: number;
  /** Hard links to the file (evidence with more than one is not read: it may be another file's name). */
  links: number;
  mtimeMs: number;
}

export interface DirEntry {
  name: string;
  kind: EntryKind;
}

/**
 * The seam for readers that need Node (yauzl's file reader, a worker thread reading a file, a
 * read stream): where the file is on a real disk, its path; undefined when the port holds it only
 * as bytes (the reader then takes `readFile`'s bytes). The page engineer's browser port answers undefined.
 */
export type DiskPathOf = (path: string) => string | undefined;

export interface IoPort {
  /** 'node' or 'memory' (or the browser's): for diagnostics only, never for behaviour. */
  readonly name: string;

  /** Metadata following links; throws (ENOENT…) when nothing is there. */
  stat(path: string): Promise<EntryStat>;
  statSync(path: string): EntryStat;
  /** Metadata of the entry itself (a link is 'link'); throws when nothing is there. */
  lstat(path: string): Promise<EntryStat>;
  /** The entries of a folder, in the order the file system gives them; throws ENOENT/ENOTDIR. */
  readdir(path: string): Promise<DirEntry[]>;
  readdirSync(path: string): DirEntry[];
  /** Whether anything (following links) is at `path`. */
  exists(path: string): boolean;

  /**
   * The bytes of a regular file: opened without following a final link or blocking on a FIFO, read
   * up to `maxBytes` (then an error with code EFBIG). A folder, FIFO or device: code 'ENOTFILE'.
   */
  readFile(path: string, maxBytes?: number): Promise<Uint8Array>;
  readFileSync(path: string, maxBytes?: number): Uint8Array;
  /** At most the first `n` bytes (fewer when the file is shorter). */
  readHead(path: string, n: number): Promise<Uint8Array>;

  /**
   * Writes whole or not at all (a temporary name in the same folder, then renamed; folders made).
   * With `exclusive`, an existing file is kept and false returned; true when written.
   */
  writeFile(path: string, data: Uint8Array | string, options?: { exclusive?: boolean }): boolean;
  /**
   * Writes a file made a piece at a time, whole or not at all as writeFile writes (a temporary name, then renamed):
   * `fill` gives its bytes in order (`write`) and may write again over bytes already given (`patch`: a zip's local
   * header, once its entry is deflated). The file is in place when `fill` has resolved; a throw leaves the previous one.
   */
  writeFileFrom(path: string, fill: (out: FileOut) => Promise<void>): Promise<void>;
  /** Makes the folder and its parents; nothing when it exists. */
  mkdir(path: string): void;
  rename(from: string, to: string): void;
  /** Removes a file or a folder with everything in it; nothing when absent. */
  remove(path: string): void;

  /** See DiskPathOf. */
  diskPath: DiskPathOf;

  // quarter side: what the package swap and its recovery need (io/package/package-fs.ts).
  /** Metadata of the entry itself, synchronously (a dangling link is 'link'); throws when nothing is there. */
  lstatSync(path: string): EntryStat;
  /** Flushes a file or a folder to the disk, best effort (a platform that cannot open a folder: nothing); nothing in memory. */
  fsync(path: string): void;
  /** Writes the file in place, without a temporary name or fault hooks: the swap's marker, whose loss the next run repairs. */
  writeFileInPlace(path: string, data: Uint8Array | string): void;

  // register side (issue 20 for the register, io/register/): the log read at positions and appended with
  // fsync, its copy before a repair, and the lock one writer at a time holds.
  /**
   * Opens a file to read at positions, without blocking on a FIFO; throws errno-style (ENOENT…). The
   * handle says what was opened (`kind`, from the open file, not the path): the register reads only files.
   */
  openRead(path: string): ReadHandle;
  /**
   * Opens a file to append to (created with `create`), without blocking on a FIFO (ENXIO when it has no
   * reader); throws errno-style. Each write goes to the end of the file.
   */
  openAppend(path: string, options?: { create?: boolean }): AppendHandle;
  /** Copies a file and flushes the copy to the disk before returning; throws errno-style. */
  copyFileDurable(from: string, to: string): void;
  /** Flushes a folder's entries (a new file's name) to the disk; nothing where the platform cannot. */
  syncFolder(path: string): void;
  /**
   * Takes the lock file `options.file` in the folder `dir` (made when absent): one holder at a time,
   * another waiting up to `waitMs` and then refused (LOCK_HELD; PATH_NOT_FOLDER, WRITE_FAILED). Node's is
   * io/lock.ts (stale locks of dead processes taken over); the memory port's refuses a second holder within it.
   */
  lock(dir: string, options?: PortLockOptions): Promise<PortLock>;
}

/** A file being written a piece at a time (IoPort.writeFileFrom). */
export interface FileOut {
  /** Bytes written so far (where the next write goes). */
  readonly size: number;
  write(bytes: Uint8Array): void;
  /** Writes `bytes` over bytes already written, from `at` (never past the end). */
  patch(bytes: Uint8Array, at: number): void;
}

/** An open file read at positions (IoPort.openRead). */
export interface ReadHandle {
  /** What the open file is ('file' for a regular file) and its size when opened. */
  readonly kind: EntryKind;
  readonly size: number;
  /** Reads up to `length` bytes at `position` of the file into buf[offset…]; the count read, 0 at the end. */
  read(buf: Uint8Array, offset: number, length: number, position: number): number;
  close(): void;
}

/** An open file appended to (IoPort.openAppend). */
export interface AppendHandle {
  readonly kind: EntryKind;
  /** The size when opened. */
  readonly size: number;
  /** Appends bytes[offset, offset + length) (all of them by default); the count written. */
  write(bytes: Uint8Array, offset?: number, length?: number): number;
  /** Flushes what was written to the disk (fsync). */
  sync(): void;
  truncate(size: number): void;
  close(): void;
}

/** How a lock is taken (Node's: io/lock.ts, whose LockOptions this is). */
export interface PortLockOptions {
  /** How long to wait for a lock another holds before LOCK_HELD (exit 2). */
  waitMs?: number;
  staleMs?: number;
  refreshMs?: number;
  /** The clock the staleness of another host's lock is judged by (tests inject one). */
  now?: () => number;
  /** This machine's name as recorded in the lock. */
  host?: string;
  /** The lock file's name inside the folder (the register's is `.lock`, register.md). */
  file?: string;
}

/** A lock held (io/lock.ts Lock). */
export interface PortLock {
  /** Keeps the lock fresh; false once it is no longer ours. */
  refresh(): boolean;
  /** Throws LOCK_HELD, naming the new holder, when another has taken the lock over meanwhile. */
  assertHeld(): void;
  release(): void;
}

/** An errno-style error, as node:fs throws them. */
export function ioError(code: string, syscall: string, path: string): Error & { code: string; syscall: string; path: string } {
  return Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });
}
