/**
 * A guarded zip layer over yauzl: the central directory is checked against the limits before any
 * part is inflated (zip bombs: peers-research.md §4.3), and yauzl verifies that no entry inflates
 * past its declared size.
 */
import yauzl from 'yauzl';
import type { Readable } from 'node:stream';
import type { Limits } from '../../schemas/config.js';
import { ioProblem, unreadable, FileProblem } from '../errors.js';
import { nodePort } from '../node-port.js';
import { inflateChecked } from './inflate.js';
import type { IoPort } from '../port.js';

export type ZipLimits = Pick<Limits, 'maxUnzippedBytes' | 'maxZipRatio'> & Partial<Pick<Limits, 'maxZipEntries'>>;

/**
 * Opens a zip with yauzl. With `decodeStrings` false the entry names stay bytes (a submission zip
 * decodes them itself: GB18030 without the UTF-8 flag) and yauzl does not refuse `../` names, which
 * the caller reports instead.
 */
export function openZip(source: string | Buffer, decodeStrings: boolean): Promise<yauzl.ZipFile> {
  const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false, decodeStrings };
  return new Promise<yauzl.ZipFile>((resolve, reject) => {
    const done = (err: Error | null, z?: yauzl.ZipFile): void =>
      err || !z ? reject(unreadable({ reason: 'damaged', detail: err?.message ?? 'zip' })) : resolve(z);
    if (typeof source === 'string') yauzl.open(source, options, done);
    else yauzl.fromBuffer(source, options, done);
  });
}

/**
 * The zip seam of the file-system port (io/port.ts): where the port has the file on a disk
 * (diskPath), yauzl reads it there, a part at a time, as it always has; on any other port (memory,
 * the browser's) yauzl is given the file's bytes. A browser build replaces this function's yauzl
 * (DecompressionStream) without touching the readers above it.
 */
export async function openZipOn(io: IoPort, path: string, decodeStrings: boolean): Promise<yauzl.ZipFile> {
  const disk = io.diskPath(path);
  if (disk !== undefined) return openZip(disk, decodeStrings);
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (err) {
    throw ioProblem(err);
  }
  return openZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), decodeStrings);
}

/**
 * Reads the central directory entry by entry, judging it against the limits before any part is
 * inflated: the number of entries (known from the end record, before any is read), the total
 * declared size, and the ratio over the whole archive. Throws a FileProblem; does not close `zip`.
 */
export async function walkEntries(zip: yauzl.ZipFile, limits: ZipLimits, onEntry: (entry: yauzl.Entry) => void): Promise<void> {
  const maxEntries = limits.maxZipEntries;
  if (maxEntries !== undefined && zip.entryCount > maxEntries) {
    throw unreadable({ reason: 'limit', limit: 'maxZipEntries', max: maxEntries, actual: zip.entryCount });
  }
  let total = 0;
  let compressed = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      total += entry.uncompressedSize;
      compressed += entry.compressedSize;
      if (total > limits.maxUnzippedBytes) {
        reject(unreadable({ reason: 'limit', limit: 'maxUnzippedBytes', max: limits.maxUnzippedBytes, actual: total }));
        return;
      }
      onEntry(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', (err: Error) => reject(unreadable({ reason: 'damaged', detail: err.message })));
    zip.readEntry();
  });
  // The ratio is judged over the whole archive, and only once it inflates to a size that matters:
  // small XML parts routinely compress 50:1 and more.
  if (total > 8 * 1024 * 1024 && total / Math.max(compressed, 1) > limits.maxZipRatio) {
    throw unreadable({
      reason: 'limit',
      limit: 'maxZipRatio',
      max: limits.maxZipRatio,
      actual: Math.round(total / Math.max(compressed, 1)),
    });
  }
}

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

export class ZipArchive {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    readonly names: string[],
    /** Read by yauzl from a file on a disk (Node's port), not from bytes in memory (the memory port, the page). */
    private readonly onDisk = false,
  ) {}

  /** Opens a zip and lists it; throws a FileProblem when it is damaged or over a limit. */
  static async open(path: string, limits: ZipLimits, io: IoPort = nodePort): Promise<ZipArchive> {
    return ZipArchive.list(await openZipOn(io, path, true), limits, io.diskPath(path) !== undefined);
  }

  /** The same, for a zip held in memory (a .docx inside a zip submission). */
  static async fromBuffer(buffer: Buffer, limits: ZipLimits): Promise<ZipArchive> {
    return ZipArchive.list(await openZip(buffer, true), limits);
  }

  private static async list(zip: yauzl.ZipFile, limits: ZipLimits, onDisk = false): Promise<ZipArchive> {
    const entries = new Map<string, yauzl.Entry>();
    const names: string[] = [];
    try {
      await walkEntries(zip, limits, (entry) => {
        const name = normalisePartName(entry.fileName);
        if (!entry.fileName.endsWith('/')) {
          entries.set(name.toLowerCase(), entry);
          names.push(name);
        }
      });
    } catch (err) {
      zip.close();
      throw err;
    }
    return new ZipArchive(zip, entries, names, onDisk);
  }

  has(name: string): boolean {
    return this.entries.has(normalisePartName(name).toLowerCase());
  }

  info(name: string): ZipEntryInfo | undefined {
    const e = this.entries.get(normalisePartName(name).toLowerCase());
    return e ? { name: e.fileName, compressedSize: e.compressedSize, uncompressedSize: e.uncompressedSize } : undefined;
  }

  isEncrypted(name: string): boolean {
    const e = this.entries.get(normalisePartName(name).toLowerCase());
    return e !== undefined && (e.generalPurposeBitFlag & 1) === 1;
  }

  /**
   * A part's bytes, inflated. `chunkSize` (a large part read whole, such as a sheet) inflates it in
   * chunks of that size instead of zlib's 16 KB (zip/inflate.ts), with the same size checks — for a
   * zip read from a disk only. From bytes (the memory port, the page) yauzl inflates as it always has:
   * in the page, node:zlib is the browser's DecompressionStream (scripts/page/shims/zlib.js), and a
   * chunked inflate destroyed mid-part (an XML limit hit) never ended there, so the page hung on a
   * too-deep sheet (test/page-browser.test.ts). The findings are the same either way
   * (test/io/validate-in-memory.test.ts compares the two).
   */
  async stream(name: string, chunkSize?: number): Promise<Readable> {
    const entry = this.entries.get(normalisePartName(name).toLowerCase());
    if (!entry) throw unreadable({ reason: 'damaged', detail: `missing part ${name}` });
    if ((entry.generalPurposeBitFlag & 1) === 1) throw unreadable({ reason: 'damaged', detail: `encrypted part ${name}` });
    const raw = this.onDisk && chunkSize !== undefined && entry.compressionMethod === 8;
    return new Promise<Readable>((resolve, reject) => {
      this.zip.openReadStream(entry, raw ? { decompress: false } : {}, (err, s) =>
        err || !s
          ? reject(unreadable({ reason: 'damaged', detail: err?.message ?? name }))
          : resolve(raw ? inflateChecked(s, entry.uncompressedSize, chunkSize) : s),
      );
    });
  }

  /** Reads a whole (small) part into memory. */
  async read(name: string): Promise<Buffer> {
    const s = await this.stream(name);
    const chunks: Buffer[] = [];
    try {
      for await (const c of s) chunks.push(c as Buffer);
    } catch (err) {
      throw err instanceof FileProblem ? err : unreadable({ reason: 'damaged', detail: (err as Error).message });
    }
    return Buffer.concat(chunks);
  }

  close(): void {
    this.zip.close();
  }
}

/** Part names are case-insensitive and may be written with a leading slash or backslashes. */
export function normalisePartName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '');
}

/** Resolves a relationship target against the folder of its source part (OPC, ECMA-376 part 2 §9.3). */
export function resolvePartTarget(sourcePart: string, target: string): string {
  const clean = target.replace(/\\/g, '/');
  if (clean.startsWith('/')) return normalisePartName(clean);
  const base = sourcePart.includes('/') ? sourcePart.slice(0, sourcePart.lastIndexOf('/')) : '';
  const parts = (base ? `${base}/${clean}` : clean).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}
