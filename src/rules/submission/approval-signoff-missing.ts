/** 单位主要领导审定 (rules §四(二)): the approver and the approval date must be on the cover. */
import { coverLocation, defineSubmissionRule } from '../types.js';

export const approvalSignoffMissing = defineSubmissionRule({
  id: 'approval/signoff-missing',
  emits: ['APPROVAL_SIGNOFF_MISSING'],
  check(f, report) {
    const c = f.covers[0];
    if (!c) return;
    const missing = [!c.values.approver?.text ? '审定人' : '', !c.values.approvedOn?.text ? '审定日期' : ''].filter(Boolean);
    if (missing.length > 0) report('APPROVAL_SIGNOFF_MISSING', { missing: missing.join('、') }, coverLocation(c, c.values.approver?.text ? 'approvedOn' : 'approver'));
  },
});
