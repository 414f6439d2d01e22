// The leaders' page as people read it (people.md "Documents people sign and read"): counts with
// thousands separators (the data attributes keep the plain number), batches as 2026年第三季度,
// objections resolved late counted (逾期办结), and one resolved as 更正 still awaiting its corrected
// row shown as 待更正, not 已办结. Rendered from a model, read back as text.
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../dist/reporters/html.js';
import { messagesFor } from '../../dist/messages/index.js';
import type { ReportModel } from '../../dist/api/reports/report-page.js';

const objection = (
  number: string,
  o: { status: 'open' | 'resolved'; late?: boolean; overdue?: boolean; awaitingCorrection?: boolean },
) => ({
  number,
  department: '就业办',
  subjectName: '新乡市示例有限公司',
  identifier: '91410700MA3X7K2P20',
  received: '2026-10-09',
  deadline: '2026-10-14',
  status: o.status,
  late: o.late ?? false,
  overdue: o.overdue ?? false,
  awaitingCorrection: o.awaitingCorrection ?? false,
});

const figures = (red: number, black: number) => ({
  rows: red + black,
  red,
  black,
  unchanged: 0,
  corrected: 0,
  removals: { violation: 0, early: 0, revoked: 0, corrected: 0, expired: 0 },
});

const model: ReportModel = {
  kind: 'year',
  target: '2026',
  bureau: '新乡市人力资源和社会保障局',
  madeOn: '2026-12-31',
  source: 'package',
  totals: figures(12345, 1000),
  timeliness: { unit: 'department-batch', onTime: 0, late: 0, missing: 0, noDate: 0 },
  departments: [{ department: '就业办', ...figures(12345, 1000) }],
  quarters: [{ batch: '2026Q3', source: 'package', due: true, ...figures(12345, 1000) }],
  byDomain: [],
  rows: [],
  findings: [],
  removals: [],
  objections: [
    objection('O2026-001', { status: 'resolved', late: true }),
    objection('O2026-002', { status: 'resolved', awaitingCorrection: true }),
    objection('O2026-003', { status: 'resolved' }),
    objection('O2026-004', { status: 'open', overdue: true }),
  ],
  registerKnown: true,
};

const html = renderReportHtml(model, messagesFor('zh-CN'));
const cells = (attr: string): string[] =>
  [...html.matchAll(new RegExp(`<tr ${attr}[^>]*>([\\s\\S]*?)</tr>`, 'g'))].flatMap((m) =>
    [...(m[1] ?? '').matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1] as string),
  );

describe("the report's wording", () => {
  it('figures and table counts with thousands separators; data-value plain', () => {
    expect(html).toMatch(/<div class="fig red" id="fig-red" data-value="12345"><div class="n">12,345<\/div>/);
    expect(html).toMatch(/id="fig-total" data-value="13345"><div class="n">13,345</);
    expect(cells('data-department="就业办"')).toEqual(['就业办', '12,345', '1,000', '13,345']);
    expect(html).toContain('>12,345</text>');
  });

  it('batches as 2026年第三季度 in tables, the quarter alone under the trend bars; data-batch keeps 2026Q3', () => {
    expect(cells('data-batch="2026Q3"')[0]).toBe('2026年第三季度');
    expect(html).toContain('>第三季度</text>');
    expect(html).not.toMatch(/>[^<]*2026Q3[^<]*</);
  });

  it('counts objections resolved late, and shows 待更正 for one awaiting its correction', () => {
    expect(html).toMatch(/id="fig-objections-late" data-value="1"><div class="n">1<\/div><div class="l">异议逾期办结</);
    const rows = [...html.matchAll(/<tr><td data-label="编号">(O2026-\d+)<\/td>[\s\S]*?<td data-label="[^"]*">([^<]*)<\/td><\/tr>/g)].map(
      (m) => [m[1], m[2]],
    );
    expect(rows).toEqual([
      ['O2026-001', '已办结 逾期办结'],
      ['O2026-002', '待更正'],
      ['O2026-003', '已办结'],
      ['O2026-004', '办理中 已超期'],
    ]);
  });

  // Seen: the column of 已办结 / 办理中 was headed 报送状态 (a submission's state) — a new user's trial.
  it("heads the objections' state column 办理状态 (Handling in English), not 报送状态", () => {
    const section = (page: string) =>
      page.slice(page.indexOf('<section id="objections">'), page.indexOf('</section>', page.indexOf('<section id="objections">')));
    const zh = section(html);
    expect(zh).toContain('<th>办理状态</th>');
    expect(zh).toContain('<td data-label="办理状态">办理中 已超期</td>');
    expect(zh).not.toContain('报送状态');
    const en = section(renderReportHtml(model, messagesFor('en')));
    expect(en).toContain('<th>Handling</th>');
  });
});
