// The leaders' charts are drawn to scale (issue 18: the trend chart's scale could be broken with the
// suite green). Rendered from a model, the bars' SVG geometry read back: the largest value of either
// list fills the plot, the others are in proportion, and a bar stands on the axis.
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../dist/reporters/html.js';
import { messagesFor } from '../../dist/messages/index.js';
import type { ReportModel } from '../../dist/api/reports/report-page.js';

const figures = (red: number, black: number) => ({
  rows: red + black,
  red,
  black,
  unchanged: 0,
  corrected: 0,
  removals: { violation: 0, early: 0, revoked: 0, corrected: 0, expired: 0 },
});

function yearModel(trend: { batch: string; red: number; black: number }[]): ReportModel {
  return {
    kind: 'year',
    target: '2026',
    bureau: '新乡市人力资源和社会保障局',
    madeOn: '2026-12-31',
    source: 'package',
    totals: figures(0, 0),
    timeliness: { unit: 'department-batch', onTime: 0, late: 0, missing: 0, noDate: 0 },
    departments: [{ department: '就业办', ...figures(3, 6) }],
    quarters: trend.map((t) => ({ batch: t.batch, source: 'package' as const, due: true, ...figures(t.red, t.black) })),
    byDomain: [],
    rows: [],
    findings: [],
    removals: null,
    objections: null,
    registerKnown: false,
  };
}

/** The rects of one chart (legend swatches are 12 × 12 and left out): [x, y, width, height]. */
function bars(html: string, id: string): number[][] {
  const svg = new RegExp(`<svg id="${id}"[\\s\\S]*?</svg>`).exec(html)?.[0] ?? '';
  return [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)]
    .map((m) => m.slice(1, 5).map(Number))
    .filter(([, , w, h]) => !(w === 12 && h === 12));
}

describe('chart scale', () => {
  it('trend: the largest value (black here) is the plot height, others in proportion, all on the axis', () => {
    const html = renderReportHtml(
      yearModel([
        { batch: '2026Q1', red: 4, black: 8 },
        { batch: '2026Q2', red: 2, black: 0 },
        { batch: '2026Q3', red: 1, black: 6 },
      ]),
      messagesFor('zh-CN'),
    );
    const b = bars(html, 'chart-trend');
    const heights = b.map((r) => r[3]);
    // red, black per quarter; the plot is 180 high.
    expect(heights).toEqual([90, 180, 45, 0, 22.5, 135]);
    const axis = Number(/<svg id="chart-trend"[\s\S]*?<line x1="[\d.]+" y1="([\d.]+)"/.exec(html)?.[1]);
    for (const [, y, , h] of b) expect((y as number) + (h as number)).toBe(axis);
  });

  it('trend: when red is the larger list, red fills the plot', () => {
    const b = bars(renderReportHtml(yearModel([{ batch: '2026Q1', red: 10, black: 5 }]), messagesFor('zh-CN')), 'chart-trend');
    expect(b.map((r) => r[3])).toEqual([180, 90]);
  });

  it('bars by department: the largest value fills the plot to the value labels, the other in proportion', () => {
    const html = renderReportHtml(yearModel([]), messagesFor('zh-CN'));
    const b = bars(html, 'chart-department');
    const width = Number(/<svg id="chart-department"[^>]* width="(\d+)"/.exec(html)?.[1]);
    const [red, black] = b.map((r) => r[2] as number);
    expect(red).toBe((black as number) / 2);
    // The black bar (6, the largest) ends where the value labels' room begins: within 60 px of the edge.
    expect(width - ((b[1]?.[0] as number) + (black as number))).toBeGreaterThan(20);
    expect(width - ((b[1]?.[0] as number) + (black as number))).toBeLessThan(60);
  });
});
