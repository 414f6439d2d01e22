/** 国办发〔2025〕22号: 轻微 at most 3 months, 一般 1 year, 严重 3 years of publication. */
import { addMonths } from '../../domain/dates.js';
import { SEVERITY_MAX_MONTHS } from '../../schemas/enums.js';
import { effectiveUntil } from './period.js';
import { defineRowRule } from '../types.js';

export const periodSeverity = defineRowRule({
  id: 'schema/period-severity',
  emits: ['SCHEMA_PERIOD_SEVERITY'],
  check(ctx) {
    const { decisionDate, severity } = ctx.record;
    if (!decisionDate || !severity || ctx.isBad('publishUntil')) return;
    const until = effectiveUntil(ctx);
    if (!until) return;
    const months = SEVERITY_MAX_MONTHS[severity];
    const latest = addMonths(decisionDate, months);
    if (until > latest) {
      // An empty 公示截止日期 takes the default period: the message says the date was computed.
      const typed = Boolean(ctx.cells.publishUntil?.text);
      ctx.report(
        'SCHEMA_PERIOD_SEVERITY',
        { publishUntil: until, latest, severity, months, ...(typed ? {} : { computed: true as const }) },
        typed ? 'publishUntil' : 'severity',
      );
    }
  },
});
