/** A decision dated outside the quarter being submitted (a warning: late decisions happen). */
import { formatQuarter, quarterEnd, quarterStart } from '../../domain/quarter.js';
import { defineRowRule } from '../types.js';

export const dateOutOfQuarter = defineRowRule({
  id: 'schema/date-out-of-quarter',
  emits: ['SCHEMA_DATE_OUT_OF_QUARTER'],
  check(ctx) {
    const d = ctx.record.decisionDate;
    const q = ctx.env.quarter;
    if (!d || !q || d > ctx.env.today) return;
    const start = quarterStart(q);
    const end = quarterEnd(q);
    if (d < start || d > end) ctx.report('SCHEMA_DATE_OUT_OF_QUARTER', { value: d, quarter: formatQuarter(q), start, end }, 'decisionDate');
  },
});
