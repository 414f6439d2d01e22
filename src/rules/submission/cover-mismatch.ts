/** The cover's 报送单位 and 报送季度 must agree with `--department` / `--quarter` and the folders. */
import { formatQuarter, resolveBatch } from '../../domain/quarter.js';
import { coverLocation, defineSubmissionRule } from '../types.js';

export const coverMismatch = defineSubmissionRule({
  id: 'cover/mismatch',
  emits: ['COVER_MISMATCH'],
  check(f, report) {
    const cover = f.covers[0];
    if (!cover) return;
    const unit = cover.values.unit?.text;
    const dept = f.env.department;
    if (unit && dept) {
      const resolved = f.env.matrix.resolveDepartment(unit);
      if (resolved?.name !== dept.name)
        report('COVER_MISMATCH', { key: 'unit', cover: unit, expected: dept.name }, coverLocation(cover, 'unit'));
    }
    const q = cover.values.quarter?.text;
    if (q && f.env.quarter) {
      // A supplementary batch's cover may say 2026年第三季度第2批: its quarter is what is compared.
      const parsed = resolveBatch(q, f.env.today)?.quarter;
      const expected = formatQuarter(f.env.quarter);
      if (!parsed || formatQuarter(parsed) !== expected)
        report('COVER_MISMATCH', { key: 'quarter', cover: q, expected }, coverLocation(cover, 'quarter'));
    }
  },
});
