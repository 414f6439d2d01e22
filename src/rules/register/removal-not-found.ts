/** REMOVAL_NOT_FOUND: no active record of that subject on that list (and decision, when given). */
import { maskIdentifier } from '../../domain/mask.js';
import { defineRemovalRule } from './types.js';

export const removalNotFound = defineRemovalRule({
  id: 'register/removal-not-found',
  emits: ['REMOVAL_NOT_FOUND'],
  check(ctx) {
    if (ctx.candidates.length > 0) return;
    const c = ctx.request.cells;
    // The subject as the row names it: a 证件号码 is masked (findings are shown and logged).
    const subject = c.subjectName?.text || c.creditCode?.text || (c.idNumber?.text ? maskIdentifier(c.idNumber.text) : '');
    ctx.report(
      'REMOVAL_NOT_FOUND',
      {
        listType: ctx.listType ?? '',
        subject,
        decisionNo: c.decisionNo?.text ?? '',
        ...(ctx.removed ? { removed: { id: ctx.removed.id, type: ctx.removed.type, on: ctx.removed.on, batch: ctx.removed.batch } } : {}),
      },
      c.decisionNo?.text ? 'decisionNo' : 'subjectName',
    );
    ctx.reject();
  },
});
