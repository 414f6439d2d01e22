#!/usr/bin/env node
// npm run bench: validate against the raw parsers it stands on, on the same large generated files,
// in the same run. Prints wall time, rows per second, peak memory and ours/raw ratios as medians,
// and writes them to bench/RESULTS.md with the date and the commit.
// Environment: BENCH_CSV_ROWS (1000000), BENCH_XLSX_ROWS (200000), BENCH_RUNS (3), BENCH_PEER=0 to skip tableschema-js,
// BENCH_ANNOTATE_ROWS (50000), BENCH_ONLY=annotate to run (and rewrite) only the validate --annotate section,
// BENCH_FINDINGS_ROWS (100000), BENCH_MISSING_ROWS (2000000), BENCH_ONLY=findings to run (and rewrite) only the
// "Many findings" section; BENCH_ONLY=register the register (bench/register.mjs: a city, and a province with
// BENCH_PROVINCE=1); BENCH_ONLY=reports report and supervise of a city year of packages (bench/reports.mjs).
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { ensureData, ensureFindingsData, ensureFindingsXlsx, ensureMissingData, ensureStringsFirst } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const csvRows = Number(process.env.BENCH_CSV_ROWS ?? 1_000_000);
const xlsxRows = Number(process.env.BENCH_XLSX_ROWS ?? 200_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const withPeer = process.env.BENCH_PEER !== '0';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function once(args) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const wall = Number(process.hrtime.bigint() - t0) / 1e9;
      const last = out.trim().split('\n').pop() ?? '{}';
      let info = {};
      try {
        info = JSON.parse(last);
      } catch {
        // --help and node -e 0 print no JSON
      }
      if (err.trim()) process.stderr.write(err);
      resolve({ wall, code, ...info });
    });
  });
}

/** The median of some runs of one command, with the machine's 1-minute load average before each run (median). */
function summarize(label, results, loads) {
  const m = {
    label,
    wall: median(results.map((r) => r.wall)),
    rss: median(results.map((r) => r.maxRssMb ?? 0)),
    rows: results[0].rows ?? 0,
    min: Math.min(...results.map((r) => r.wall)),
    max: Math.max(...results.map((r) => r.wall)),
    load: median(loads),
  };
  process.stderr.write(
    `  ${label}: ${m.wall.toFixed(2)} s (${m.min.toFixed(2)}–${m.max.toFixed(2)}), ${m.rss} MB, ${m.rows} rows, load ${m.load.toFixed(2)}\n`,
  );
  return m;
}

async function measure(label, args) {
  const results = [];
  const loads = [];
  for (let i = 0; i < runs; i++) {
    loads.push(os.loadavg()[0]);
    results.push(await once(args));
  }
  return summarize(label, results, loads);
}

/**
 * Several commands run in turn (A B C A B C …), so that load from elsewhere on the machine weighs on each
 * alike: their ratios hold when absolute times do not. Returns one summary per command, in order.
 */
async function interleaved(list) {
  const results = list.map(() => []);
  const loads = list.map(() => []);
  for (let i = 0; i < runs; i++)
    for (const [k, [, args]] of list.entries()) {
      loads[k].push(os.loadavg()[0]);
      results[k].push(await once(args));
    }
  return list.map(([label], k) => summarize(label, results[k], loads[k]));
}

function peerPath() {
  const dir = join(here, '.peer');
  const entry = join(dir, 'node_modules', 'tableschema', 'lib', 'index.js');
  if (!existsSync(entry)) {
    mkdirSync(dir, { recursive: true });
    process.stderr.write('installing tableschema (the JavaScript Frictionless validator) into bench/.peer …\n');
    const r = spawnSync(
      'npm',
      ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', 'tableschema@1.12.6'],
      { stdio: 'inherit' },
    );
    if (r.status !== 0) return undefined;
  }
  return entry;
}

const findingsRows = Number(process.env.BENCH_FINDINGS_ROWS ?? 100_000);
const missingRows = Number(process.env.BENCH_MISSING_ROWS ?? 2_000_000);

/** Issues 7.2 and 8.2: a finding on every row, pretty against JSON; a finding-per-row file of 2M rows. */
async function manyFindings() {
  process.stderr.write(`many findings (${findingsRows} rows with a finding each; ${missingRows} rows missing required cells) …\n`);
  const dir = join(here, 'data');
  const file = await ensureFindingsData(dir, findingsRows);
  // Interleaved, so that load from elsewhere on the machine weighs on both alike.
  const pairs = { json: [], pretty: [] };
  for (let i = 0; i < Math.max(runs, 5); i++) {
    pairs.json.push(await once([join(here, 'run.mjs'), 'findings-json', file]));
    pairs.pretty.push(await once([join(here, 'run.mjs'), 'findings-pretty', file]));
  }
  const summary = (label, rs) => {
    const m = { label, wall: median(rs.map((r) => r.wall)), rss: median(rs.map((r) => r.maxRssMb ?? 0)) };
    process.stderr.write(
      `  ${label}: ${m.wall.toFixed(2)} s (${Math.min(...rs.map((r) => r.wall)).toFixed(2)}–${Math.max(...rs.map((r) => r.wall)).toFixed(2)}), ${m.rss} MB\n`,
    );
    return m;
  };
  const json = summary('validate --format json', pairs.json);
  const pretty = summary('validate (pretty)', pairs.pretty);
  const missing = await ensureMissingData(dir, missingRows);
  const big = await measure('validate --format json', [join(here, 'run.mjs'), 'findings-json', missing]);
  const row = (m) => `| ${m.label} | ${m.wall.toFixed(2)} | ${m.rss} |`;
  let at = 'unknown';
  try {
    at = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  return [
    `## Many findings`,
    `${new Date().toISOString().slice(0, 10)}, commit ${at}; median of ${Math.max(runs, 5)} interleaved runs (100k) and of ${runs} runs (2M).`,
    '',
    `${findingsRows.toLocaleString('en-US')} rows whose ID column Excel stored as numbers: SCHEMA_ID_PRECISION_LOST on every row;`,
    'the whole report written (to memory). Targets: pretty within 1.5× JSON, peak RSS under 300 MB.',
    '',
    '| command | wall s (median) | peak RSS MB |',
    '|---|---|---|',
    row(json),
    row(pretty),
    '',
    `pretty/JSON time ${(pretty.wall / json.wall).toFixed(2)}. Then ${missingRows.toLocaleString('en-US')} rows each missing 名单类型 and 主体名称 (two findings a row), JSON:`,
    '',
    '| command | wall s (median) | peak RSS MB |',
    '|---|---|---|',
    row(big),
    '',
  ];
}

const annotateRows = Number(process.env.BENCH_ANNOTATE_ROWS ?? 50_000);

/** validate --annotate against plain validate on a workbook with findings (department.md). */
async function annotateSection() {
  process.stderr.write(`validate --annotate, ${annotateRows} rows with findings …\n`);
  const file = await ensureFindingsXlsx(join(here, 'data'), annotateRows);
  const pairs = { plain: [], annotate: [] };
  for (let i = 0; i < runs; i++) {
    pairs.plain.push(await once([join(here, 'run.mjs'), 'annotate-plain', file]));
    pairs.annotate.push(await once([join(here, 'run.mjs'), 'annotate', file]));
  }
  const summary = (label, rs) => {
    const m = { label, wall: median(rs.map((r) => r.wall)), rss: median(rs.map((r) => r.maxRssMb ?? 0)) };
    process.stderr.write(
      `  ${label}: ${m.wall.toFixed(2)} s (${Math.min(...rs.map((r) => r.wall)).toFixed(2)}–${Math.max(...rs.map((r) => r.wall)).toFixed(2)}), ${m.rss} MB\n`,
    );
    return m;
  };
  const plain = summary('validate --format json', pairs.plain);
  const annotated = summary('validate --annotate DIR --format json', pairs.annotate);
  const row = (m) => `| ${m.label} | ${m.wall.toFixed(2)} | ${m.rss} |`;
  return [
    `## validate --annotate`,
    `${new Date().toISOString().slice(0, 10)}; median of ${runs} interleaved runs.`,
    '',
    `An xlsx of ${annotateRows.toLocaleString('en-US')} rows (exceljs streaming writer, shared strings): every 25th row a credit code with a wrong`,
    'check digit, every 40th a date that does not exist, every 60th an empty 认定依据 (about 4,100 findings). The copy',
    'patches the original package (src/io/annotate/xlsx-annotate.ts). Targets: within 3× plain validate, peak RSS under 1 GB.',
    '',
    '| command | wall s (median) | peak RSS MB |',
    '|---|---|---|',
    row(plain),
    row(annotated),
    '',
    `annotate/plain time ${(annotated.wall / plain.wall).toFixed(2)}.`,
    '',
  ];
}

if (process.env.BENCH_ONLY === 'annotate') {
  // Rewrites only its own section, placed before "## Many findings" (which BENCH_ONLY=findings rewrites to the end).
  const section = (await annotateSection()).join('\n');
  const path = join(here, 'RESULTS.md');
  let old = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  const mine = old.indexOf('## validate --annotate');
  if (mine >= 0) {
    const next = old.indexOf('\n## ', mine + 1);
    old = old.slice(0, mine) + (next >= 0 ? old.slice(next + 1) : '');
  }
  const at = old.indexOf('## Many findings');
  const text = at >= 0 ? `${old.slice(0, at)}${section}\n${old.slice(at)}` : `${old.trimEnd()}\n\n${section}\n`;
  process.stdout.write(`${section}\n`);
  writeFileSync(path, text);
  process.exit(0);
}

/** The register sections (bench/register.mjs) close RESULTS.md: kept when the other sections are rewritten. */
function registerTail() {
  const path = join(here, 'RESULTS.md');
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const at = old.indexOf('\n## Register');
  return at >= 0 ? old.slice(at) : '';
}

if (process.env.BENCH_ONLY === 'register') {
  // A city (10⁵ records), and a province (10⁶) when BENCH_PROVINCE=1.
  const sizes = [100_000, ...(process.env.BENCH_PROVINCE === '1' ? [1_000_000] : [])];
  let section = '';
  for (const n of sizes) {
    const res = spawnSync(process.execPath, [join(here, 'register.mjs')], {
      cwd: root,
      env: { ...process.env, BENCH_REGISTER_RECORDS: String(n) },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 26,
    });
    section += res.stdout;
  }
  const path = join(here, 'RESULTS.md');
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  const at = old.indexOf('\n## Register');
  const text = `${(at >= 0 ? old.slice(0, at) : old).trimEnd()}\n${section}`;
  process.stdout.write(section);
  writeFileSync(path, text);
  process.exit(0);
}

if (process.env.BENCH_ONLY === 'reports') {
  // report 2026 and supervise 2026 of a city year (bench/reports.mjs); its section replaces the one before.
  const res = spawnSync(process.execPath, [join(here, 'reports.mjs')], {
    cwd: root,
    env: process.env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 26,
  });
  if (res.status !== 0) process.exit(res.status ?? 1);
  const section = res.stdout.trim();
  const path = join(here, 'RESULTS.md');
  let old = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  // A heading of its own level only: indexOf('## Reports') also met '### Reports of a city year' and cut that
  // heading in two, leaving its '#' on the next one.
  const mine = old.search(/^## Reports of a city year/m);
  if (mine >= 0) {
    const next = old.indexOf('\n## ', mine + 1);
    old = old.slice(0, mine) + (next >= 0 ? old.slice(next + 1) : '');
  }
  const at = old.search(/^## Register/m);
  const text = at >= 0 ? `${old.slice(0, at)}${section}\n\n${old.slice(at)}` : `${old.trimEnd()}\n\n${section}\n`;
  process.stdout.write(`${section}\n`);
  writeFileSync(path, text);
  process.exit(0);
}

if (process.env.BENCH_ONLY === 'findings') {
  const section = (await manyFindings()).join('\n');
  const path = join(here, 'RESULTS.md');
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  const at = old.indexOf('## Many findings');
  const text = `${at >= 0 ? old.slice(0, at) : `${old.trimEnd()}\n\n`}${section}${registerTail()}`;
  process.stdout.write(`${section}\n`);
  writeFileSync(path, text);
  process.exit(0);
}

process.stderr.write(`generating inputs (${csvRows} CSV rows, ${xlsxRows} xlsx rows) …\n`);
const files = await ensureData(join(here, 'data'), { csvRows, xlsxRows });
const task = (name, file) => [join(here, 'run.mjs'), name, file];
const _rows = [];
const ratio = (a, b) => (a / b).toFixed(2);

process.stderr.write('CSV, UTF-8\n');
const [csvRaw, csvPapa, csvOurs] = await interleaved([
  ['csv-parse stream (raw)', task('csv-raw', files.csvUtf8)],
  ['papaparse stream (raw, for comparison)', task('csv-papaparse', files.csvUtf8)],
  ['hrss-credit validate', task('validate', files.csvUtf8)],
]);
let peer;
if (withPeer) {
  const p = peerPath();
  if (p) {
    process.env.TABLESCHEMA_PATH = p;
    peer = await measure('tableschema-js (peer)', task('tableschema', files.csvUtf8));
  }
}
process.stderr.write('CSV, GB18030\n');
const [gbRaw, gbDecoded, gbOurs] = await interleaved([
  ['csv-parse stream (raw, bytes undecoded)', task('csv-raw', files.csvGb)],
  ['TextDecoder(gb18030) + csv-parse stream (raw, decoded)', task('csv-raw-decoded', files.csvGb)],
  ['hrss-credit validate', task('validate', files.csvGb)],
]);
process.stderr.write('xlsx\n');
// exceljs has two modes, chosen by the file: a sheet stored before xl/sharedStrings.xml (as exceljs itself
// writes) is copied to a temporary file and parsed after; shared strings first, the sheet is streamed.
const stringsFirst = await ensureStringsFirst(files.xlsx);
const [xDecode, xStack, xRaw, xRawFirst, xOurs] = await interleaved([
  ['decode floor: yauzl + TextDecoder, nothing parsed', task('xlsx-decode', files.xlsx)],
  ['raw stack: yauzl + TextDecoder + saxes counting rows', task('xlsx-stack', files.xlsx)],
  ['exceljs WorkbookReader, the file as written (sheet first: temporary file)', task('xlsx-raw', files.xlsx)],
  ['exceljs WorkbookReader, shared strings first (streamed)', task('xlsx-raw', stringsFirst)],
  ['hrss-credit validate', task('validate', files.xlsx)],
]);
xDecode.rows = 0;
process.stderr.write('start-up\n');
const bare = await measure('node -e 0', ['-e', '0']);
const help = await measure('hrss-credit --help', [join(root, 'bin', 'hrss-credit.js'), '--help']);
process.stderr.write('compile the example workspace\n');
const outDir = join(os.tmpdir(), `hrss-bench-${process.pid}`);
const compileTimes = [];
for (let i = 0; i < runs; i++) {
  const r = await once([
    join(root, 'bin', 'hrss-credit.js'),
    'compile',
    '2026Q3',
    '-w',
    join(root, 'fixtures', 'example-workspace'),
    '--today',
    '2026-10-15',
    '--out',
    `${outDir}-${i}`,
  ]);
  compileTimes.push(r.wall);
}
const compileWall = median(compileTimes);
const annotateLines = await annotateSection();
const findingsSection = await manyFindings();

const fmt = (m, base) =>
  `| ${m.label} | ${m.wall.toFixed(2)} | ${m.rows ? Math.round(m.rows / m.wall).toLocaleString('en-US') : '—'} | ${m.rss || '—'} | ${base ? ratio(m.wall, base.wall) : '—'} | ${base && m.rss && base.rss ? ratio(m.rss, base.rss) : '—'} | ${m.load.toFixed(2)} |`;
const head =
  '| command | wall s (median) | rows/s | peak RSS MB | time ours/raw | RSS ours/raw | load (1 min, median) |\n|---|---|---|---|---|---|---|';
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const lines = [
  `# Benchmark results`,
  '',
  `${new Date().toISOString().slice(0, 10)}, commit ${commit}, Node ${process.version}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; ${runs} runs each, median.`,
  '',
  `## CSV, ${csvRows.toLocaleString('en-US')} rows, UTF-8`,
  head,
  fmt(csvRaw),
  fmt(csvPapa),
  fmt(csvOurs, csvRaw),
  ...(peer
    ? [
        fmt(peer),
        '',
        `validate is ${ratio(peer.wall, csvOurs.wall)}× faster than tableschema-js (target ≥ 5×); ours/raw ${ratio(csvOurs.wall, csvRaw.wall)} (target ≤ 1.5).`,
      ]
    : ['', `ours/raw ${ratio(csvOurs.wall, csvRaw.wall)} (target ≤ 1.5).`]),
  '',
  `papaparse/csv-parse time ${ratio(csvPapa.wall, csvRaw.wall)}: the card names csv-parse, which stays (bench/README.md).`,
  '',
  `## CSV, ${csvRows.toLocaleString('en-US')} rows, GB18030`,
  head,
  fmt(gbRaw),
  fmt(gbDecoded),
  fmt(gbOurs, gbRaw),
  '',
  `ours/raw ${ratio(gbOurs.wall, gbRaw.wall)} against csv-parse on the undecoded bytes (which yields U+FFFD for every Chinese character), ${ratio(gbOurs.wall, gbDecoded.wall)} against the decoded stream.`,
  '',
  `## xlsx, ${xlsxRows.toLocaleString('en-US')} rows (shared strings, written by exceljs)`,
  head,
  fmt(xDecode),
  fmt(xStack),
  fmt(xRaw),
  fmt(xRawFirst),
  fmt(xOurs, xStack),
  '',
  `ours/raw stack time ${ratio(xOurs.wall, xStack.wall)} (target ≤ 1.5), RSS ${ratio(xOurs.rss, xStack.rss)}; ours/exceljs time ${ratio(xOurs.wall, xRaw.wall)} and ${ratio(xOurs.wall, xRawFirst.wall)}, RSS ${ratio(xOurs.rss, xRaw.rss)} and ${ratio(xOurs.rss, xRawFirst.rss)} (its two modes).`,
  '',
  '## Start-up and compile',
  '| command | wall s (median) |',
  '|---|---|',
  `| node -e 0 | ${bare.wall.toFixed(3)} (load ${bare.load.toFixed(2)}) |`,
  `| hrss-credit --help | ${help.wall.toFixed(3)} (${ratio(help.wall, bare.wall)}× bare node; target ≤ 2.5×) |`,
  `| hrss-credit compile 2026Q3 (example workspace) | ${compileWall.toFixed(3)} (target < 1 s) |`,
  '',
  ...annotateLines,
  ...findingsSection,
];
const text = lines.join('\n') + registerTail();
process.stdout.write(`${text}\n`);
writeFileSync(join(here, 'RESULTS.md'), text);
