/**
 * A department a supplementary batch lists though it sent no rows to it: it is there for the removals the
 * batch records for it (an objection's 撤销 since the last batch). Nobody owes a supplementary batch, so it
 * is not 未报送: every view says 仅移出 (removals only) — compile's and status's tables, 报送情况.xlsx, and
 * the 督查 rows of supervise and the report (reporters/row-state.ts). docs/decisions.md "仅移出 in a supplementary batch".
 */
import { type RemovalCounts, removalTotal } from './figures.js';

export function removalsOnly(d: { submitted: boolean; removals: RemovalCounts }, supplementary: boolean): boolean {
  return supplementary && !d.submitted && removalTotal(d.removals) > 0;
}
