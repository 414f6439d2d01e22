/** REMOVAL_FILING_MISSING: 提前移出 without 审查日期 or without 报备市信用办日期. */
import { defineRemovalRule } from './types.js';

export const removalFilingMissing = defineRemovalRule({
  id: 'register/removal-filing-missing',
  emits: ['REMOVAL_FILING_MISSING'],
  check(ctx) {
    if (ctx.type !== 'early' || !ctx.matched) return;
    const c = ctx.request.cells;
    const missing = (['reviewedOn', 'filedOn'] as const).filter((k) => !c[k]?.text);
    if (missing.length === 0) return;
    ctx.report('REMOVAL_FILING_MISSING', { id: ctx.matched.id, missing }, missing[0]);
    ctx.reject();
  },
});
