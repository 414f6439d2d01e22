/** The 检查结果 sheet: title, overview, one row per finding with a link to the cell, footer; printed A4 landscape. */
import { escapeXml, NS_MAIN, NS_REL } from '../xlsx/xlsx-writer.js';
import { columnLetter } from '../../domain/text.js';
import type { AnnotatePlan, SummaryRow } from './plan.js';
import type { StylePatch } from './styles.js';

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Display width in Excel's character units: a CJK or full-width character takes two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

/** Lines a text takes wrapped in a column `width` characters wide. */
export function linesIn(text: string, width: number): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width - 1))), 0);
}

// Column widths: as wide as the longest text, between a floor and a cap (a 问题 or 建议 longer than its cap
// wraps). The caps add up to 214 characters, what A4 landscape holds at 11 pt with 0.5-inch margins.
export const MIN_WIDTH = [12, 6, 12, 24, 24];
export const MAX_WIDTH = [36, 8, 34, 68, 68];

/** The row after the title and overview: the header row, repeated on every printed page. */
export function summaryHeaderRow(plan: AnnotatePlan['summary']): number {
  return 1 + (plan.title ? 1 : 0) + (plan.overview ? 1 : 0);
}

export function summaryXml(plan: AnnotatePlan['summary'], st: StylePatch): string {
  const rows: string[] = [];
  const links: string[] = [];
  const merges: string[] = [];
  const cell = (ref: string, text: string, s?: number): string =>
    `<c r="${ref}" t="inlineStr"${s !== undefined ? ` s="${s}"` : ''}><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
  const cols = plan.headers.length;
  const last = columnLetter(Math.max(0, cols - 1));
  const texts = (f: SummaryRow): string[] => [f.location, f.severity, f.code, f.message, f.hint];
  const widths = plan.headers.map((h, i) => {
    const longest = Math.max(displayWidth(h), ...plan.rows.map((f) => Math.max(...(texts(f)[i] ?? '').split('\n').map(displayWidth))));
    return Math.min(MAX_WIDTH[i] ?? 40, Math.max(MIN_WIDTH[i] ?? 8, longest + 2));
  });
  const total = widths.reduce((a, b) => a + b, 0);
  // Heights in points for wrapped rows (15 a line), so the text shows whole also where the reader does not fit rows itself.
  const height = (lines: number): string => (lines > 1 ? ` ht="${lines * 15}"` : '');
  let r = 0;
  if (plan.title) {
    r++;
    rows.push(`<row r="${r}" ht="24" customHeight="1">${cell(`A${r}`, plan.title, st.title)}</row>`);
    if (cols > 1) merges.push(`A${r}:${last}${r}`);
  }
  if (plan.overview) {
    r++;
    rows.push(`<row r="${r}"${height(linesIn(plan.overview, total))}>${cell(`A${r}`, plan.overview, st.wrap)}</row>`);
    if (cols > 1) merges.push(`A${r}:${last}${r}`);
  }
  const head = ++r;
  rows.push(`<row r="${head}">${plan.headers.map((h, i) => cell(`${columnLetter(i)}${head}`, h, st.header)).join('')}</row>`);
  plan.rows.forEach((f) => {
    r++;
    const sev = f.kind === 'info' ? st.wrap : st.fillXf[f.kind];
    const lines = Math.max(...texts(f).map((t, i) => linesIn(t, widths[i] ?? 8)));
    const cells =
      cell(`A${r}`, f.location, f.target ? st.link : st.wrap) +
      cell(`B${r}`, f.severity, sev) +
      cell(`C${r}`, f.code, st.wrap) +
      cell(`D${r}`, f.message, st.wrap) +
      cell(`E${r}`, f.hint, st.wrap);
    rows.push(`<row r="${r}"${height(lines)}>${cells}</row>`);
    if (f.target)
      links.push(
        `<hyperlink ref="A${r}" location="${escapeXml(`${quoteSheet(f.target.sheet)}!${f.target.ref}`)}" ` +
          `display="${escapeXml(f.location)}"/>`,
      );
  });
  r++;
  for (const line of plan.footer) {
    r++;
    rows.push(`<row r="${r}"${height(linesIn(line, total))}>${cell(`A${r}`, line, st.wrap)}</row>`);
    if (cols > 1) merges.push(`A${r}:${last}${r}`);
  }
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    // Printed on A4 landscape, all columns on the page's width, as many pages down as it takes.
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${head}" topLeftCell="A${head + 1}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A${head + 1}" sqref="A${head + 1}"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols` +
    `>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    (merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '') +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '<printOptions gridLines="1"/><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    '<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter></worksheet>'
  );
}
