/**
 * One entry of a zip submission (department.md "Submissions that arrive as zip files"): how its
 * name is decoded, and its bytes read back — checked against the size and CRC-32 the archive
 * declares, since the evidence is published byte for byte and yauzl checks sizes but not CRCs.
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import { isUtf8 } from 'node:buffer';
import type yauzl from 'yauzl';
import { unreadable } from '../errors.js';
import { openZipOn } from './zip.js';
import { nodePort } from '../node-port.js';
import type { IoPort } from '../port.js';

/** Where an entry's bytes are: the zip, and the entry's local header offset (unique in the zip). */
export interface ZipEntryRef {
  archive: string;
  offset: number;
  /** Declared by the central directory; yauzl stops an entry that inflates past it. */
  size: number;
  crc32: number;
}

/** APPNOTE.TXT 4.4.4: general purpose bit 11 says the name is UTF-8 (the "language encoding flag"). */
export const UTF8_FLAG = 0x800;

const gb18030 = new TextDecoder('gb18030');
const utf8 = new TextDecoder('utf-8');

/**
 * Windows Explorer ("发送到 → 压缩(zipped)文件夹"), 360压缩, WinRAR and 好压 on Chinese Windows write
 * names in the ANSI code page (936, GBK) without the flag; GB18030 reads every GBK name and more.
 * `fallback` is how a name without the flag is read (see unflaggedEncoding).
 */
export function decodeEntryName(raw: Buffer, flags: number, fallback: 'gb18030' | 'utf-8' = 'gb18030'): string {
  return (flags & UTF8_FLAG) !== 0 || fallback === 'utf-8' ? utf8.decode(raw) : gb18030.decode(raw);
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff]/;

/**
 * Info-ZIP's zip on Linux and macOS's Archive Utility write UTF-8 names without the flag too. Read
 * as GBK they turn into 闄勪欢 for 附件, so an archive is read as UTF-8 when none of its names has
 * the flag, every name that is not ASCII is valid UTF-8, and each decodes to Chinese characters:
 * GBK names pass that test almost never (a short one such as 目录 is valid UTF-8, but decodes to
 * Latin letters, not to Chinese). Otherwise GB18030, as department.md says.
 */
export function unflaggedEncoding(entries: readonly { raw: Buffer; flags: number }[]): 'gb18030' | 'utf-8' {
  const unflagged = entries.filter((e) => (e.flags & UTF8_FLAG) === 0 && e.raw.some((b) => b >= 0x80));
  if (unflagged.length === 0 || entries.some((e) => (e.flags & UTF8_FLAG) !== 0)) return 'gb18030';
  return unflagged.every((e) => isUtf8(e.raw) && CJK.test(utf8.decode(e.raw))) ? 'utf-8' : 'gb18030';
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

const nativeCrc = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 (ISO 3309, as zip uses it); zlib's where Node has it (20.15+). */
export function crc32(data: Uint8Array, previous = 0): number {
  if (nativeCrc) return nativeCrc(data, previous) >>> 0;
  let c = ~previous;
  for (const b of data) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

/** Passes the bytes through and fails at the end when their CRC-32 is not the declared one. */
export class CrcCheck extends Transform {
  private crc = 0;
  constructor(private readonly expected: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.crc = crc32(chunk, this.crc);
    cb(null, chunk);
  }
  override _flush(cb: TransformCallback): void {
    cb(this.crc === this.expected >>> 0 ? null : unreadable({ reason: 'damaged', detail: 'CRC-32 mismatch' }));
  }
}

export function openEntryStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise<Readable>((resolve, reject) => {
    zip.openReadStream(entry, (err, s) =>
      err || !s ? reject(unreadable({ reason: 'damaged', detail: err?.message ?? 'entry' })) : resolve(s),
    );
  });
}

async function findEntry(zip: yauzl.ZipFile, ref: ZipEntryRef): Promise<yauzl.Entry> {
  return new Promise<yauzl.Entry>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.relativeOffsetOfLocalHeader === ref.offset) resolve(entry);
      else zip.readEntry();
    });
    zip.on('end', () => reject(unreadable({ reason: 'damaged', detail: 'entry missing' })));
    zip.on('error', (err: Error) => reject(unreadable({ reason: 'damaged', detail: err.message })));
    zip.readEntry();
  });
}

/**
 * Reads one entry into memory (evidence: its size was judged against maxAttachmentBytes before).
 * The zip is opened again for it, so nothing stays open between the check and the package; an
 * archive changed in between (another size or CRC at that place) is FILE_UNREADABLE, never mixed.
 */
export async function readZipEntry(ref: ZipEntryRef, io: IoPort = nodePort): Promise<Buffer> {
  const zip = await openZipOn(io, ref.archive, false);
  try {
    const entry = await findEntry(zip, ref);
    if (entry.uncompressedSize !== ref.size || entry.crc32 !== ref.crc32) throw unreadable({ reason: 'damaged', detail: 'zip changed' });
    const chunks: Buffer[] = [];
    const check = new CrcCheck(ref.crc32);
    (await openEntryStream(zip, entry)).on('error', (err) => check.destroy(err)).pipe(check);
    try {
      for await (const c of check) chunks.push(c as Buffer);
    } catch (err) {
      throw err instanceof Error && 'args' in err ? err : unreadable({ reason: 'damaged', detail: (err as Error).message });
    }
    return Buffer.concat(chunks);
  } finally {
    zip.close();
  }
}
