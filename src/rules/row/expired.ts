/** A record whose period ended before today has nothing left to publish. */
import { effectiveUntil } from './period.js';
import { defineRowRule } from '../types.js';

export const expired = defineRowRule({
  id: 'schema/expired',
  emits: ['SCHEMA_EXPIRED'],
  check(ctx) {
    if (ctx.isBad('publishUntil') || ctx.isBad('decisionDate')) return;
    const until = effectiveUntil(ctx);
    if (until && until < ctx.env.today) {
      ctx.report(
        'SCHEMA_EXPIRED',
        { publishUntil: until, today: ctx.env.today },
        ctx.record.publishUntilDefaulted || !ctx.cells.publishUntil?.text ? 'decisionDate' : 'publishUntil',
      );
    }
  },
});
