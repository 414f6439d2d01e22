/**
 * A department folder that arrives as a zip (department.md "Submissions that arrive as zip files"):
 * listed from its central directory like a folder on the disk (folder.ts), judged against the same
 * limits as a workbook before anything is inflated. Nothing is extracted but the lists and covers,
 * one at a time, into a private temporary folder the readers can open; evidence is read in memory
 * (zip-entry.ts), bounded by maxAttachmentBytes.
 */
import { createWriteStream, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type yauzl from 'yauzl';
import type { CodeArgs } from '../../diagnostics/codes.js';
import type { Limits } from '../../schemas/config.js';
import { onInterrupt } from '../cleanup.js';
import { FileProblem, ioProblem, unreadable } from '../errors.js';
import { emptyListing, isEvidenceDirName, MAX_DEPTH, rootFileRole, type DepartmentListing, type FolderEntry } from '../workspace/folder.js';
import { attachmentKind } from '../workspace/evidence.js';
import { unsafeSegment } from '../paths.js';
import { isLitter } from '../sniff.js';
import { CrcCheck, decodeEntryName, openEntryStream, unflaggedEncoding } from './zip-entry.js';
import { openZipOn, walkEntries } from './zip.js';
import { nodePort } from '../node-port.js';
import type { IoPort } from '../port.js';

export interface ZipSubmission {
  listing: DepartmentListing;
  /** The zip's own size in bytes. */
  bytes: number;
  /** The one folder every entry sits in, which is then the department folder. */
  topFolder?: string;
  /** Extracts a list or cover to a temporary file for the readers; removed by close(). */
  materialise(entry: FolderEntry, maxBytes: number): Promise<string>;
  close(): void;
}

type Unsafe = NonNullable<DepartmentListing['unsafe']>[number];

/**
 * Why an entry name would land outside the folder it is extracted into (the "zip slip"): `../`,
 * an absolute path, a drive letter (`C:`, also `C:x` which Windows resolves against the drive's
 * current folder), a UNC path, or backslashes — the separator of Windows, which extractors there
 * follow while the zip format knows only `/` (APPNOTE.TXT 4.4.17).
 */
export function unsafeEntryName(name: string): Omit<Unsafe, 'name'> | undefined {
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) return { reason: 'absolute' };
  const segments = name.replace(/\\/g, '/').split('/');
  if (segments.includes('..')) return { reason: 'outside' };
  if (name.includes('\\')) return { reason: 'name', problem: 'character' };
  return undefined;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
/** A symbolic link stored by Info-ZIP `zip -y` (host Unix, mode in the high half of the attributes). */
const isLink = (e: yauzl.Entry): boolean => e.versionMadeBy >> 8 === 3 && ((e.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;

interface Item {
  entry: yauzl.Entry;
  segments: string[];
  dir: boolean;
}

function compareSegments(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return (a[i] as string) < (b[i] as string) ? -1 : 1;
  }
  return a.length - b.length;
}

/** macOS Archive Utility adds __MACOSX/ (resource forks); like Thumbs.db, not the department's. */
const isLitterPath = (segments: readonly string[]): boolean => segments[0] === '__MACOSX' || segments.some(isLitter);

/** Opens and lists a zip submission; throws a FileProblem when it is damaged or over a limit. */
export async function openZipSubmission(archive: string, limits: Limits, io: IoPort = nodePort): Promise<ZipSubmission> {
  const zip = await openZipOn(io, archive, false);
  const raw: yauzl.Entry[] = [];
  try {
    await walkEntries(zip, limits, (e) => raw.push(e));
  } catch (err) {
    zip.close();
    // The limit messages name what was judged: this zip, not a workbook.
    if (err instanceof FileProblem && err.code === 'FILE_UNREADABLE') {
      const args = err.args as CodeArgs['FILE_UNREADABLE'];
      if (args.reason === 'limit') throw unreadable({ ...args, detail: 'zip' });
    }
    throw err;
  }

  const listing = emptyListing();
  listing.unsafe = [];
  listing.encrypted = [];
  const items: Item[] = [];
  const rawName = (e: yauzl.Entry): Buffer => e.fileName as unknown as Buffer;
  const fallback = unflaggedEncoding(raw.map((e) => ({ raw: rawName(e), flags: e.generalPurposeBitFlag })));
  for (const entry of raw) {
    const name = decodeEntryName(rawName(entry), entry.generalPurposeBitFlag, fallback);
    const unsafe = unsafeEntryName(name);
    if (unsafe) {
      listing.unsafe.push({ name, ...unsafe });
      continue;
    }
    const segments = name.split('/').filter((s) => s !== '' && s !== '.');
    if (segments.length === 0 || isLitterPath(segments)) continue;
    items.push({ entry, segments, dir: name.endsWith('/') });
  }

  // A zip made by right-clicking the department folder holds that folder: it is the department's.
  const first = items[0]?.segments[0];
  const top =
    first !== undefined &&
    !isEvidenceDirName(first) &&
    items.every((i) => i.segments[0] === first && (i.dir || i.segments.length > 1)) &&
    items.some((i) => !i.dir)
      ? first
      : undefined;

  items.sort((a, b) => compareSegments(a.segments, b.segments));
  const otherDirs = new Set<string>();
  const deepDirs = new Set<string>();
  for (const item of items) {
    const rel = top ? item.segments.slice(1) : item.segments;
    if (rel.length === 0) continue;
    const head = rel[0] as string;
    if (item.dir) {
      if (rel.length === 1 && !isEvidenceDirName(head)) otherDirs.add(head);
      continue;
    }
    const e = item.entry;
    const name = rel[rel.length - 1] as string;
    const entry: FolderEntry = {
      name,
      path: `${archive}!/${item.segments.join('/')}`,
      rel: rel.join('/'),
      size: e.uncompressedSize,
      zip: { archive, offset: e.relativeOffsetOfLocalHeader, size: e.uncompressedSize, crc32: e.crc32 },
    };
    if ((e.generalPurposeBitFlag & 1) !== 0) listing.encrypted.push(entry);
    else if (isLink(e)) listing.links.push({ ...entry, reason: 'link' });
    else if (rel.length === 1) {
      const role = rootFileRole(name);
      if (role === 'cover') listing.coverFiles.push(entry);
      else if (role === 'coverScan') listing.coverScans.push(entry);
      else if (role === 'list') listing.lists.push(entry);
      else listing.other.push(entry);
    } else if (isEvidenceDirName(head)) {
      // As deep as a folder on the disk is walked (folder.ts).
      if (rel.length - 1 <= MAX_DEPTH) listing.attachments.push({ ...entry, kind: attachmentKind(extname(name).toLowerCase()) });
      else deepDirs.add(rel.slice(0, MAX_DEPTH + 1).join('/'));
    } else otherDirs.add(head);
  }
  for (const d of [...deepDirs].sort()) {
    const segments = top ? [top, d] : [d];
    (listing.deep ??= []).push({
      name: `${d.slice(d.lastIndexOf('/') + 1)}/`,
      path: `${archive}!/${segments.join('/')}/`,
      rel: `${d}/`,
      size: 0,
    });
  }
  for (const d of [...otherDirs].sort()) {
    const segments = top ? [top, d] : [d];
    listing.other.push({ name: `${d}/`, path: `${archive}!/${segments.join('/')}/`, rel: `${d}/`, size: 0 });
  }

  const byOffset = new Map(raw.map((e) => [e.relativeOffsetOfLocalHeader, e]));
  let root: string | undefined;
  let undo: (() => void) | undefined;
  let count = 0;
  const onDisk = io.diskPath(archive) !== undefined;
  const removeRoot = (): void => {
    if (root && onDisk) rmSync(root, { recursive: true, force: true });
    else if (root) io.remove(root);
  };
  return {
    listing,
    bytes: zip.fileSize,
    ...(top !== undefined ? { topFolder: top } : {}),
    async materialise(entry, maxBytes) {
      const ref = entry.zip;
      const e = ref ? byOffset.get(ref.offset) : undefined;
      if (!ref || !e) throw unreadable({ reason: 'damaged', detail: 'entry missing' });
      if (e.uncompressedSize > maxBytes)
        throw unreadable({ reason: 'limit', limit: 'maxFileBytes', max: maxBytes, actual: e.uncompressedSize });
      if (!onDisk) return materialiseOnPort(io, zip, e, entry.name, ++count, (r) => (root ??= r));
      if (!root) {
        // A folder of our own under the system's temporary folder, removed by close() and on Ctrl-C.
        root = mkdtempSync(join(tmpdir(), 'hrss-credit-zip-'));
        undo = onInterrupt(removeRoot);
      }
      // The file keeps its name (a CSV's name may say 红名单/黑名单) when the system can hold it;
      // each in a folder of its own, so two entries of one name never meet.
      const ext = /^\.[A-Za-z0-9]{1,8}$/.test(extname(entry.name)) ? extname(entry.name) : '';
      const name = unsafeSegment(entry.name) === undefined && Buffer.byteLength(entry.name) <= 200 ? entry.name : `list${ext}`;
      const dir = join(root, String(++count));
      const target = join(dir, name);
      if (!resolve(target).startsWith(resolve(root) + sep)) throw unreadable({ reason: 'damaged', detail: 'entry name' });
      mkdirSync(dir);
      try {
        await pipeline(await openEntryStream(zip, e), new CrcCheck(e.crc32), createWriteStream(target, { flags: 'wx' }));
      } catch (err) {
        if (err instanceof FileProblem) throw err;
        const code = (err as NodeJS.ErrnoException).code;
        throw typeof code === 'string' && /^E[A-Z]+$/.test(code)
          ? ioProblem(err)
          : unreadable({ reason: 'damaged', detail: (err as Error).message?.slice(0, 200) });
      }
      return target;
    },
    close() {
      zip.close();
      removeRoot();
      undo?.();
    },
  };
}

/**
 * materialise() on a port that is not Node's (memory, the browser's): the entry's bytes, checked
 * against its CRC-32, are written into the port under a folder of the port's own, which close() removes.
 */
async function materialiseOnPort(
  io: IoPort,
  zip: yauzl.ZipFile,
  e: yauzl.Entry,
  name: string,
  count: number,
  rootOf: (candidate: string) => string,
): Promise<string> {
  const root = rootOf(`/.hrss-credit-zip-${Math.random().toString(16).slice(2, 10)}`);
  const chunks: Buffer[] = [];
  const check = new CrcCheck(e.crc32);
  (await openEntryStream(zip, e)).on('error', (err) => check.destroy(err)).pipe(check);
  try {
    for await (const c of check) chunks.push(c as Buffer);
  } catch (err) {
    throw err instanceof FileProblem ? err : unreadable({ reason: 'damaged', detail: (err as Error).message?.slice(0, 200) });
  }
  const ext = /^\.[A-Za-z0-9]{1,8}$/.test(extname(name)) ? extname(name) : '';
  const safe = unsafeSegment(name) === undefined && Buffer.byteLength(name) <= 200 ? name : `list${ext}`;
  const target = `${root}/${count}/${safe}`;
  io.writeFile(target, Buffer.concat(chunks));
  return target;
}
