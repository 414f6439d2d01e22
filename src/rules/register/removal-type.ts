/** 移出类型 must be one of 违法违规移出 / 提前移出 / 撤销: the rest of the row means nothing without it. */
import { defineRemovalRule } from './types.js';

export const removalType = defineRemovalRule({
  id: 'register/removal-type',
  emits: ['SCHEMA_REQUIRED', 'SCHEMA_ENUM'],
  check(ctx) {
    if (ctx.type) return;
    const text = ctx.request.cells.removalType?.text ?? '';
    if (text === '') ctx.report('SCHEMA_REQUIRED', { header: '移出类型' }, 'removalType');
    else ctx.report('SCHEMA_ENUM', { header: '移出类型', value: text, allowed: '违法违规移出、提前移出、撤销' }, 'removalType');
    ctx.reject();
  },
});
