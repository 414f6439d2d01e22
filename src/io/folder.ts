/**
 * Lists a department folder without following links: what is a list, a cover, a cover scan,
 * evidence, and what is neither (workspace.md). Only this module and the readers touch the disk.
 */
import { lstat, readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { isDataFileName, isLitter } from './sniff.js';
import { attachmentKind, type AttachmentKind } from './evidence.js';

export interface FolderEntry {
  name: string;
  path: string;
  /** Relative to the department folder, `/` separators. */
  rel: string;
  size: number;
}

export interface DepartmentListing {
  lists: FolderEntry[];
  coverFiles: FolderEntry[];
  coverScans: FolderEntry[];
  attachments: (FolderEntry & { kind: AttachmentKind })[];
  /** Files neither list, cover nor evidence: not checked, not packaged. */
  other: FolderEntry[];
  links: FolderEntry[];
  unreadable: { rel: string; code: string }[];
}

const EVIDENCE_DIRS = new Set(['附件', 'attachments', 'attachment', '附件材料', '典型案例']);
const MAX_DEPTH = 4;

export function isCoverName(name: string): boolean {
  return basename(name, extname(name)).includes('报送单');
}

const COVER_DATA = new Set(['.xlsx', '.xlsm', '.csv']);
const SCAN = new Set(['.pdf', '.jpg', '.jpeg', '.png', '.tif', '.tiff', '.ofd', '.bmp', '.gif', '.webp', '.heic', '.jfif']);

/** A file's size, or undefined (and an entry in `unreadable`) when it vanished or cannot be read. */
async function sizeOf(path: string, rel: string, out: DepartmentListing): Promise<number | undefined> {
  try {
    return (await lstat(path)).size;
  } catch (err) {
    out.unreadable.push({ rel, code: (err as NodeJS.ErrnoException).code ?? 'EIO' });
    return undefined;
  }
}

async function walkEvidence(dir: string, rel: string, depth: number, out: DepartmentListing): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    out.unreadable.push({ rel, code: (err as NodeJS.ErrnoException).code ?? 'EIO' });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (isLitter(e.name)) continue;
    const path = join(dir, e.name);
    const r = `${rel}/${e.name}`;
    if (e.isSymbolicLink()) {
      out.links.push({ name: e.name, path, rel: r, size: 0 });
      continue;
    }
    if (e.isDirectory()) {
      if (depth < MAX_DEPTH) await walkEvidence(path, r, depth + 1, out);
      continue;
    }
    if (!e.isFile()) continue;
    const size = await sizeOf(path, r, out);
    if (size === undefined) continue;
    out.attachments.push({ name: e.name, path, rel: r, size, kind: attachmentKind(extname(e.name).toLowerCase()) });
  }
}

export async function listDepartment(folder: string): Promise<DepartmentListing> {
  const out: DepartmentListing = { lists: [], coverFiles: [], coverScans: [], attachments: [], other: [], links: [], unreadable: [] };
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (isLitter(e.name)) continue;
    const path = join(folder, e.name);
    if (e.isSymbolicLink()) {
      out.links.push({ name: e.name, path, rel: e.name, size: 0 });
      continue;
    }
    if (e.isDirectory()) {
      if (EVIDENCE_DIRS.has(e.name.toLowerCase()) || EVIDENCE_DIRS.has(e.name)) await walkEvidence(path, e.name, 1, out);
      else out.other.push({ name: `${e.name}/`, path, rel: `${e.name}/`, size: 0 });
      continue;
    }
    if (!e.isFile()) continue;
    const size = await sizeOf(path, e.name, out);
    if (size === undefined) continue;
    const entry = { name: e.name, path, rel: e.name, size };
    const ext = extname(e.name).toLowerCase();
    if (isCoverName(e.name)) {
      if (COVER_DATA.has(ext)) out.coverFiles.push(entry);
      else if (SCAN.has(ext)) out.coverScans.push(entry);
      else if (isDataFileName(e.name)) out.coverFiles.push(entry);
      else out.other.push(entry);
    } else if (isDataFileName(e.name)) out.lists.push(entry);
    else out.other.push(entry);
  }
  return out;
}
