/**
 * The cover 报送单 (workspace.md "The cover"): a key | value table read from a sheet or a file.
 * Keys fold like list headers and may end in ：or : and carry a bracketed note.
 */
import { foldKey, cleanText } from '../domain/text.js';
import { DateCell, type CellValue, type SheetRow } from './cells.js';
import { parseDateSerial, parseDateText, type IsoDate } from '../domain/dates.js';
import { columnLetter } from '../domain/text.js';
import { cellText } from './header.js';

export const COVER_KEYS = {
  unit: { label: '报送单位', aliases: ['报送科室', '报送部门', '报送单位（科室）', '填报单位'] },
  quarter: { label: '报送季度', aliases: ['季度', '报送期间', '所属季度'] },
  filler: { label: '填报人', aliases: ['填表人', '经办人'] },
  phone: { label: '联系电话', aliases: ['电话', '联系方式'] },
  reviewer: { label: '审核人', aliases: ['分管领导', '分管领导审核', '局分管领导', '局分管领导审核', '审核领导'] },
  reviewedOn: { label: '审核日期', aliases: ['分管领导审核日期'] },
  approver: { label: '审定人', aliases: ['主要领导', '主要领导审定', '单位主要领导', '单位主要领导审定', '审定领导'] },
  approvedOn: { label: '审定日期', aliases: ['主要领导审定日期'] },
  sentOn: { label: '报送日期', aliases: ['报送时间'] },
  nil: { label: '无信息报告', aliases: ['无信息', '本季度无信息'] },
  cases: { label: '典型案例', aliases: ['典型案例材料', '典型案例文件'] },
} as const;

export type CoverKey = keyof typeof COVER_KEYS;

const KEY_INDEX = new Map<string, CoverKey>();
for (const [k, v] of Object.entries(COVER_KEYS) as [CoverKey, (typeof COVER_KEYS)[CoverKey]][]) {
  for (const name of [v.label, ...v.aliases]) KEY_INDEX.set(foldKey(name), k);
}

export function matchCoverKey(text: string): CoverKey | undefined {
  let key = foldKey(text).replace(/[:：]+$/, '');
  for (let i = 0; i < 3 && key; i++) {
    const hit = KEY_INDEX.get(key);
    if (hit) return hit;
    key = key.replace(/(?:\([^()]*\)|【[^【】]*】)$/, '').replace(/^\*+|\*+$/g, '').replace(/[:：]+$/, '');
  }
  return undefined;
}

export interface CoverValue {
  text: string;
  value: CellValue;
  row: number;
  column: string;
  columnIndex: number;
}

export interface CoverFacts {
  file: string;
  sheet?: string;
  sheetIndex: number;
  values: Partial<Record<CoverKey, CoverValue>>;
  /** Where the key itself stands, for findings about an empty value. */
  keyRows: Partial<Record<CoverKey, number>>;
}

/** Reads key | value pairs from the rows of a cover sheet or file. */
export class CoverReader {
  private readonly values: CoverFacts['values'] = {};
  private readonly keyRows: CoverFacts['keyRows'] = {};

  onRow(row: SheetRow): boolean {
    const cells = row.cells;
    for (let i = 0; i < cells.length; i++) {
      const t = cellText(cells[i]).trim();
      if (!t || t.length > 30) continue;
      const key = matchCoverKey(t);
      if (!key || this.keyRows[key] !== undefined) continue;
      this.keyRows[key] = row.number;
      let j = i + 1;
      while (j < cells.length && cellText(cells[j]).trim() === '') j++;
      const next = cells[j];
      if (j < cells.length && !matchCoverKey(cellText(next).trim())) {
        this.values[key] = { text: cleanText(cellText(next)), value: next, row: row.number, column: columnLetter(j), columnIndex: j };
        i = j;
      }
    }
    return row.number < 200;
  }

  facts(file: string, sheet: string | undefined, sheetIndex: number): CoverFacts {
    return { file, ...(sheet !== undefined ? { sheet } : {}), sheetIndex, values: this.values, keyRows: this.keyRows };
  }
}

export function coverDate(v: CoverValue | undefined): { date?: IsoDate; invalid?: boolean } {
  if (!v || !v.text) return {};
  const p = v.value instanceof DateCell ? { ok: true as const, date: v.value.iso } : typeof v.value === 'number' ? parseDateSerial(v.value) : parseDateText(v.text);
  return p.ok ? { date: p.date } : { invalid: true };
}

/** 无信息报告 = 是 (also 有, Y, √, true). */
export function isYes(v: CoverValue | undefined): boolean {
  if (!v) return false;
  if (v.value === true) return true;
  return /^(是|有|Y|YES|TRUE|√|✓|1)$/i.test(foldKey(v.text));
}

export function splitNames(text: string): string[] {
  return text.split(/[,，;；、\n]+/).map((s) => s.trim()).filter((s) => s.length > 0);
}
