/**
 * `hrss-credit verify <package-dir|package.zip>`: recomputes every hash of the manifest.
 *
 * Only regular files inside the package are read: every path segment is looked at with lstat (no
 * link is followed, no FIFO or device is opened — a file is opened non-blocking and checked with
 * fstat), and anything else where an output should be is reported as changed. manifest.json is
 * validated (a manifest that does not validate is a finding, exit 1), checked against the hash that
 * compile stored beside the package (`<quarter>.manifest.sha256`), and its counts against its lists.
 */
import { basename, dirname, join, resolve } from 'node:path';
import type yauzl from 'yauzl';
import { listFiles, recoverPackages, sha256Of } from '../../io/package/package-fs.js';
import { ManifestAnySchema, type AnyManifest } from '../../schemas/documents/manifest.js';
import { RecordsFileAnySchema, type AnyRecordsFile } from '../../schemas/documents/records.js';
import type { VerifyResult } from '../../schemas/documents/commands-check.js';
import { ToolError } from '../../diagnostics/tool-error.js';
import { REPORT_FILE } from '../../io/package/package-file.js';
import { readHashFile } from '../../domain/hash-file.js';
import type { RegularRead } from '../../io/regular-file.js';
import { readInsideOn, readRegularOn } from '../../io/regular-file-port.js';
import { folderState } from '../../io/workspace/workspace.js';
import { isLitter } from '../../io/sniff.js';
import { nodePort } from '../../io/node-port.js';
import type { IoPort } from '../../io/port.js';

/** What verify finds: its one schema's type (schemas/documents/commands-check.ts), which the verify document picks from. */
export type { VerifyResult };

type Read = RegularRead;

async function zipEntries(buf: Buffer): Promise<Map<string, Buffer | 'notFile'>> {
  // yauzl only for a zipped package: a folder's verify (publish, compile's checks) does without it.
  const { default: yauzl } = await import('yauzl');
  const { decodeEntryName, unflaggedEncoding } = await import('../../io/zip/zip-entry.js');
  // Names stay bytes until every entry is seen: a package unzipped and zipped again by another tool
  // has names without the UTF-8 flag (Info-ZIP and macOS write UTF-8, Explorer and 360压缩 GBK), read
  // as a submission zip's are (zip-entry.ts unflaggedEncoding), never as yauzl's CP437.
  const raw: { name: Buffer; flags: number; data: Buffer | 'notFile' }[] = [];
  await new Promise<void>((done, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('zip'));
      zip.on('entry', (e: yauzl.Entry) => {
        const name = e.fileName as unknown as Buffer;
        if (name[name.length - 1] === 0x2f) return zip.readEntry();
        const mode = (e.externalFileAttributes >>> 16) & 0o170000;
        if (mode !== 0 && mode !== 0o100000) {
          raw.push({ name, flags: e.generalPurposeBitFlag, data: 'notFile' });
          return zip.readEntry();
        }
        zip.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2 ?? new Error('zip entry'));
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => {
            raw.push({ name, flags: e.generalPurposeBitFlag, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
          s.on('error', reject);
        });
      });
      zip.on('end', () => done());
      zip.on('error', reject);
      zip.readEntry();
    });
  });
  const fallback = unflaggedEncoding(raw.map((e) => ({ raw: e.name, flags: e.flags })));
  const out = new Map<string, Buffer | 'notFile'>();
  // A name written with `\\` (an old Windows zipper) names the same path as with `/`.
  for (const e of raw) out.set(decodeEntryName(e.name, e.flags, fallback).replaceAll('\\', '/'), e.data);
  return out;
}

/** The package's files, whether a folder or a zip: read one, and list every regular file. */
interface Source {
  read(rel: string): Read;
  list(): string[];
  /**
   * In a zip, the entry `<folder>.manifest.sha256` beside the package's folder: compile's hash file, zipped with the
   * package (the clerk selected both); not a file of the package, and the manifest's hash when none lies beside the zip.
   */
  hashEntry?: { name: string; data: Read };
}

async function openSource(root: string, kind: 'folder' | 'zip', shown: string, io: IoPort): Promise<Source> {
  if (kind === 'folder') return { read: (rel) => readInsideOn(io, root, rel), list: () => listFiles(root, '', io) };
  const data = readRegularOn(io, root);
  if (!Buffer.isBuffer(data)) throw new ToolError('PACKAGE_NOT_FOUND', { path: shown });
  let entries: Map<string, Buffer | 'notFile'>;
  try {
    entries = await zipEntries(data);
  } catch (err) {
    throw new ToolError('PACKAGE_INVALID', {
      path: shown,
      file: basename(root),
      problem: 'unreadable',
      detail: (err as Error).message.slice(0, 200),
    });
  }
  // The zip holds one folder <quarter>/…; the manifest names the paths inside it.
  // Our zip holds <quarter>/…; one zipped again may hold the files at its root, or the folder inside another
  // (下载/2026Q3/…): the package is where the shallowest manifest.json lies.
  const manifest = [...entries.keys()]
    .filter((n) => n === 'manifest.json' || n.endsWith('/manifest.json'))
    .sort((a, b) => a.split('/').length - b.split('/').length)[0];
  const prefix = manifest ? manifest.slice(0, -'manifest.json'.length) : '';
  const hashName = prefix === '' ? undefined : `${prefix.slice(0, -1)}.manifest.sha256`;
  const hashData = hashName === undefined ? undefined : entries.get(hashName);
  return {
    read: (rel) => entries.get(prefix + rel) ?? 'missing',
    list: () =>
      [...entries.keys()]
        .filter((n) => n !== hashName)
        .map((n) => (n.startsWith(prefix) ? n.slice(prefix.length) : `../${n}`))
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    ...(hashName !== undefined && hashData !== undefined ? { hashEntry: { name: hashName, data: hashData } } : {}),
  };
}

function isLitterPath(rel: string): boolean {
  const segments = rel.split('/');
  return segments.includes('__MACOSX') || segments.some(isLitter);
}

function issueKey(path: readonly PropertyKey[]): string {
  return (
    path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '') || 'manifest.json'
  );
}

/**
 * records.json read through its one schema, every version (schemas/documents/records.ts), once: `absent` when it is
 * not listed, changed or not a file; `notJson` when it does not parse (reported by its hash); `invalid` of another shape.
 */
type ParsedRecords = AnyRecordsFile | 'absent' | 'notJson' | 'invalid';

function parseRecords(records: Read): ParsedRecords {
  if (!Buffer.isBuffer(records)) return 'absent';
  let json: unknown;
  try {
    json = JSON.parse(records.toString('utf8'));
  } catch {
    return 'notJson';
  }
  const data = RecordsFileAnySchema.safeParse(json);
  return data.success ? data.data : 'invalid';
}

/** How many ids records.json lists as resent unchanged (0 when it cannot be read: reported elsewhere). */
function unchangedCount(records: ParsedRecords): number {
  return typeof records === 'object' && records.schemaVersion !== 1 ? (records.unchanged ?? []).length : 0;
}

/** Counts that must agree: the totals with the departments and domains, and with records.json. */
function inconsistencies(m: AnyManifest, records: ParsedRecords): string[] {
  const out: string[] = [];
  // Version 1 manifests of the first register compiles (before their counts were of what is published)
  // counted rows resent unchanged per department: up to records.json's `unchanged` more, never fewer.
  const resent = m.schemaVersion === 1 ? unchangedCount(records) : 0;
  let excess = 0;
  for (const list of ['red', 'black'] as const) {
    const byDept = Object.values(m.counts.byDepartment).reduce((n, c) => n + c[list], 0);
    const byDomain = Object.values(m.counts.byDomain).reduce((n, c) => n + c[list], 0);
    excess += byDept - m.counts[list];
    if (byDept < m.counts[list] || (byDept > m.counts[list] && resent === 0)) out.push(`counts.byDepartment.*.${list}`);
    if (byDomain !== m.counts[list]) out.push(`counts.byDomain.*.${list}`);
  }
  if (excess > resent && !out.some((k) => k.startsWith('counts.byDepartment'))) out.push('counts.byDepartment.*.red');
  const names = m.departments.map((d) => d.name).sort();
  const keys = Object.keys(m.counts.byDepartment).sort();
  if (names.join('\n') !== keys.join('\n')) out.push('departments');
  // records.json that does not parse is reported by its hash; one of another shape is inconsistent.
  if (records === 'invalid') out.push('records.json');
  else if (typeof records === 'object') {
    const recs = records.records;
    if (records.quarter !== m.quarter) out.push('quarter');
    if (recs.filter((r) => r.listType === 'red').length !== m.counts.red) out.push('counts.red');
    if (recs.filter((r) => r.listType === 'black').length !== m.counts.black) out.push('counts.black');
  }
  return out;
}

/** `io`: the file system the package is read from (the context's port; Node's by default). */
export async function verify(target: string, cwd: string, io: IoPort = nodePort): Promise<VerifyResult> {
  return (await verifyPackage(target, cwd, io)).result;
}

/**
 * What verify read of a package that passed (`result.ok`), for publish to record without reading, hashing and
 * parsing it again: manifest.json as hashed and read by its schema; records.json as checked against the manifest's
 * hash, and read by its schema when it parses (null when it does not: publish reports why, as it always has).
 */
export interface VerifiedPackage {
  result: VerifyResult;
  manifest?: { bytes: Buffer; file: AnyManifest };
  records?: { bytes: Buffer; file: AnyRecordsFile | null };
}

/** verify, keeping what it read: publish records the bytes it checked (api/register/register.ts). */
export async function verifyPackage(target: string, cwd: string, io: IoPort = nodePort): Promise<VerifiedPackage> {
  const result = (r: VerifyResult): VerifiedPackage => ({ result: r });
  const root = resolve(cwd, target);
  const kind = /\.zip$/i.test(root) ? 'zip' : 'folder';
  const name = basename(root).replace(/\.zip$/i, '');
  // An interrupted swap of this package is finished (or rolled back) before it is read.
  recoverPackages(dirname(root), name, io);
  // (A zip that is not a regular file is not found either: openSource reads only a regular file.)
  const state = folderState(root, io);
  if (state !== (kind === 'folder' ? 'folder' : 'file')) throw new ToolError('PACKAGE_NOT_FOUND', { path: target });
  const source = await openSource(root, kind, target, io);
  const raw = source.read('manifest.json');
  if (raw === 'missing') throw new ToolError('PACKAGE_NOT_FOUND', { path: target });

  const beside = join(dirname(root), `${name}.manifest.sha256`);
  const besideRead = readRegularOn(io, beside);
  // The hash file beside the package (or zip) wins; a zip's own copy of it counts when there is none.
  const inZip = besideRead === 'missing' ? source.hashEntry : undefined;
  const hashFile = inZip ? `${root}!/${inZip.name}` : beside;
  const stored = inZip ? inZip.data : besideRead;
  const expected = Buffer.isBuffer(stored) ? (readHashFile(stored) ?? 'unreadable') : stored === 'notFile' ? 'unreadable' : null;
  const actual = Buffer.isBuffer(raw) ? sha256Of(raw) : '';
  const manifestCheck = { sha256: actual, expected, hashFile, ok: expected === null ? null : expected === actual };
  const base = {
    dir: root,
    kind,
    manifest: manifestCheck,
    changed: [] as string[],
    missing: [] as string[],
    added: [] as string[],
    inconsistent: [] as string[],
  } as const;

  let manifest: AnyManifest;
  if (!Buffer.isBuffer(raw))
    return result({ ...base, checked: 0, manifestInvalid: { key: 'manifest.json', problem: 'not a regular file' }, ok: false });
  try {
    const parsed = ManifestAnySchema.safeParse(JSON.parse(raw.toString('utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return result({
        ...base,
        checked: 0,
        manifestInvalid: { key: issueKey(issue?.path ?? []), problem: issue?.message ?? 'invalid' },
        ok: false,
      });
    }
    manifest = parsed.data;
  } catch (err) {
    const problem = (err as Error).message.slice(0, 200);
    return result({ ...base, checked: 0, manifestInvalid: { key: 'manifest.json', problem }, ok: false });
  }

  const listed = new Set(manifest.outputs.map((o) => o.path));
  const changed: string[] = [];
  const missing: string[] = [];
  // records.json as hashed: its counts are checked (and publish records it) from these bytes, not a second read.
  let recordsRead: Read = 'missing';
  for (const o of manifest.outputs) {
    const data = source.read(o.path);
    if (data === 'missing') missing.push(o.path);
    else if (data === 'notFile' || data.length !== o.bytes || sha256Of(data) !== o.sha256) changed.push(o.path);
    else if (o.path === 'records.json') recordsRead = data;
  }
  // 报告.html is made from the package after compile (`report`), not part of it: never "added". Nor is what the
  // system leaves in a folder someone opened (submission.md's litter: ~$ lock files of a workbook open in Excel,
  // Thumbs.db, desktop.ini, .DS_Store, ._ and __MACOSX/ of a macOS zip).
  const added = source.list().filter((f) => f !== 'manifest.json' && f !== REPORT_FILE && !listed.has(f) && !isLitterPath(f));
  const records = parseRecords(listed.has('records.json') && !changed.includes('records.json') ? recordsRead : 'missing');
  const inconsistent = inconsistencies(manifest, records);
  const ok = changed.length + missing.length + added.length + inconsistent.length === 0 && manifestCheck.ok !== false;
  return {
    result: { ...base, checked: manifest.outputs.length, changed, missing, added, inconsistent, ok },
    manifest: { bytes: raw, file: manifest },
    ...(Buffer.isBuffer(recordsRead) && records !== 'invalid' && records !== 'absent'
      ? { records: { bytes: recordsRead, file: records === 'notJson' ? null : records } }
      : {}),
  };
}
