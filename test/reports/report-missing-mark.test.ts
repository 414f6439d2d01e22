// reporters/html.ts promised a hatched mark for a missing submission in the timeliness chart and drew
// none (issue 21): a department that sent nothing looked like one on time. Rendered from a model, the
// chart's SVG read back.
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../dist/reporters/html.js';
import { messagesFor } from '../../dist/messages/index.js';
import { rowCells } from '../../dist/reporters/supervise-view.js';
import type { ReportModel } from '../../dist/api/reports/report-page.js';

const zero = {
  rows: 0,
  red: 0,
  black: 0,
  unchanged: 0,
  corrected: 0,
  removals: { violation: 0, early: 0, revoked: 0, corrected: 0, expired: 0 },
};

type Row = ReportModel['rows'][number];
const row = (department: string, batch: string, status: Row['status'], daysLate: number | null): Row =>
  ({ department, batch, status, daysLate, sentOn: null, deadline: null, signedOff: false, warnings: 0, ...zero }) as unknown as Row;

function model(rows: Row[]): ReportModel {
  return {
    kind: 'year',
    target: '2026',
    bureau: '新乡市人力资源和社会保障局',
    madeOn: '2026-12-31',
    source: 'package',
    totals: zero,
    timeliness: { unit: 'department-batch', onTime: 0, late: 0, missing: 0, noDate: 0 },
    departments: [],
    quarters: [
      { batch: '2026Q1', source: 'package', due: true, ...zero },
      { batch: '2026Q2', source: 'package', due: true, ...zero },
    ],
    byDomain: [],
    rows,
    findings: [],
    removals: null,
    objections: null,
    registerKnown: false,
  } as ReportModel;
}

const chart = (html: string): string => /<svg id="chart-timeliness"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';

describe('the timeliness chart marks a missing submission', () => {
  it('a hatched square (the pattern, filled by it) after the bar of the department that sent nothing, and only there', () => {
    const svg = chart(
      renderReportHtml(
        model([
          row('就业办', '2026Q1', 'submitted', 3),
          row('就业办', '2026Q2', 'submitted', 0),
          row('劳动关系科', '2026Q1', 'missing', null),
          row('劳动关系科', '2026Q2', 'submitted', 0),
        ]),
        messagesFor('zh-CN'),
      ),
    );
    expect(svg).toContain('<pattern id="chart-timeliness-hatch"');
    const marks = [...svg.matchAll(/<rect class="missing" x="([\d.]+)" y="([\d.]+)"[^>]*fill="url\(#chart-timeliness-hatch\)"/g)];
    expect(marks).toHaveLength(1);
    // The second department's row (rows are 22 high, from y 4), its bar empty: the mark at the axis.
    expect(Number(marks[0]?.[2])).toBe(26);
    expect(svg).toContain('未报送 1');
  });

  it('no pattern and no mark when every department sent', () => {
    const svg = chart(
      renderReportHtml(model([row('就业办', '2026Q1', 'submitted', 3), row('就业办', '2026Q2', 'submitted', 0)]), messagesFor('zh-CN')),
    );
    expect(svg).not.toContain('<pattern');
    expect(svg).not.toContain('class="missing"');
  });

  // Seen (round 32): the year's 逾期天数 said "0" for a department that never sent a due quarter.
  it('the year table’s 逾期天数 names the quarters never sent, not "0"', () => {
    const html = renderReportHtml(
      model([
        row('就业办', '2026Q1', 'submitted', 3),
        row('就业办', '2026Q2', 'missing', null),
        row('劳动关系科', '2026Q1', 'missing', null),
        row('劳动关系科', '2026Q2', 'submitted', 0),
        row('创业担保中心', '2026Q1', 'submitted', 0),
        row('创业担保中心', '2026Q2', 'submitted', 2),
      ]),
      messagesFor('zh-CN'),
    );
    const section = /<section id="timeliness">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    const last = (d: string): string => {
      const tr = new RegExp(`<tr data-department="${d}"[\\s\\S]*?</tr>`).exec(section)?.[0] ?? '';
      return [...tr.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]).at(-1) ?? '';
    };
    expect([last('就业办'), last('劳动关系科'), last('创业担保中心')]).toEqual(['3（另有 1 个季度未报送）', '未报送 1 个季度', '2']);
  });

  it('the 督查情况表 row says the same as the report: 未报送 once due, not "—"', () => {
    const r = messagesFor('zh-CN').ui.reports;
    const none = { published: null, resubmittedUnchanged: null, removalsRequested: null, removalsAccepted: null };
    const more = { objectionsReceived: null, objectionsResolvedLate: null, objectionsOverdue: null, correctionsAwaited: null };
    const missing = { ...row('劳动关系科', '2026Q1', 'missing', null), ...none, ...more } as unknown as Parameters<typeof rowCells>[1];
    const at = r.rowColumns.indexOf('是否按时');
    expect(at).toBe(5);
    expect([rowCells(r, missing, true)[at], rowCells(r, missing, false)[at]]).toEqual(['未报送', r.notDue]);
  });
});
