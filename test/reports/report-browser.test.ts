// The leaders' page in a real browser (reports.md): headless Chromium from the distribution, driven by
// puppeteer-core (no browser download), with every request but the file itself aborted. Without a
// Chromium this reports itself skipped with the install command — except under CI, where .ci/run
// installs it and a skip would hide a broken page, so there it fails.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cases.js';
import { pngColours } from '../helpers/png.js';
import { EPOCH, makeTwoQuarters } from '../helpers/reports-workspace.js';

const INSTALL = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'].filter(
  (p): p is string => Boolean(p),
);
const chromium = CANDIDATES.find((p) => existsSync(p));
const ci = process.env.CI === 'true';

describe('the report in headless Chromium', () => {
  if (!chromium) {
    if (ci)
      it('Chromium is installed under CI (.ci/run installs it)', () => expect.fail(`no Chromium at ${CANDIDATES.join(', ')}: ${INSTALL}`));
    // eslint-free: a visible skip naming the command to run.
    else it.skip(`no Chromium found: install it with \`${INSTALL}\` to run the browser check`, () => {});
    return;
  }

  let ws: string;
  let browser: import('puppeteer-core').Browser;
  beforeAll(async () => {
    ws = await makeTwoQuarters('report-browser');
    const env = { SOURCE_DATE_EPOCH: EPOCH };
    expect((await runCli(['report', '2026Q3', '--today', '2026-10-20'], ws, env)).code).toBe(0);
    expect((await runCli(['report', '2026', '--out', 'year.html', '--today', '2026-10-20'], ws, env)).code).toBe(0);
    const puppeteer = (await import('puppeteer-core')).default;
    browser = await puppeteer.launch({
      executablePath: chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    if (ws) rmSync(ws, { recursive: true, force: true });
  });

  async function open(file: string, width: number, height: number) {
    const page = await browser.newPage();
    await page.setViewport({ width, height });
    const url = pathToFileURL(file).href;
    const requests: string[] = [];
    const problems: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      if (req.url() === url) void req.continue();
      else {
        requests.push(req.url());
        void req.abort();
      }
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warn') problems.push(msg.text());
    });
    page.on('pageerror', (err) => problems.push(String(err)));
    page.on('requestfailed', (req) => {
      if (req.url() !== url) problems.push(`failed ${req.url()}`);
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, requests, problems };
  }

  it('opens with no request and no console error, draws a non-blank page, prints to A4 PDF; its figures are the package counts', async () => {
    const file = join(ws, 'packages', '2026Q3', '报告.html');
    const { page, requests, problems } = await open(file, 1280, 800);
    const shot = Buffer.from(await page.screenshot({ fullPage: true, type: 'png' }));
    writeFileSync(join(ws, 'batch-1280.png'), shot);
    if (process.env.REPORT_SHOT_DIR) writeFileSync(join(process.env.REPORT_SHOT_DIR, 'batch-1280.png'), shot);
    const png = pngColours(shot);
    expect(png.width).toBe(1280);
    // Text, two bar colours, borders: a blank or unstyled page has a handful.
    expect(png.colours).toBeGreaterThan(50);

    const m = JSON.parse(readFileSync(join(ws, 'packages', '2026Q3', 'manifest.json'), 'utf8')) as {
      counts: { red: number; black: number; byDepartment: Record<string, { red: number; black: number }> };
    };
    const fig = (id: string) => page.$eval(`#${id}`, (el) => (el as HTMLElement).dataset.value ?? '');
    expect(await fig('fig-red')).toBe(String(m.counts.red));
    expect(await fig('fig-black')).toBe(String(m.counts.black));
    expect(await fig('fig-total')).toBe(String(m.counts.red + m.counts.black));
    // What a reader sees in the figure is the same number.
    expect(await page.$eval('#fig-red .n', (el) => el.textContent)).toBe(String(m.counts.red));
    const byDept = await page.$$eval('tr[data-department][data-red]', (rows) =>
      rows.map((r) => [
        (r as HTMLElement).dataset.department,
        Number((r as HTMLElement).dataset.red),
        Number((r as HTMLElement).dataset.black),
      ]),
    );
    // manifest version 2: each department's figures (truth.md); the page shows their red and black.
    expect(Object.fromEntries(byDept.map(([d, red, black]) => [d, { red, black }]))).toEqual(
      Object.fromEntries(Object.entries(m.counts.byDepartment).map(([d, c]) => [d, { red: c.red, black: c.black }])),
    );
    // The charts are drawn (SVG with bars), with the text in Chinese.
    expect(await page.$$eval('#chart-department rect', (r) => r.length)).toBeGreaterThan(8);
    expect(await page.$eval('html', (el) => el.lang)).toBe('zh-CN');

    const pdf = Buffer.from(await page.pdf({ format: 'A4', printBackground: true }));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // A4 is 595×842 points; Chromium writes each page's MediaBox uncompressed.
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((b) => [
      Math.round(Number(b[1])),
      Math.round(Number(b[2])),
    ]);
    expect(boxes.length).toBeGreaterThan(0);
    for (const b of boxes) expect(b).toEqual([596, 842]);
    await page.close();
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('at 375 px (a phone) nothing sticks out on the right, 科室 cells keep a name on one line, and every chart text shows at 11 px or more', async () => {
    for (const file of [join(ws, 'packages', '2026Q3', '报告.html'), join(ws, 'year.html')]) {
      const { page, problems } = await open(file, 375, 812);
      if (process.env.REPORT_SHOT_DIR)
        writeFileSync(
          join(process.env.REPORT_SHOT_DIR, `${file.endsWith('year.html') ? 'year' : 'batch'}-375.png`),
          Buffer.from(await page.screenshot({ fullPage: true, type: 'png' })),
        );
      const found = await page.evaluate(() => {
        const width = window.innerWidth;
        const sticking: string[] = [];
        for (const el of Array.from(document.body.querySelectorAll('*'))) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue;
          if (r.right > width + 0.5 || r.left < -0.5)
            sticking.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${Math.round(r.left)}–${Math.round(r.right)}`);
        }
        // A department's name on one line: its text's line boxes all on one row.
        const wrapped: string[] = [];
        for (const td of Array.from(document.querySelectorAll('td[data-label="科室"]'))) {
          const range = document.createRange();
          range.selectNodeContents(td);
          const tops = new Set(Array.from(range.getClientRects()).map((q) => Math.round(q.top)));
          if (tops.size > 1) wrapped.push(td.textContent ?? '');
        }
        // Chart text as drawn: its font size in SVG units times the chart's scale on the page.
        const small: string[] = [];
        let texts = 0;
        for (const svg of Array.from(document.querySelectorAll('svg.chart')) as SVGSVGElement[]) {
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          for (const t of Array.from(svg.querySelectorAll('text'))) {
            texts++;
            const px = parseFloat(getComputedStyle(t).fontSize) * scale;
            if (px < 11) small.push(`${svg.id} "${t.textContent}" ${px.toFixed(1)}px`);
          }
        }
        return {
          sticking,
          wrapped,
          small,
          texts,
          cells: document.querySelectorAll('td[data-label="科室"]').length,
          scrollWidth: document.documentElement.scrollWidth,
        };
      });
      expect(found.scrollWidth).toBeLessThanOrEqual(375);
      expect(found.sticking).toEqual([]);
      expect(found.cells).toBeGreaterThan(3);
      expect(found.wrapped).toEqual([]);
      expect(found.texts).toBeGreaterThan(10);
      expect(found.small).toEqual([]);
      await page.close();
      expect(problems).toEqual([]);
    }
  });

  it('the year page reads from 1280×800 down to a phone width without the page scrolling sideways', async () => {
    const file = join(ws, 'year.html');
    for (const [w, h] of [
      [1280, 800],
      [375, 812],
    ] as const) {
      const { page, requests, problems } = await open(file, w, h);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const shot = Buffer.from(await page.screenshot({ fullPage: true, type: 'png' }));
      if (process.env.REPORT_SHOT_DIR) writeFileSync(join(process.env.REPORT_SHOT_DIR, `year-${w}.png`), shot);
      expect(pngColours(shot).colours).toBeGreaterThan(50);
      expect(await page.$eval('tr[data-department="劳动关系科"][data-days-late]', (el) => (el as HTMLElement).dataset.daysLate)).toBe('5');
      await page.close();
      expect(requests).toEqual([]);
      expect(problems).toEqual([]);
    }
  });
});
