// A compiled example workspace, copied per test; synthetic packages written from its records.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, runCli, tempDir, TODAY } from '../helpers/cases.js';

export const BIN = join(ROOT, 'bin', 'hrss-credit.js');
export { runCli, tempDir, TODAY, ROOT };

/** The example workspace compiled for 2026Q3 once per test file (the template every test copies). */
export async function compiledExample(tmp: string): Promise<string> {
  const ws = join(tmp, 'template');
  cpSync(join(ROOT, 'fixtures', 'example-workspace'), ws, { recursive: true });
  const res = await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY], ROOT);
  if (res.code !== 0) throw new Error(`compile failed: ${res.stdout}${res.stderr}`);
  return ws;
}

export function copyWorkspace(template: string, to: string): string {
  rmSync(to, { recursive: true, force: true });
  cpSync(template, to, { recursive: true });
  return to;
}

export type Rec = Record<string, unknown> & { id: string };

export function packageRecords(ws: string, batch = '2026Q3'): Rec[] {
  return (JSON.parse(readFileSync(join(ws, 'packages', batch, 'records.json'), 'utf8')) as { records: Rec[] }).records;
}

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/** A package of only records.json (and manifest.json hashing it): what publish and diff read. */
export function writePackage(ws: string, batch: string, records: Rec[], extra: { removals?: unknown[]; unchanged?: string[]; note?: string } = {}): string {
  const dir = join(ws, 'packages', batch);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const quarter = batch.slice(0, 6);
  const body = `${JSON.stringify({ schemaVersion: 2, quarter, audience: 'sharing', records, ...(extra.removals ? { removals: extra.removals } : {}), ...(extra.unchanged ? { unchanged: extra.unchanged } : {}) }, null, 2)}\n`;
  writeFileSync(join(dir, 'records.json'), body);
  reseal(dir, extra.note);
  return dir;
}

/** Rewrites manifest.json so that it lists the folder's files as they are now (a different, valid package). */
export function reseal(dir: string, note = ''): void {
  const manifestPath = join(dir, 'manifest.json');
  const old = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { outputs?: { path: string }[] }) : {};
  const paths = old.outputs?.map((o) => o.path) ?? ['records.json'];
  const outputs = paths.map((p) => {
    const data = readFileSync(join(dir, p));
    return { path: p, sha256: sha(data), bytes: data.length };
  });
  writeFileSync(manifestPath, `${JSON.stringify({ schemaVersion: 1, note, outputs }, null, 2)}\n`);
}

export function eventsFile(ws: string): string {
  return join(ws, 'register', 'events.jsonl');
}

export function readEvents(ws: string): Record<string, unknown>[] {
  if (!existsSync(eventsFile(ws))) return [];
  return readFileSync(eventsFile(ws), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

export function spawnBin(args: string[], cwd: string, env: Record<string, string> = {}): { done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>; kill(sig: NodeJS.Signals): void; pid: number | undefined } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return {
    done: new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))),
    kill: (sig) => child.kill(sig),
    pid: child.pid,
  };
}

/** Waits for a condition on the file system (an event, never a fixed delay). */
export async function waitFor(pred: () => boolean, ms = 20000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
