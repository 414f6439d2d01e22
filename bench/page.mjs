// The self-check page's speed (selfcheck.md "Size and speed"): a 2,000-row workbook with findings checked
// in headless Chromium (upload to `data-state="done"`, annotated copy included) against the CLI on the
// same file (`validate --annotate --format json`: the whole process, and the run() call in-process).
// Prints the medians and a line for bench/RESULTS.md. `npm run bench:page`; needs Chromium (CHROMIUM_PATH).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { ensureFindingsXlsx } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '..');
const ROWS = Number(process.env.BENCH_PAGE_ROWS ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
if (!chromium) {
  console.error('bench/page.mjs: no Chromium (apt-get install -y chromium, or set CHROMIUM_PATH)');
  process.exit(2);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const file = await ensureFindingsXlsx(join(here, 'data'), ROWS);
const work = mkdtempSync(join(tmpdir(), 'hrss-bench-page-'));
const tool = join(ROOT, 'bin', 'hrss-credit.js');
const args = ['validate', file, '--department', '就业办', '--today', '2026-10-15', '--format', 'json'];
execFileSync(process.execPath, [tool, 'page', '--out', join(work, 'page.html'), '-q'], { cwd: work });

const { run } = await import('../dist/cli/program.js');
async function cliInProcess() {
  const out = mkdtempSync(join(work, 'a-'));
  let text = '';
  const t0 = performance.now();
  await run([...args, '--annotate', out], { stdout: { write: (s) => (text += s) }, stderr: { write: () => {} }, env: {}, cwd: work });
  const ms = performance.now() - t0;
  return { ms, findings: JSON.parse(text).diagnostics.length };
}
function cliProcess() {
  const out = mkdtempSync(join(work, 'p-'));
  const t0 = performance.now();
  try {
    execFileSync(process.execPath, [tool, ...args, '--annotate', out], { cwd: work, stdio: 'ignore' });
  } catch {
    // exit 1: the file has findings
  }
  return performance.now() - t0;
}

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const page = await browser.newPage();
await page.goto(`${pathToFileURL(join(work, 'page.html')).href}#today=2026-10-15`, { waitUntil: 'load' });
await page.select('#department', '就业办');
async function pageOnce() {
  await page.evaluate(() => {
    document.body.dataset.state = 'sent';
  });
  const input = await page.$('#file');
  const t0 = performance.now();
  await input.uploadFile(file);
  await page.waitForFunction(() => document.body.dataset.state === 'done', { polling: 5, timeout: 120_000 });
  const ms = performance.now() - t0;
  const findings = await page.evaluate(() => JSON.parse(document.getElementById('report-json').textContent).diagnostics.length);
  return { ms, findings };
}

await pageOnce(); // warm: the worker's bundle compiled once, as for a clerk's second file
await cliInProcess();
const p = [];
const c = [];
const w = [];
for (let i = 0; i < RUNS; i++) {
  const a = await pageOnce();
  const b = await cliInProcess();
  if (a.findings !== b.findings) throw new Error(`page ${a.findings} findings, CLI ${b.findings}`);
  p.push(a.ms);
  c.push(b.ms);
  w.push(cliProcess());
}
await browser.close();
rmSync(work, { recursive: true, force: true });
const [pm, cm, wm] = [median(p), median(c), median(w)];
console.log(
  `| ${ROWS.toLocaleString('en-US')}-row xlsx with findings, page vs CLI | page ${(pm / 1000).toFixed(2)} s | CLI run() ${(cm / 1000).toFixed(2)} s · process ${(wm / 1000).toFixed(2)} s | page/CLI ${(pm / cm).toFixed(2)} (run()) · ${(pm / wm).toFixed(2)} (process) |`,
);
