/** What the annotator is asked to do: the marks per sheet and the 检查结果 sheet's content. */
export type MarkKind = 'error' | 'warning' | 'info';

export interface CellMark {
  row: number;
  /** 0-based column. */
  col: number;
  kind: MarkKind;
  note: string;
}

export interface SummaryRow {
  location: string;
  severity: string;
  kind: MarkKind;
  code: string;
  message: string;
  hint: string;
  /** The flagged cell, for the hyperlink. */
  target?: { sheet: string; ref: string };
}

export interface AnnotatePlan {
  /** Sheet name → marks. */
  marks: Map<string, CellMark[]>;
  /**
   * How the findings name a sheet (an ID number in a sheet name is masked in every output): the writer
   * finds the sheet a mark or a link names through it. Absent: by its name as written.
   */
  sheetShown?: (name: string) => string;
  /**
   * The 检查结果 sheet: `title` (file, time, tool) and `overview` (the counts) above the header row
   * when given (people.md "Documents people sign and read").
   */
  summary: {
    sheetName: string;
    headers: string[];
    rows: SummaryRow[];
    footer: string[];
    author: string;
    title?: string;
    overview?: string;
  };
}

/** The plan with its sheets named as the workbook names them (`sheetShown` read backwards). */
export function planForSheets(plan: AnnotatePlan, names: readonly string[]): AnnotatePlan {
  const shown = plan.sheetShown;
  if (!shown) return plan;
  const written = new Set(names);
  const byShown = new Map<string, string>();
  for (const n of names) if (!byShown.has(shown(n))) byShown.set(shown(n), n);
  const real = (n: string): string => (written.has(n) ? n : (byShown.get(n) ?? n));
  const marks = new Map<string, CellMark[]>();
  for (const [n, list] of plan.marks) marks.set(real(n), [...(marks.get(real(n)) ?? []), ...list]);
  const rows = plan.summary.rows.map((r) => (r.target ? { ...r, target: { ...r.target, sheet: real(r.target.sheet) } } : r));
  return { ...plan, marks, summary: { ...plan.summary, rows } };
}
