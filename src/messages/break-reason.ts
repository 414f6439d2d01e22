/**
 * The register break as the clerk is told it: blank lines from line 1 on are a log with no event at all,
 * only blank lines (made by hand, or an editor's save of an empty file) — not "blank lines after the last
 * event". The data (verify's JSON, REGISTER_CORRUPT's args) keeps the reason `blank`; only the words differ.
 */
export type ShownBreak = 'json' | 'schema' | 'seq' | 'prev' | 'hash' | 'canonical' | 'linebreak' | 'torn' | 'blank' | 'blankOnly' | 'head';

export function shownBreak(reason: string, line: number): string {
  return reason === 'blank' && line === 1 ? 'blankOnly' : reason;
}
