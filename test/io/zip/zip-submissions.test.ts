// Departments that mail their folder as a zip (department.md "Submissions that arrive as zip files"):
// the zips of fixtures/zip-submissions/ (made by scripts/make-zip-submissions.mjs the ways Explorer,
// 360压缩, Python, 7-Zip-like writers and Info-ZIP make them) read like the folder, with their
// findings at `就业办.zip!/…`; compile copies the evidence out byte for byte and lists the zip.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInterruptTasks } from '../../../src/io/cleanup.js';
import { DEFAULT_LIMITS } from '../../../src/schemas/config.js';
import { decodeEntryName, unflaggedEncoding } from '../../../src/io/zip/zip-entry.js';
import { openZipSubmission, unsafeEntryName } from '../../../src/io/zip/zip-submission.js';
import { ROOT, cleanup, runCli, tempDir } from '../../helpers/cases.js';

const EXAMPLE = join(ROOT, 'fixtures', 'example-workspace');
const ZIPS = join(ROOT, 'fixtures', 'zip-submissions');
const SOURCE = join(EXAMPLE, 'submissions', '2026Q3', '就业办');
const TODAY = '2026-10-15';

interface Diag {
  code: string;
  severity: string;
  department?: string;
  location: { file?: string };
  args: Record<string, unknown>;
}
interface Expected {
  about: string;
  expect: { code: string; file: string; args?: Record<string, unknown> }[];
}
const EXPECT = JSON.parse(readFileSync(join(ZIPS, 'expect.json'), 'utf8')) as Record<string, Expected>;

let tmp: string;
let n = 0;
beforeAll(() => {
  tmp = tempDir('zipsub');
});
afterAll(() => cleanup(tmp));

/** The example workspace with 就业办's folder replaced by `zip` (kept too with keepFolder). */
function workspaceWith(
  zip: string | undefined,
  options: { keepFolder?: boolean; name?: string; config?: Record<string, unknown> } = {},
): string {
  const ws = join(tmp, `ws${++n}`);
  cpSync(EXAMPLE, ws, { recursive: true });
  if (!options.keepFolder) rmSync(q(ws, '就业办'), { recursive: true });
  if (zip) cpSync(zip, q(ws, options.name ?? zip.split('/').pop()!));
  if (options.config) {
    const path = join(ws, 'hrss-credit.config.json');
    writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), ...options.config }));
  }
  return ws;
}
const q = (ws: string, ...p: string[]): string => join(ws, 'submissions', '2026Q3', ...p);
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

async function json(args: string[], cwd: string): Promise<{ code: number; out: { diagnostics: Diag[]; stats: { files: number } } }> {
  const res = await runCli([...args, '--today', TODAY, '--format', 'json'], cwd);
  return { code: res.code, out: JSON.parse(res.stdout) };
}

function zipOf(files: [string, Buffer | string, number?][]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    for (const [name, data, mode] of files)
      z.addBuffer(Buffer.isBuffer(data) ? data : Buffer.from(data), name, { mtime: new Date(2026, 9, 9), ...(mode ? { mode } : {}) });
    z.end();
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}
const SOURCE_FILES: [string, Buffer][] = [
  ['劳务派遣红黑名单.xlsx', readFileSync(join(SOURCE, '劳务派遣红黑名单.xlsx'))],
  ['附件/典型案例报道.pdf', readFileSync(join(SOURCE, '附件', '典型案例报道.pdf'))],
  ['附件/现场检查照片.jpg', readFileSync(join(SOURCE, '附件', '现场检查照片.jpg'))],
];

// This file's temporary folders live in a private TMPDIR (os.tmpdir() reads it at each call), so that the
// other test files, which run at the same time in other processes, cannot add or remove folders while a
// test compares the list before and after.
process.env.TMPDIR = mkdtempSync(join(tmpdir(), 'zip-submissions-test-'));
const tempFolders = (): string[] =>
  readdirSync(tmpdir())
    .filter((f) => f.startsWith('hrss-credit-zip-'))
    .sort();

describe('the committed zips give exactly their findings (expect.json)', () => {
  for (const [key, c] of Object.entries(EXPECT)) {
    it(`${key}: ${c.about}`, async () => {
      const before = tempFolders();
      const ws = workspaceWith(join(ZIPS, key));
      const name = key.split('/')[1]!;
      const { code, out } = await json(['validate', name], q(ws));
      const got = out.diagnostics.map((d) => [d.code, d.location.file]).sort();
      expect(got).toEqual(c.expect.map((e) => [e.code, e.file]).sort());
      for (const e of c.expect.filter((x) => x.args)) {
        const d = out.diagnostics.find((x) => x.code === e.code && x.location.file === e.file)!;
        expect(d.args).toMatchObject(e.args!);
      }
      expect(code).toBe(out.diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
      // The list in the zip was read: one file, its rows checked (a clean zip is clean because it was read).
      expect(out.stats.files).toBe(1);
      // Whatever happened, the temporary copies of the lists are gone.
      expect(tempFolders()).toEqual(before);
    });
  }

  it('the clean ones read exactly like the folder: same rows, same (no) findings, the department found', async () => {
    const ws = workspaceWith(undefined, { keepFolder: true });
    const folder = await json(['validate', q(ws, '就业办')], ws);
    for (const key of ['explorer-gbk/就业办.zip', 'python-cp936/就业办.zip', 'utf8-flag/就业办.zip', 'encrypted/就业办.zip']) {
      const zws = workspaceWith(join(ZIPS, key));
      const res = await runCli(['validate', '就业办.zip', '--today', TODAY, '--format', 'json'], q(zws));
      const out = JSON.parse(res.stdout) as { stats: { rows: number }; diagnostics: Diag[] };
      expect(out.stats.rows, key).toBe((folder.out.stats as unknown as { rows: number }).rows);
      expect(out.stats.rows, key).toBeGreaterThan(0);
      expect(
        out.diagnostics.filter((d) => d.code !== 'FILE_UNSUPPORTED'),
        key,
      ).toEqual([]);
    }
  });
});

describe('entry names', () => {
  it('bit 11 says UTF-8; without it GB18030, unless every name is UTF-8 Chinese (Info-ZIP, macOS)', () => {
    const gbk = iconv.encode('附件/现场检查照片.jpg', 'cp936');
    expect(decodeEntryName(gbk, 0)).toBe('附件/现场检查照片.jpg');
    expect(decodeEntryName(Buffer.from('附件/现场检查照片.jpg'), 0x800)).toBe('附件/现场检查照片.jpg');
    // 目录 in GBK (C4BF C2BC) happens to be valid UTF-8, but not Chinese: still GBK.
    const mulu = iconv.encode('目录.pdf', 'cp936');
    expect(unflaggedEncoding([{ raw: mulu, flags: 0 }])).toBe('gb18030');
    expect(decodeEntryName(mulu, 0, unflaggedEncoding([{ raw: mulu, flags: 0 }]))).toBe('目录.pdf');
    expect(unflaggedEncoding([{ raw: gbk, flags: 0 }])).toBe('gb18030');
    expect(
      unflaggedEncoding([
        { raw: Buffer.from('附件/说明.pdf'), flags: 0 },
        { raw: Buffer.from('a.txt'), flags: 0 },
      ]),
    ).toBe('utf-8');
    // One flagged entry: the writer knew the flag, so the others are in the code page.
    expect(
      unflaggedEncoding([
        { raw: Buffer.from('附件/说明.pdf'), flags: 0 },
        { raw: Buffer.from('名单.xlsx'), flags: 0x800 },
      ]),
    ).toBe('gb18030');
  });

  it('names that would land outside the folder', () => {
    expect(
      [
        '../x',
        'a/../../x',
        '..\\x',
        '/etc/passwd',
        '\\\\server\\share\\x',
        'C:/x',
        'c:x',
        '附件\\a.pdf',
        '附件/a.pdf',
        'a..b/c',
        '...',
      ].map((n) => unsafeEntryName(n)?.reason),
    ).toEqual(['outside', 'outside', 'outside', 'absolute', 'absolute', 'absolute', 'absolute', 'name', undefined, undefined, undefined]);
  });

  it('a zip of the folder itself takes its department from that folder when the zip name says nothing', async () => {
    const ws = workspaceWith(undefined);
    writeFileSync(q(ws, '新建压缩文件.zip'), await zipOf([['就业办/附件/备注.rar', 'Rar!']]));
    const { out } = await json(['validate', '新建压缩文件.zip'], q(ws));
    expect(out.diagnostics.map((d) => [d.code, d.department, d.location.file])).toEqual([
      ['COVER_MISSING', '就业办', '新建压缩文件.zip'],
      ['EVIDENCE_FILE_IGNORED', '就业办', '新建压缩文件.zip!/就业办/附件/备注.rar'],
    ]);
  });
});

describe('links', () => {
  it('a symbolic link stored in the zip (zip -y) is EVIDENCE_PATH_UNSAFE (link) and never read', async () => {
    const ws = workspaceWith(undefined);
    writeFileSync(q(ws, '就业办.zip'), await zipOf([...SOURCE_FILES, ['附件/案例.pdf', '/etc/passwd', 0o120777]]));
    const { out } = await json(['validate', '就业办.zip'], q(ws));
    expect(out.diagnostics.map((d) => [d.code, d.args.reason, d.location.file])).toEqual([
      ['EVIDENCE_PATH_UNSAFE', 'link', '就业办.zip!/附件/案例.pdf'],
    ]);
  });
});

describe('limits: the same as for workbooks', () => {
  const cases: [string, Record<string, number>, [string, string, unknown][]][] = [
    ['maxZipEntries', { maxZipEntries: 3 }, [['FILE_UNREADABLE', '就业办.zip', 'maxZipEntries']]],
    ['maxUnzippedBytes', { maxUnzippedBytes: 5000 }, [['FILE_UNREADABLE', '就业办.zip', 'maxUnzippedBytes']]],
    [
      'maxFileBytes (a list in the zip)',
      { maxFileBytes: 5000 },
      [['FILE_UNREADABLE', '就业办.zip!/劳务派遣红黑名单.xlsx', 'maxFileBytes']],
    ],
  ];
  for (const [name, limits, expected] of cases) {
    it(name, async () => {
      const ws = workspaceWith(join(ZIPS, 'explorer-gbk', '就业办.zip'), { config: { limits } });
      const { code, out } = await json(['validate', '就业办.zip'], q(ws));
      expect(code).toBe(1);
      expect(out.diagnostics.filter((d) => d.code !== 'COVER_MISSING').map((d) => [d.code, d.location.file, d.args.limit])).toEqual(
        expected,
      );
    });
  }

  it('maxAttachmentBytes: evidence in the zip over the limit is never read', async () => {
    const ws = workspaceWith(join(ZIPS, 'explorer-gbk', '就业办.zip'), { config: { limits: { maxAttachmentBytes: 300 } } });
    const { out } = await json(['validate', '就业办.zip'], q(ws));
    expect(out.diagnostics.filter((d) => d.code === 'EVIDENCE_FILE_INVALID').map((d) => [d.args.reason, d.location.file])).toEqual([
      ['tooLarge', '就业办.zip!/附件/典型案例报道.pdf'],
    ]);
  });

  it('maxZipRatio: a zip bomb is refused before anything is inflated', async () => {
    const ws = workspaceWith(undefined);
    writeFileSync(q(ws, '就业办.zip'), await zipOf([...SOURCE_FILES, ['附件/现场.png', Buffer.alloc(9 * 1024 * 1024)]]));
    const { out } = await json(['validate', '就业办.zip'], q(ws));
    expect(out.diagnostics.map((d) => [d.code, d.location.file, d.args.limit, d.args.detail])).toEqual([
      ['FILE_UNREADABLE', '就业办.zip', 'maxZipRatio', 'zip'],
    ]);
  });

  it('a damaged zip is FILE_UNREADABLE of that department; no "cover missing" on top', async () => {
    const ws = workspaceWith(undefined);
    writeFileSync(q(ws, '就业办.zip'), readFileSync(join(ZIPS, 'explorer-gbk', '就业办.zip')).subarray(0, 4000));
    const { out } = await json(['validate', '就业办.zip'], q(ws));
    expect(out.diagnostics.map((d) => [d.code, d.location.file, d.args.reason])).toEqual([['FILE_UNREADABLE', '就业办.zip', 'damaged']]);
  });
});

describe('temporary files', () => {
  it('lists are copied into a private folder under the system temp folder, removed on close and on Ctrl-C', async () => {
    const zip = join(ZIPS, 'explorer-gbk', '就业办.zip');
    const sub = await openZipSubmission(zip, DEFAULT_LIMITS);
    const entry = sub.listing.lists[0]!;
    expect(entry.path).toBe(`${zip}!/劳务派遣红黑名单.xlsx`);
    const path = await sub.materialise(entry, DEFAULT_LIMITS.maxFileBytes);
    expect(path.startsWith(tmpdir())).toBe(true);
    expect(readFileSync(path)).toEqual(SOURCE_FILES[0]![1]);
    runInterruptTasks();
    expect(existsSync(path)).toBe(false);
    sub.close();
    const again = await openZipSubmission(zip, DEFAULT_LIMITS);
    const p2 = await again.materialise(again.listing.lists[0]!, DEFAULT_LIMITS.maxFileBytes);
    again.close();
    expect(existsSync(p2)).toBe(false);
  });

  it('nothing of a zip-slip zip is written anywhere, at validate or compile', async () => {
    const ws = workspaceWith(join(ZIPS, 'zip-slip', '就业办.zip'));
    const { code, out } = await json(['compile', '2026Q3', '-w', ws], ws);
    expect(code).toBe(1);
    expect(out.diagnostics.filter((d) => d.code === 'EVIDENCE_PATH_UNSAFE').length).toBe(5);
    for (const p of [
      join(ws, 'submissions', 'evil.txt'),
      q(ws, 'evil.txt'),
      join(ws, 'evil.bat'),
      '/tmp/hrss-credit-evil.txt',
      join(ws, 'packages', '2026Q3'),
    ]) {
      expect(existsSync(p), p).toBe(false);
    }
  });
});

describe('in the quarter folder, and compile', () => {
  it('validate of the quarter folder reads the zip as a department (not a loose file), located from there', async () => {
    const ws = workspaceWith(join(ZIPS, 'nested', '就业办.zip'));
    const { out } = await json(['validate', 'submissions/2026Q3'], ws);
    expect(out.diagnostics.map((d) => [d.code, d.department, d.location.file])).toEqual([
      ['EVIDENCE_FILE_IGNORED', '就业办', 'submissions/2026Q3/就业办.zip!/附件/原始材料.zip'],
    ]);
  });

  it('compile copies the evidence out byte for byte and lists the zip, with its hash, as the input', async () => {
    const zip = join(ZIPS, 'explorer-gbk', '就业办.zip');
    const ws = workspaceWith(zip);
    const res = await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY], ws);
    expect(res.code).toBe(0);
    const pkg = join(ws, 'packages', '2026Q3');
    const cases = join(pkg, '典型案例', '就业办');
    expect(readdirSync(cases).sort()).toEqual(['典型案例报道.pdf', '现场检查照片.jpg']);
    for (const [rel, bytes] of SOURCE_FILES.slice(1)) expect(sha(readFileSync(join(cases, rel.slice(3))))).toBe(sha(bytes));
    const manifest = JSON.parse(readFileSync(join(pkg, 'manifest.json'), 'utf8')) as {
      inputs: { path: string; sha256: string; bytes: number; department: string }[];
    };
    const mine = manifest.inputs.filter((i) => i.department === '就业办');
    expect(mine).toEqual([
      { path: 'submissions/2026Q3/就业办.zip', sha256: sha(readFileSync(zip)), bytes: readFileSync(zip).length, department: '就业办' },
    ]);
    const records = JSON.parse(readFileSync(join(pkg, 'records.json'), 'utf8')) as { records: { source?: { file?: string } }[] };
    expect(JSON.stringify(records)).toContain('submissions/2026Q3/就业办.zip!/劳务派遣红黑名单.xlsx');
    const verify = await runCli(['verify', pkg, '--today', TODAY], ws);
    expect(verify.code).toBe(0);
  });

  it('a folder and a zip for the same department: PACKAGE_DEPARTMENT_DUPLICATE, nothing written', async () => {
    const ws = workspaceWith(join(ZIPS, 'python-cp936', '就业办.zip'), { keepFolder: true });
    const { code, out } = await json(['compile', '2026Q3', '-w', ws], ws);
    expect(code).toBe(1);
    expect(
      out.diagnostics.filter((d) => d.code === 'PACKAGE_DEPARTMENT_DUPLICATE').map((d) => [d.department, d.location.file, d.args.folders]),
    ).toEqual([['就业办', 'submissions/2026Q3/就业办.zip', ['submissions/2026Q3/就业办', 'submissions/2026Q3/就业办.zip']]]);
    expect(existsSync(join(ws, 'packages', '2026Q3'))).toBe(false);
  });

  it('a folder holding only the untouched form from template --all, and the zip the department mailed: no duplicate', async () => {
    const ws = workspaceWith(join(ZIPS, 'python-cp936', '就业办.zip'));
    const form = q(ws, '就业办', '就业办_2026Q3_信用红黑名单.xlsx');
    const made = await runCli(['template', '就业办', '--quarter', '2026Q3', '--out', form, '-w', ws, '--today', TODAY], ws);
    expect(made.code, made.stderr).toBe(0);
    const status = await runCli(['status', '2026Q3', '-w', ws, '--today', TODAY, '--format', 'json'], ws);
    const doc = JSON.parse(status.stdout) as { departments: { name: string; submitted: boolean; errors: number }[]; diagnostics: Diag[] };
    expect(doc.diagnostics.filter((d) => d.department === '就业办').map((d) => d.code)).toEqual([]);
    expect(doc.departments.find((d) => d.name === '就业办')).toMatchObject({ submitted: true, errors: 0 });
    const { code, out } = await json(['compile', '2026Q3', '-w', ws], ws);
    expect(out.diagnostics.filter((d) => d.code === 'PACKAGE_DEPARTMENT_DUPLICATE')).toEqual([]);
    expect(code).toBe(0);
  });

  it('status counts a zip department as submitted', async () => {
    const ws = workspaceWith(join(ZIPS, 'utf8-flag', '就业办.zip'));
    mkdirSync(join(ws, 'packages'), { recursive: true });
    const res = await runCli(['status', '2026Q3', '-w', ws, '--today', TODAY, '--format', 'json'], ws);
    expect(res.stdout).toContain('就业办');
    expect(
      JSON.parse(res.stdout).diagnostics.filter((d: Diag) => d.code === 'PACKAGE_SUBMISSION_MISSING' && d.department === '就业办'),
    ).toEqual([]);
  });
});
