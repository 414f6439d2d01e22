/**
 * Writes the department form (src/forms/department-form.ts) with exceljs, then re-packs the zip
 * with one fixed timestamp so that the same department, quarter and config give the same bytes.
 */
import type { DepartmentForm, FormColumn, FormTableSheet } from '../../forms/department-form.js';
import { FORM_ROWS, FORM_SHEETS } from '../../forms/department-form.js';
import { columnLetter, toXmlSafe } from '../../domain/text.js';
import { normaliseZip } from '../xlsx/xlsx-writer.js';

type ExcelModule = typeof import('exceljs');
type Worksheet = import('exceljs').Worksheet;

async function loadExcel(): Promise<ExcelModule> {
  const mod = await import('exceljs');
  return (mod as unknown as { default?: ExcelModule }).default ?? mod;
}

export const DATE_FORMAT = 'yyyy-mm-dd';
/** Dates Excel accepts in a date column: a plausible range, as the reader's (submission.md "Dates"). */
const DATE_MIN = new Date(Date.UTC(1990, 0, 1));
const DATE_MAX = new Date(Date.UTC(2100, 11, 31));
/** An inline list formula may hold at most 255 characters; longer lists live on a hidden sheet. */
const INLINE_LIST_MAX = 255;
export const CODE_SHEET = '代码表';

const ERROR_TITLE = '输入有误';

/** Excel allows 255 characters in an error alert: a long list is not spelled out. */
function listError(values: readonly string[]): string {
  const full = `请从下拉列表中选择：${values.join('、')}`;
  return full.length <= 250 ? full : '请从下拉列表中选择一项，不要自行输入';
}

interface CodeLists {
  ws?: Worksheet;
  next: number;
  refs: Map<string, string>;
}

function listFormula(values: readonly string[], codes: CodeLists, wb: import('exceljs').Workbook): string {
  const inline = `"${values.join(',')}"`;
  if (inline.length <= INLINE_LIST_MAX && !values.some((v) => v.includes(','))) return inline;
  const key = values.join('\u0000');
  const known = codes.refs.get(key);
  if (known) return known;
  codes.ws ??= wb.addWorksheet(CODE_SHEET, { state: 'hidden' });
  const col = codes.next++;
  for (const [i, v] of values.entries()) codes.ws.getCell(i + 1, col).value = toXmlSafe(v);
  const letter = columnLetter(col - 1);
  const ref = `${CODE_SHEET}!$${letter}$1:$${letter}$${values.length}`;
  codes.refs.set(key, ref);
  return ref;
}

function validate(
  ws: Worksheet,
  range: string,
  c: Pick<FormColumn, 'kind' | 'values' | 'prompt'>,
  title: string,
  codes: CodeLists,
  wb: import('exceljs').Workbook,
): void {
  // exceljs has worksheet.dataValidations at run time but not in its typings.
  const dv = (ws as unknown as { dataValidations: { add(address: string, v: object): void } }).dataValidations;
  const base = { showInputMessage: true, promptTitle: title.slice(0, 32), prompt: c.prompt };
  if (c.kind === 'list' && c.values && c.values.length > 0) {
    dv.add(range, {
      ...base,
      type: 'list',
      allowBlank: true,
      formulae: [listFormula(c.values, codes, wb)],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: ERROR_TITLE,
      error: listError(c.values),
    });
  } else if (c.kind === 'date') {
    dv.add(range, {
      ...base,
      type: 'date',
      operator: 'between',
      allowBlank: true,
      formulae: [DATE_MIN, DATE_MAX],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: ERROR_TITLE,
      error: '请输入 1990-01-01 至 2100-12-31 之间的日期，格式如 2026-08-03',
    });
  } else {
    dv.add(range, { ...base, type: 'any' });
  }
}

const numFmtOf = (c: Pick<FormColumn, 'kind'>): string | undefined =>
  c.kind === 'identifier' ? '@' : c.kind === 'date' ? DATE_FORMAT : undefined;

function tableSheet(wb: import('exceljs').Workbook, s: FormTableSheet, codes: CodeLists): void {
  const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'A2' }] });
  ws.columns = s.columns.map((c) => {
    const fmt = numFmtOf(c);
    return { header: c.header, width: c.width, ...(fmt ? { style: { numFmt: fmt } } : {}) };
  });
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center' };
  s.columns.forEach((c, i) => {
    const letter = columnLetter(i);
    validate(ws, `${letter}2:${letter}${FORM_ROWS + 1}`, c, c.header, codes, wb);
    const fmt = numFmtOf(c);
    // The column's style covers what Excel adds; the cells carry it too, since other programs
    // (openpyxl, WPS) read a cell's own style and not its column's.
    if (fmt) for (let r = 2; r <= FORM_ROWS + 1; r++) ws.getCell(r, i + 1).numFmt = fmt;
  });
}

export async function formWorkbook(form: DepartmentForm, instant: Date, creator: string): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.lastModifiedBy = creator;
  wb.created = instant;
  wb.modified = instant;
  const codes: CodeLists = { next: 1, refs: new Map() };

  const guide = wb.addWorksheet(FORM_SHEETS.guide);
  guide.getColumn(1).width = 110;
  form.guide.forEach((line, i) => {
    const cell = guide.getCell(i + 1, 1);
    cell.value = toXmlSafe(line);
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });

  for (const s of form.lists) tableSheet(wb, s, codes);

  const cover = wb.addWorksheet(FORM_SHEETS.cover, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'B4' }],
  });
  cover.columns = [
    { header: '项目', width: 20 },
    { header: '内容', width: 40 },
  ];
  cover.getRow(1).font = { bold: true };
  form.cover.forEach((c, i) => {
    const r = i + 2;
    cover.getCell(r, 1).value = c.key;
    cover.getCell(r, 1).font = { bold: true };
    const v = cover.getCell(r, 2);
    if (c.value) v.value = toXmlSafe(c.value);
    // Text, so that a phone number keeps its leading zero and 2026Q3 stays as written.
    v.numFmt = c.kind === 'date' ? DATE_FORMAT : '@';
    validate(cover, `B${r}`, c, c.key, codes, wb);
  });

  tableSheet(wb, form.removal, codes);

  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  return normaliseZip(raw, instant);
}
