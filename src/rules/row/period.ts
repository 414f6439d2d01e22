/** The publication period (the bureau's rules §四(四)): helpers shared by the period rules. */
import { addDays, addYears, type IsoDate } from '../../domain/dates.js';
import type { RowContext, RuleEnv } from '../types.js';

/** The domain's cap in years: `publication.domainMaxYears`, else `publication.maxYears` (3). */
export function capYears(env: RuleEnv, domain: string | undefined): number {
  return (domain && Object.hasOwn(env.domainMaxYears, domain) && env.domainMaxYears[domain]?.years) || env.maxYears;
}

/** The latest allowed 公示截止日期: decision date + cap (the same calendar day allowed). */
export function latestUntil(env: RuleEnv, decisionDate: IsoDate, domain: string | undefined): IsoDate {
  return addYears(decisionDate, capYears(env, domain));
}

/** The default 公示截止日期 when the cell is empty: decision date + cap − 1 day. */
export function defaultUntil(env: RuleEnv, decisionDate: IsoDate, domain: string | undefined): IsoDate {
  return addDays(addYears(decisionDate, capYears(env, domain)), -1);
}

/** The period end that applies to a row: as written, else the default; undefined when unknown. */
export function effectiveUntil(ctx: RowContext<never>): IsoDate | undefined {
  const { record } = ctx;
  if (record.publishUntil) return record.publishUntil;
  if (ctx.cells.publishUntil?.text) return undefined; // written but unreadable: already reported
  return record.decisionDate ? defaultUntil(ctx.env, record.decisionDate, record.domain) : undefined;
}
