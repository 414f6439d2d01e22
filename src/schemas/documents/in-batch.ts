/**
 * Whether a department belongs in a batch's views. A regular batch is owed by every department of the matrix:
 * each has a line (未报送 when it sent nothing). A supplementary batch asks only the departments that have
 * something to add (register.md: PACKAGE_SUBMISSION_MISSING and timeliness apply to regular batches only):
 * one that sent nothing to it is not in it — not 未报送 — unless the batch records removals for it (仅移出,
 * removals-only.ts). One answer for compile's table and JSON, the manifest, 报送情况.xlsx, status, supervise
 * and the report. docs/decisions.md "Who is in a supplementary batch".
 */
import { type RemovalCounts, removalTotal } from './figures.js';

export function inBatch(d: { submitted: boolean; removals: RemovalCounts }, supplementary: boolean): boolean {
  return !supplementary || d.submitted || removalTotal(d.removals) > 0;
}
