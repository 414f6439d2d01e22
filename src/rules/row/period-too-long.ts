/** 公示截止日期 beyond the domain's cap: 3 years unless a law says otherwise (rules §四(四)). */
import { capYears, latestUntil } from './period.js';
import { defineRowRule } from '../types.js';

export const periodTooLong = defineRowRule({
  id: 'schema/period-too-long',
  emits: ['SCHEMA_PERIOD_TOO_LONG'],
  check(ctx) {
    const { decisionDate, publishUntil, domain } = ctx.record;
    if (!decisionDate || !publishUntil || ctx.isBad('publishUntil')) return;
    const latest = latestUntil(ctx.env, decisionDate, domain);
    if (publishUntil > latest) {
      ctx.report(
        'SCHEMA_PERIOD_TOO_LONG',
        { publishUntil, latest, years: capYears(ctx.env, domain), domain: domain ?? '' },
        'publishUntil',
      );
      ctx.markBad('publishUntil');
    }
  },
});
