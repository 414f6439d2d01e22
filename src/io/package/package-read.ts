/** Reading back a compiled package (package.md) for supervise and report: manifest and summary (else records and report). */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { MAX_PACKAGE_JSON_BYTES, readPackageBytes, readPackageFile, REPORT_FILE } from './package-file.js';
import { nodePort } from '../node-port.js';
import type { IoPort } from '../port.js';
import { formatBatch, formatQuarter, parseBatch, parseQuarter, type Batch } from '../../domain/quarter.js';
import { packageProblem } from './package-problem.js';
import { ManifestAnySchema, type AnyManifest } from '../../schemas/documents/manifest.js';
import { parseRecordsFile } from '../../schemas/documents/records.js';
import { ReportDocumentSchema } from '../../schemas/documents/report.js';
import { packageSummaryOf, PackageSummarySchema, type PackageSummary } from '../../schemas/documents/package-summary.js';

export { MAX_PACKAGE_JSON_BYTES, readPackageFile, REPORT_FILE };

/** The package's summary (schemas/documents/package-summary.ts): written by compile since issue 22. */
export const SUMMARY_FILE = 'summary.json';

export interface ReadPackage {
  dir: string;
  /** manifest.json, any version (schemas/documents/manifest.ts). */
  manifest: AnyManifest;
  /** What report and supervise need beyond the manifest: records by identity, findings by code and department. */
  summary: PackageSummary;
  /**
   * summary.json as the manifest hashed it, or records.json and report.json (a package written before it, or one
   * whose summary does not match).
   */
  summaryFrom: 'summary' | 'records';
}

function readJson(path: string, display: string, io: IoPort): unknown {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const bytes = readPackageBytes(path, display, name, io);
  const text = bytes.toString('utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw packageProblem(err, display, name, text);
  }
}

/** A document through its one schema; one that does not fit cannot be reported on (exit 2, the key named). */
function parsed<T>(parse: (data: unknown) => T, data: unknown, display: string, file: string): T {
  try {
    return parse(data);
  } catch (err) {
    // The file, the key and the problem as data (its value read from `data`), in the run's language; never zod's English.
    throw packageProblem(err, display, file, undefined, data);
  }
}

/**
 * summary.json when the manifest lists it and its bytes have the hash listed (verify's test), parsed by its
 * schema; undefined otherwise, and the caller reads records.json and report.json as before: a summary edited,
 * stale or of a later version never changes a figure, it only costs the time it was meant to save.
 */
function readSummary(dir: string, display: string, manifest: AnyManifest, batch: string, io: IoPort): PackageSummary | undefined {
  const listed = manifest.outputs.find((o) => o.path === SUMMARY_FILE);
  if (!listed || !io.exists(join(dir, SUMMARY_FILE))) return undefined;
  const bytes = readPackageBytes(join(dir, SUMMARY_FILE), display, SUMMARY_FILE, io);
  if (createHash('sha256').update(bytes).digest('hex') !== listed.sha256) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
  const summary = PackageSummarySchema.safeParse(data);
  return summary.success && summary.data.batch === batch ? summary.data : undefined;
}

/** The package of a batch, or undefined when it was not compiled. A broken package cannot be reported on (exit 2). */
export function readPackage(packagesDir: string, batch: string, io: IoPort = nodePort): ReadPackage | undefined {
  const dir = join(packagesDir, batch);
  const manifestPath = join(dir, 'manifest.json');
  if (!io.exists(manifestPath)) return undefined;
  const display = `packages/${batch}`;
  const manifest = parsed((d) => ManifestAnySchema.parse(d), readJson(manifestPath, display, io), display, 'manifest.json');
  const summary = readSummary(dir, display, manifest, batch, io);
  if (summary) return { dir, manifest, summary, summaryFrom: 'summary' };
  const recordsFile = parsed(parseRecordsFile, readJson(join(dir, 'records.json'), display, io), display, 'records.json');
  const report = parsed((d) => ReportDocumentSchema.parse(d), readJson(join(dir, 'report.json'), display, io), display, 'report.json');
  return { dir, manifest, summary: packageSummaryOf(batch, recordsFile.records, report), summaryFrom: 'records' };
}

/** Each folder name under the workspace's submissions/ and packages/, with the folder it lies in. */
function batchFolderNames(workspace: string, io: IoPort): { sub: 'submissions' | 'packages'; name: string }[] {
  const out: { sub: 'submissions' | 'packages'; name: string }[] = [];
  for (const sub of ['submissions', 'packages'] as const) {
    try {
      for (const e of io.readdirSync(join(workspace, sub))) if (e.kind === 'folder') out.push({ sub, name: e.name });
    } catch {
      // No such folder (or unreadable): it holds no batch.
    }
  }
  return out;
}

/** The regular batches the workspace holds, as submissions/ folders or packages/, sorted (2026Q3 …). */
export function heldBatches(workspace: string, io: IoPort = nodePort): string[] {
  const out = new Set<string>();
  for (const { sub, name } of batchFolderNames(workspace, io)) {
    const q = parseQuarter(name);
    if (q && formatQuarter(q) === name.trim().toUpperCase()) out.add(formatQuarter(q));
    else if (q && sub === 'submissions') out.add(formatQuarter(q));
  }
  return [...out].sort();
}

/** The supplementary batches (2026Q3-2 …) the workspace holds as submissions/ folders or packages/, sorted by quarter and number. */
export function heldSupplementary(workspace: string, io: IoPort = nodePort): Batch[] {
  const out = new Map<string, Batch>();
  for (const { sub, name } of batchFolderNames(workspace, io)) {
    const b = parseBatch(name);
    // packages/ holds replaced packages too (2026Q3-2.replaced-…): only a folder named as the batch counts.
    if (b && b.n > 1 && (sub === 'submissions' || formatBatch(b) === name.trim().toUpperCase())) out.set(formatBatch(b), b);
  }
  return [...out.values()].sort((a, b) => a.quarter.year - b.quarter.year || a.quarter.q - b.quarter.q || a.n - b.n);
}
