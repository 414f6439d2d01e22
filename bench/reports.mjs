#!/usr/bin/env node
// npm run bench -- reports (or BENCH_ONLY=reports): a city year of packages — BENCH_REPORT_RECORDS records
// (default 80,000) sent by 就业办 over 2026Q1…Q4 (a tenth of each quarter resends the quarter before), each
// quarter compiled by the tool itself — then `report 2026` and `supervise 2026` (JSON) timed as whole
// processes: with the packages as compile writes them now (summary.json), and with summary.json taken out
// of every package, which is how a package written before issue 22 is read (records.json and report.json).
// Wall time and peak RSS from /usr/bin/time, median of BENCH_RUNS runs, the two kinds interleaved; the load
// average is recorded with each series. After `npm run build`.
import { spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HEADER, row } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const { daysToIso, isoToDays } = await import(join(root, 'dist', 'domain', 'dates.js'));

const N = Number(process.env.BENCH_REPORT_RECORDS ?? 80_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const P = Math.ceil(N / 4);

function csvLine(r) {
  return `${r.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')}\r\n`;
}

/** Quarter q (0…3) of 2026: rows P·q − P/10 … P·(q+1) − 1, each dated in the quarter of its first sending. */
async function writeQuarter(ws, q) {
  const dir = join(ws, 'submissions', `2026Q${q + 1}`, '就业办');
  mkdirSync(dir, { recursive: true });
  const out = createWriteStream(join(dir, '劳务派遣红黑名单.csv'));
  out.write(csvLine(HEADER));
  let buf = '';
  let n = 0;
  for (let i = Math.max(0, P * q - P / 10); i < Math.min(N, P * (q + 1)); i++) {
    const r = row(i);
    const first = Math.floor(i / P);
    const start = isoToDays(`2026-${String(first * 3 + 1).padStart(2, '0')}-01`);
    r[0] = String(++n);
    r[12] = daysToIso(start + (i % 80));
    r[13] = daysToIso(start + (i % 80) + 365 * 3 - 1);
    buf += csvLine(r);
    if (buf.length > 1 << 20) {
      out.write(buf);
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
  // The 报送单 (cover.md) as a CSV of label, value lines: sent on time, reviewed and approved.
  const due = `2026-${String(q * 3 + 4).padStart(2, '0')}-05`.replace('2026-13', '2027-01');
  // The case files a black list needs (evidence.md): the example's.
  cpSync(join(root, 'fixtures', 'example-workspace', 'submissions', '2026Q3', '就业办', '附件'), join(dir, '附件'), { recursive: true });
  const season = ['一', '二', '三', '四'][q];
  writeFileSync(
    join(dir, '报送单.csv'),
    `\ufeff${['信用红黑名单报送单', '项目,内容', '报送单位,就业办', `报送季度,2026年第${season}季度`, '填报人,王伟', '联系电话,0373-3000000', '审核人（分管领导）,李娜', `审核日期,${due}`, '审定人（主要领导）,张强', `审定日期,${due}`, `报送日期,${due}`, ''].join('\r\n')}`,
  );
}

function hrss(args, cwd) {
  return spawnSync(process.execPath, [join(root, 'bin', 'hrss-credit.js'), ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
}

function timed(args, cwd) {
  const res = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, join(root, 'bin', 'hrss-credit.js'), ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const last = res.stderr.trim().split('\n').pop() ?? '';
  const [wall, kb] = last.split(' ').map(Number);
  return { wall, rss: Math.round(kb / 1024), code: res.status, stdout: res.stdout };
}

const dir = mkdtempSync(join(tmpdir(), 'hrss-bench-reports-'));
try {
  const ws = join(dir, 'ws');
  mkdirSync(ws);
  cpSync(join(root, 'fixtures', 'example-workspace', 'hrss-credit.config.json'), join(ws, 'hrss-credit.config.json'));
  const t0 = Date.now();
  for (let q = 0; q < 4; q++) {
    await writeQuarter(ws, q);
    const res = hrss(['compile', `2026Q${q + 1}`, '--format', 'json', '--today', '2027-02-01', '-w', ws], dir);
    if (res.status !== 0) throw new Error(`compile 2026Q${q + 1} exit ${res.status}: ${res.stdout.slice(0, 2000)}${res.stderr}`);
  }
  process.stderr.write(`a year of ${N} records in 4 packages compiled in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  const pkgs = [1, 2, 3, 4].map((q) => join(ws, 'packages', `2026Q${q}`));
  const aside = (on) => {
    for (const p of pkgs) {
      if (on) renameSync(join(p, 'summary.json'), join(p, 'summary.json.aside'));
      else renameSync(join(p, 'summary.json.aside'), join(p, 'summary.json'));
    }
  };
  const commands = [
    ['report 2026 (JSON)', ['report', '2026', '--format', 'json', '--out', join(dir, 'r.html'), '--today', '2027-02-01', '-w', ws]],
    ['supervise 2026 (JSON)', ['supervise', '2026', '--format', 'json', '--today', '2027-02-01', '-w', ws]],
  ];
  const rowsOut = [];
  for (const [label, args] of commands) {
    const kinds = { summaries: [], records: [] };
    const load = [];
    const outputs = {};
    for (let i = 0; i < runs; i++) {
      load.push(loadavg()[0]);
      for (const kind of ['summaries', 'records']) {
        if (kind === 'records') aside(true);
        try {
          const t = timed(args, dir);
          kinds[kind].push(t);
          outputs[kind] = t.stdout;
        } finally {
          if (kind === 'records') aside(false);
        }
      }
    }
    // The same model either way, but for the page's path (same --out) — else the numbers would not be the same.
    const same = outputs.summaries === outputs.records;
    for (const kind of ['summaries', 'records']) {
      const xs = kinds[kind];
      const m = {
        wall: median(xs.map((x) => x.wall)),
        rss: median(xs.map((x) => x.rss)),
        codes: [...new Set(xs.map((x) => x.code))].join('/'),
      };
      process.stderr.write(`  ${label}, ${kind}: ${m.wall.toFixed(2)} s, ${m.rss} MB, exit ${m.codes}\n`);
      rowsOut.push(
        `| ${label} | ${kind === 'summaries' ? 'summary.json' : 'records.json + report.json (a package written before)'} | ${m.wall.toFixed(2)} | ${m.rss} | ${m.codes} | ${median(load).toFixed(2)} |`,
      );
    }
    if (!same) throw new Error(`${label}: the output read from summaries differs from the output read from records.json`);
  }
  const rev = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
  const bytes = (f) => pkgs.reduce((n, p) => n + readFileSync(join(p, f)).length, 0);
  process.stdout.write(
    `\n## Reports of a city year: ${N.toLocaleString('en')} records in 4 packages\n\n${new Date().toISOString().slice(0, 10)}, commit ${rev}, Node ${process.version}; median of ${runs} interleaved runs (/usr/bin/time); the 1-minute load average before each pair of runs, median. records.json of the four packages ${(bytes('records.json') / 1048576).toFixed(1)} MB, summary.json ${(bytes('summary.json') / 1048576).toFixed(1)} MB. Target (issue 22): \`report 2026\` < 0.5 s and < 150 MB.\n\n| command | read from | wall s | peak RSS MB | exit | load |\n| --- | --- | --- | --- | --- | --- |\n${rowsOut.join('\n')}\n`,
  );
} finally {
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  else process.stderr.write(`kept ${dir}\n`);
}
