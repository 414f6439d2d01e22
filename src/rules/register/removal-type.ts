/** 移出类型 must be one of 违法违规移出 / 提前移出 / 撤销: the rest of the row means nothing without it. */
import { defineRemovalRule } from './types.js';

export const REMOVAL_TYPE_NAMES = ['违法违规移出', '提前移出', '撤销'];

export const removalType = defineRemovalRule({
  id: 'register/removal-type',
  emits: ['REMOVAL_TYPE_INVALID'],
  check(ctx) {
    if (ctx.type) return;
    ctx.report('REMOVAL_TYPE_INVALID', { value: ctx.request.cells.removalType?.text ?? '', allowed: REMOVAL_TYPE_NAMES }, 'removalType');
    ctx.reject();
  },
});
