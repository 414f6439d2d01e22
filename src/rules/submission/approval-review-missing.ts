/** 局分管领导审核 (rules §四(二)): the reviewer and the review date must be on the cover. */
import { defineSubmissionRule, missingSignOff } from '../types.js';

export const approvalReviewMissing = defineSubmissionRule({
  id: 'approval/review-missing',
  emits: ['APPROVAL_REVIEW_MISSING'],
  check(f, report) {
    const gap = f.covers[0] && missingSignOff(f.covers[0], 'reviewer', 'reviewedOn');
    if (gap) report('APPROVAL_REVIEW_MISSING', { missing: gap.missing }, gap.location);
  },
});
