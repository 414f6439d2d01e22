/**
 * Lists a department folder without following links: what is a list, a cover, a cover scan,
 * evidence, and what is neither (workspace.md). Only this module and the readers touch the disk.
 */
import { basename, extname, join } from 'node:path';
import { isDataFileName, isLitter } from '../sniff.js';
import { attachmentKind, type AttachmentKind } from './evidence.js';
import { beforeAccess } from '../faults.js';
import type { ZipEntryRef } from '../zip/zip-entry.js';
import { nodePort } from '../node-port.js';
import type { EntryStat, IoPort } from '../port.js';

export interface FolderEntry {
  name: string;
  path: string;
  /** Relative to the department folder, `/` separators. */
  rel: string;
  size: number;
  /** An entry of a zip submission: `path` is then `<zip>!/<entry>`, never a file on the disk. */
  zip?: ZipEntryRef;
}

export interface DepartmentListing {
  lists: FolderEntry[];
  coverFiles: FolderEntry[];
  coverScans: FolderEntry[];
  attachments: (FolderEntry & { kind: AttachmentKind })[];
  /** Files neither list, cover nor evidence: not checked, not packaged. */
  other: FolderEntry[];
  /** Never read nor packaged: symbolic links and junctions, and evidence with more than one hard link. */
  links: (FolderEntry & { reason: 'link' | 'hardlink' })[];
  /** `*.检查结果.xlsx` written by validate --annotate: never read as lists (FILE_FEEDBACK_COPY). */
  feedbackCopies?: FolderEntry[];
  /** Folders more than MAX_DEPTH folders below 附件: not walked, reported (EVIDENCE_FILE_IGNORED). */
  deep?: FolderEntry[];
  /** `rel` is `.` when the department folder itself cannot be listed. */
  unreadable: { rel: string; code: string }[];
  /** Zip submissions only: entries whose names would resolve outside the folder; never extracted. */
  unsafe?: { name: string; reason: 'outside' | 'absolute' | 'name'; problem?: 'character' }[];
  /** Zip submissions only: entries with a password (general purpose bit 0); never read. */
  encrypted?: FolderEntry[];
}

const EVIDENCE_DIRS = new Set(['附件', 'attachments', 'attachment', '附件材料', '典型案例']);
export const MAX_DEPTH = 4;

/** 附件/, attachments/ …: a folder of evidence (workspace.md "Evidence"). */
export function isEvidenceDirName(name: string): boolean {
  return EVIDENCE_DIRS.has(name.toLowerCase()) || EVIDENCE_DIRS.has(name);
}

/**
 * The folder validate --annotate writes its copies into (`检查结果/`): never a department, wherever
 * it lies (an older version wrote it into the quarter folder when run from there).
 */
export function isFeedbackDirName(name: string): boolean {
  return name === '检查结果';
}

/** A feedback copy written by validate --annotate (department.md): `<name>.检查结果.xlsx`. */
export function isFeedbackCopyName(name: string): boolean {
  return basename(name).toLowerCase().endsWith('.检查结果.xlsx');
}

export function isCoverName(name: string): boolean {
  return basename(name, extname(name)).includes('报送单');
}

const COVER_DATA = new Set(['.xlsx', '.xlsm', '.csv']);
const SCAN = new Set(['.pdf', '.jpg', '.jpeg', '.png', '.tif', '.tiff', '.ofd', '.bmp', '.gif', '.webp', '.heic', '.jfif']);

/** What a file lying directly in a department folder is (workspace.md). */
export function rootFileRole(name: string): 'cover' | 'coverScan' | 'list' | 'other' {
  const ext = extname(name).toLowerCase();
  if (isCoverName(name)) {
    if (COVER_DATA.has(ext)) return 'cover';
    if (SCAN.has(ext)) return 'coverScan';
    return isDataFileName(name) ? 'cover' : 'other';
  }
  return isDataFileName(name) ? 'list' : 'other';
}

const errno = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? 'EIO';

/** A file's metadata, or undefined (and an entry in `unreadable`) when it vanished or cannot be read. */
async function statOf(path: string, rel: string, out: DepartmentListing, io: IoPort): Promise<EntryStat | undefined> {
  try {
    beforeAccess(path);
    return await io.lstat(path);
  } catch (err) {
    out.unreadable.push({ rel, code: errno(err) });
    return undefined;
  }
}

async function list(dir: string, io: IoPort) {
  beforeAccess(dir);
  const entries = await io.readdir(dir);
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * A file with a second name elsewhere (a hard link, e.g. to /etc/passwd) is not known to be the
 * department's own: its other name may lie outside the workspace, and evidence is published byte
 * for byte (checks.md EVIDENCE_PATH_UNSAFE).
 */
const hardLinked = (st: EntryStat): boolean => st.links > 1;

async function walkEvidence(dir: string, rel: string, depth: number, out: DepartmentListing, io: IoPort): Promise<void> {
  let entries;
  try {
    entries = await list(dir, io);
  } catch (err) {
    out.unreadable.push({ rel, code: errno(err) });
    return;
  }
  for (const e of entries) {
    if (isLitter(e.name)) continue;
    const path = join(dir, e.name);
    const r = `${rel}/${e.name}`;
    if (e.kind === 'link') {
      out.links.push({ name: e.name, path, rel: r, size: 0, reason: 'link' });
      continue;
    }
    if (e.kind === 'folder') {
      if (depth < MAX_DEPTH) await walkEvidence(path, r, depth + 1, out, io);
      // Deeper than that is not walked, but said (EVIDENCE_FILE_IGNORED), never dropped silently.
      else (out.deep ??= []).push({ name: `${e.name}/`, path, rel: `${r}/`, size: 0 });
      continue;
    }
    if (e.kind !== 'file') continue;
    const st = await statOf(path, r, out, io);
    if (st === undefined) continue;
    if (hardLinked(st)) {
      out.links.push({ name: e.name, path, rel: r, size: st.size, reason: 'hardlink' });
      continue;
    }
    out.attachments.push({ name: e.name, path, rel: r, size: st.size, kind: attachmentKind(extname(e.name).toLowerCase()) });
  }
}

export const emptyListing = (): DepartmentListing => ({
  lists: [],
  coverFiles: [],
  coverScans: [],
  attachments: [],
  other: [],
  links: [],
  unreadable: [],
});

/** Whether a file out of any folder is evidence by its name: a report, a picture or a cover scan. */
export function isEvidenceFileName(name: string): boolean {
  if (isDataFileName(name)) return false;
  const ext = extname(name).toLowerCase();
  return attachmentKind(ext) !== 'other' || (isCoverName(name) && SCAN.has(ext));
}

/** An evidence folder on its own (`validate 附件/`); `rel`s start with its name. */
export async function listEvidenceFolder(dir: string, io: IoPort = nodePort): Promise<DepartmentListing> {
  const out = emptyListing();
  await walkEvidence(dir, basename(dir), 1, out, io);
  return out;
}

/** One evidence file on its own (`validate 典型案例.pdf`). */
export async function listEvidenceFile(path: string, io: IoPort = nodePort): Promise<DepartmentListing> {
  const out = emptyListing();
  const name = basename(path);
  const st = await statOf(path, name, out, io);
  if (!st) return out;
  const entry = { name, path, rel: name, size: st.size };
  if (st.kind === 'link') out.links.push({ ...entry, reason: 'link' });
  else if (hardLinked(st)) out.links.push({ ...entry, reason: 'hardlink' });
  else if (st.kind !== 'file') out.other.push(entry);
  else if (isCoverName(name) && SCAN.has(extname(name).toLowerCase())) out.coverScans.push(entry);
  else out.attachments.push({ ...entry, kind: attachmentKind(extname(name).toLowerCase()) });
  return out;
}

/**
 * No file in it but litter (desktop.ini, Thumbs.db, .DS_Store, ~$ lock files), at any depth: a
 * department folder set up for the quarter and not yet filled, which is "not submitted"
 * (docs/decisions.md "Empty department folders"). A link or a folder that cannot be read is something.
 */
export async function holdsNoFiles(dir: string, io: IoPort = nodePort, depth = 0): Promise<boolean> {
  if (depth > 8) return false;
  let entries;
  try {
    entries = await list(dir, io);
  } catch {
    return false;
  }
  for (const e of entries) {
    // A feedback copy is not a submission either (truth.md: compile and status ignore it).
    if (isLitter(e.name) || (e.kind === 'file' && isFeedbackCopyName(e.name))) continue;
    if (e.kind !== 'folder') return false;
    if (!(await holdsNoFiles(join(dir, e.name), io, depth + 1))) return false;
  }
  return true;
}

export async function listDepartment(folder: string, io: IoPort = nodePort): Promise<DepartmentListing> {
  const out = emptyListing();
  let entries;
  try {
    entries = await list(folder, io);
  } catch (err) {
    // A folder the user may not read is a finding of that department; the others are still checked.
    out.unreadable.push({ rel: '.', code: errno(err) });
    return out;
  }
  for (const e of entries) {
    if (isLitter(e.name)) continue;
    const path = join(folder, e.name);
    if (e.kind === 'link') {
      out.links.push({ name: e.name, path, rel: e.name, size: 0, reason: 'link' });
      continue;
    }
    if (e.kind === 'folder') {
      if (isEvidenceDirName(e.name)) await walkEvidence(path, e.name, 1, out, io);
      else out.other.push({ name: `${e.name}/`, path, rel: `${e.name}/`, size: 0 });
      continue;
    }
    if (e.kind !== 'file') continue;
    const st = await statOf(path, e.name, out, io);
    if (st === undefined) continue;
    const entry = { name: e.name, path, rel: e.name, size: st.size };
    if (isFeedbackCopyName(e.name)) {
      (out.feedbackCopies ??= []).push(entry);
      continue;
    }
    // Lists and cover workbooks are read, never copied: a hard-linked one is checked like any other
    // (its rows pass every rule before anything is published). A cover scan is copied as it is.
    const role = rootFileRole(e.name);
    if (role === 'cover') out.coverFiles.push(entry);
    else if (role === 'coverScan' && hardLinked(st)) out.links.push({ ...entry, reason: 'hardlink' });
    else if (role === 'coverScan') out.coverScans.push(entry);
    else if (role === 'list') out.lists.push(entry);
    else out.other.push(entry);
  }
  return out;
}

/** The folders directly under `dir` (submissions/), sorted by name; throws when `dir` cannot be read. */
export function listSubfolders(dir: string, io: IoPort = nodePort): string[] {
  return io
    .readdirSync(dir)
    .filter((e) => e.kind === 'folder')
    .map((e) => e.name)
    .sort();
}

/** What a quarter folder holds, by name (code-unit order): folders, files, and anything else; throws when it cannot be read. */
export function listQuarterFolder(dir: string, io: IoPort = nodePort): { name: string; kind: 'folder' | 'file' | 'other' }[] {
  beforeAccess(dir);
  return io
    .readdirSync(dir)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((e) => ({ name: e.name, kind: e.kind === 'folder' || e.kind === 'file' ? e.kind : 'other' }));
}

/**
 * What `dir` holds, by kind, in the order the system lists it (no link followed: a link is 'other');
 * throws when it cannot be read. For the api, which opens no folder itself (validate sorts and filters).
 */
export async function folderEntries(dir: string, io: IoPort = nodePort): Promise<{ name: string; kind: 'folder' | 'file' | 'other' }[]> {
  const entries = await io.readdir(dir);
  return entries.map((e) => ({ name: e.name, kind: e.kind === 'folder' || e.kind === 'file' ? e.kind : 'other' }));
}

/** Whether the folder `dir` holds anything at all (export's target); false when it is empty, missing or cannot be listed. */
export function holdsAnything(dir: string, io: IoPort = nodePort): boolean {
  try {
    return io.readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}
