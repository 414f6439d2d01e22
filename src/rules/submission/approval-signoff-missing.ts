/** 单位主要领导审定 (rules §四(二)): the approver and the approval date must be on the cover. */
import { defineSubmissionRule, missingSignOff } from '../types.js';

export const approvalSignoffMissing = defineSubmissionRule({
  id: 'approval/signoff-missing',
  emits: ['APPROVAL_SIGNOFF_MISSING'],
  check(f, report) {
    const gap = f.covers[0] && missingSignOff(f.covers[0], 'approver', 'approvedOn');
    if (gap) report('APPROVAL_SIGNOFF_MISSING', { missing: gap.missing }, gap.location);
  },
});
