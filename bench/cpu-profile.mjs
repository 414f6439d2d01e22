#!/usr/bin/env node
// Where a command's CPU goes (issue 22): runs `bin/hrss-credit.js <arguments…>` under Node's own sampling
// profiler (--cpu-prof, one sample every 200 µs) and sums the samples by function and by file:
//
//   node bench/cpu-profile.mjs [--top N] [--keep DIR] -- <hrss-credit arguments…>
//
// prints the total, the top N functions by self time (name, file:line) and the top N files (the tool's dist/
// modules, each package, node's internals) by self time. A function's self time is where the samples fell,
// not what it called. (program) is the VM outside JavaScript (compiling, loading), (garbage collector) GC.
// `node bench/cpu-profile.mjs --file X.cpuprofile` summarises a profile written before.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 && i < args.indexOf('--') + (args.includes('--') ? 0 : args.length + 1) ? args[i + 1] : undefined;
};
const top = Number(opt('--top') ?? 25);
const keep = opt('--keep');

/** The file a profile node's URL names, grouped: dist/<module>, a package's name, or node's own. */
function fileOf(url) {
  if (!url) return '(native)';
  if (url.startsWith('node:')) return url;
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  const nm = path.lastIndexOf(`${sep}node_modules${sep}`);
  if (nm >= 0) {
    const parts = path.slice(nm + 14).split(sep);
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const d = path.indexOf(`${sep}dist${sep}`);
  if (d >= 0)
    return `dist/${path
      .slice(d + 6)
      .split(sep)
      .join('/')}`;
  return path;
}

function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
  const fns = new Map();
  const files = new Map();
  let total = 0;
  for (const [id, us] of self) {
    const n = byId.get(id);
    const cf = n.callFrame;
    const key = `${cf.functionName || '(anonymous)'}  ${fileOf(cf.url)}${cf.url ? `:${cf.lineNumber + 1}` : ''}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
    const f = cf.url ? fileOf(cf.url) : cf.functionName;
    files.set(f, (files.get(f) ?? 0) + us);
    total += us;
  }
  const ms = (us) => (us / 1000).toFixed(1).padStart(8);
  const rows = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `${ms(us)} ms  ${k}`)
      .join('\n');
  return `total ${ms(total).trim()} ms sampled\n\nby function (self):\n${rows(fns)}\n\nby file (self):\n${rows(files)}\n`;
}

const fileArg = opt('--file');
if (fileArg) process.stdout.write(summarise(JSON.parse(readFileSync(fileArg, 'utf8'))));
else {
  const dash = args.indexOf('--');
  const cli = dash >= 0 ? args.slice(dash + 1) : [];
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'hrss-prof-'));
  try {
    const r = spawnSync(
      process.execPath,
      ['--cpu-prof', '--cpu-prof-interval', '200', '--cpu-prof-dir', dir, join(root, 'bin', 'hrss-credit.js'), ...cli],
      { encoding: 'utf8', maxBuffer: 1 << 30 },
    );
    // The main thread's (thread id 0: CPU.<date>.<time>.<pid>.<tid>.<seq>.cpuprofile); a worker writes its own (the
    // register's early hash, the CSV reader's).
    const profiles = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
    const name = profiles.find((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f)) ?? profiles[0];
    if (!name) throw new Error(`no profile written (exit ${r.status}): ${r.stderr}`);
    process.stdout.write(`exit ${r.status}\n${summarise(JSON.parse(readFileSync(join(dir, name), 'utf8')))}`);
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
