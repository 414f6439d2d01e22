/**
 * The row checker: runs the row rules, in order, over one mapped row the table reader yields, then
 * gives an empty 公示截止日期 its default (the bureau's rules §四(四)). The reader hands rows here and
 * knows no rule.
 */
import { ROW_RULES } from './row/index.js';
import { defaultUntil, periodSeverity } from './row/period.js';
import type { RowContext } from './types.js';

export function runRowRules(ctx: RowContext): void {
  for (const rule of ROW_RULES) rule.check(ctx);
  const draft = ctx.record;
  if (!draft.publishUntil && draft.decisionDate && !ctx.cells.publishUntil?.text) {
    draft.publishUntil = defaultUntil(ctx.env, draft.decisionDate, draft.domain, periodSeverity(draft));
    draft.publishUntilDefaulted = true;
  }
}
