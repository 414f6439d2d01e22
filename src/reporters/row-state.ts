/**
 * What a 督查 row's submission is shown as, in every view that shows one (the report's tables and its
 * timeliness chart, supervise's screen and the 督查情况表's 督查明细): its status, except that a department
 * that has sent nothing to a batch not yet due (its deadline still ahead) is 未到截止日期, not 未报送. Such a
 * row is neither on time nor late, gets no hatched mark and is counted in no 未报送 figure (report JSON
 * `timeliness.missing`, 科室统计, the lapses), as supervise names no lapse for it (docs/decisions.md).
 * A department in a supplementary batch that sent nothing to it is there only for the removals the batch
 * records for it (an objection's 撤销): 仅移出 (removals only), as nobody owes a supplementary batch.
 */
import { removalsOnly } from '../schemas/documents/removals-only.js';
import { parseBatch } from '../domain/quarter.js';
import type { ReportsUiText } from '../messages/reports.js';
import type { SuperviseRow } from '../schemas/documents/supervise.js';
import type { SubmissionState } from '../schemas/states.js';

export type ShownState = SubmissionState | 'notDue' | 'removalsOnly' | 'sentLate';

/** `due`: the row's batch is past its deadline (a regular batch; a supplementary one is never due from everyone). */
export function shownState(row: Pick<SuperviseRow, 'status' | 'batch' | 'removals' | 'sentIn'>, due: boolean): ShownState {
  if (row.status !== 'missing') return row.status;
  // 补报: the quarter's list came in a supplementary batch (api/reports/supervise.ts): not 未报送.
  if (row.sentIn !== undefined) return 'sentLate';
  // A supplementary batch lists a department that sent nothing only for its removals (api/reports/supervise.ts).
  if (removalsOnly({ submitted: false, removals: row.removals }, (parseBatch(row.batch)?.n ?? 1) > 1)) return 'removalsOnly';
  return due ? 'missing' : 'notDue';
}

export function shownStateText(r: ReportsUiText, state: ShownState, sentIn?: string): string {
  if (state === 'sentLate') return r.sentLateIn(sentIn ?? '');
  return state === 'notDue' ? r.notDue : state === 'removalsOnly' ? r.removalsOnly : r.state[state];
}
