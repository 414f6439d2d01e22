/**
 * The cover 报送单 (workspace.md "The cover"): a key | value table read from a sheet or a file.
 * Keys fold like list headers and may end in ：or : and carry a bracketed note.
 */
import { foldKey, cleanText } from '../domain/text.js';
import { DateCell, type CellValue, type SheetRow } from './cells.js';
import { parseDateSerial, parseDateText, type IsoDate } from '../domain/dates.js';
import { columnLetter } from '../domain/text.js';
import { cellText } from './header.js';
import { COVER_KEYS, type CoverKey } from '../schemas/cover.js';

export { COVER_KEYS, type CoverKey };

const KEY_INDEX = new Map<string, CoverKey>();
for (const [k, v] of Object.entries(COVER_KEYS) as [CoverKey, (typeof COVER_KEYS)[CoverKey]][]) {
  for (const name of [v.label, ...v.aliases]) KEY_INDEX.set(foldKey(name), k);
}

export function matchCoverKey(text: string): CoverKey | undefined {
  let key = foldKey(text).replace(/[:：]+$/, '');
  for (let i = 0; i < 3 && key; i++) {
    const hit = KEY_INDEX.get(key);
    if (hit) return hit;
    key = key
      .replace(/(?:\([^()]*\)|【[^【】]*】)$/, '')
      .replace(/^\*+|\*+$/g, '')
      .replace(/[:：]+$/, '');
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
  if (!v?.text) return {};
  const p =
    v.value instanceof DateCell
      ? { ok: true as const, date: v.value.iso }
      : typeof v.value === 'number'
        ? parseDateSerial(v.value)
        : parseDateText(v.text);
  return p.ok ? { date: p.date } : { invalid: true };
}

/** 无信息报告 = 是 (also 有, Y, √, true). */
export function isYes(v: CoverValue | undefined): boolean {
  if (!v) return false;
  if (v.value === true) return true;
  return /^(是|有|Y|YES|TRUE|√|✓|1)$/i.test(foldKey(v.text));
}

export function splitNames(text: string): string[] {
  return text
    .split(/[,，;；、\n]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
