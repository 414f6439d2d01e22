/**
 * REMOVAL_TOO_EARLY (warning): 提前移出 before the minimum publication period for its 失信程度
 * (国办发〔2025〕22号: 一般 3 months, 严重 1 year), counted from the record's publication.
 */
import { addMonths } from '../../domain/dates.js';
import { defineRemovalRule } from './types.js';

export const MIN_MONTHS: Readonly<Record<string, number>> = { 一般: 3, 严重: 12 };

export const removalTooEarly = defineRemovalRule({
  id: 'register/removal-too-early',
  emits: ['REMOVAL_TOO_EARLY'],
  check(ctx) {
    const m = ctx.matched;
    if (ctx.type !== 'early' || !m) return;
    const months = MIN_MONTHS[m.record.severity];
    if (months === undefined) return;
    const earliest = addMonths(m.publishedOn, months);
    if (ctx.on < earliest)
      ctx.report(
        'REMOVAL_TOO_EARLY',
        { id: m.id, publishedOn: m.publishedOn, earliest, severity: m.record.severity, months, on: ctx.on },
        'reviewedOn',
      );
  },
});
