// The register's commands run entirely on the file-system port (issue 20, the register side): the example's
// story — register import of 2026Q2, 2026Q3 compiled against it and published (a resent record, a removal request and an
// expiry in its 移出名单), an objection added and resolved as 撤销 (a removal) and its letter, a note, register verify, list
// and show, objection list, diff — played on a MemoryPort at a root that does not exist on the disk gives the
// JSON documents and exit codes of the same story on the disk, and the same bytes of register/events.jsonl
// (and of its checkpoint) after every step.
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { MemoryPort } from '../../src/io/memory-port.js';
import { cleanup, ROOT, tempDir, type CliResult, EXAMPLE_2026Q2_IMPORT } from '../helpers/cases.js';
import { filesBelow } from '../helpers/memory-workspace.js';

const MEM = '/hrss-credit-memory-only/ws';
const EXAMPLE = join(ROOT, 'fixtures', 'example-workspace');
const ENV = { HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_USER: '示例', SOURCE_DATE_EPOCH: '1792027800' };

async function cli(args: string[], today: string, cwd: string, fs?: MemoryPort): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run([...args, '-w', cwd, '--today', today, '--format', 'json'], {
    stdout: { write: (s: string) => (stdout += s), isTTY: false, columns: 120 },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: ENV,
    cwd,
    ...(fs ? { fs } : {}),
  });
  return { code, stdout, stderr };
}

let tmp = '';
let disk = '';
let io: MemoryPort;

/** The register's files (name → bytes) on the disk and in memory. */
function registerFiles(): { disk: Record<string, string>; memory: Record<string, string> } {
  const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
  const onDisk = Object.fromEntries(filesBelow(join(disk, 'register')).map((f) => [relative(disk, f), hex(readFileSync(f))]));
  const inMemory = Object.fromEntries(io.list(join(MEM, 'register')).map((f) => [relative(MEM, f), hex(io.readFileSync(f))]));
  return { disk: onDisk, memory: inMemory };
}

/** One step of the story on both sides: the same exit code and JSON document (the roots named alike), the same register. */
async function step(args: string[], today: string, code = 0): Promise<Record<string, unknown>> {
  const d = await cli(args, today, disk);
  const m = await cli(args, today, MEM, io);
  expect(d.code, `${args.join(' ')} on the disk: ${d.stdout}${d.stderr}`).toBe(code);
  expect(m.code, `${args.join(' ')} in memory: ${m.stdout}${m.stderr}`).toBe(code);
  expect(m.stdout.split(MEM).join('<root>')).toBe(d.stdout.split(disk).join('<root>'));
  expect(m.stderr.split(MEM).join('<root>')).toBe(d.stderr.split(disk).join('<root>'));
  const files = registerFiles();
  expect(files.memory).toEqual(files.disk);
  return JSON.parse(m.stdout) as Record<string, unknown>;
}

beforeAll(async () => {
  tmp = tempDir('mem-register');
  disk = join(tmp, 'ws');
  cpSync(EXAMPLE, disk, { recursive: true });
  io = new MemoryPort();
  for (const f of filesBelow(disk)) io.put(join(MEM, relative(disk, f)), readFileSync(f));
});
afterAll(() => cleanup(tmp));

describe('the register on the memory port: the example story gives the disk run’s documents and bytes', () => {
  it('never reaches the disk: the memory root does not exist there', () => {
    expect(existsSync(MEM)).toBe(false);
  });

  it('plays import, compile, publish (with removals), objection add/resolve/letter, note, verify, list, show and diff alike', async () => {
    const lists = readdirSync(join(EXAMPLE, 'history', '2026Q2')).map((f) => `history/2026Q2/${f}`);
    const imported = await step(['register', 'import', ...lists.map((l) => join('.', l)), ...EXAMPLE_2026Q2_IMPORT], '2026-10-15');
    expect(imported).toMatchObject({ command: 'register import', outcome: 'imported' });

    // Compiled against the register on each side (the quarter side's port): the same package, byte for byte.
    await step(['compile', '2026Q3'], '2026-10-15');
    const packageFiles = filesBelow(join(disk, 'packages'));
    expect(packageFiles.length).toBeGreaterThan(5);
    const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
    for (const f of packageFiles) expect(hex(io.readFileSync(join(MEM, relative(disk, f)))), relative(disk, f)).toBe(hex(readFileSync(f)));

    const published = await step(['publish', '2026Q3', '--on', '2026-10-15'], '2026-10-15');
    expect(published).toMatchObject({ command: 'publish', outcome: 'published', records: 16, removals: 2 });
    // Published again: the same package, nothing appended.
    expect(await step(['publish', '2026Q3', '--on', '2026-10-15'], '2026-10-15')).toMatchObject({ outcome: 'unchanged' });

    const records = (await step(['register', 'list'], '2026-10-16')).records as { id: string; status: string }[];
    expect(records.length).toBeGreaterThan(10);
    const target = records.find((r) => r.status === 'active') as { id: string };
    const added = await step(
      ['objection', 'add', '--record', target.id, '--received', '2026-10-16', '--from', '申请人甲', '--summary', '认定事实有误'],
      '2026-10-16',
    );
    expect(added).toMatchObject({ command: 'objection add', objection: { number: 'O2026-001', recordId: target.id, status: 'open' } });
    const resolved = await step(
      ['objection', 'resolve', 'O2026-001', '--outcome', '撤销', '--opinion', '核查属实，予以撤销', '--by', '李四'],
      '2026-10-20',
    );
    expect(resolved).toMatchObject({ command: 'objection resolve', objection: { status: 'resolved', outcome: '撤销' } });
    await step(['register', 'note', '核对完毕', '--id', target.id], '2026-10-20');

    expect(await step(['register', 'verify'], '2026-10-21')).toMatchObject({ valid: true, events: 5 });
    const after = (await step(['register', 'list', '--status', 'all'], '2026-10-21')).records as { id: string; status: string }[];
    expect(after.find((r) => r.id === target.id)?.status).toBe('removed');
    await step(['register', 'show', target.id], '2026-10-21');
    // The 台账 (register list --xlsx) written in memory is the one written on the disk.
    await step(['register', 'list', '--xlsx', '台账.xlsx'], '2026-10-21');
    expect(hex(io.readFileSync(join(MEM, '台账.xlsx')))).toBe(hex(readFileSync(join(disk, '台账.xlsx'))));
    await step(['objection', 'list', '--all'], '2026-10-21');
    // The 异议处理意见书 written in memory is the one written on the disk.
    await step(['objection', 'letter', 'O2026-001'], '2026-10-21');
    const letter = join('objections', 'O2026-001-异议处理意见书.docx');
    expect(hex(io.readFileSync(join(MEM, letter)))).toBe(hex(readFileSync(join(disk, letter))));
    const diffed = await step(['diff', '2026Q2', '2026Q3'], '2026-10-21');
    expect(diffed).toMatchObject({ command: 'diff' });

    // The log itself: five events, equal bytes (checked after each step above), and a refused writer leaves it so.
    const log = io.readFileSync(join(MEM, 'register', 'events.jsonl'));
    expect(new TextDecoder().decode(log).trim().split('\n')).toHaveLength(5);
    await step(['objection', 'resolve', 'O2026-001', '--outcome', '维持', '--opinion', '再议'], '2026-10-22', 1);
    expect(hex(io.readFileSync(join(MEM, 'register', 'events.jsonl')))).toBe(hex(log));
    expect(existsSync(MEM)).toBe(false);
  });
});
