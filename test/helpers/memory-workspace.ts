// A workspace held in a MemoryPort (io/memory-port.ts) for tests whose subject is the logic, not the disk:
// the example workspace's bytes put at a root that does not exist on the disk, and the CLI run on it
// (CliIo.fs). Nothing is copied to a temporary folder; the fixture is read from the disk once per file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { run } from '../../src/cli/program.js';
import { MemoryPort } from '../../src/io/memory-port.js';
import type { CliResult } from './cases.js';
import { ROOT } from './cases.js';

/** The root of every memory workspace: absent from the disk (a test may assert so). */
export const MEM_ROOT = '/hrss-credit-memory-only';

const cache = new Map<string, [string, Buffer][]>();

/** Every file below `dir` (nothing when it is absent), sorted: a fixture to load, or what a run wrote. */
export function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesBelow(p));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

/** The files of a fixture folder (relative path → bytes), read once. */
function fixtureFiles(fixture: string): [string, Buffer][] {
  let files = cache.get(fixture);
  if (!files) {
    const dir = join(ROOT, 'fixtures', fixture);
    files = filesBelow(dir).map((f) => [relative(dir, f), readFileSync(f)]);
    cache.set(fixture, files);
  }
  return files;
}

/** A MemoryPort holding `fixture` (default the example workspace) at MEM_ROOT/<name>; returns the port and the root. */
export function memoryWorkspace(name: string, fixture = 'example-workspace', io = new MemoryPort()): { io: MemoryPort; ws: string } {
  const ws = join(MEM_ROOT, name);
  for (const [rel, data] of fixtureFiles(fixture)) io.put(join(ws, rel), data);
  io.mkdir(ws);
  return { io, ws };
}

/** A CSV as the fixture kit writes it (UTF-8, CRLF, quoted where needed). */
export function csvBytes(rows: string[][]): string {
  const quote = (s: string): string => (/[",\r\n\t;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** Copies every file below `from` to `to` (cpSync -r): inside the port, or into another port `into`. */
export function copyWithin(io: MemoryPort, from: string, to: string, into: MemoryPort = io): void {
  for (const f of io.list(from)) into.put(join(to, relative(from, f)), io.readFileSync(f));
}

/** The CLI on the port (runCli's twin): `cwd` is a folder of the port. */
export async function runCliOn(
  io: MemoryPort,
  args: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (s: string) => (stdout += s), isTTY: false, columns: 120 },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: { ...env },
    cwd,
    fs: io,
  });
  return { code, stdout, stderr };
}
