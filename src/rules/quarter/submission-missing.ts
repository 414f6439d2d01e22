/** A department of the matrix with no submission (no cover) in the quarter. */
import { defineQuarterRule, type QuarterFacts } from '../types.js';

/** The matrix's departments without a cover in the quarter, in matrix order. */
export function missingDepartments(q: NonNullable<QuarterFacts['quarter']>): string[] {
  if (q.supplementary) return [];
  const submitted = new Set(q.departments.filter((d) => d.name !== undefined && d.covers > 0).map((d) => d.name));
  return q.matrix.departments.map((d) => d.name).filter((name) => !submitted.has(name));
}

export const submissionMissing = defineQuarterRule({
  id: 'package/submission-missing',
  emits: ['PACKAGE_SUBMISSION_MISSING'],
  check(facts, report) {
    const q = facts.quarter;
    if (!q) return;
    for (const name of missingDepartments(q)) {
      // Its folder is there but holds only the form `template` wrote, unfilled: the message says so and names it.
      const form = q.departments.find((d) => d.name === name && d.untouched === true);
      report(
        'PACKAGE_SUBMISSION_MISSING',
        form ? { department: name, form: form.display } : { department: name },
        {},
        { department: name, sort: { departmentRank: q.matrix.departmentRank(name) } },
      );
    }
  },
});
