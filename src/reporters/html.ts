/**
 * The leaders' page (reports.md): one self-contained HTML file — no script, no web font, no external
 * reference of any kind — with charts drawn here as inline SVG (docs/decisions.md: why not vega), each
 * followed by a table of its numbers. Pure: the same model gives the same bytes.
 */
import { objectionUi } from '../messages/objection-ui.js';
import { showText } from '../domain/privacy.js';
import type { ReportModel } from '../api/reports/report-page.js';
import type { ObjectionFact } from '../api/register/register-facts.js';
import type { Messages } from '../messages/index.js';
import type { ReportsUiText } from '../messages/reports.js';
import { registerUi } from '../messages/register-ui.js';
import { batchTitle, groupThousands } from '../domain/zh-format.js';
import { REMOVAL_TYPES, removalTotal } from '../schemas/documents/figures.js';
import { shownState, shownStateText } from './row-state.js';
import { rowTimeliness } from '../schemas/documents/timeliness-kind.js';
import { timelinessOf } from './supervise-view.js';

const RED = '#c62828';
const BLACK = '#37474f';
// Chart text in SVG units. A chart is at most CHART_W wide, so on a phone (351 px of page at 375 px) it is
// scaled by at least 0.76 and its smallest text (VALUE_FONT) still shows at 11 px or more (people.md).
const CHART_W = 460;
const LABEL_FONT = 15;
const VALUE_FONT = 15;

/** A count as people read it: 12,345 (the data attributes keep the plain number). */
function count(n: number): string {
  return groupThousands(n);
}

/** A label cut to `width` px at `font`, with an ellipsis (the table under the chart has it whole). */
function fitLabel(text: string, width: number, font: number): string {
  if (textWidth(text, font) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, font) > width) break;
    out += ch;
  }
  return `${out}…`;
}

/** Every text on the page is escaped, and shown as the public sees it (privacy.md): the page is shown in meetings. */
function esc(text: string | number): string {
  return showText(String(text)).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Approximate width in px of a label: CJK and full-width characters take a whole em. */
function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 1 : 0.6;
  return Math.ceil(w * fontSize);
}

interface Series {
  label: string;
  red: number;
  black: number;
}

/** Horizontal bars, red above black, one group per category. */
function barChart(id: string, title: string, items: Series[], r: ReportsUiText): string {
  const font = LABEL_FONT;
  const labelW = Math.min(150, Math.max(60, ...items.map((i) => textWidth(i.label, font))) + 10);
  const barH = 15;
  const groupH = barH * 2 + 10;
  const valueW = Math.max(30, ...items.flatMap((i) => [textWidth(count(i.red), VALUE_FONT), textWidth(count(i.black), VALUE_FONT)])) + 8;
  const width = CHART_W;
  const plotW = width - labelW - valueW;
  const legendH = 24;
  const height = legendH + Math.max(1, items.length) * groupH + 6;
  const max = Math.max(1, ...items.flatMap((i) => [i.red, i.black]));
  const scale = (n: number): number => Math.round((n / max) * plotW * 10) / 10;
  const parts: string[] = [];
  parts.push(legend(r, labelW));
  items.forEach((it, i) => {
    const y = legendH + i * groupH;
    parts.push(
      `<text x="${labelW - 8}" y="${y + barH + 5}" text-anchor="end" ` +
        `font-size="${font}">${esc(fitLabel(it.label, labelW - 10, font))}</text>`,
    );
    parts.push(`<rect x="${labelW}" y="${y}" width="${scale(it.red)}" height="${barH}" fill="${RED}"/>`);
    parts.push(`<text x="${labelW + scale(it.red) + 4}" y="${y + barH - 2}" font-size="${VALUE_FONT}">${count(it.red)}</text>`);
    parts.push(`<rect x="${labelW}" y="${y + barH + 1}" width="${scale(it.black)}" height="${barH}" fill="${BLACK}"/>`);
    parts.push(`<text x="${labelW + scale(it.black) + 4}" y="${y + 2 * barH - 1}" font-size="${VALUE_FONT}">${count(it.black)}</text>`);
  });
  parts.push(`<line x1="${labelW}" y1="${legendH - 4}" x2="${labelW}" y2="${height}" stroke="#999" stroke-width="1"/>`);
  return svg(id, title, width, height, parts);
}

function legend(r: ReportsUiText, x: number): string {
  const second = x + 16 + textWidth(r.red, LABEL_FONT) + 16;
  return (
    `<rect x="${x}" y="4" width="12" height="12" fill="${RED}"/><text x="${x + 16}" y="15" font-size="${LABEL_FONT}">${esc(r.red)}</text>` +
    `<rect x="${second}" y="4" width="12" height="12" fill="${BLACK}"/>` +
    `<text x="${second + 16}" y="15" font-size="${LABEL_FONT}">${esc(r.black)}</text>`
  );
}

/** Vertical grouped bars per quarter (the year's trend). */
function trendChart(id: string, title: string, items: Series[], r: ReportsUiText): string {
  const plotH = 180;
  const groupW = 100;
  const left = 20;
  const top = 28;
  const width = left + Math.max(1, items.length) * groupW + 20;
  const height = top + plotH + 30;
  const max = Math.max(1, ...items.flatMap((i) => [i.red, i.black]));
  const h = (n: number): number => Math.round((n / max) * plotH * 10) / 10;
  const parts: string[] = [legend(r, left)];
  parts.push(`<line x1="${left}" y1="${top + plotH}" x2="${width - 10}" y2="${top + plotH}" stroke="#999" stroke-width="1"/>`);
  items.forEach((it, i) => {
    const x = left + i * groupW + 15;
    const base = top + plotH;
    parts.push(`<rect x="${x}" y="${base - h(it.red)}" width="26" height="${h(it.red)}" fill="${RED}"/>`);
    parts.push(`<text x="${x + 13}" y="${base - h(it.red) - 4}" text-anchor="middle" font-size="${VALUE_FONT}">${count(it.red)}</text>`);
    parts.push(`<rect x="${x + 30}" y="${base - h(it.black)}" width="26" height="${h(it.black)}" fill="${BLACK}"/>`);
    parts.push(
      `<text x="${x + 43}" y="${base - h(it.black) - 4}" text-anchor="middle" font-size="${VALUE_FONT}">${count(it.black)}</text>`,
    );
    parts.push(
      `<text x="${x + 28}" y="${base + 20}" text-anchor="middle" ` +
        `font-size="${LABEL_FONT}">${esc(fitLabel(it.label, groupW - 4, LABEL_FONT))}</text>`,
    );
  });
  return svg(id, title, width, height, parts);
}

/**
 * Days late per department (sum over the year's batches). A department with a missing submission gets a
 * hatched square after its bar (a missing list has no days late to draw, and must not look on time); the
 * note beside it says how many.
 */
function timelinessChart(
  id: string,
  title: string,
  items: { label: string; days: number; missing: number; noDate: number }[],
  r: ReportsUiText,
): string {
  const font = LABEL_FONT;
  const labelW = Math.min(150, Math.max(60, ...items.map((i) => textWidth(i.label, font))) + 10);
  const rowH = 22;
  const noteOf = (it: { days: number; missing: number; noDate: number }): string => {
    const notes: string[] = [];
    if (it.days > 0) notes.push(r.late(it.days));
    if (it.missing) notes.push(`${r.state.missing} ${it.missing}`);
    if (it.noDate) notes.push(`${r.noDate} ${it.noDate}`);
    return notes.length ? notes.join(r.listSep) : r.onTime;
  };
  const noteW = Math.max(...items.map((it) => textWidth(noteOf(it), VALUE_FONT))) + 8;
  const markW = items.some((it) => it.missing > 0) ? 20 : 0;
  const width = Math.max(CHART_W, labelW + 120 + noteW + markW);
  const plotW = width - labelW - noteW - markW;
  const height = Math.max(1, items.length) * rowH + 8;
  const max = Math.max(1, ...items.map((i) => i.days));
  const hatch = `${id}-hatch`;
  const parts: string[] = [];
  if (markW)
    parts.push(
      `<defs><pattern id="${hatch}" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
        `<rect width="4" height="4" fill="#fff"/><line x1="0" y1="0" x2="0" y2="4" stroke="#c62828" stroke-width="2"/></pattern></defs>`,
    );
  items.forEach((it, i) => {
    const y = 4 + i * rowH;
    const w = Math.round((it.days / max) * plotW * 10) / 10;
    const mark = it.missing > 0 ? markW : 0;
    parts.push(
      `<text x="${labelW - 8}" y="${y + 14}" text-anchor="end" font-size="${font}">${esc(fitLabel(it.label, labelW - 10, font))}</text>`,
    );
    parts.push(`<rect x="${labelW}" y="${y}" width="${w}" height="16" fill="#ef6c00"/>`);
    if (mark)
      parts.push(`<rect class="missing" x="${labelW + w + 2}" y="${y}" width="16" height="16" fill="url(#${hatch})" stroke="#c62828"/>`);
    parts.push(`<text x="${labelW + w + 4 + mark}" y="${y + 14}" font-size="${VALUE_FONT}">${esc(noteOf(it))}</text>`);
  });
  parts.push(`<line x1="${labelW}" y1="0" x2="${labelW}" y2="${height}" stroke="#999" stroke-width="1"/>`);
  return svg(id, title, width, height, parts);
}

function svg(id: string, title: string, width: number, height: number, parts: string[]): string {
  return (
    `<svg id="${id}" class="chart" role="img" aria-labelledby="${id}-t" viewBox="0 0 ${width} ${height}" width="${width}" ` +
    `height="${height}" preserveAspectRatio="xMinYMin meet"><title id="${id}-t">${esc(title)}</title>${parts.join('')}</svg>`
  );
}

/** One table cell, labelled with its column's name (a number right-aligned and grouped). */
function td(c: string | number, label: string): string {
  const num = typeof c === 'number';
  return `<td data-label="${esc(label)}"${num ? ' class="num"' : ''}>${esc(num ? count(c) : c)}</td>`;
}

function table(head: string[], rows: (string | number)[][], attrs: (string | undefined)[] = []): string {
  const th = head.map((h) => `<th>${esc(h)}</th>`).join('');
  // data-label: on a phone each row is a card, each cell under its column's name (CSS below).
  const body = rows
    .map((row, i) => `<tr${attrs[i] ? ` ${attrs[i]}` : ''}>${row.map((c, j) => td(c, head[j] ?? '')).join('')}</tr>`)
    .join('\n');
  return `<div class="scroll"><table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

function figure(id: string, label: string, value: number | null, r: ReportsUiText, tone = ''): string {
  const shown = value === null ? r.unknown : count(value);
  return (
    `<div class="fig${tone ? ` ${tone}` : ''}" id="${id}" data-value="${value === null ? '' : value}">` +
    `<div class="n">${esc(shown)}</div><div class="l">${esc(label)}</div></div>`
  );
}

/** 办理中 / 已办结, 已超期 or 逾期办结 added; 待更正 (resolved as 更正, the corrected row not yet in) instead of 已办结. */
function objectionStatus(m: Messages, o: ObjectionFact): string {
  const u = objectionUi(m.lang);
  const status = o.status === 'resolved' && o.awaitingCorrection ? u.awaiting : u.status[o.status];
  return status + (o.overdue ? ` ${u.overdue}` : o.late ? ` ${u.late}` : '');
}

const CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;padding:24px;color:#222;background:#fff;line-height:1.5;
font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei",sans-serif}
main{max-width:1100px;margin:0 auto}
h1{font-size:26px;margin:0 0 4px}
h2{font-size:19px;margin:28px 0 10px;padding-bottom:4px;border-bottom:2px solid #c62828}
.meta{color:#555;margin:0 0 4px}
.note{color:#6d4c41;background:#fff8e1;border-left:4px solid #ffb300;padding:6px 10px;margin:10px 0}
.figs{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:10px}
.fig{border:1px solid #ddd;border-radius:6px;padding:10px 12px;background:#fafafa}
.fig .n{font-size:28px;font-weight:700;font-variant-numeric:tabular-nums}
.fig .l{color:#555;font-size:14px}
.fig.red .n{color:#c62828}.fig.black .n{color:#37474f}.fig.warn .n{color:#ef6c00}
.chart{max-width:100%;height:auto;display:block;margin:8px 0}
.chart text{fill:#222;font-family:inherit}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:8px 0 16px;font-size:14px;min-width:50%}
th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f0f0f0;white-space:nowrap}
td:first-child{min-width:6em}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
section{break-inside:auto}
@media (max-width:600px){
body{padding:12px}h1{font-size:21px}.fig .n{font-size:22px}.figs{grid-template-columns:repeat(2,minmax(0,1fr))}
.scroll table,.scroll tbody,.scroll tr,.scroll td{display:block;width:100%;min-width:0}
.scroll table{font-size:14px;border:0}
.scroll thead{display:none}
.scroll tr{border:1px solid #ccc;border-radius:4px;margin:0 0 8px;padding:2px 0}
.scroll td{border:0;border-bottom:1px solid #eee;padding:3px 8px;display:flex;gap:8px;
text-align:left;white-space:normal;overflow-wrap:anywhere}
.scroll td:last-child{border-bottom:0}
.scroll td::before{content:attr(data-label);flex:0 0 8.5em;color:#555;font-weight:700}
}
@page{size:A4;margin:15mm 12mm}
@media print{body{padding:0;font-size:11pt}main{max-width:none}h2{break-after:avoid}.chart,.fig{break-inside:avoid}
tr{break-inside:avoid}thead{display:table-header-group}.figs{grid-template-columns:repeat(4,1fr)}table{width:100%}}
`;

function codeTitle(m: Messages, code: string): string {
  const entry = (m.codes as Record<string, { title: string } | undefined>)[code];
  return entry ? entry.title : code;
}

export function renderReportHtml(model: ReportModel, m: Messages): string {
  const r = m.ui.reports;
  const title = r.heading(model.bureau, r.title, model.kind === 'batch' ? r.batchTitle(model.target) : r.yearTitle(Number(model.target)));
  const t = model.timeliness;
  // truth.md's removals by type, from the figures model as every other view shows them (not from the register's list).
  const removalsCount = removalTotal(model.totals.removals);
  const objections = model.objections;
  const body: string[] = [];
  // Batches as people name them: 2026年第三季度 (the data attributes keep 2026Q3).
  const batchLabel = (b: string): string => (m.lang === 'en' ? b : batchTitle(b));
  const sourceText =
    model.kind === 'batch'
      ? r.source[model.source]
      : model.quarters.map((b) => `${batchLabel(b.batch)} ${r.source[b.source]}`).join(r.listSep);
  body.push(
    `<header><h1 id="title">${esc(title)}</h1><p class="meta" id="made-on" ` +
      `data-date="${esc(model.madeOn)}">${esc(r.madeOn(model.madeOn))}</p>` +
      `<p class="meta" id="source" data-source="${model.source}">${esc(r.basis(sourceText))}</p></header>`,
  );
  if (!model.registerKnown) body.push(`<p class="note">${esc(r.registerUnknown)}</p>`);
  else if (model.objections === null) body.push(`<p class="note">${esc(r.objectionsUnknown)}</p>`);

  body.push(`<section id="key-figures"><h2>${esc(r.keyFigures)}</h2><div class="figs">`);
  body.push(figure('fig-red', r.figRed, model.totals.red, r, 'red'));
  body.push(figure('fig-black', r.figBlack, model.totals.black, r, 'black'));
  body.push(figure('fig-total', r.figTotal, model.totals.red + model.totals.black, r));
  // A year counts department-batches (科室·季度), and says so (truth.md).
  const perBatch = t.unit === 'department-batch';
  body.push(figure('fig-on-time', perBatch ? r.figOnTimeYear : r.figOnTime, t.onTime, r));
  body.push(figure('fig-late', perBatch ? r.figLateYear : r.figLate, t.late, r, 'warn'));
  body.push(figure('fig-missing', perBatch ? r.figMissingYear : r.figMissing, t.missing, r, 'warn'));
  if (t.noDate) body.push(figure('fig-no-date', r.figNoDate, t.noDate, r, 'warn'));
  body.push(figure('fig-removals', r.figRemovals, removalsCount, r));
  // Removals by type (register.md: expired, repaired, revoked, …), 撤销 included.
  const removalTypes = registerUi(m.lang).removalTypes as Record<string, string>;
  for (const type of REMOVAL_TYPES) {
    const n = model.totals.removals[type];
    if (n > 0) body.push(figure(`fig-removals-${type}`, `${r.figRemovals} · ${removalTypes[type] ?? type}`, n, r));
  }
  body.push(figure('fig-objections', r.figObjections, objections === null ? null : objections.length, r));
  body.push(
    figure('fig-objections-overdue', r.figObjectionsOverdue, objections === null ? null : objections.filter((o) => o.overdue).length, r),
  );
  // Open with a deadline the calendar cannot give: counted apart (待定), never as 0 overdue, and the file named.
  const pending = objections?.filter((o) => o.status === 'open' && o.deadline === null) ?? [];
  if (pending.length > 0) body.push(figure('fig-objections-pending', r.figObjectionsPending, pending.length, r, 'warn'));
  body.push(
    figure(
      'fig-objections-late',
      r.figObjectionsLate,
      objections === null ? null : objections.filter((o) => o.status === 'resolved' && o.late).length,
      r,
    ),
  );
  body.push(`</div>`);
  const files = [...new Set(pending.flatMap((o) => (o.calendarFile !== undefined ? [o.calendarFile] : [])))].sort();
  if (files.length > 0) body.push(`<p class="note" id="objections-pending">${esc(r.objectionsPendingNote(files.join('、')))}</p>`);
  body.push(`</section>`);

  const dept = model.departments.map((d) => ({ label: d.department, red: d.red, black: d.black }));
  body.push(`<section id="by-department"><h2>${esc(r.byDepartment)}</h2>`);
  body.push(barChart('chart-department', r.byDepartment, dept, r));
  body.push(
    table(
      [r.department, r.red, r.black, r.total],
      [
        ...dept.map((d) => [d.label, d.red, d.black, d.red + d.black]),
        [r.total, model.totals.red, model.totals.black, model.totals.red + model.totals.black],
      ],
      dept.map((d) => `data-department="${esc(d.label)}" data-red="${d.red}" data-black="${d.black}"`),
    ),
  );
  body.push(`</section>`);

  const dom = model.byDomain.map((d) => ({ label: d.domain, red: d.red, black: d.black }));
  body.push(`<section id="by-domain"><h2>${esc(r.byDomain)}</h2>`);
  body.push(barChart('chart-domain', r.byDomain, dom, r));
  body.push(
    table(
      [r.domain, r.red, r.black, r.total],
      dom.map((d) => [d.label, d.red, d.black, d.red + d.black]),
      dom.map((d) => `data-domain="${esc(d.label)}" data-red="${d.red}" data-black="${d.black}"`),
    ),
  );
  body.push(`</section>`);

  // The batches past their deadline: only there is a department that sent nothing 未报送 (reporters/row-state.ts).
  const due = new Set(model.quarters.filter((q) => q.due).map((q) => q.batch));
  if (model.kind === 'year') {
    const trend = model.quarters.map((b) => ({ label: b.batch, red: b.red, black: b.black }));
    const sumOf = (f: (b: (typeof trend)[number]) => number): number => trend.reduce((n, b) => n + f(b), 0);
    body.push(`<section id="trend"><h2>${esc(r.trend)}</h2>`);
    // Under the bars the quarter alone (第三季度): the year is the page's.
    body.push(
      trendChart(
        'chart-trend',
        r.trend,
        trend.map((b) => ({ ...b, label: batchLabel(b.label).replace(/^\d{4}年/, '') })),
        r,
      ),
    );
    body.push(
      table(
        [r.batch, r.red, r.black, r.total],
        [
          ...trend.map((b) => [batchLabel(b.label), b.red, b.black, b.red + b.black]),
          // Labelled as what it is, a sum of quarters: not the year's 合计, which counts each record once (truth.md).
          [r.quarterSum, sumOf((b) => b.red), sumOf((b) => b.black), sumOf((b) => b.red + b.black)],
        ],
        trend.map((b) => `data-batch="${esc(b.label)}" data-red="${b.red}" data-black="${b.black}"`),
      ),
    );
    const total = model.totals.red + model.totals.black;
    if (sumOf((b) => b.red + b.black) !== total) {
      body.push(
        `<p class="note" id="quarter-sum">${esc(
          r.quarterSumNote(
            sumOf((b) => b.red + b.black),
            total,
          ),
        )}</p>`,
      );
    }
    body.push(`</section>`);

    const batches = model.quarters.map((b) => b.batch);
    const depts = [...new Set(model.rows.map((x) => x.department))];
    const items = depts.map((d) => {
      const rows = model.rows.filter((x) => x.department === d);
      return {
        label: d,
        days: rows.reduce((n, x) => n + (x.daysLate ?? 0), 0),
        // Nothing sent to a batch not due (its deadline ahead; a supplementary one) is no lapse (supervise.ts): no hatched mark.
        missing: rows.filter((x) => shownState(x, due.has(x.batch)) === 'missing').length,
        noDate: rows.filter((x) => rowTimeliness(x) === 'noDate').length,
      };
    });
    body.push(`<section id="timeliness"><h2>${esc(r.timeliness)}</h2>`);
    body.push(timelinessChart('chart-timeliness', r.timeliness, items, r));
    body.push(
      table(
        [r.department, ...batches.map(batchLabel), r.daysLate],
        depts.map((d, i) => [
          d,
          ...batches.map((b) => {
            const row = model.rows.find((x) => x.department === d && x.batch === b);
            return row ? timelinessOf(r, row, due.has(b)) : r.unknown;
          }),
          // 未报送 is no "0 days late": the cell names the due batches never sent (round 32).
          r.yearDaysLate((items[i] as { days: number }).days, (items[i] as { missing: number }).missing),
        ]),
        items.map((it) => `data-department="${esc(it.label)}" data-days-late="${it.days}" data-missing="${it.missing}"`),
      ),
    );
    body.push(`</section>`);
  } else {
    body.push(`<section id="timeliness"><h2>${esc(r.timeliness)}</h2>`);
    body.push(
      table(
        [r.department, r.status, r.sentOn, r.deadline, r.daysLate, r.signedOff],
        model.rows.map((x) => [
          x.department,
          shownStateText(r, shownState(x, due.has(x.batch)), x.sentIn),
          x.sentOn ?? r.unknown,
          x.deadline ?? r.unknown,
          timelinessOf(r, x, due.has(x.batch)),
          x.status === 'missing' ? r.unknown : x.signedOff ? r.yes : r.no,
        ]),
        model.rows.map((x) => `data-department="${esc(x.department)}" data-status="${x.status}" data-days-late="${x.daysLate ?? ''}"`),
      ),
    );
    body.push(`</section>`);
  }

  body.push(`<section id="findings"><h2>${esc(r.findings)}</h2>`);
  if (model.findings.length === 0) body.push(`<p id="no-findings">${esc(r.noFindings)}</p>`);
  else
    body.push(
      table(
        [r.code, r.severity, r.count, r.departments],
        model.findings.map((f) => [f.code, codeTitle(m, f.code), f.count, f.departments.join(m.lang === 'en' ? ', ' : '、') || r.unknown]),
        model.findings.map((f) => `data-code="${esc(f.code)}" data-count="${f.count}"`),
      ),
    );
  body.push(`</section>`);

  body.push(`<section id="removals"><h2>${esc(r.removals)}</h2>`);
  if (model.removals === null) body.push(`<p>${esc(r.notKnown)}</p>`);
  else
    body.push(
      table(
        [r.department, r.subject, r.identifier, r.type, r.date],
        model.removals.map((x) => [
          x.department,
          x.subjectName,
          x.identifier,
          (registerUi(m.lang).removalTypes as Record<string, string>)[x.type] ?? x.type,
          x.on ?? r.unknown,
        ]),
      ),
    );
  body.push(`</section>`);
  body.push(`<section id="objections"><h2>${esc(r.objections)}</h2>`);
  if (objections === null) body.push(`<p>${esc(model.registerKnown ? r.objectionsUnknown : r.notKnown)}</p>`);
  else
    body.push(
      table(
        [r.number, r.department, r.subject, r.identifier, r.received, r.deadline, r.objectionStatus],
        objections.map((o) => [
          o.number,
          o.department,
          o.subjectName,
          o.identifier,
          o.received,
          // The same word as objection list (待定), not "—": the deadline is known to be uncomputed, not unknown.
          o.deadline ?? (o.status === 'open' ? objectionUi(m.lang).pending : r.unknown),
          objectionStatus(m, o),
        ]),
      ),
    );
  body.push(`</section>`);

  const lang = m.lang === 'en' ? 'en' : 'zh-CN';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="hrss-credit">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}
