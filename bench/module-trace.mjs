#!/usr/bin/env node
// Which modules a command loads (issue 22: a light command must not load what it does not use).
//
//   node bench/module-trace.mjs [--json] -- <hrss-credit arguments…>
//
// runs `bin/hrss-credit.js <arguments…>` in a child process with this file as its `--import`: a module
// load hook (module.register) records every ES module the process loads, and at exit the CommonJS
// modules in require's cache (exceljs, csv-parse, yauzl… are CommonJS: their own require()s never pass the
// ES hook). It prints the tool's dist/ modules and each package with how many of its files were loaded
// (`--json`: {"code","dist":[…],"packages":{name: files},"builtins":[…]}). HRSS_TRACE_FILE, when set,
// also receives the raw list (one URL or path a line): test/module-loads.test.ts reads that.
//
// Imported as `--import bench/module-trace.mjs` (HRSS_TRACE_FILE set) it is the hook itself.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';

const here = fileURLToPath(import.meta.url);
const root = join(dirname(here), '..');

/** The hook (runs on the loader's thread): each module's URL, once, as it is loaded. */
const HOOK = `
import { appendFileSync } from 'node:fs';
let file;
export function initialize(data) { file = data.file; }
export async function load(url, context, next) {
  appendFileSync(file, url + '\\n');
  return next(url, context);
}`;

/** Groups loaded URLs and paths: the tool's dist/ modules, packages by name with a file count, builtins. */
export function summarise(lines) {
  const dist = new Set();
  const packages = {};
  const builtins = new Set();
  const seen = new Set();
  for (const raw of lines) {
    if (!raw || seen.has(raw)) continue;
    seen.add(raw);
    if (raw.startsWith('node:')) {
      builtins.add(raw.slice(5));
      continue;
    }
    const path = raw.startsWith('file:') ? fileURLToPath(raw) : raw;
    if (!path.startsWith(sep) && !/^[A-Za-z]:/.test(path)) {
      builtins.add(path);
      continue;
    }
    const nm = path.lastIndexOf(`${sep}node_modules${sep}`);
    if (nm >= 0) {
      const parts = path.slice(nm + 14).split(sep);
      const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
      packages[name] = (packages[name] ?? 0) + 1;
      continue;
    }
    const d = path.indexOf(`${sep}dist${sep}`);
    if (d >= 0)
      dist.add(
        path
          .slice(d + 6)
          .split(sep)
          .join('/'),
      );
  }
  const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { dist: [...dist].sort(), packages: sorted, builtins: [...builtins].sort() };
}

if (process.env.HRSS_TRACE_FILE && process.argv[1] !== here) {
  // Loaded by --import in the traced process.
  const file = process.env.HRSS_TRACE_FILE;
  if (isMainThread) {
    register(`data:text/javascript,${encodeURIComponent(HOOK)}`, { data: { file } });
    const cache = createRequire(import.meta.url).cache;
    process.on('exit', () => {
      appendFileSync(file, `${Object.keys(cache).join('\n')}\n`);
    });
  }
} else if (process.argv[1] === here) {
  // A reader that stops early (`| head -1`) is no error.
  process.stdout.on('error', (err) => {
    if (err.code !== 'EPIPE') throw err;
  });
  const args = process.argv.slice(2);
  const json = args[0] === '--json';
  const dash = args.indexOf('--');
  const cli = dash >= 0 ? args.slice(dash + 1) : args.slice(json ? 1 : 0);
  const dir = mkdtempSync(join(tmpdir(), 'hrss-trace-'));
  const file = join(dir, 'loaded.txt');
  try {
    const r = spawnSync(process.execPath, ['--import', pathToFileURL(here).href, join(root, 'bin', 'hrss-credit.js'), ...cli], {
      env: { ...process.env, HRSS_TRACE_FILE: file },
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const s = summarise(readFileSync(file, 'utf8').split('\n'));
    if (json) process.stdout.write(`${JSON.stringify({ code: r.status, ...s })}\n`);
    else {
      const files = Object.values(s.packages).reduce((a, b) => a + b, 0);
      process.stdout.write(`exit ${r.status}; ${s.dist.length} dist modules; ${files} package files\n`);
      for (const [name, n] of Object.entries(s.packages)) process.stdout.write(`  ${name} ${n}\n`);
      if (process.env.TRACE_DIST) for (const d of s.dist) process.stdout.write(`  dist/${d}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
