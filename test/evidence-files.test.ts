// Evidence files and department folders on the disk: every input evidence file is one output file
// (8.11), hard links and names Windows cannot create are never packaged (8.12, 8.13), and a folder
// or file that cannot be read is a finding of its department, never an internal error (8.18, 9.6).
// EACCES and EBUSY are injected (HRSS_CREDIT_FAULT=io:CODE@part, src/io/faults.ts): the tests run as
// root, where chmod does not bite, and Linux has no EBUSY for a file another program holds open.
import { createHash } from 'node:crypto';
import { cpSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collisionKey, unsafeSegment } from '../src/io/paths.js';
import { ROOT, cleanup, runCli, tempDir } from './helpers/cases.js';

const EXAMPLE = join(ROOT, 'fixtures', 'example-workspace');
const TODAY = '2026-10-15';
let tmp: string;
beforeAll(() => {
  tmp = tempDir('evidence');
});
afterAll(() => cleanup(tmp));
afterEach(() => {
  delete process.env.HRSS_CREDIT_FAULT;
});

function copyExample(name: string): string {
  const dir = join(tmp, name);
  cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

const q = (ws: string, ...p: string[]): string => join(ws, 'submissions', '2026Q3', ...p);

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

const sha = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex');

interface Diag {
  code: string;
  severity: string;
  department?: string;
  location: { file?: string };
  args: Record<string, unknown>;
  message?: string;
  hint?: string;
}

async function json(
  args: string[],
  cwd = ROOT,
): Promise<{ code: number; out: { diagnostics: Diag[]; error?: { code: string; message: string } } }> {
  const res = await runCli([...args, '--today', TODAY, '--format', 'json'], cwd);
  return { code: res.code, out: JSON.parse(res.stdout) };
}

describe('evidence of one name in two places (8.11)', () => {
  it('keeps every input evidence file as one output file, bytes and all, under distinct names', async () => {
    const ws = copyExample('same-name');
    const jyb = q(ws, '就业办');
    // 附件/ and attachments/ both hold 典型案例报道.pdf, with different bytes.
    mkdirSync(join(jyb, 'attachments'));
    cpSync(q(ws, '社保中心', '附件', '骗取社保待遇典型案例.pdf'), join(jyb, 'attachments', '典型案例报道.pdf'));
    // Two subfolders' pictures whose names Windows takes for one (case).
    mkdirSync(join(jyb, '附件', '现场'));
    cpSync(q(ws, '劳动关系科', '附件', '执法现场.png'), join(jyb, '附件', '现场', '甲.png'));
    cpSync(q(ws, '监察支队', '附件', '欠薪案件现场.png'), join(jyb, '附件', '现场', '甲.PNG'));
    // A cover scan at the root and one of the same name in 附件/.
    cpSync(q(ws, '考试中心', '附件', '考试作弊典型案例.pdf'), q(ws, '考试中心', '附件', '报送单.pdf'));

    const res = await runCli(['compile', '2026Q3', '-w', ws, '--today', TODAY], ROOT);
    expect(res.code).toBe(0);
    for (const dept of ['就业办', '考试中心']) {
      const folder = q(ws, dept);
      const inputs = filesUnder(folder).filter(
        (p) => /^(?:附件|attachments)\//.test(relative(folder, p)) || relative(folder, p) === '报送单.pdf',
      );
      const outputs = filesUnder(join(ws, 'packages', '2026Q3', '典型案例', dept));
      expect(outputs.length, dept).toBe(inputs.length);
      expect(outputs.map(sha).sort(), dept).toEqual(inputs.map(sha).sort());
      const keys = outputs.map((p) => collisionKey(relative(join(ws, 'packages', '2026Q3', '典型案例', dept), p)));
      expect(new Set(keys).size, dept).toBe(keys.length);
    }
    // The names are deterministic: the first keeps its name, the later one gets " (2)".
    const pkg = join(ws, 'packages', '2026Q3', '典型案例');
    expect(readdirSync(join(pkg, '就业办')).sort()).toEqual(
      ['典型案例报道 (2).pdf', '典型案例报道.pdf', '现场', '现场检查照片.jpg'].sort(),
    );
    expect(readdirSync(join(pkg, '就业办', '现场')).sort()).toEqual(['甲 (2).png', '甲.PNG'].sort());
    expect(sha(join(pkg, '考试中心', '报送单.pdf'))).toBe(sha(q(ws, '考试中心', '报送单.pdf')));
    expect(sha(join(pkg, '考试中心', '报送单 (2).pdf'))).toBe(sha(q(ws, '考试中心', '附件', '报送单.pdf')));
  });
});

describe('a hard link in 附件/ (8.12)', () => {
  it('is EVIDENCE_PATH_UNSAFE (hardlink), and nothing is packaged', async () => {
    const ws = copyExample('hardlink');
    const outside = join(tmp, 'outside-secret.txt');
    writeFileSync(outside, 'root:x:0:0:root:/root:/bin/bash\n');
    linkSync(outside, q(ws, '就业办', '附件', 'passwd.txt'));
    expect(statSync(outside).nlink).toBe(2);
    const { code, out } = await json(['compile', '2026Q3', '-w', ws]);
    expect(code).toBe(1);
    const found = out.diagnostics.filter((d) => d.code === 'EVIDENCE_PATH_UNSAFE');
    expect(found.map((d) => [d.severity, d.args.reason, d.location.file])).toEqual([
      ['error', 'hardlink', 'submissions/2026Q3/就业办/附件/passwd.txt'],
    ]);
    expect(() => readdirSync(join(ws, 'packages', '2026Q3'))).toThrow();
  });

  it('a hard-linked list is read like any other: it is never copied, its rows pass every rule', async () => {
    const ws = copyExample('hardlink-list');
    linkSync(q(ws, '就业办', '劳务派遣红黑名单.xlsx'), join(tmp, 'list-elsewhere.xlsx'));
    const { code, out } = await json(['validate', q(ws, '就业办')], ws);
    expect([code, out.diagnostics.filter((d) => d.severity === 'error')]).toEqual([0, []]);
  });

  it('a hard-linked cover scan is not packaged either', async () => {
    const ws = copyExample('hardlink-scan');
    linkSync(q(ws, '考试中心', '报送单.pdf'), join(tmp, 'scan-elsewhere.pdf'));
    const { out } = await json(['validate', q(ws, '考试中心')], ws);
    expect(out.diagnostics.filter((d) => d.code === 'EVIDENCE_PATH_UNSAFE').map((d) => [d.args.reason, d.location.file])).toEqual([
      ['hardlink', 'submissions/2026Q3/考试中心/报送单.pdf'],
    ]);
  });
});

describe('names Windows cannot create (8.13)', () => {
  const NAMES = ['CON.pdf', 'con.txt', 'a:b.pdf', 'q?.pdf', '*<>|".pdf', 'a\nb.pdf', '\u001b[31mred.pdf', 'nul.tar.pdf', 'LPT1 .pdf'];

  it('each is EVIDENCE_PATH_UNSAFE (name), an error, and the package is not written', async () => {
    const ws = copyExample('names');
    const pdf = readFileSync(q(ws, '就业办', '附件', '典型案例报道.pdf'));
    for (const n of NAMES) writeFileSync(q(ws, '就业办', '附件', n), n.endsWith('.txt') ? 'text' : pdf);
    const { code, out } = await json(['compile', '2026Q3', '-w', ws]);
    expect(code).toBe(1);
    const found = out.diagnostics.filter((d) => d.code === 'EVIDENCE_PATH_UNSAFE');
    expect(found.map((d) => d.args.name).sort()).toEqual(NAMES.map((n) => `附件/${n}`).sort());
    expect(found.every((d) => d.severity === 'error' && d.args.reason === 'name')).toBe(true);
    // No control character reaches a location (a terminal would obey the ESC).
    expect(found.some((d) => /[\u0000-\u001f]/.test(d.location.file ?? ''))).toBe(false);
    expect(() => readdirSync(join(ws, 'packages', '2026Q3'))).toThrow();
  });

  it('judges one name at a time', () => {
    expect(NAMES.map(unsafeSegment)).toEqual([
      'device',
      'device',
      'character',
      'character',
      'character',
      'character',
      'character',
      'device',
      'device',
    ]);
    expect(['典型案例.pdf', 'console.pdf', 'COM10.png', 'a.b.pdf', '报送单 (2).pdf'].map(unsafeSegment)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(['x.pdf.', 'x.pdf ', ''].map(unsafeSegment)).toEqual(['trailing', 'trailing', 'empty']);
  });

  it('a department name that would be a bad folder in the package is refused with the config (exit 2, key named)', async () => {
    // Config names are checked when the config is loaded (docs/decisions.md "The command line, config
    // and templates"), before any folder is made of them.
    const ws = copyExample('dept-name');
    const config = JSON.parse(readFileSync(join(ws, 'hrss-credit.config.json'), 'utf8'));
    config.matrix = {
      mode: 'extend',
      departments: [{ name: '就业办:南区', aliases: [], authority: '新乡市人力资源和社会保障局', domains: ['劳务派遣'] }],
    };
    writeFileSync(join(ws, 'hrss-credit.config.json'), JSON.stringify(config));
    const res = await runCli(['validate', q(ws, '就业办'), '--department', '就业办:南区', '--format', 'json'], ws);
    expect(res.code).toBe(2);
    const doc = JSON.parse(res.stdout);
    expect(doc.error.code).toBe('CONFIG_INVALID');
    expect(doc.error.message).toContain('matrix.departments[0].name');
  });
});

describe('what cannot be read (8.18, 9.6)', () => {
  it('an unreadable department folder is a finding of that department; the others are still checked', async () => {
    const ws = copyExample('eacces');
    process.env.HRSS_CREDIT_FAULT = `io:EACCES@${q(ws, '就业办')}`;
    const { code, out } = await json(['compile', '2026Q3', '-w', ws]);
    expect(code).toBe(1);
    expect(out.error).toBeUndefined();
    const mine = out.diagnostics.filter((d) => d.location.file?.startsWith('submissions/2026Q3/就业办'));
    expect(mine.map((d) => [d.code, d.args.reason, d.args.detail, d.location.file])).toEqual([
      ['FILE_UNREADABLE', 'io', 'EACCES', 'submissions/2026Q3/就业办'],
    ]);
    // Nothing else is wrong with the other departments.
    expect(out.diagnostics.filter((d) => d.severity === 'error' && d !== mine[0])).toEqual([]);
  });

  it('validate of an unreadable department folder: FILE_UNREADABLE, no "cover missing" on top', async () => {
    const ws = copyExample('eacces-validate');
    process.env.HRSS_CREDIT_FAULT = `io:EACCES@${q(ws, '就业办')}`;
    const { code, out } = await json(['validate', q(ws, '就业办')], ws);
    expect(code).toBe(1);
    expect(out.diagnostics.map((d) => [d.code, d.args.detail, d.location.file])).toEqual([
      ['FILE_UNREADABLE', 'EACCES', 'submissions/2026Q3/就业办'],
    ]);
  });

  it('an unreadable quarter folder is an exit-2 error naming it (nothing of the quarter can be checked)', async () => {
    const ws = copyExample('eacces-quarter');
    process.env.HRSS_CREDIT_FAULT = `io:EACCES@${q(ws)}`;
    const c = await json(['compile', '2026Q3', '-w', ws]);
    expect([c.code, c.out.error?.code]).toEqual([2, 'PATH_UNREADABLE']);
    expect(c.out.error?.message).toContain('submissions/2026Q3');
    const v = await json(['validate', q(ws)], ws);
    expect([v.code, v.out.error?.code]).toEqual([2, 'PATH_UNREADABLE']);
  });

  it('an unreadable evidence file or list file is FILE_UNREADABLE with its errno', async () => {
    const ws = copyExample('eacces-files');
    process.env.HRSS_CREDIT_FAULT = 'io:EACCES@现场检查照片.jpg,io:EIO@劳务派遣红黑名单.xlsx';
    const { code, out } = await json(['validate', q(ws, '就业办')], ws);
    expect(code).toBe(1);
    expect(
      out.diagnostics
        .filter((d) => d.code === 'FILE_UNREADABLE')
        .map((d) => [d.args.reason, d.args.detail, d.location.file])
        .sort(),
    ).toEqual([
      ['io', 'EACCES', 'submissions/2026Q3/就业办/附件/现场检查照片.jpg'],
      ['io', 'EIO', 'submissions/2026Q3/就业办/劳务派遣红黑名单.xlsx'],
    ]);
  });

  it('a file Excel holds open (EBUSY, EPERM on Windows) is FILE_UNREADABLE (locked), naming the file', async () => {
    const ws = copyExample('ebusy');
    process.env.HRSS_CREDIT_FAULT = 'io:EBUSY@劳务派遣红黑名单.xlsx,io:EPERM@典型案例报道.pdf';
    const { out } = await json(['validate', q(ws, '就业办')], ws);
    expect(
      out.diagnostics
        .filter((d) => d.code === 'FILE_UNREADABLE')
        .map((d) => [d.args.reason, d.args.detail, d.location.file])
        .sort(),
    ).toEqual([
      ['locked', 'EBUSY', 'submissions/2026Q3/就业办/劳务派遣红黑名单.xlsx'],
      ['locked', 'EPERM', 'submissions/2026Q3/就业办/附件/典型案例报道.pdf'],
    ]);
    const zh = await runCli(['validate', q(ws, '就业办'), '--today', TODAY], ROOT);
    expect(zh.stdout).toContain('Excel');
  });

  it('-w at a file, --out at a file and a read-only workspace are exit-2 errors naming the path, never INTERNAL', async () => {
    const ws = copyExample('tool-errors');
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'x');
    const w = await json(['compile', '2026Q3', '-w', file]);
    expect([w.code, w.out.error?.code]).toEqual([2, 'PATH_NOT_FOLDER']);
    expect(w.out.error?.message).toContain(file);
    const o = await json(['compile', '2026Q3', '-w', ws, '--out', file]);
    expect([o.code, o.out.error?.code]).toEqual([2, 'PATH_NOT_FOLDER']);
    expect(o.out.error?.message).toContain(file);
    process.env.HRSS_CREDIT_FAULT = `io:EROFS@${join(ws, 'packages')}`;
    const ro = await json(['compile', '2026Q3', '-w', ws]);
    expect([ro.code, ro.out.error?.code]).toEqual([2, 'WRITE_FAILED']);
    expect(ro.out.error?.message).toContain('EROFS');
    expect(ro.out.error?.message).toContain(join(ws, 'packages'));
  });
});

describe('validate an evidence folder or file (7.11)', () => {
  it('validate 附件/ judges the evidence, with no department or cover findings', async () => {
    const ws = copyExample('validate-evidence');
    const dir = q(ws, '就业办', '附件');
    writeFileSync(join(dir, '假照片.jpg'), 'not a picture');
    writeFileSync(join(dir, 'CON.pdf'), readFileSync(join(dir, '典型案例报道.pdf')));
    writeFileSync(join(dir, '说明.zip'), 'PK');
    const { code, out } = await json(['validate', dir], ws);
    expect(code).toBe(1);
    expect(out.diagnostics.map((d) => [d.code, d.location.file]).sort()).toEqual([
      ['EVIDENCE_FILE_IGNORED', 'submissions/2026Q3/就业办/附件/说明.zip'],
      ['EVIDENCE_FILE_INVALID', 'submissions/2026Q3/就业办/附件/假照片.jpg'],
      ['EVIDENCE_PATH_UNSAFE', 'submissions/2026Q3/就业办/附件/CON.pdf'],
    ]);
  });

  it('validate 典型案例.pdf judges that one file: clean when it is what it says, a finding when not', async () => {
    const ws = copyExample('validate-evidence-file');
    const good = await json(['validate', q(ws, '就业办', '附件', '典型案例报道.pdf')], ws);
    expect([good.code, good.out.diagnostics]).toEqual([0, []]);
    const fake = q(ws, '典型案例.pdf');
    writeFileSync(fake, 'just text');
    const bad = await json(['validate', fake], ws);
    expect(bad.out.diagnostics.map((d) => [d.code, d.args.reason, d.location.file])).toEqual([
      ['EVIDENCE_FILE_INVALID', 'mismatch', 'submissions/2026Q3/典型案例.pdf'],
    ]);
    const txt = await json(['validate', q(ws, '监察支队', '附件', '欠薪案件典型案例.txt')], ws);
    expect([txt.code, txt.out.diagnostics]).toEqual([0, []]);
  });
});

describe('a department zip put inside the department folder (使用手册 三、收材料)', () => {
  it('is not opened, and its finding names where the zip belongs: the quarter folder, as <科室>.zip', async () => {
    const ws = copyExample('zip-in-folder');
    const jyb = q(ws, '就业办');
    rmSync(jyb, { recursive: true });
    mkdirSync(jyb);
    cpSync(join(ROOT, 'fixtures', 'zip-submissions', 'explorer-gbk', '就业办.zip'), join(jyb, '就业办报送材料.zip'));
    const zh = await json(['validate', jyb], ws);
    const ignored = zh.out.diagnostics.filter((d) => d.code === 'EVIDENCE_FILE_IGNORED');
    expect(ignored.map((d) => [d.location.file, d.args])).toEqual([
      ['submissions/2026Q3/就业办/就业办报送材料.zip', { ext: '.zip', zipAt: '就业办.zip' }],
    ]);
    expect(ignored[0]?.message).toContain('不会被打开');
    expect(ignored[0]?.hint).toContain('改名为“就业办.zip”，放到上一级的季度文件夹中');
    const en = await json(['validate', jyb, '--lang', 'en'], ws);
    expect(en.out.diagnostics.find((d) => d.code === 'EVIDENCE_FILE_IGNORED')?.hint).toContain('rename it "就业办.zip"');
    // Moved where the finding says, it is the department's submission: nothing ignored, its lists read.
    rmSync(jyb, { recursive: true });
    cpSync(join(ROOT, 'fixtures', 'zip-submissions', 'explorer-gbk', '就业办.zip'), q(ws, '就业办.zip'));
    const moved = await json(['validate', q(ws, '就业办.zip')], ws);
    expect([moved.code, moved.out.diagnostics.map((d) => d.code)]).toEqual([0, []]);
  });

  it('a zip inside 附件 or inside a zip keeps the plain finding (no quarter folder to name)', async () => {
    const ws = copyExample('zip-in-evidence');
    writeFileSync(q(ws, '就业办', '附件', '原始材料.zip'), 'PK');
    const { out } = await json(['validate', q(ws, '就业办')], ws);
    expect(out.diagnostics.filter((d) => d.code === 'EVIDENCE_FILE_IGNORED').map((d) => d.args)).toEqual([{ ext: '.zip' }]);
  });
});
