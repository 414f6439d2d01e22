/** Reading back a compiled package (package.md) for supervise and report: manifest, records, report. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ToolError } from '../diagnostics/tool-error.js';
import { readRegularFile, ReadFileProblem } from './json-file.js';
import { formatQuarter, parseQuarter } from '../domain/quarter.js';

/** The report's name inside a package folder: made from the package, not part of it (verify skips it). */
export const REPORT_FILE = '报告.html';

export interface ManifestDepartment {
  name: string;
  submitted: boolean;
  nilReport: boolean;
  onTime: boolean | null;
  /** Written by compile since reports (docs/decisions.md); absent from older packages. */
  sentOn?: string | null;
  deadline?: string | null;
  daysLate?: number | null;
  signedOff?: boolean;
  reviewer: string;
  reviewedOn: string;
  approver: string;
  approvedOn: string;
}

export interface PackageManifest {
  quarter: string;
  generatedAt: string;
  bureau: { name: string; creditCode: string };
  counts: { red: number; black: number; byDepartment: Record<string, { red: number; black: number }>; byDomain: Record<string, { red: number; black: number }> };
  departments: ManifestDepartment[];
  diagnostics: { errors: number; warnings: number; info: number };
}

export interface PackageFinding {
  code: string;
  severity: string;
  department?: string;
}

export interface PackageDropped {
  code: string;
  severity: string;
  department?: string;
  dropped: number;
}

export interface ReadPackage {
  dir: string;
  manifest: PackageManifest;
  /** id: the record's identity (records.json version 2; absent in version 1). */
  records: { id?: string; department: string; domain: string; listType: 'red' | 'black' }[];
  findings: PackageFinding[];
  dropped: PackageDropped[];
}

/**
 * A package's JSON files are read as regular files only, without blocking and up to this bound (a
 * FIFO or /dev/zero put in their place must not hang report, supervise, export or the register):
 * 512 MiB is about the longest string the engine can parse; a province's records.json is far below.
 */
export const MAX_PACKAGE_JSON_BYTES = 512 * 1_048_576;

function readJson(path: string, display: string): unknown {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const bytes = readPackageBytes(path, display, name);
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new ToolError('PACKAGE_INVALID', { path: display, problem: (err as Error).message });
  }
}

/** The bytes of a package file that must be a regular file (PACKAGE_INVALID naming it otherwise). */
function readPackageBytes(path: string, display: string, file: string): Buffer {
  try {
    return readRegularFile(path, MAX_PACKAGE_JSON_BYTES);
  } catch (err) {
    if (!(err instanceof ReadFileProblem)) throw err;
    const info = err.info;
    if (info.problem === 'unreadable') throw new ToolError('PACKAGE_INVALID', { path: display, file, problem: 'unreadable', detail: info.detail });
    throw new ToolError('PACKAGE_INVALID', { path: display, file, problem: info.problem === 'tooLarge' ? 'packageTooLarge' : 'packageNotFile', ...(info.problem === 'tooLarge' ? { limit: info.limit } : {}) });
  }
}

/** The package of a batch, or undefined when it was not compiled. A broken package cannot be reported on (exit 2). */
export function readPackage(packagesDir: string, batch: string): ReadPackage | undefined {
  const dir = join(packagesDir, batch);
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return undefined;
  const display = `packages/${batch}`;
  const manifest = readJson(manifestPath, display) as PackageManifest;
  if (!manifest || !Array.isArray(manifest.departments) || !manifest.counts) throw new ToolError('PACKAGE_INVALID', { path: display, problem: 'manifest.json has no departments or counts' });
  const recordsFile = readJson(join(dir, 'records.json'), display) as { records?: { id?: unknown; department: string; domain: string; listType: 'red' | 'black' }[] };
  const report = readJson(join(dir, 'report.json'), display) as { diagnostics?: PackageFinding[]; dropped?: PackageDropped[] };
  return {
    dir,
    manifest,
    records: (recordsFile.records ?? []).map((r) => ({ ...(typeof r.id === 'string' ? { id: r.id } : {}), department: r.department, domain: r.domain, listType: r.listType })),
    findings: (report.diagnostics ?? []).map((d) => ({ code: d.code, severity: d.severity, ...(d.department !== undefined ? { department: d.department } : {}) })),
    dropped: (report.dropped ?? []).map((d) => ({ code: d.code, severity: d.severity, dropped: d.dropped, ...(d.department !== undefined ? { department: d.department } : {}) })),
  };
}

/** The bytes of the file `name` of the package folder `dir` (records.json, manifest.json): a regular file, bounded; PACKAGE_INVALID otherwise. */
export function readPackageFile(dir: string, name: string): Buffer {
  return readPackageBytes(join(dir, name), dir, name);
}

/** The regular batches the workspace holds, as submissions/ folders or packages/, sorted (2026Q3 …). */
export function heldBatches(workspace: string): string[] {
  const out = new Set<string>();
  for (const sub of ['submissions', 'packages']) {
    let names: string[] = [];
    try {
      names = readdirSync(join(workspace, sub), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    } catch {
      continue;
    }
    for (const name of names) {
      const q = parseQuarter(name);
      if (q && formatQuarter(q) === name.trim().toUpperCase()) out.add(formatQuarter(q));
      else if (q && sub === 'submissions') out.add(formatQuarter(q));
    }
  }
  return [...out].sort();
}
