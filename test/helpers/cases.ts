// Builds the per-finding fixtures (fixtures/findings/*/case.json over _base.json) into a
// temporary folder and runs the CLI on them in-process.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { applyPatches, writeFiles } from '../../scripts/lib/fixture-kit.mjs';
import { run } from '../../dist/cli/program.js';
import type { IoPort } from '../../dist/io/port.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const FINDINGS = join(ROOT, 'fixtures', 'findings');

export interface Expect {
  code: string;
  sheet?: string;
  row?: number;
  column?: string;
}

export interface Case {
  name: string;
  about: string;
  target?: string;
  options?: { department?: string; quarter?: string };
  patches?: unknown[];
  rename?: Record<string, string>;
  expect: Expect[];
}

const base = JSON.parse(readFileSync(join(FINDINGS, '_base.json'), 'utf8')) as { today: string; files: Record<string, unknown> };

export function loadCases(): Case[] {
  return readdirSync(FINDINGS, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => ({ name: e.name, ...(JSON.parse(readFileSync(join(FINDINGS, e.name, 'case.json'), 'utf8')) as Omit<Case, 'name'>) }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `hrss-${prefix}-`));
}

export async function buildCase(c: Case, dir: string): Promise<string> {
  let files = applyPatches(base.files, c.patches ?? []) as Record<string, unknown>;
  if (c.rename) {
    const renamed: Record<string, unknown> = {};
    for (const [path, content] of Object.entries(files)) {
      let p = path;
      for (const [from, to] of Object.entries(c.rename)) if (p.startsWith(`${from}/`)) p = to + p.slice(from.length);
      renamed[p] = content;
    }
    files = renamed;
  }
  await writeFiles(dir, files);
  return c.target ?? '2026Q3/就业办';
}

/** How the example's 2026Q2 history is imported (scripts/example.mjs): after the list files, `register import` takes these. */
export const EXAMPLE_2026Q2_IMPORT = ['--batch', '2026Q2', '--published-on', '2026-07-20', '--department', '劳动关系科'];

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI's run() in process, as bin/ runs it, or on the port `fs` when given (CliIo.fs). */
export async function runCli(args: string[], cwd: string, env: Record<string, string | undefined> = {}, fs?: IoPort): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (s: string) => (stdout += s), isTTY: false, columns: 120 },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: { ...env },
    cwd,
    ...(fs ? { fs } : {}),
  });
  return { code, stdout, stderr };
}

export function project(d: { code: string; location: { sheet?: string; row?: number; column?: string } }): Expect {
  return {
    code: d.code,
    ...(d.location.sheet !== undefined ? { sheet: d.location.sheet } : {}),
    ...(d.location.row !== undefined ? { row: d.location.row } : {}),
    ...(d.location.column !== undefined ? { column: d.location.column } : {}),
  };
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export const TODAY = base.today;
