/** REMOVAL_AMBIGUOUS: several active records match and no 认定文书号 says which. */
import { defineRemovalRule } from './types.js';

export const removalAmbiguous = defineRemovalRule({
  id: 'register/removal-ambiguous',
  emits: ['REMOVAL_AMBIGUOUS'],
  check(ctx) {
    if (ctx.candidates.length < 2) return;
    ctx.report(
      'REMOVAL_AMBIGUOUS',
      { subject: ctx.candidates[0]?.record.subjectName ?? '', count: ctx.candidates.length, ids: ctx.candidates.map((c) => c.id) },
      'decisionNo',
    );
    ctx.reject();
  },
});
