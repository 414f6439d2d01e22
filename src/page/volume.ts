/**
 * The page's in-memory files: in the browser build, node:fs is a memory volume (scripts/page/shims/fs.js),
 * the page's own memory port until the api Context's I/O port replaces it. This is the page's handle on it.
 */
export interface MemoryVolume {
  write(path: string, bytes: Uint8Array): void;
  /** A file of `size` bytes whose content was never read: only its size is judged (limits.maxFileBytes). */
  writeSized?(path: string, size: number): void;
  read(path: string): Uint8Array | undefined;
  list(prefix: string): string[];
  clear(prefix: string): void;
}

export function memoryVolume(): MemoryVolume {
  const v = (globalThis as { __hrssVolume?: MemoryVolume }).__hrssVolume;
  if (!v) throw new Error('page: the memory volume is missing (this module runs only in the page bundle)');
  return v;
}
