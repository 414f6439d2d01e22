/**
 * An empty 奖惩措施 is filled from the bureau's 联合奖惩措施清单 for the record's list and domain
 * (the bureau's rules §五(三); department.md "Joint measures"), so that the package carries them.
 */
import { measureItems } from '../../schemas/measures.js';
import { defineRowRule } from '../types.js';

export const measuresFilled = defineRowRule({
  id: 'measures/filled',
  emits: ['MEASURES_FILLED'],
  check(ctx) {
    const { env, record } = ctx;
    const catalogue = env.measures;
    if (!catalogue || catalogue.length === 0 || record.measures || ctx.isBad('measures')) return;
    if (!record.listType || !record.domain) return;
    const dept = env.department?.name;
    const items = measureItems(
      catalogue,
      record.listType,
      record.domain,
      (named) => dept !== undefined && env.matrix.resolveDepartment(named)?.name === dept,
    );
    if (items.length === 0) return;
    record.measures = items.join('；');
    ctx.report(
      'MEASURES_FILLED',
      { list: record.listType, domain: record.domain, items: items.length },
      ctx.hasColumn('measures') ? 'measures' : undefined,
    );
  },
});
