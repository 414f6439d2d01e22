// validate runs entirely on the file-system port (issue 20): a workspace built in memory from the
// fixtures' bytes (a MemoryPort at a root that does not exist on the disk) gives the same JSON report,
// byte for byte, as the same files copied to a temporary folder and read from the disk — a whole
// workspace (xlsx, CSV, 'Unicode 文本' .txt, covers, removal requests, evidence of every kind),
// single list files, broken files, and zipped department folders as departments make them.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateAndAnnotate } from '../../src/api/department/annotate.js';
import { status } from '../../src/api/quarter/status.js';
import { run } from '../../src/cli/program.js';
import { validate } from '../../src/api/department/validate.js';
import { MemoryPort } from '../../src/io/memory-port.js';
import { messagesFor } from '../../src/messages/index.js';
import { toJsonReport } from '../../src/reporters/json.js';
import { cleanup, tempDir } from '../helpers/cases.js';
import { filesBelow } from '../helpers/memory-workspace.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const MEM = '/hrss-credit-memory-only/ws';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) cleanup(d);
});

/** The same files (fixture path → place in the workspace) on the disk and in memory. */
function world(files: Record<string, string>): { disk: string; io: MemoryPort } {
  const disk = tempDir('mem-validate');
  dirs.push(disk);
  const io = new MemoryPort();
  for (const [place, from] of Object.entries(files)) {
    const src = join(FIXTURES, from);
    const list = statSync(src).isDirectory()
      ? filesBelow(src).map((f) => [join(place, relative(src, f)), f] as const)
      : [[place, src] as const];
    for (const [to, f] of list) {
      mkdirSync(dirname(join(disk, to)), { recursive: true });
      copyFileSync(f, join(disk, to));
      io.put(join(MEM, to), readFileSync(f));
    }
  }
  return { disk, io };
}

type Opts = { department?: string; quarter?: string };

async function both(files: Record<string, string>, paths: string[], opts: Opts = {}): Promise<{ disk: string; memory: string }> {
  const { disk, io } = world(files);
  const m = messagesFor('zh-CN');
  const common = { today: '2026-10-10', now: new Date('2026-10-10T02:00:00Z'), ...opts };
  const onDisk = await validate(paths, { ...common, cwd: disk });
  const inMemory = await validate(paths, { ...common, cwd: MEM, io });
  // Only the root differs (none is shown in the report, which names paths relative to the folder).
  const json = (r: unknown, root: string): string => JSON.stringify(r, null, 1).split(root).join('<root>');
  return { disk: json(toJsonReport(onDisk, m), disk), memory: json(toJsonReport(inMemory, m), MEM) };
}

describe('validate on the memory port gives the report of the disk run', () => {
  it('never reaches the disk: the memory root does not exist there', () => {
    expect(existsSync(MEM)).toBe(false);
  });

  it('a whole workspace: every department folder, covers, CSV, .txt, removal requests, evidence', async () => {
    const r = await both({ '.': 'example-workspace' }, ['.']);
    expect(r.memory).toBe(r.disk);
    // Not an empty agreement: the run found the fixture's departments and their findings.
    const doc = JSON.parse(r.memory) as { valid: boolean; stats: { files: number; rows: number } };
    expect(doc.valid).toBe(true);
    expect(doc.stats.files).toBeGreaterThan(10);
    expect(doc.stats.rows).toBeGreaterThan(10);
  });

  it('one department folder, and one list file of each kind (xlsx, CSV, .txt)', async () => {
    const files = { '.': 'example-workspace' };
    for (const p of [
      'submissions/2026Q3/劳动关系科',
      'submissions/2026Q3/就业办/劳务派遣红黑名单.xlsx',
      'submissions/2026Q3/劳动关系科/劳动关系科信用红黑名单.csv',
      'submissions/2026Q3/就业局/就业领域红名单.txt',
      'submissions/2026Q3/社保中心/附件',
      'submissions/2026Q3/就业办/附件/现场检查照片.jpg',
    ]) {
      const r = await both(files, [p]);
      expect(r.memory, p).toBe(r.disk);
    }
  });

  it('broken files: damaged, disguised, encrypted, bombs, bad encodings', async () => {
    const names = readdirSync(join(FIXTURES, 'broken')).filter(
      (n) => !n.endsWith('.json') && !n.includes('too-large') && !n.includes('too-many-rows'),
    );
    const files = Object.fromEntries(names.map((n) => [`就业办/${n}`, `broken/${n}`]));
    const r = await both(
      files,
      names.map((n) => `就业办/${n}`),
      { department: '就业办', quarter: '2026Q3' },
    );
    expect(r.memory).toBe(r.disk);
    const codes = new Set((JSON.parse(r.memory) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code));
    expect(codes.has('FILE_UNREADABLE') && codes.has('FILE_UNSUPPORTED')).toBe(true);
  });

  it('zipped department folders (GBK names, UTF-8 flag, a top folder, a CRC mismatch, zip slip, a password)', async () => {
    const kinds = readdirSync(join(FIXTURES, 'zip-submissions')).filter((n) => !n.endsWith('.json'));
    for (const k of kinds) {
      const zip = readdirSync(join(FIXTURES, 'zip-submissions', k))[0] as string;
      const r = await both({ [`submissions/2026Q3/${zip}`]: `zip-submissions/${k}/${zip}` }, [`submissions/2026Q3/${zip}`], {
        quarter: '2026Q3',
      });
      expect(r.memory, k).toBe(r.disk);
      if (k === 'crc-damaged') expect(r.memory).toContain('CRC-32 mismatch');
      if (k === 'zip-slip') expect(r.memory).toContain('EVIDENCE_PATH_UNSAFE');
    }
  });
});

describe('status on the memory port (a quarter before any register or package)', () => {
  it('gives the summary and report of the disk run', async () => {
    const { disk, io } = world({ '.': 'example-workspace' });
    const common = { today: '2026-10-10', now: new Date('2026-10-10T02:00:00Z') };
    const onDisk = await status('2026Q3', { ...common, cwd: disk, workspace: disk });
    const inMemory = await status('2026Q3', { ...common, cwd: MEM, workspace: MEM, io });
    const m = messagesFor('zh-CN');
    expect(JSON.stringify(inMemory.summary)).toBe(JSON.stringify(onDisk.summary));
    expect(JSON.stringify(toJsonReport(inMemory.report, m))).toBe(JSON.stringify(toJsonReport(onDisk.report, m)));
    expect(inMemory.summary.departments.filter((d) => d.submitted).length).toBeGreaterThan(5);
    // status wrote nothing, on either side.
    expect(io.written).toEqual([]);
  });
});

describe('the CLI on the memory port (CliIo.fs)', () => {
  async function cli(argv: string[], cwd: string, fs?: MemoryPort): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await run(argv, {
      stdout: { write: (s: string) => (out += s), isTTY: false, columns: 120 },
      stderr: { write: (s: string) => (err += s), isTTY: false },
      env: {},
      cwd,
      ...(fs ? { fs } : {}),
    });
    return { code, out, err };
  }

  it('validate prints what it prints from the disk, JSON and tables, in the language the config says', async () => {
    const { disk, io } = world({ '.': 'example-workspace', '就业办/名单.csv': 'broken/黑名单-unclosed-quote.csv' });
    // The workspace's config chooses English: read from the port before commander parses.
    const config = JSON.parse(readFileSync(join(disk, 'hrss-credit.config.json'), 'utf8')) as Record<string, unknown>;
    const english = JSON.stringify({ ...config, lang: 'en' });
    io.put(join(MEM, 'hrss-credit.config.json'), english);
    writeFileSync(join(disk, 'hrss-credit.config.json'), english);
    for (const extra of [['--format', 'json'], ['--no-color']]) {
      const argv = ['validate', 'submissions/2026Q3', '就业办/名单.csv', '--department', '就业办', '--today', '2026-10-10', ...extra];
      const a = await cli(argv, disk);
      const b = await cli(argv, MEM, io);
      expect(b.code).toBe(a.code);
      expect(b.out.split(MEM).join('<root>')).toBe(a.out.split(disk).join('<root>'));
      expect(b.err).toBe(a.err);
    }
    const doc = JSON.parse((await cli(['validate', '就业办/名单.csv', '--department', '就业办', '--format', 'json'], MEM, io)).out) as {
      diagnostics: { code: string; message: string }[];
    };
    expect(
      doc.diagnostics.some((d) => d.code === 'FILE_UNREADABLE' && /damaged/.test(d.message) && !/[\u4e00-\u9fff]/.test(d.message)),
    ).toBe(true);
  });
});

describe('validate --annotate on the memory port', () => {
  it('writes the same marked-up copies, byte for byte, into the port', async () => {
    const { disk, io } = world({
      '就业办/劳务派遣红黑名单.xlsx': 'example-workspace/submissions/2026Q3/就业办/劳务派遣红黑名单.xlsx',
      '就业办/名单.csv': 'real/excel-gb18030-csv/黑名单.csv',
      '就业办/黑名单.xlsx': 'real/libreoffice-id-typed-as-number/黑名单.xlsx',
    });
    const opts = { today: '2026-10-10', department: '就业办', quarter: '2026Q3', sourceDateEpoch: 1790000000, lang: 'zh-CN' as const };
    const paths = ['就业办/劳务派遣红黑名单.xlsx', '就业办/名单.csv', '就业办/黑名单.xlsx'];
    const a = await validateAndAnnotate(paths, { ...opts, cwd: disk, annotate: 'out' });
    const b = await validateAndAnnotate(paths, { ...opts, cwd: MEM, annotate: 'out', io });
    expect(b.written).toEqual(a.written);
    expect(a.written.length).toBe(3);
    expect(a.written.some((w) => w.marked > 0)).toBe(true);
    for (const w of a.written) {
      const mem = io.readFileSync(join(MEM, w.path));
      expect(Buffer.from(mem).equals(readFileSync(join(disk, w.path))), w.path).toBe(true);
    }
    // Only the copies were written, and no temporary file is left in the port.
    expect(io.list(join(MEM, 'out'))).toEqual(a.written.map((w) => join(MEM, w.path)).sort());
  });
});
