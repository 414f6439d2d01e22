/**
 * Header detection (submission.md "The header"): the first of Excel rows 1–10 that names the
 * 主体名称 column and at least two other known columns; a group-heading row above or a row of
 * sub-headings below joins it when that names more columns.
 */
import { foldKey, columnLetter } from '../domain/text.js';
import { FIELDS, ROW_NUMBER_HEADERS, type FieldKey } from '../schemas/fields.js';
import { DateCell, type CellValue, type MergeRange, type SheetRow } from './cells.js';

export const HEADER_SEARCH_ROWS = 10;

const HEADER_INDEX = new Map<string, FieldKey>();
for (const f of FIELDS) for (const name of [f.header, ...f.aliases]) HEADER_INDEX.set(foldKey(name), f.key);
const ROW_NUMBER_INDEX = new Set(ROW_NUMBER_HEADERS.map((h) => foldKey(h)));

export type HeaderMatch = FieldKey | 'rowNumber' | undefined;

/** Matches one header text: exact after folding, then without a trailing `*` or bracketed note. */
export function matchHeader(text: string): HeaderMatch {
  let key = foldKey(text);
  if (key.length === 0) return undefined;
  for (let i = 0; i < 4; i++) {
    const hit = HEADER_INDEX.get(key);
    if (hit) return hit;
    if (ROW_NUMBER_INDEX.has(key)) return 'rowNumber';
    const next = key
      .replace(/^\*+|\*+$/g, '')
      .replace(/(?:\([^()]*\)|\[[^[\]]*\]|【[^【】]*】)$/, '')
      .replace(/[:：]$/, '');
    if (next === key || next.length === 0) return undefined;
    key = next;
  }
  return undefined;
}

export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof DateCell) return v.iso;
  return '';
}

export interface Column {
  index: number;
  letter: string;
  /** The header as shown (joined for two-row headers). */
  header: string;
  field?: FieldKey;
  rowNumber?: boolean;
}

export interface Header {
  /** Excel rows that make up the header (1 or 2). */
  rows: number[];
  /** The row the header was found on (findings about the header carry it). */
  row: number;
  columns: Column[];
  byField: Map<FieldKey, Column>;
  duplicates: { field: FieldKey; columns: Column[] }[];
  unknown: Column[];
}

/** Fills horizontally merged header cells so that a group heading stands over every column it spans. */
function fillHeaderMerges(row: SheetRow, merges: readonly MergeRange[]): { texts: string[]; filled: Set<number> } {
  const texts = row.cells.map((c) => cellText(c).trim());
  const filled = new Set<number>();
  for (const m of merges) {
    if (m.top <= row.number && m.bottom >= row.number && m.right > m.left) {
      const master = m.top === row.number ? texts[m.left] : undefined;
      if (master === undefined || master === '') continue;
      for (let c = m.left + 1; c <= m.right; c++) {
        if (!texts[c]) {
          texts[c] = master;
          filled.add(c);
        }
      }
    }
  }
  return { texts, filled };
}

interface Scored {
  known: number;
  hasSubject: boolean;
}

function scoreTexts(texts: readonly string[]): Scored {
  const seen = new Set<FieldKey>();
  for (const t of texts) {
    if (!t) continue;
    const m = matchHeader(t);
    if (m && m !== 'rowNumber') seen.add(m);
  }
  return { known: seen.size, hasSubject: seen.has('subjectName') };
}

function isHeaderRow(s: Scored): boolean {
  return s.hasSubject && s.known >= 3;
}

/** The header score of a few parsed rows (used to choose a CSV delimiter). */
export function scoreRows(rows: string[][]): number {
  let best = 0;
  for (const r of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const s = scoreTexts(r);
    if (isHeaderRow(s) && s.known > best) best = s.known;
  }
  return best;
}

/** A row that can be part of a header: text only, no numbers or dates. */
function headerLike(row: SheetRow | undefined): boolean {
  if (!row) return false;
  let any = false;
  for (const c of row.cells) {
    if (c === null || c === undefined || c === '') continue;
    if (typeof c !== 'string') return false;
    if (c.trim().length > 0) any = true;
  }
  return any;
}

function buildColumns(upper: string[] | undefined, upperFilled: Set<number>, lower: string[], two: boolean): Column[] {
  const width = Math.max(lower.length, upper?.length ?? 0);
  const cols: Column[] = [];
  for (let i = 0; i < width; i++) {
    const lo = lower[i] ?? '';
    const up = upper?.[i] ?? '';
    let header = lo;
    let m: HeaderMatch;
    if (two) {
      const candidates = [up && lo ? up + lo : '', lo, up].filter((x) => x);
      for (const cand of candidates) {
        m = matchHeader(cand);
        if (m) {
          header = cand;
          break;
        }
      }
      if (!m) header = lo || (upperFilled.has(i) ? '' : up);
    } else m = header ? matchHeader(header) : undefined;
    if (!header) continue;
    cols.push({
      index: i,
      letter: columnLetter(i),
      header: header.replace(/\s+/g, ' '),
      ...(m === 'rowNumber' ? { rowNumber: true } : m ? { field: m } : {}),
    });
  }
  return cols;
}

function hasRowNumber(cols: readonly Column[]): boolean {
  return cols.some((c) => c.rowNumber === true);
}

function countKnown(cols: Column[]): number {
  return new Set(cols.filter((c) => c.field).map((c) => c.field)).size;
}

/**
 * Looks for the header among the buffered rows (rows 1–10 plus the one after). Returns undefined
 * when no row qualifies.
 */
export function findHeader(rows: readonly SheetRow[], merges: readonly MergeRange[]): Header | undefined {
  const candidates = rows.filter((r) => r.number <= HEADER_SEARCH_ROWS);
  for (let i = 0; i < candidates.length; i++) {
    const row = candidates[i] as SheetRow;
    const { texts, filled } = fillHeaderMerges(row, merges);
    if (!isHeaderRow(scoreTexts(texts))) continue;
    let best = buildColumns(undefined, new Set(), texts, false);
    let bestRows = [row.number];
    let bestKnown = countKnown(best);
    const above = rows.find((r) => r.number === row.number - 1);
    if (above && headerLike(above)) {
      const up = fillHeaderMerges(above, merges);
      const cols = buildColumns(up.texts, up.filled, texts, true);
      const known = countKnown(cols);
      // 序号 only in the row above (merged down over both, group headings beside it): the same fields, but
      // only the two rows together know the 序号 column, and a row with only its 序号 filled is blank.
      if (known > bestKnown || (known === bestKnown && hasRowNumber(cols) && !hasRowNumber(best))) {
        best = cols;
        bestRows = [above.number, row.number];
        bestKnown = known;
      }
    }
    const below = rows.find((r) => r.number === row.number + 1);
    if (below && headerLike(below)) {
      const lo = fillHeaderMerges(below, merges);
      const cols = buildColumns(texts, filled, lo.texts, true);
      const known = countKnown(cols);
      if (known > bestKnown) {
        best = cols;
        bestRows = [row.number, below.number];
      }
    }
    return makeHeader(best, bestRows, row.number);
  }
  return undefined;
}

function makeHeader(columns: Column[], rows: number[], row: number): Header {
  const byField = new Map<FieldKey, Column>();
  const dupes = new Map<FieldKey, Column[]>();
  const unknown: Column[] = [];
  for (const c of columns) {
    if (c.rowNumber) continue;
    if (!c.field) {
      unknown.push(c);
      continue;
    }
    const first = byField.get(c.field);
    if (first) {
      const list = dupes.get(c.field) ?? [first];
      list.push(c);
      dupes.set(c.field, list);
      delete c.field;
    } else byField.set(c.field, c);
  }
  return {
    rows,
    row,
    columns,
    byField,
    duplicates: [...dupes].map(([field, cols]) => ({ field, columns: cols })),
    unknown,
  };
}

/** Whether two header decisions are the same: rows, columns, fields, duplicates and unknown columns. */
export function sameHeader(a: Header | undefined, b: Header | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const plain = (h: Header): string => JSON.stringify([h.rows, h.row, h.columns, [...h.byField], h.duplicates, h.unknown]);
  return plain(a) === plain(b);
}
