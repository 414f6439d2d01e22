/**
 * A guarded zip layer over yauzl: the central directory is checked against the limits before any
 * part is inflated (zip bombs: peers-research.md §4.3), and yauzl verifies that no entry inflates
 * past its declared size.
 */
import yauzl from 'yauzl';
import type { Readable } from 'node:stream';
import type { Limits } from '../schemas/config.js';
import { unreadable, FileProblem } from './errors.js';

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
  ) {}

  /** Opens a zip and lists it; throws a FileProblem when it is damaged or over a limit. */
  static async open(path: string, limits: Pick<Limits, 'maxUnzippedBytes' | 'maxZipRatio'>): Promise<ZipArchive> {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
      yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, z) =>
        err || !z ? reject(unreadable({ reason: 'damaged', detail: err?.message ?? 'zip' })) : resolve(z),
      );
    });
    const entries = new Map<string, yauzl.Entry>();
    const names: string[] = [];
    let total = 0;
    let compressed = 0;
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (entry: yauzl.Entry) => {
          const name = normalisePartName(entry.fileName);
          total += entry.uncompressedSize;
          compressed += entry.compressedSize;
          if (total > limits.maxUnzippedBytes) {
            reject(unreadable({ reason: 'limit', limit: 'maxUnzippedBytes', max: limits.maxUnzippedBytes, actual: total }));
            return;
          }
          if (!entry.fileName.endsWith('/')) {
            entries.set(name.toLowerCase(), entry);
            names.push(name);
          }
          zip.readEntry();
        });
        zip.on('end', () => resolve());
        zip.on('error', (err: Error) => reject(unreadable({ reason: 'damaged', detail: err.message })));
        zip.readEntry();
      });
    } catch (err) {
      zip.close();
      throw err;
    }
    // The ratio is judged over the whole archive, and only once it inflates to a size that matters:
    // small XML parts routinely compress 50:1 and more.
    if (total > 8 * 1024 * 1024 && total / Math.max(compressed, 1) > limits.maxZipRatio) {
      zip.close();
      throw unreadable({ reason: 'limit', limit: 'maxZipRatio', max: limits.maxZipRatio, actual: Math.round(total / Math.max(compressed, 1)) });
    }
    return new ZipArchive(zip, entries, names);
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

  async stream(name: string): Promise<Readable> {
    const entry = this.entries.get(normalisePartName(name).toLowerCase());
    if (!entry) throw unreadable({ reason: 'damaged', detail: `missing part ${name}` });
    if ((entry.generalPurposeBitFlag & 1) === 1) throw unreadable({ reason: 'damaged', detail: `encrypted part ${name}` });
    return new Promise<Readable>((resolve, reject) => {
      this.zip.openReadStream(entry, (err, s) => (err || !s ? reject(unreadable({ reason: 'damaged', detail: err?.message ?? name })) : resolve(s)));
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
