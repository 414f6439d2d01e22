/**
 * The page's file system: the port's MemoryPort (io/memory-port.ts) holding the baked-in config and
 * the dropped file. A file over limits.maxFileBytes is never read into memory: it is there by its
 * size only, and every reader stops at that size (FILE_UNREADABLE, maxFileBytes) as on the disk.
 */
import { ioError, type EntryStat } from '../io/port.js';
import { MemoryPort, normalisePosix } from '../io/memory-port.js';

export class PagePort extends MemoryPort {
  private readonly sized = new Map<string, number>();

  /** A file of `size` bytes whose content the page did not read. */
  putSized(path: string, size: number): void {
    const p = normalisePosix(path);
    this.put(p, new Uint8Array(0));
    this.sized.set(p, size);
  }

  override statSync(path: string): EntryStat {
    const st = super.statSync(path);
    const size = this.sized.get(normalisePosix(path));
    return size === undefined ? st : { ...st, size };
  }

  override async stat(path: string): Promise<EntryStat> {
    return this.statSync(path);
  }

  override async lstat(path: string): Promise<EntryStat> {
    return this.statSync(path);
  }

  override readFileSync(path: string, maxBytes?: number): Uint8Array {
    if (this.sized.has(normalisePosix(path))) throw ioError('EFBIG', 'read', path);
    return super.readFileSync(path, maxBytes);
  }

  override async readFile(path: string, maxBytes?: number): Promise<Uint8Array> {
    return this.readFileSync(path, maxBytes);
  }

  override async readHead(path: string, n: number): Promise<Uint8Array> {
    return this.readFileSync(path).subarray(0, n);
  }
}
