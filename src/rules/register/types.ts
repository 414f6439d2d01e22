/**
 * What the register's removal rules see (register.md "Removal requests"): one request row, the
 * records of the register it may name, and what is public today. Pure: no disk, no console.
 */
import type { Code, CodeArgs } from '../../diagnostics/codes.js';
import type { IsoDate } from '../../domain/dates.js';
import type { CreditRecord } from '../../schemas/record.js';
import type { RemovalField, RemovalRequest } from '../../table/removal-sheet.js';

export type RequestedType = 'violation' | 'early' | 'revoked';

export interface Candidate {
  id: string;
  /** What the removal rules read of the record (the register keeps these of every record: register/stored.ts). */
  record: Pick<CreditRecord, 'listType' | 'department' | 'severity' | 'subjectName' | 'decisionNo' | 'decisionDate'>;
  publishedOn: IsoDate;
}

export interface RemovalContext {
  request: RemovalRequest;
  today: IsoDate;
  /** The 移出类型 read (undefined when empty or unknown). */
  type?: RequestedType;
  listType?: 'red' | 'black';
  /** Active records the request may name (subject, list, and decision when given). */
  candidates: Candidate[];
  /** The one record it names, when exactly one matched. */
  matched?: Candidate;
  /** No active record matched, but one removed already (not expired) did: how and when it went. */
  removed?: { id: string; type: 'violation' | 'early' | 'revoked' | 'corrected'; on: IsoDate; batch: string | null };
  /** The removal's date: 审查日期, else 报备市信用办日期, else today. */
  on: IsoDate;
  report<C extends Code>(code: C, args: CodeArgs[C], field?: RemovalField): void;
  /** A fatal finding for this row (not found, ambiguous, unreadable): it removes nothing. */
  reject(): void;
}

export interface RemovalRule {
  id: string;
  scope: 'removal';
  emits: readonly Code[];
  check(ctx: RemovalContext): void;
}

export function defineRemovalRule(rule: Omit<RemovalRule, 'scope'>): RemovalRule {
  return { ...rule, scope: 'removal' };
}

export const REQUESTED_TYPES: Record<string, RequestedType> = {
  违法违规移出: 'violation',
  违法违规: 'violation',
  提前移出: 'early',
  信用修复: 'early',
  撤销: 'revoked',
  撤销移出: 'revoked',
};
