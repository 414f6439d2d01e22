/** REMOVAL_NOT_OWNER: the record was listed by another department (谁发布、谁负责). */
import { defineRemovalRule } from './types.js';

export const removalNotOwner = defineRemovalRule({
  id: 'register/removal-not-owner',
  emits: ['REMOVAL_NOT_OWNER'],
  check(ctx) {
    const m = ctx.matched;
    const dept = ctx.request.department;
    if (!m || dept === undefined || m.record.department === dept) return;
    ctx.report('REMOVAL_NOT_OWNER', { id: m.id, owner: m.record.department, department: dept }, 'subjectName');
    ctx.reject();
  },
});
