/** REMOVAL_TYPE_MISMATCH: 违法违规移出 of a black record, 提前移出 of a red one. */
import { defineRemovalRule } from './types.js';

export const removalTypeMismatch = defineRemovalRule({
  id: 'register/removal-type-mismatch',
  emits: ['REMOVAL_TYPE_MISMATCH'],
  check(ctx) {
    const m = ctx.matched;
    if (!m || !ctx.type) return;
    const list = m.record.listType;
    if ((ctx.type === 'violation' && list === 'black') || (ctx.type === 'early' && list === 'red')) {
      ctx.report('REMOVAL_TYPE_MISMATCH', { id: m.id, removalType: ctx.type, listType: list }, 'removalType');
      ctx.reject();
    }
  },
});
