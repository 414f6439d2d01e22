/** The publication period (the bureau's rules §四(四)): helpers shared by the period rules. */
import { addDays, addMonths, addYears, type IsoDate } from '../../domain/dates.js';
import { SEVERITY_MAX_MONTHS, type Severity3 } from '../../schemas/enums.js';
import type { RecordDraft, RowContext, RuleEnv } from '../types.js';

/** The domain's cap in years: `publication.domainMaxYears`, else `publication.maxYears` (3). */
export function capYears(env: RuleEnv, domain: string | undefined): number {
  return (domain && Object.hasOwn(env.domainMaxYears, domain) && env.domainMaxYears[domain]?.years) || env.maxYears;
}

/** The latest allowed 公示截止日期: decision date + cap (the same calendar day allowed). */
export function latestUntil(env: RuleEnv, decisionDate: IsoDate, domain: string | undefined): IsoDate {
  return addYears(decisionDate, capYears(env, domain));
}

/**
 * The default 公示截止日期 when the cell is empty: decision date + the longest period allowed − 1 day.
 * For a black record that is the shorter of the domain's cap and its 失信程度's (国办发〔2025〕22号: 轻微
 * 3 months, 一般 1 year, 严重 3 years), never beyond either; red lists take the domain's cap.
 */
export function defaultUntil(env: RuleEnv, decisionDate: IsoDate, domain: string | undefined, severity?: Severity3): IsoDate {
  const months = Math.min(capYears(env, domain) * 12, severity ? SEVERITY_MAX_MONTHS[severity] : Infinity);
  return addDays(addMonths(decisionDate, months), -1);
}

/** The 失信程度 that bounds a row's default period: a black (or not yet known) list's, never a red one's. */
export function periodSeverity(record: Pick<RecordDraft, 'listType' | 'severity'>): Severity3 | undefined {
  return record.listType === 'red' ? undefined : record.severity;
}

/** The period end that applies to a row: as written, else the default; undefined when unknown. */
export function effectiveUntil(ctx: RowContext<never>): IsoDate | undefined {
  const { record } = ctx;
  if (record.publishUntil) return record.publishUntil;
  if (ctx.cells.publishUntil?.text) return undefined; // written but unreadable: already reported
  return record.decisionDate ? defaultUntil(ctx.env, record.decisionDate, record.domain, periodSeverity(record)) : undefined;
}
