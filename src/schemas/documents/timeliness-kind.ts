/**
 * How a department's submission to a batch stands against the batch's deadline, one answer for every view
 * (the report's JSON timeliness and its chart, supervise's tally, screen and 督查明细, 报送情况.xlsx). A batch
 * with no deadline — a supplementary one: timeliness applies to regular batches only (register.md) — makes a
 * submission neither on time, late nor 未填报送日期 (its date may well be filled in): 无截止日期, counted in no
 * timeliness figure. docs/decisions.md "A batch without a deadline".
 */
export type TimelinessKind = 'missing' | 'onTime' | 'late' | 'noDeadline' | 'noDate';

export function timelinessKind(row: { submitted: boolean; deadline: string | null; daysLate: number | null }): TimelinessKind {
  if (!row.submitted) return 'missing';
  if (row.daysLate !== null) return row.daysLate === 0 ? 'onTime' : 'late';
  return row.deadline === null ? 'noDeadline' : 'noDate';
}

/** A 督查 row (supervise, the report) asked the same question. */
export function rowTimeliness(row: {
  status: string;
  deadline: string | null;
  daysLate: number | null;
  sentIn?: string | undefined;
}): TimelinessKind {
  // 补报 (sentIn): the quarter's list came in a supplementary batch — on time or late against this batch's deadline.
  return timelinessKind({
    submitted: row.status !== 'missing' || row.sentIn !== undefined,
    deadline: row.deadline,
    daysLate: row.daysLate,
  });
}
