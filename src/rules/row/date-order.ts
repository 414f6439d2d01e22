/** 公示截止日期 before 认定日期. */
import { defineRowRule } from '../types.js';

export const dateOrder = defineRowRule({
  id: 'schema/date-order',
  emits: ['SCHEMA_DATE_ORDER'],
  check(ctx) {
    const { decisionDate, publishUntil } = ctx.record;
    if (decisionDate && publishUntil && publishUntil < decisionDate) {
      ctx.report('SCHEMA_DATE_ORDER', { decisionDate, publishUntil }, 'publishUntil');
      ctx.markBad('publishUntil');
    }
  },
});
