/**
 * The states a department's submission and its lapses are shown in: vocabulary the api computes
 * (api/reports/summary.ts, api/reports/supervise.ts) and the catalogues name (messages/reports.ts), so it sits below both.
 */

/** 已报送 / 无数据报送 / 未报送. */
export type SubmissionState = 'submitted' | 'nil' | 'missing';

/** What supervise flags for a department (reports.md "supervise"). */
export type LapseKind = 'missing' | 'late' | 'unsigned' | 'objection-overdue' | 'objection-late' | 'correction-awaited';
