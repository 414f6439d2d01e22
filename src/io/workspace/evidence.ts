/**
 * Attachments in 附件/ judged by their bytes (checks.md "Evidence"): a file that is not what its
 * extension says is EVIDENCE_FILE_INVALID. Links are never followed.
 */
import { isUtf8 } from 'node:buffer';
import type { ZipArchive } from '../zip/zip.js';
import { beforeAccess } from '../faults.js';
import { nodePort } from '../node-port.js';
import type { IoPort } from '../port.js';

export const REPORT_EXTENSIONS = new Set(['.pdf', '.docx', '.doc', '.wps', '.ofd', '.txt']);
export const PICTURE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.jfif', '.png', '.gif', '.bmp', '.webp', '.heic']);

export type AttachmentKind = 'report' | 'picture' | 'other';

export function attachmentKind(ext: string): AttachmentKind {
  if (REPORT_EXTENSIONS.has(ext)) return 'report';
  if (PICTURE_EXTENSIONS.has(ext)) return 'picture';
  return 'other';
}

// What file-type names each accepted extension's bytes (.doc and .wps are OLE containers: cfb).
const EXPECTED: Record<string, readonly string[]> = {
  '.jpg': ['jpg'],
  '.jpeg': ['jpg'],
  '.jfif': ['jpg'],
  '.png': ['png'],
  '.gif': ['gif'],
  '.bmp': ['bmp'],
  '.webp': ['webp'],
  '.heic': ['heic', 'avif'],
  '.pdf': ['pdf'],
  '.doc': ['cfb', 'doc'],
  '.wps': ['cfb', 'doc'],
  '.docx': ['docx'],
  '.ofd': ['zip'],
};

let fileTypeModule: Promise<typeof import('file-type')> | undefined;
const loadFileType = (): Promise<typeof import('file-type')> => (fileTypeModule ??= import('file-type'));

/** Checks the bytes of one attachment; returns what it was detected as when it does not match. */
export async function checkAttachmentBytes(
  path: string,
  ext: string,
  size: number,
  io: IoPort = nodePort,
): Promise<{ ok: true } | { ok: false; detected: string }> {
  beforeAccess(path);
  if (ext === '.txt') {
    // The first 4 MB, through the port (Node's reads only those; memory and the browser's slice them).
    const h = await io.readHead(path, Math.min(size, 4 * 1024 * 1024));
    const b = Buffer.from(h.buffer, h.byteOffset, h.byteLength);
    return judgeText(b, b.length >= size);
  }
  // A port without a disk (memory, the browser's): the same judgement of the file's bytes.
  if (io.diskPath(path) === undefined) return checkAttachmentBuffer(Buffer.from(await io.readFile(path)), ext);
  const { fileTypeFromFile } = await loadFileType();
  let kind: string;
  try {
    kind = (await fileTypeFromFile(path))?.ext ?? 'unknown';
  } catch {
    kind = 'unknown';
  }
  return judgeKind(kind, ext, async () => (await zipModule()).ZipArchive.open(path, NO_LIMITS));
}

/**
 * The zip reader (and yauzl), loaded for a .docx or .ofd only: folder.ts, which every command that lists
 * a folder loads, uses attachmentKind.
 */
const zipModule = () => import('../zip/zip.js');

const NO_LIMITS = { maxUnzippedBytes: Number.MAX_SAFE_INTEGER, maxZipRatio: Number.MAX_SAFE_INTEGER };

async function judgeKind(
  kind: string,
  ext: string,
  openZip: () => Promise<ZipArchive>,
): Promise<{ ok: true } | { ok: false; detected: string }> {
  const expected = EXPECTED[ext] ?? [];
  if (!expected.includes(kind)) return { ok: false, detected: kind };
  if (ext === '.docx' || ext === '.ofd') {
    let zip: ZipArchive | undefined;
    try {
      zip = await openZip();
      const ok =
        ext === '.docx'
          ? zip.has('word/document.xml') || (zip.has('[Content_Types].xml') && zip.names.some((n) => n.startsWith('word/')))
          : zip.has('OFD.xml');
      return ok ? { ok: true } : { ok: false, detected: zip.has('xl/workbook.xml') ? 'xlsx' : 'zip' };
    } catch {
      return { ok: false, detected: 'damaged zip' };
    } finally {
      zip?.close();
    }
  }
  return { ok: true };
}

/** The same judgement of an attachment held in memory (an entry of a zip submission). */
export async function checkAttachmentBuffer(bytes: Buffer, ext: string): Promise<{ ok: true } | { ok: false; detected: string }> {
  if (ext === '.txt') return judgeText(bytes, true);
  const { fileTypeFromBuffer } = await loadFileType();
  let kind: string;
  try {
    kind = (await fileTypeFromBuffer(bytes))?.ext ?? 'unknown';
  } catch {
    kind = 'unknown';
  }
  return judgeKind(kind, ext, async () => (await zipModule()).ZipArchive.fromBuffer(bytes, NO_LIMITS));
}

function judgeText(b: Buffer, complete: boolean): { ok: true } | { ok: false; detected: string } {
  if (b.includes(0)) return { ok: false, detected: 'binary' };
  if (isUtf8(b)) return { ok: true };
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(complete ? b : b.subarray(0, b.length - 4));
    return { ok: true };
  } catch {
    return { ok: false, detected: 'binary' };
  }
}
