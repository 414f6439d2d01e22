/** `hrss-credit verify <package-dir>`: recomputes every hash of the manifest. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listFiles, sha256File } from '../io/package-fs.js';
import { ToolError } from './errors.js';
import { REPORT_FILE } from '../io/package-read.js';
import { parseJsonText } from '../io/json-file.js';

export interface VerifyResult {
  dir: string;
  checked: number;
  changed: string[];
  missing: string[];
  added: string[];
  ok: boolean;
}

export function verify(dir: string, cwd: string): VerifyResult {
  const root = resolve(cwd, dir);
  const manifestPath = join(root, 'manifest.json');
  if (!existsSync(manifestPath)) throw new ToolError('PACKAGE_NOT_FOUND', { path: dir });
  const parsed = parseJsonText(readFileSync(manifestPath, 'utf8'));
  if (!parsed.ok) throw new ToolError('PACKAGE_INVALID', { path: dir, file: 'manifest.json', problem: 'jsonSyntax', line: parsed.line, column: parsed.column });
  const manifest = parsed.value as { outputs?: { path: string; sha256: string; bytes: number }[] } | null;
  if (!manifest || !Array.isArray(manifest.outputs)) throw new ToolError('PACKAGE_INVALID', { path: dir, file: 'manifest.json', problem: 'noOutputs' });
  const listed = new Set(manifest.outputs.map((o) => o.path));
  const changed: string[] = [];
  const missing: string[] = [];
  for (const o of manifest.outputs) {
    const p = join(root, o.path);
    if (!existsSync(p)) {
      missing.push(o.path);
      continue;
    }
    const h = sha256File(p);
    if (h.sha256 !== o.sha256 || h.bytes !== o.bytes) changed.push(o.path);
  }
  // 报告.html is made from the package after compile (`report`), not part of it: never "added".
  const added = listFiles(root).filter((f) => f !== 'manifest.json' && f !== REPORT_FILE && !listed.has(f));
  return { dir: root, checked: manifest.outputs.length, changed, missing, added, ok: changed.length + missing.length + added.length === 0 };
}
