#!/usr/bin/env node
// npm run bench -- register (or BENCH_ONLY=register): a generated register of BENCH_REGISTER_RECORDS records
// (default 100,000, a city) published over 40 batches (2016Q3…2026Q2), in a copy of the example workspace.
// Measures `register list`, `diff` of the last two batches, `publish` of the compiled 2026Q3 package, and
// compile with the register against compile without it (the register checks). Wall time and peak RSS
// from /usr/bin/time (median of BENCH_RUNS runs). BENCH_REGISTER_RECORDS=1000000 for a province.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dist = (p) => import(join(root, 'dist', p));
const { sealEvent, eventLine } = await dist('register/chain.js');
const { recordIdentity } = await dist('domain/identity.js');
const { makeCreditCode } = await dist('domain/credit-code.js');

const N = Number(process.env.BENCH_REGISTER_RECORDS ?? 100_000);
const BATCHES = 40;
const runs = Number(process.env.BENCH_RUNS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function body8(i) {
  let s = '';
  for (let k = 0; k < 8; k++) {
    s = CHARS[i % 31] + s;
    i = Math.floor(i / 31);
  }
  return s;
}
const departments = ['就业办', '劳动关系科', '市社保中心', '市劳动保障监察支队', '就业局', '创业担保中心', '考试中心'];
const domains = ['劳务派遣', '劳动合同', '社会保险', '拖欠工资', '就业', '小额贷款', '招录考试'];

/** Writes the register: batch b (0…39) is quarter 2016Q1 + b, published 15 days after its quarter. */
async function generate(ws) {
  mkdirSync(join(ws, 'register'), { recursive: true });
  const out = createWriteStream(join(ws, 'register', 'events.jsonl'));
  const write = (line) => (out.write(line) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  let head = null;
  const per = Math.ceil(N / BATCHES);
  /** Records published and not yet listed as expired, with their 公示截止日期. */
  const pending = new Map();
  for (let b = 0; b < BATCHES; b++) {
    const k = b + 2; // 2016Q3 … 2026Q2: the register is up to date when 2026Q3 is compiled
    const year = 2016 + Math.floor(k / 4);
    const q = (k % 4) + 1;
    const batch = `${year}Q${q}`;
    const end = new Date(Date.UTC(year, q * 3, 0));
    const on = new Date(end.getTime() + 15 * 86400000).toISOString().slice(0, 10);
    const records = [];
    for (let i = b * per; i < Math.min(N, (b + 1) * per); i++) {
      const black = i % 3 === 0;
      const d = i % departments.length;
      const decisionDate = end.toISOString().slice(0, 10);
      // Periods of 3, 5 or 10 years: some expire before 2026Q3, some in it, most later.
      const years = [3, 5, 10][i % 3];
      const until = new Date(Date.UTC(year + years, q * 3, 0) - 86400000).toISOString().slice(0, 10);
      const r = {
        listType: black ? 'black' : 'red',
        domain: domains[d],
        listName: '',
        subjectType: '法人及非法人组织',
        subjectName: `新乡市测试${i}有限公司`,
        creditCode: makeCreditCode('91410700', body8(i + 1000)),
        legalRep: '张三',
        legalRepIdType: '',
        legalRepIdNumber: '',
        idType: '',
        idNumber: '',
        facts: '事实',
        basis: '依据',
        decisionNo: black ? `新人社罚〔${year}〕${i}号` : '',
        decisionDate,
        publishUntil: until,
        publishUntilDefaulted: false,
        severity: black ? '严重' : '',
        measures: '',
        remarks: '',
        department: departments[d],
        authority: '新乡市人力资源和社会保障局',
        quarter: batch,
        periodMonths: years * 12,
        source: { file: `submissions/${batch}/x.xlsx`, sheet: '名单', row: 3 + (i - b * per) },
      };
      records.push({ id: recordIdentity(r).id, ...r });
    }
    // As compile would have listed them: every expiry up to this quarter's end, once.
    const quarterEnd = end.toISOString().slice(0, 10);
    const removals = [];
    for (const [id, until] of pending) {
      if (until > quarterEnd) continue;
      removals.push({ id, type: 'expired', on: until, reason: '', department: '' });
      pending.delete(id);
    }
    for (const r of records) pending.set(r.id, r.publishUntil);
    const event = sealEvent(
      { type: 'publish', batch, on, package: 'f'.repeat(64), records, removals, unchanged: [] },
      { at: `${on}T09:00:00+08:00`, by: 'bench', host: 'bench' },
      head,
    );
    head = event;
    await write(eventLine(event));
  }
  await new Promise((r) => out.end(r));
}

function timed(args, cwd) {
  const res = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, join(root, 'bin', 'hrss-credit.js'), ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const last = res.stderr.trim().split('\n').pop() ?? '';
  const [wall, kb] = last.split(' ').map(Number);
  return { wall, rss: Math.round(kb / 1024), code: res.status };
}

function measure(label, args, cwd, before) {
  const xs = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    xs.push(timed(args, cwd));
  }
  const m = {
    label,
    wall: median(xs.map((x) => x.wall)),
    rss: median(xs.map((x) => x.rss)),
    codes: [...new Set(xs.map((x) => x.code))].join('/'),
  };
  process.stderr.write(`  ${label}: ${m.wall.toFixed(2)} s, ${m.rss} MB, exit ${m.codes}\n`);
  return m;
}

const dir = mkdtempSync(join(tmpdir(), 'hrss-bench-register-'));
try {
  const ws = join(dir, 'ws');
  cpSync(join(root, 'fixtures', 'example-workspace'), ws, { recursive: true });
  rmSync(join(ws, 'submissions', '2026Q3', '劳动关系科', '移出申请.xlsx'));
  const t0 = Date.now();
  await generate(ws);
  process.stderr.write(`register of ${N} records over ${BATCHES} batches written in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  const today = ['--today', '2026-10-15', '-w', ws];
  const log = join(ws, 'register', 'events.jsonl');
  copyFileSync(log, `${log}.orig`);
  const restore = () => copyFileSync(`${log}.orig`, log);
  const out = [];
  const loadBefore = loadavg()[0];
  out.push(measure('hrss-credit --version (start-up)', ['--version'], dir));
  // register verify parses every line (it never uses the checkpoint) and writes register/events.jsonl.checkpoint:
  // the commands below read the log through it, as every command after the first does (the first read of a
  // register without one costs what verify does).
  out.push(measure('register verify (every line; writes the checkpoint)', ['register', 'verify', ...today], dir));
  out.push(measure('register show <one record>', ['register', 'show', '新乡市测试50000有限公司', ...today], dir));
  out.push(measure('register list (active, JSON)', ['register', 'list', '--format', 'json', ...today], dir));
  out.push(measure('diff 2026Q1 2026Q2 (JSON)', ['diff', '2026Q1', '2026Q2', '--format', 'json', ...today], dir));
  // compile without the register (moved aside), then with it: the difference is the register checks.
  const aside = join(dir, 'register-aside');
  // --dry-run: the checks alone (what register.md's "compile's register checks" measures); without it, the
  // package too, whose 移出名单 of the quarter's expiries (2,500 rows in a city) is written three times.
  spawnSync('mv', [join(ws, 'register'), aside]);
  out.push(measure('compile 2026Q3 --dry-run without a register', ['compile', '2026Q3', '--dry-run', ...today], dir));
  out.push(measure('compile 2026Q3 without a register', ['compile', '2026Q3', '--force', ...today], dir));
  spawnSync('mv', [aside, join(ws, 'register')]);
  out.push(measure('compile 2026Q3 --dry-run with the register', ['compile', '2026Q3', '--dry-run', ...today], dir));
  out.push(measure('compile 2026Q3 with the register', ['compile', '2026Q3', '--force', ...today], dir));
  out.push(measure('publish 2026Q3', ['publish', '2026Q3', ...today], dir, restore));
  const rows = out.map((m) => `| ${m.label} | ${m.wall.toFixed(2)} | ${m.rss} | ${m.codes} |`).join('\n');
  const rev = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
  const load = `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`;
  process.stdout.write(
    `\n## Register, ${N.toLocaleString('en')} records over ${BATCHES} batches\n${new Date().toISOString().slice(0, 10)}, commit ${rev}, Node ${process.version}; median of ${runs} runs (/usr/bin/time); ${load}.\n\n| command | wall s | peak RSS MB | exit |\n|---|---|---|---|\n${rows}\n`,
  );
} finally {
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  else process.stderr.write(`kept ${dir}\n`);
  void existsSync;
}
