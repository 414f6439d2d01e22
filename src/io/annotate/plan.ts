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
