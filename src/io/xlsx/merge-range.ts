/** A merged range's `ref` (`A1:C2`, `$B$3`) read as rows and columns (merge-scan.ts). */
import { columnIndex } from '../../domain/text.js';
import type { MergeRange } from '../../table/cells.js';

function parseRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  return { col: columnIndex((m[1] as string).toUpperCase()), row: Number(m[2]) };
}

export function parseRange(ref: string): MergeRange | undefined {
  const [a, b] = ref.split(':');
  const start = parseRef(a ?? '');
  const end = b ? parseRef(b) : start;
  if (!start || !end) return undefined;
  return {
    top: Math.min(start.row, end.row),
    bottom: Math.max(start.row, end.row),
    left: Math.min(start.col, end.col),
    right: Math.max(start.col, end.col),
  };
}
