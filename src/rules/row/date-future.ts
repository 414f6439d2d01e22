/** A decision cannot be dated after today. */
import { defineRowRule } from '../types.js';

export const dateFuture = defineRowRule({
  id: 'schema/date-future',
  emits: ['SCHEMA_DATE_FUTURE'],
  check(ctx) {
    const d = ctx.record.decisionDate;
    if (d && d > ctx.env.today) ctx.report('SCHEMA_DATE_FUTURE', { field: 'decisionDate', value: d, today: ctx.env.today }, 'decisionDate');
  },
});
