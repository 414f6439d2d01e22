/** 局分管领导审核 (rules §四(二)): the reviewer and the review date must be on the cover. */
import { coverLocation, defineSubmissionRule } from '../types.js';

export const approvalReviewMissing = defineSubmissionRule({
  id: 'approval/review-missing',
  emits: ['APPROVAL_REVIEW_MISSING'],
  check(f, report) {
    const c = f.covers[0];
    if (!c) return;
    const missing = [!c.values.reviewer?.text ? '审核人' : '', !c.values.reviewedOn?.text ? '审核日期' : ''].filter(Boolean);
    if (missing.length > 0) report('APPROVAL_REVIEW_MISSING', { missing: missing.join('、') }, coverLocation(c, c.values.reviewer?.text ? 'reviewedOn' : 'reviewer'));
  },
});
