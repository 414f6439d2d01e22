/**
 * Removal requests (移出申请, register.md "Removal requests"): a sheet named 移出申请 in a list
 * workbook, or a file whose name contains 移出申请. The header is found as for lists (one of Excel
 * rows 1–10 naming 主体名称 and at least two other known columns), columns by their folded names and
 * aliases; each row below it is one request, with where each value stands. Nothing is judged here:
 * the register's rules (src/rules/register/) check the requests against what is public.
 */
import { columnLetter, foldKey } from '../domain/text.js';
import { parseDateText, serialToIso } from '../domain/dates.js';
import { DateCell, isBlankCell, type CellValue, type SheetRow } from './cells.js';
import { cellText, HEADER_SEARCH_ROWS, matchHeader } from './header.js';

export const REMOVAL_NAME = '移出申请';

export function isRemovalName(name: string): boolean {
  return name.includes(REMOVAL_NAME);
}

export type RemovalField =
  | 'listType'
  | 'subjectName'
  | 'creditCode'
  | 'idNumber'
  | 'decisionNo'
  | 'removalType'
  | 'reason'
  | 'reviewedOn'
  | 'filedOn'
  | 'violationNo'
  | 'remarks';

/** The headers of the request (register.md), with the aliases departments write. */
export const REMOVAL_HEADERS: Record<
  Exclude<RemovalField, 'listType' | 'subjectName' | 'creditCode' | 'idNumber' | 'decisionNo' | 'remarks'>,
  { header: string; aliases: string[] }
> = {
  removalType: { header: '移出类型', aliases: ['移出方式', '退出类型', '移除类型'] },
  reason: { header: '移出原因', aliases: ['移出理由', '退出原因', '原因'] },
  reviewedOn: { header: '审查日期', aliases: ['审核日期', '审查时间'] },
  filedOn: { header: '报备市信用办日期', aliases: ['报备日期', '报市信用办备案日期', '备案日期'] },
  violationNo: { header: '违法违规认定文书号', aliases: ['违法违规文书号', '违法认定文书号'] },
};

const OWN_INDEX = new Map<string, RemovalField>();
for (const [key, def] of Object.entries(REMOVAL_HEADERS))
  for (const name of [def.header, ...def.aliases]) OWN_INDEX.set(foldKey(name), key as RemovalField);
const LIST_FIELDS = new Set(['listType', 'subjectName', 'creditCode', 'idNumber', 'decisionNo', 'remarks']);

function matchRemovalHeader(text: string): RemovalField | undefined {
  const own = OWN_INDEX.get(foldKey(text).replace(/^\*+|\*+$/g, ''));
  if (own) return own;
  const list = matchHeader(text);
  return list && LIST_FIELDS.has(list) ? (list as RemovalField) : undefined;
}

export interface RemovalCell {
  text: string;
  /** A date read from the cell (an Excel date, a serial or a text that parses); undefined otherwise. */
  date?: string;
  column: string;
}

export interface RemovalRequest {
  file: string;
  sheet?: string;
  row: number;
  department?: string;
  cells: Partial<Record<RemovalField, RemovalCell>>;
}

function cellOf(v: CellValue, index: number): RemovalCell {
  const text = cellText(v).trim();
  let date: string | undefined;
  if (v instanceof DateCell) date = v.iso;
  else if (typeof v === 'number') date = serialToIso(v);
  else if (text) {
    const p = parseDateText(text);
    if (p.ok) date = p.date;
  }
  return { text, ...(date ? { date } : {}), column: columnLetter(index) };
}

/** Reads one sheet's rows into requests. */
export class RemovalReader {
  private columns: { index: number; field: RemovalField }[] | undefined;
  private searched = 0;
  readonly requests: RemovalRequest[] = [];

  constructor(private readonly where: { file: string; sheet?: string; department?: string }) {}

  onRow(row: SheetRow): boolean | void {
    if (!this.columns) {
      if (++this.searched > HEADER_SEARCH_ROWS) return false;
      const found = row.cells
        .map((v, index) => ({ index, field: matchRemovalHeader(cellText(v)) }))
        .filter((c): c is { index: number; field: RemovalField } => c.field !== undefined);
      if (found.some((c) => c.field === 'subjectName') && found.length >= 3) this.columns = found;
      return;
    }
    if (row.hidden || row.cells.every(isBlankCell)) return;
    const cells: RemovalRequest['cells'] = {};
    for (const c of this.columns) if (cells[c.field] === undefined) cells[c.field] = cellOf(row.cells[c.index], c.index);
    if (!cells.subjectName?.text && !cells.creditCode?.text && !cells.idNumber?.text) return;
    this.requests.push({
      file: this.where.file,
      ...(this.where.sheet !== undefined ? { sheet: this.where.sheet } : {}),
      row: row.number,
      ...(this.where.department !== undefined ? { department: this.where.department } : {}),
      cells,
    });
  }

  /** Whether a header was found (a sheet without one holds no request). */
  get found(): boolean {
    return this.columns !== undefined;
  }
}
