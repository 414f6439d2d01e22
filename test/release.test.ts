// The offline release (delivery.md "A release a clerk can install from a USB stick"): built once,
// unzipped into an empty temporary folder with no node_modules above it, run on a copy of the example
// workspace; its package equals the installed tool's byte for byte.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import iconv from 'iconv-lite';
import { listFiles } from '../src/io/package/package-fs.js';
import { ROOT, cleanup, tempDir } from './helpers/cases.js';
import { HAVE_OLD_NODE, OLD_NODE } from './helpers/old-node.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const NAME = `hrss-credit-${pkg.version}`;
const EXAMPLE = join(ROOT, 'fixtures', 'example-workspace');
const BIN = join(ROOT, 'bin', 'hrss-credit.js');
const TODAY = '2026-10-15';
const EPOCH = { SOURCE_DATE_EPOCH: '1790000000' };

interface Entry {
  name: string;
  data: Buffer;
  mode: number;
  mtime: Date;
}

function unzip(file: string): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, z) => {
      if (err || !z) return reject(err);
      const out: Entry[] = [];
      z.on('entry', (e: yauzl.Entry) => {
        z.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2);
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => {
            out.push({
              name: e.fileName,
              data: Buffer.concat(chunks),
              mode: (e.externalFileAttributes >>> 16) & 0o777,
              mtime: e.getLastModDate(),
            });
            z.readEntry();
          });
        });
      });
      z.on('end', () => resolve(out));
      z.readEntry();
    });
  });
}

function release(out: string, env: Record<string, string> = {}): Buffer {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'release.mjs'), '--out', out], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: 'pipe',
  });
  return readFileSync(join(out, `${NAME}.zip`));
}

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  // The registry and any proxy unreachable, no module search path: the bundle must need none of them.
  const offline = {
    npm_config_registry: 'http://127.0.0.1:9/',
    HTTP_PROXY: 'http://127.0.0.1:9',
    HTTPS_PROXY: 'http://127.0.0.1:9',
    NODE_PATH: '',
  };
  const r = spawnSync(cmd, args, {
    cwd,
    env: { ...process.env, NO_COLOR: '1', HRSS_CREDIT_LANG: '', ...offline, ...env },
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

let tmp: string;
let zip: Buffer;
let entries: Entry[];
let home: string; // the unzipped release folder
let tool: string; // its hrss-credit.mjs
const installed = (args: string[], cwd: string, env: Record<string, string> = {}) => run(process.execPath, [BIN, ...args], cwd, env);
const bundled = (args: string[], cwd: string, env: Record<string, string> = {}) => run(process.execPath, [tool, ...args], cwd, env);

beforeAll(async () => {
  tmp = tempDir('release');
  zip = release(join(tmp, 'out-a'), EPOCH);
  entries = await unzip(join(tmp, 'out-a', `${NAME}.zip`));
  const at = join(tmp, 'usb');
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    mkdirSync(dirname(join(at, e.name)), { recursive: true });
    writeFileSync(join(at, e.name), e.data);
    chmodSync(join(at, e.name), e.mode);
  }
  home = join(at, NAME);
  tool = join(home, 'hrss-credit.mjs');
}, 120_000);
afterAll(() => cleanup(tmp));

describe('the release zip', () => {
  it('holds one folder with the bundle, both launchers, the templates and the texts; under 15 MB', () => {
    expect(entries.map((e) => e.name)).toEqual(
      [
        'README.txt',
        'THIRD-PARTY-NOTICES.txt',
        'data/chinese-days/LICENSE',
        'data/chinese-days/dist/chinese-days.json',
        'data/chinese-days/package.json',
        'hrss-credit',
        'hrss-credit.cmd',
        'hrss-credit.mjs',
        'lib/cli-table3.cjs',
        'lib/csv-parse.cjs',
        'lib/docx.cjs',
        'lib/exceljs.cjs',
        'lib/file-type.cjs',
        'lib/iconv-lite.cjs',
        'lib/saxes.cjs',
        'lib/yauzl.cjs',
        'lib/yazl.cjs',
        'lib/zod.cjs',
        'page/engine.js',
        'page/ui.js',
        'templates/credit-office.json',
        'templates/measures.example.json',
        '使用手册.html',
        '科室自查-示例工作区.html',
      ].map((n) => `${NAME}/${n}`),
    );
    expect(zip.length).toBeLessThan(15 * 1024 * 1024);
    expect(entries.find((e) => e.name.endsWith('/hrss-credit'))?.mode).toBe(0o755);
    expect(entries.every((e) => e.mtime.getTime() === entries[0]?.mtime.getTime())).toBe(true);
  });

  it('is the same bytes when built again from the same commit', () => {
    expect(release(join(tmp, 'out-b'), EPOCH).equals(zip)).toBe(true);
  });

  it('the Windows launcher passes every argument on (%*), returns the exit code, and is GBK with CRLF lines', () => {
    const bytes = entries.find((e) => e.name.endsWith('.cmd'))?.data ?? Buffer.alloc(0);
    // Saved as Notepad saves a batch file on a Chinese PC: GBK (code page 936), no BOM, CRLF only.
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const cmd = iconv.decode(bytes, 'gbk');
    expect(iconv.encode(cmd, 'gbk').equals(bytes)).toBe(true);
    expect(cmd).toContain('找不到 Node.js（需要 20 或更高版本）');
    expect(cmd).toContain('按任意键关闭窗口…');
    expect(bytes.includes(Buffer.from('找不到', 'utf8'))).toBe(false);
    expect(cmd.split('\r\n').length).toBe(cmd.split('\n').length);
    expect(cmd).toMatch(/^"%HRSS_NODE%" "%HRSS_HERE%hrss-credit\.mjs" %\*\r$/m);
    expect(cmd).toMatch(/^set "HRSS_RC=%ERRORLEVEL%"\r$/m);
    expect(cmd).toMatch(/^exit \/b %HRSS_RC%\r$/m);
    expect(cmd).toContain('node\\node.exe');
    expect(cmd).toContain('chcp 65001');
    const lines = cmd.split('\r\n');
    const chcpAt = lines.indexOf('chcp 65001 >nul');
    const restoreAt = lines.findIndex((l) => l.startsWith('if defined HRSS_CP chcp'));
    // cmd.exe reads each line in the code page of the moment: no Chinese while it is 65001.
    for (const l of lines.slice(chcpAt, restoreAt + 1)) expect(/[^\x00-\x7f]/.test(l), l).toBe(false);
    // Every Chinese line's GBK bytes hold no byte cmd.exe treats specially (^ | & < > %) outside a lead byte's pair.
    for (const l of lines.filter((x) => /[^\x00-\x7f]/.test(x))) {
      const b = iconv.encode(l, 'gbk');
      for (let i = 0; i < b.length; i++) {
        if (b[i]! >= 0x81) {
          expect([0x5e, 0x7c, 0x26, 0x3c, 0x3e, 0x25, 0x22]).not.toContain(b[i + 1]);
          i++;
        }
      }
    }
    // Explorer starts it as cmd.exe /c ""<this file>" …": then, and only then, the window waits.
    expect(cmd).toContain('set "HRSS_REST=!HRSS_CMDLINE:""%HRSS_SELF%=!"');
    expect(cmd).toMatch(/^if defined HRSS_CMDLINE if not "!HRSS_REST!"=="!HRSS_CMDLINE!" set "HRSS_FROM=explorer"\r$/m);
    expect(cmd).toMatch(/^if "%HRSS_CREDIT_LAUNCH%"=="explorer" pause >nul\r$/m);
    expect(cmd).toMatch(/^if defined HRSS_CREDIT_LAUNCH goto hrss_node\r$/m);
  });

  it('README.txt is Chinese; the notices hold the licence of every bundled package', () => {
    const readme = entries.find((e) => e.name.endsWith('README.txt'))?.data.toString('utf8') ?? '';
    expect(readme).toContain('命令提示符');
    expect(readme).toContain(`${NAME}`);
    expect(readme).toContain('使用手册.html');
    expect(readme).toContain('拖到 hrss-credit.cmd');
    expect(readme).toContain(`${NAME}-win-x64.zip`);
    // Every command a clerk uses (使用手册's year) is named in README.txt.
    for (const c of [
      'template --all',
      'validate',
      'status',
      'compile',
      'verify',
      'export',
      'publish',
      'diff',
      'register list',
      'register show',
      'register verify',
      'register import',
      'register note',
      'objection add',
      'objection list',
      'objection resolve',
      'objection letter',
      'supervise',
      'report',
      'calendar',
      'measures',
      'rules',
      '--help',
      '--version',
    ]) {
      expect(readme, c).toContain(`hrss-credit ${c}`);
    }
    const manual = entries.find((e) => e.name.endsWith('使用手册.html'))?.data.toString('utf8') ?? '';
    expect(manual).toMatch(/^<!DOCTYPE html>/);
    expect(manual).toContain('<meta charset="utf-8">');
    expect(manual).toContain('<h1>信用红黑名单报送工具 使用手册</h1>');
    expect(manual).toContain('<table>');
    expect(manual).not.toMatch(/<script|<link|src="http/);
    const notices = entries.find((e) => e.name.endsWith('THIRD-PARTY-NOTICES.txt'))?.data.toString('utf8') ?? '';
    for (const dep of Object.keys(
      (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies,
    )) {
      const v = (JSON.parse(readFileSync(join(ROOT, 'node_modules', dep, 'package.json'), 'utf8')) as { version: string }).version;
      expect(notices, dep).toContain(`\r\n${dep}@${v}  (`);
    }
    expect(notices).toContain('Permission is hereby granted');
  });
});

describe('the unzipped release, with no node_modules above it', () => {
  it('has no node_modules in any folder above it', () => {
    for (let d = home; dirname(d) !== d; d = dirname(d)) expect(existsSync(join(d, 'node_modules')), d).toBe(false);
  });

  it('--help reads none of lib/ (each package there is read when a command first needs it); validate does', () => {
    // The bundle alone in a folder: a package required at start-up would fail here.
    const alone = join(tmp, 'alone');
    mkdirSync(alone, { recursive: true });
    cpSync(tool, join(alone, 'hrss-credit.mjs'));
    const help = run(process.execPath, [join(alone, 'hrss-credit.mjs'), '--help'], tmp);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('hrss-credit');
    expect(help.stderr).toBe('');
    const list = join(EXAMPLE, 'submissions', '2026Q3', '就业办', '劳务派遣红黑名单.xlsx');
    const without = run(process.execPath, [join(alone, 'hrss-credit.mjs'), 'validate', list, '--format', 'json'], tmp);
    expect(without.code).toBe(2);
    expect(`${without.stdout}${without.stderr}`).toMatch(/lib[\\/]/);
    expect(bundled(['validate', list, '--format', 'json', '--today', TODAY], tmp).code).not.toBe(2);
  });

  it('--version, through the POSIX launcher too', () => {
    expect(bundled(['--version'], tmp)).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(run(join(home, 'hrss-credit'), ['--version'], tmp)).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('the POSIX launcher works through a symlink (relative and absolute), and says in Chinese when no Node is found', () => {
    const links = join(tmp, 'links', 'bin');
    mkdirSync(links, { recursive: true });
    symlinkSync(join(home, 'hrss-credit'), join(links, 'hrss-credit'));
    symlinkSync(join('..', '..', 'usb', NAME, 'hrss-credit'), join(links, 'hc-relative'));
    symlinkSync(join(links, 'hc-relative'), join(links, 'hc-chain'));
    for (const l of ['hrss-credit', 'hc-relative', 'hc-chain'])
      expect(run(join(links, l), ['--version'], tmp), l).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const r = spawnSync('/bin/sh', [join(home, 'hrss-credit'), '--version'], { cwd: tmp, encoding: 'utf8', env: { PATH: '/nonexistent' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('找不到 Node.js（需要 20 或更高版本）');
  });

  it.runIf(HAVE_OLD_NODE)('under a real Node 18 the bundle refuses first: exit 2, in Chinese', () => {
    const r = run(OLD_NODE, [tool, 'compile', '2026Q3', '-w', EXAMPLE], tmp);
    expect(r).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^需要 Node\.js 20 或更高版本（当前 v18\.20\.8）。/) });
    expect(run(OLD_NODE, [tool, '--lang', 'en', '--version'], tmp).stderr).toMatch(
      /^Node\.js 20 or later is needed \(this is v18\.20\.8\)/,
    );
  });

  it('output to a pipe that closes early ends quietly (the bundle gave process.stdout to run() unguarded: an EPIPE stack)', async () => {
    // More than a pipe's 64 KB buffer, so the writer is still writing when the reader goes away.
    const dir = join(tmp, 'many-findings', '2026Q3', '就业办');
    mkdirSync(dir, { recursive: true });
    const rows = Array.from({ length: 300 }, (_, i) => `就业,法人,公司${i},,张三${i},事由,依据,2026-13-01`);
    writeFileSync(
      join(dir, '红名单.csv'),
      ['领域,主体类别,主体名称,统一社会信用代码,法定代表人,列入事由,认定依据,认定日期', ...rows].join('\r\n'),
    );
    for (let i = 0; i < 3; i++) {
      const child = spawn(process.execPath, [tool, 'validate', dir, '--format', 'json', '--today', '2026-10-15'], {
        cwd: tmp,
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      let bytes = 0;
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.once('data', (d: Buffer) => {
        bytes = d.length;
        child.stdout.destroy();
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      expect(bytes).toBeGreaterThan(0);
      expect(stderr).toBe('');
      expect(code).toBe(1); // the findings' exit code, not a crash's
    }
  });

  it("page: the bundle writes the installed tool's self-check page byte for byte (its bundles from page/), and the release holds it for the example workspace", () => {
    const args = ['page', '-w', EXAMPLE, '--format', 'json'];
    const a = join(tmp, 'page-bundle');
    const b = join(tmp, 'page-installed');
    mkdirSync(a, { recursive: true });
    mkdirSync(b, { recursive: true });
    expect(bundled(args, a, EPOCH).code).toBe(0);
    expect(installed(args, b, EPOCH).code).toBe(0);
    const page = readFileSync(join(a, '科室自查.html'));
    expect(page.equals(readFileSync(join(b, '科室自查.html')))).toBe(true);
    expect(readFileSync(join(home, '科室自查-示例工作区.html')).equals(page)).toBe(true);
    expect(page.length).toBeLessThan(5 * 1024 * 1024);
  });

  it('a table on the terminal: the bundle requires lib/cli-table3.cjs when it draws the first one, as the installed tool draws it', () => {
    for (const args of [
      ['matrix', '-w', EXAMPLE],
      ['rules', 'SHEET_HIDDEN', '--lang', 'en'],
    ]) {
      const a = bundled(args, tmp);
      expect(a.code, args.join(' ')).toBe(0);
      expect(a.stdout).toMatch(/┌─/);
      expect(a.stdout, args.join(' ')).toBe(installed(args, tmp).stdout);
    }
  });

  it("compile: the package equals the installed tool's, byte for byte; verify passes", () => {
    const a = join(tmp, 'ws-bundle');
    const b = join(tmp, 'ws-installed');
    cpSync(EXAMPLE, a, { recursive: true });
    cpSync(EXAMPLE, b, { recursive: true });
    const args = ['compile', '2026Q3', '--today', TODAY, '--zip', '--format', 'json'];
    const ra = bundled([...args, '-w', a], tmp, EPOCH);
    const rb = installed([...args, '-w', b], tmp, EPOCH);
    expect(ra.code).toBe(0);
    expect(rb.code).toBe(0);
    const files = listFiles(join(a, 'packages'));
    expect(files).toEqual(listFiles(join(b, 'packages')));
    expect(files).toContain('2026Q3.zip');
    for (const f of files) expect(readFileSync(join(a, 'packages', f)).equals(readFileSync(join(b, 'packages', f))), f).toBe(true);
    expect(bundled(['verify', join(a, 'packages', '2026Q3')], tmp).code).toBe(0);
    writeFileSync(join(a, 'packages', '2026Q3', 'records.json'), '[]');
    expect(bundled(['verify', join(a, 'packages', '2026Q3')], tmp).code).toBe(1);
  });

  it("compile's 共享 workbook on the bundle's own thread (release-entry.mjs's dispatch): none given up under --debug, the same bytes", () => {
    const a = join(tmp, 'ws-bundle-thread');
    const b = join(tmp, 'ws-installed-thread');
    cpSync(EXAMPLE, a, { recursive: true });
    cpSync(EXAMPLE, b, { recursive: true });
    const args = ['compile', '2026Q3', '--today', TODAY, '--format', 'json'];
    // A thread the bundle did not dispatch ends without its workbook: io/threads.ts says so under --debug.
    const ra = bundled([...args, '-w', a, '--debug'], tmp, { ...EPOCH, HRSS_CREDIT_WORKBOOK_THREAD: 'on' });
    const rb = installed([...args, '-w', b], tmp, { ...EPOCH, HRSS_CREDIT_WORKBOOK_THREAD: 'off' });
    expect(ra.code).toBe(0);
    expect(rb.code).toBe(0);
    expect(ra.stderr).not.toContain('[debug]');
    const files = listFiles(join(a, 'packages'));
    expect(files).toEqual(listFiles(join(b, 'packages')));
    for (const f of files) expect(readFileSync(join(a, 'packages', f)).equals(readFileSync(join(b, 'packages', f))), f).toBe(true);
  });

  it("register list --xlsx's sheet pieces on the bundle's own thread (release-entry.mjs's dispatch): none given up, the same cells", () => {
    const ws = join(tmp, 'ws-ledger-thread');
    cpSync(EXAMPLE, ws, { recursive: true });
    expect(installed(['compile', '2026Q3', '--today', TODAY, '-w', ws], tmp, EPOCH).code).toBe(0);
    expect(installed(['publish', '2026Q3', '--on', TODAY, '-w', ws], tmp, EPOCH).code).toBe(0);
    const list = ['register', 'list', '--status', 'all', '--today', TODAY, '-w', ws];
    // A thread the bundle did not dispatch ends without its pieces: io/threads.ts says so under --debug.
    const ra = bundled([...list, '--xlsx', join(tmp, 'bundle-ledger.xlsx'), '--debug'], tmp, { ...EPOCH, HRSS_CREDIT_LEDGER_THREAD: 'on' });
    const rb = installed([...list, '--xlsx', join(tmp, 'installed-ledger.xlsx')], tmp, { ...EPOCH, HRSS_CREDIT_LEDGER_THREAD: 'off' });
    expect(ra.code).toBe(0);
    expect(rb.code).toBe(0);
    expect(ra.stderr).not.toContain('[debug]');
    const cells = (f: string): string[] => {
      const unzip = spawnSync('unzip', ['-p', join(tmp, f), 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml'], { encoding: 'utf8' });
      expect(unzip.status).toBe(0);
      return [unzip.stdout];
    };
    expect(cells('bundle-ledger.xlsx')).toEqual(cells('installed-ledger.xlsx'));
    // Pieces, not the one stream: the files differ in their deflated bytes alone.
    expect(readFileSync(join(tmp, 'bundle-ledger.xlsx')).equals(readFileSync(join(tmp, 'installed-ledger.xlsx')))).toBe(false);
  });

  it('validate: the same findings and exit code as the installed tool, through the launcher with a Chinese path with a space', () => {
    const ws = join(tmp, '信用 红黑名单');
    cpSync(EXAMPLE, ws, { recursive: true });
    const csv = join(ws, 'submissions', '2026Q3', '劳动关系科', '劳动关系科信用红黑名单.csv');
    const text = iconv.decode(readFileSync(csv), 'gb18030').replace('91410704MA47KD2X8H', '91410704MA47KD2X8J');
    writeFileSync(csv, iconv.encode(text, 'gb18030'));
    const args = ['validate', join(ws, 'submissions', '2026Q3', '劳动关系科'), '--today', TODAY, '--format', 'json'];
    const a = run(join(home, 'hrss-credit'), args, tmp);
    const b = installed(args, tmp);
    expect(a.code).toBe(1);
    expect(a).toEqual(b);
    expect(JSON.parse(a.stdout).diagnostics.map((d: { code: string }) => d.code)).toContain('SCHEMA_CREDIT_CODE_CHECKSUM');
  });

  it('calendar: the built-in working-day calendar (chinese-days data under data/) as the installed tool has it', () => {
    for (const year of ['2026', '2027']) {
      const a = bundled(['calendar', year, '--format', 'json'], tmp);
      expect(a).toEqual(installed(['calendar', year, '--format', 'json'], tmp));
    }
    expect(JSON.parse(bundled(['calendar', '2026', '--format', 'json'], tmp).stdout).calendar.covered).toBe(true);
  });

  it('objection letter: the bundle carries docx and writes the same .docx bytes as the installed tool', () => {
    const letters: Buffer[] = [];
    for (const [name, runner] of [
      ['ws-letter-bundle', bundled],
      ['ws-letter-installed', installed],
    ] as const) {
      const ws = join(tmp, name);
      cpSync(EXAMPLE, ws, { recursive: true });
      const env = { ...EPOCH, HRSS_CREDIT_NOW: '2026-10-15T01:30:00Z', HRSS_CREDIT_USER: '王五' };
      const w = ['-w', ws, '--today', TODAY];
      expect(runner(['compile', '2026Q3', ...w], tmp, env).code).toBe(0);
      expect(runner(['publish', '2026Q3', '--on', '2026-07-15', ...w], tmp, env).code).toBe(0);
      expect(
        runner(['objection', 'add', '--received', '2026-09-30', '--from', '甲', '--summary', '有误', '--subject', '杨文博', ...w], tmp, env)
          .code,
      ).toBe(0);
      expect(
        runner(['objection', 'resolve', 'O2026-001', '--outcome', '维持', '--opinion', '无误', '--on', '2026-10-09', ...w], tmp, env).code,
      ).toBe(0);
      const r = runner(['objection', 'letter', 'O2026-001', '--out', join(ws, 'letter.docx'), ...w], tmp, env);
      expect(r.code, r.stderr).toBe(0);
      letters.push(readFileSync(join(ws, 'letter.docx')));
    }
    expect(letters[0]!.subarray(0, 2).toString()).toBe('PK');
    expect(letters[0]!.equals(letters[1]!)).toBe(true);
    // Ten processes (compile, publish, objection add and letter, twice): 60 s was not enough at a load of 20.
  }, 180_000);

  it('a CSV large enough for the worker thread is read by the bundle, which is its own worker', () => {
    const dir = join(tmp, 'large', '2026Q3', '就业办');
    mkdirSync(dir, { recursive: true });
    const header = '领域,主体类别,主体名称,统一社会信用代码,法定代表人,列入事由,认定依据,认定日期\r\n';
    const filler = `\r\n${' '.repeat(1022)}`;
    const file = join(dir, '红名单.csv');
    writeFileSync(file, header + filler.repeat(8 * 1024 + 1));
    expect(readFileSync(file).length).toBeGreaterThanOrEqual(8 * 1024 * 1024); // csv.ts: the worker's threshold
    const args = ['validate', file, '--department', '就业办', '--quarter', '2026Q3', '--today', TODAY, '--format', 'json'];
    const a = bundled(args, tmp);
    const b = installed(args, tmp);
    expect(a).toEqual(b);
    expect(JSON.parse(a.stdout).diagnostics.map((d: { code: string }) => d.code)).not.toContain('FILE_UNREADABLE');
  });

  it('reads its built-in template from templates/ beside it; writes GB18030 CSV (iconv-lite, bundled)', () => {
    const ws = join(tmp, 'ws-export');
    cpSync(EXAMPLE, ws, { recursive: true });
    const cfg = join(ws, 'hrss-credit.config.json');
    const config = existsSync(cfg) ? (JSON.parse(readFileSync(cfg, 'utf8')) as Record<string, Record<string, unknown>>) : {};
    writeFileSync(cfg, JSON.stringify({ ...config, export: { ...config.export, csvEncoding: 'gb18030' } }));
    expect(bundled(['compile', '2026Q3', '-w', ws, '--today', TODAY], tmp).code).toBe(0);
    const csv = readFileSync(join(ws, 'packages', '2026Q3', '公示', '黑名单.csv'));
    expect(csv.includes(Buffer.from('主体名称'))).toBe(false);
    expect(iconv.decode(csv, 'gb18030')).toContain('主体名称');
    const exported = bundled(['export', join(ws, 'packages', '2026Q3'), '--to', join(tmp, 'exported'), '--format', 'json'], tmp);
    expect(exported.code).toBe(0);
    const tpl = join(home, 'templates', 'credit-office.json');
    const kept = readFileSync(tpl);
    writeFileSync(tpl, '{}');
    try {
      const r = bundled(['export', join(ws, 'packages', '2026Q3'), '--to', join(tmp, 'exported-2'), '--format', 'json'], tmp);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout).error.code).toBe('TEMPLATE_INVALID');
    } finally {
      writeFileSync(tpl, kept);
    }
  });
});
