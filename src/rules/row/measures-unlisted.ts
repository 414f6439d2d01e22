/**
 * A measure written in 奖惩措施 that the 联合奖惩措施清单 does not hold for the record's list and
 * domain (department.md "Joint measures"): a warning, since the catalogue is the bureau's own list
 * and a department may still cite a measure it has not yet been given.
 */
import { foldKey } from '../../domain/text.js';
import { measureItems, splitMeasures } from '../../schemas/measures.js';
import { defineRowRule } from '../types.js';

export const measuresUnlisted = defineRowRule({
  id: 'measures/unlisted',
  emits: ['MEASURES_UNLISTED'],
  check(ctx) {
    const { env, record } = ctx;
    const catalogue = env.measures;
    const cell = ctx.cells.measures;
    if (!catalogue || catalogue.length === 0 || !cell?.text || ctx.isBad('measures')) return;
    if (!record.listType || !record.domain) return;
    const dept = env.department?.name;
    const known = new Set(
      measureItems(
        catalogue,
        record.listType,
        record.domain,
        (named) => dept !== undefined && env.matrix.resolveDepartment(named)?.name === dept,
      ).map(foldKey),
    );
    // A list and domain the catalogue does not cover is not judged: a catalogue may start small.
    if (known.size === 0) return;
    for (const m of splitMeasures(cell.text)) {
      if (known.has(foldKey(m))) continue;
      ctx.report('MEASURES_UNLISTED', { measure: m, list: record.listType, domain: record.domain }, 'measures');
      ctx.markBad('measures');
      return;
    }
  },
});
