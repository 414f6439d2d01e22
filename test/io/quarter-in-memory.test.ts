// The quarter's commands run entirely on the file-system port (issues 20, 17): the example workspace built
// in memory from the fixtures' bytes (a MemoryPort at a root that does not exist on the disk) gives the
// same JSON documents as the same files copied to a temporary folder and run on the disk, and the package
// compile writes in memory is the package it writes on the disk, byte for byte (same --today, same
// SOURCE_DATE_EPOCH).
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { MemoryPort } from '../../src/io/memory-port.js';
import { cleanup, tempDir, type CliResult } from '../helpers/cases.js';
import { EPOCH, EXAMPLE } from '../helpers/reports-workspace.js';

const MEM = '/hrss-credit-memory-only/ws';
const TODAY = '2026-10-20';

function filesBelow(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesBelow(p));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

/** The example workspace on the disk (a temporary copy) and in memory (its bytes). */
function world(): { disk: string; io: MemoryPort } {
  const disk = tempDir('mem-quarter');
  cpSync(EXAMPLE, disk, { recursive: true });
  const io = new MemoryPort();
  for (const f of filesBelow(EXAMPLE)) io.put(join(MEM, relative(EXAMPLE, f)), readFileSync(f));
  return { disk, io };
}

async function cli(args: string[], cwd: string, fs?: MemoryPort): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run([...args, '--today', TODAY, '--format', 'json'], {
    stdout: { write: (s: string) => (stdout += s), isTTY: false, columns: 120 },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: { SOURCE_DATE_EPOCH: EPOCH },
    cwd,
    ...(fs ? { fs } : {}),
  });
  return { code, stdout, stderr };
}

let disk = '';
let io: MemoryPort;
beforeAll(() => {
  ({ disk, io } = world());
});
afterAll(() => cleanup(disk));

/** One command on both sides: the exit codes and the JSON documents (the root aside) are equal. */
async function both(args: string[]): Promise<{ code: number; doc: Record<string, unknown> }> {
  const onDisk = await cli(args, disk);
  const inMemory = await cli(args, MEM, io);
  expect(inMemory.code).toBe(onDisk.code);
  // The replaced set's stamp is the run's instant (the system clock): the two runs may fall in different seconds.
  const json = (out: string, root: string): string =>
    out
      .split(root)
      .join('<root>')
      .replace(/replaced-\d{8}T\d{6}Z/g, 'replaced-<stamp>');
  expect(json(inMemory.stdout, MEM)).toBe(json(onDisk.stdout, disk));
  return { code: onDisk.code, doc: JSON.parse(onDisk.stdout) as Record<string, unknown> };
}

/** Every file below `rel` on both sides, as relative path → bytes. */
function filesOf(rel: string): { disk: Map<string, Buffer>; memory: Map<string, Buffer> } {
  const d = new Map(filesBelow(join(disk, rel)).map((f) => [relative(join(disk, rel), f), readFileSync(f)] as const));
  const root = join(MEM, rel);
  const m = new Map(io.list(root).map((f) => [relative(root, f), Buffer.from(io.readFileSync(f))] as const));
  return { disk: d, memory: m };
}

describe('the quarter on the memory port: the documents and the bytes of the disk run', () => {
  it('never reaches the disk: the memory root does not exist there', () => {
    expect(existsSync(MEM)).toBe(false);
  });

  it('compile --dry-run: the same report, and nothing written', async () => {
    const r = await both(['compile', '2026Q3', '-w', '.', '--dry-run']);
    expect(r.code).toBe(0);
    expect(io.list(join(MEM, 'packages'))).toEqual([]);
  });

  it('compile writes the same package, byte for byte (folder, zip and manifest hash)', async () => {
    const r = await both(['compile', '2026Q3', '-w', '.', '--zip']);
    expect(r.code).toBe(0);
    const { disk: d, memory: m } = filesOf('packages');
    // Not an empty agreement: the package with its lists, evidence, zip and hash.
    expect([...m.keys()]).toEqual([...d.keys()]);
    expect(m.size).toBeGreaterThan(20);
    expect([...m.keys()]).toContain('2026Q3.zip');
    expect([...m.keys()]).toContain('2026Q3.manifest.sha256');
    for (const [name, bytes] of d) expect(m.get(name)?.equals(bytes), name).toBe(true);
    // No temporary folder, marker or replaced package is left behind.
    expect([...m.keys()].filter((k) => k.startsWith('.'))).toEqual([]);
  });

  it('compile --force again: the old package set is kept as replaced, on both sides alike', async () => {
    const r = await both(['compile', '2026Q3', '-w', '.', '--force']);
    expect(r.code).toBe(0);
    const { disk: d, memory: m } = filesOf('packages');
    // The replaced set is named by the run's instant (the system clock, not SOURCE_DATE_EPOCH).
    const names = (x: Map<string, Buffer>): string[] => [...x.keys()].map((k) => k.replace(/replaced-\d{8}T\d{6}Z/, 'replaced-<stamp>'));
    expect(names(m)).toEqual(names(d));
    expect(names(m)).toContain('2026Q3.replaced-<stamp>/manifest.json');
    expect(names(m)).toContain('2026Q3.replaced-<stamp>.zip');
  });
});
