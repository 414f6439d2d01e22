// The quarter's commands run entirely on the file-system port (issues 20, 17): the example workspace built
// in memory from the fixtures' bytes (a MemoryPort at a root that does not exist on the disk) gives the
// same JSON documents as the same files copied to a temporary folder and run on the disk, and the package
// compile writes in memory is the package it writes on the disk, byte for byte (same --today, same
// SOURCE_DATE_EPOCH).
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { MemoryPort } from '../../src/io/memory-port.js';
import { cleanup, tempDir, type CliResult } from '../helpers/cases.js';
import { EPOCH, EXAMPLE } from '../helpers/reports-workspace.js';
import { filesBelow } from '../helpers/memory-workspace.js';

const MEM = '/hrss-credit-memory-only/ws';
const TODAY = '2026-10-20';

/** The example workspace on the disk (a temporary copy) and in memory (its bytes). */
function world(): { disk: string; io: MemoryPort } {
  const disk = tempDir('mem-quarter');
  cpSync(EXAMPLE, disk, { recursive: true });
  // A year the built-in calendar does not cover, from the workspace's calendar/ (read through the port).
  mkdirSync(join(disk, 'calendar'));
  writeFileSync(join(disk, 'calendar', '2031.json'), CALENDAR_2031);
  const io = new MemoryPort();
  for (const f of filesBelow(disk)) io.put(join(MEM, relative(disk, f)), readFileSync(f));
  return { disk, io };
}

const CALENDAR_2031 = JSON.stringify({
  year: 2031,
  source: '国务院办公厅关于2031年部分节假日安排的通知（测试用）',
  holidays: [['2031-01-01', '2031-01-03', '元旦']],
  workdays: ['2031-01-04'],
});

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
  // The root aside, and the name of a replaced package (the run's instant: the system clock, not SOURCE_DATE_EPOCH).
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

  it('verify of the folder and of the zip: the same findings (none), every output checked', async () => {
    for (const target of ['packages/2026Q3', 'packages/2026Q3.zip']) {
      const r = await both(['verify', target]);
      expect(r.code).toBe(0);
      expect(r.doc.checked).toBeGreaterThan(20);
    }
  });

  it('verify finds the same edit on both sides', async () => {
    const rel = 'packages/2026Q3/公示/红名单.csv';
    writeFileSync(join(disk, rel), 'edited');
    io.put(join(MEM, rel), 'edited');
    const r = await both(['verify', 'packages/2026Q3']);
    expect(r.code).toBe(1);
    expect(r.doc.changed).toEqual(['公示/红名单.csv']);
  });

  it('compile --force writes the package again: the edited one is kept as replaced, on both sides alike', async () => {
    const r = await both(['compile', '2026Q3', '-w', '.', '--force', '--zip']);
    expect(r.code).toBe(0);
    expect(r.doc.replaced).toMatch(/^packages\/2026Q3\.replaced-\d{8}T\d{6}Z$/);
    const { disk: d, memory: m } = filesOf('packages');
    const names = (x: Map<string, Buffer>): string[] => [...x.keys()].map((k) => k.replace(/replaced-\d{8}T\d{6}Z/, 'replaced-<stamp>'));
    expect(names(m)).toEqual(names(d));
    expect(names(m)).toContain('2026Q3.replaced-<stamp>/公示/红名单.csv');
    expect(names(m)).toContain('2026Q3.replaced-<stamp>.zip');
    expect((await both(['verify', 'packages/2026Q3'])).code).toBe(0);
  });

  it('export writes the same files for both audiences', async () => {
    for (const audience of ['public', 'sharing']) {
      const r = await both(['export', '2026Q3', '-w', '.', '--to', `out-${audience}`, '--audience', audience]);
      expect(r.code).toBe(0);
      const { disk: d, memory: m } = filesOf(`out-${audience}`);
      expect([...m.keys()]).toEqual([...d.keys()]);
      expect(m.size).toBeGreaterThan(0);
      for (const [name, bytes] of d) expect(m.get(name)?.equals(bytes), name).toBe(true);
    }
  });

  it('status of the compiled batch: the same departments and figures', async () => {
    const r = await both(['status', '2026Q3', '-w', '.']);
    expect(r.code).toBe(0);
  });

  it('supervise: the same rows and lapses, and the same 督查情况表 bytes', async () => {
    const r = await both(['supervise', '2026', '-w', '.', '--xlsx', '督查情况表.xlsx']);
    expect(r.code).toBe(0);
    expect((r.doc.rows as unknown[]).length).toBeGreaterThan(0);
    const m = Buffer.from(io.readFileSync(join(MEM, '督查情况表.xlsx')));
    expect(m.equals(readFileSync(join(disk, '督查情况表.xlsx')))).toBe(true);
  });

  it('report of the batch and of the year: the same model and the same page bytes', async () => {
    for (const [target, file] of [
      ['2026Q3', 'packages/2026Q3/报告.html'],
      ['2026', '信用红黑名单报告_2026.html'],
    ] as const) {
      const r = await both(['report', target, '-w', '.']);
      expect(r.code).toBe(0);
      expect(r.doc.path).toBe(file);
      const m = Buffer.from(io.readFileSync(join(MEM, file)));
      expect(m.equals(readFileSync(join(disk, file))), file).toBe(true);
    }
  });

  it('diff of the package with itself, and template (written once, then kept): the same on both sides', async () => {
    const d = await both(['diff', '2026Q3', 'packages/2026Q3', '-w', '.']);
    expect(d.code).toBe(0);
    // One department's form (every form costs seconds of exceljs): written into the workspace, then kept.
    for (const round of [1, 2]) {
      const t = await both(['template', '就业办', '--quarter', '2026Q4', '-w', '.']);
      expect(t.code).toBe(0);
      expect((t.doc.written as unknown[]).length).toBe(round === 1 ? 1 : 0);
    }
    const file = '就业办_2026Q4_信用红黑名单.xlsx';
    expect(Buffer.from(io.readFileSync(join(MEM, file))).equals(readFileSync(join(disk, file)))).toBe(true);
  });

  it("calendar reads the workspace's calendar/ file through the port", async () => {
    const r = await both(['calendar', '2031', '-w', '.']);
    expect(r.code).toBe(0);
    const cal = r.doc.calendar as { covered: boolean; source: { kind: string; path: string } };
    expect(cal.covered).toBe(true);
    expect(cal.source.kind).toBe('file');
  });

  it('and after every command, nothing of the memory workspace is on the disk', () => {
    expect(existsSync(MEM)).toBe(false);
    expect(existsSync('/hrss-credit-memory-only')).toBe(false);
  });
});
