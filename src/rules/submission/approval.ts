/**
 * 发布程序 (rules §四(二)): reviewed by the bureau-level leader in charge (局分管领导审核) and approved
 * by the unit's principal leader (单位主要领导审定). The tool records names and dates; it does not
 * judge the person, and the order of the two dates is only a warning.
 */
import { coverDate } from '../../table/cover.js';
import { foldKey } from '../../domain/text.js';
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

export const approvalDates = defineSubmissionRule({
  id: 'approval/dates',
  emits: ['APPROVAL_DATE_FUTURE', 'APPROVAL_DATE_ORDER'],
  check(f, report) {
    const c = f.covers[0];
    if (!c) return;
    const reviewed = coverDate(c.values.reviewedOn).date;
    const approved = coverDate(c.values.approvedOn).date;
    if (reviewed && reviewed > f.env.today) report('APPROVAL_DATE_FUTURE', { key: '审核日期', value: reviewed, today: f.env.today }, coverLocation(c, 'reviewedOn'));
    if (approved && approved > f.env.today) report('APPROVAL_DATE_FUTURE', { key: '审定日期', value: approved, today: f.env.today }, coverLocation(c, 'approvedOn'));
    if (reviewed && approved && approved < reviewed) report('APPROVAL_DATE_ORDER', { reviewedOn: reviewed, approvedOn: approved }, coverLocation(c, 'approvedOn'));
  },
});

export const approvalSamePerson = defineSubmissionRule({
  id: 'approval/same-person',
  emits: ['APPROVAL_SAME_PERSON'],
  check(f, report) {
    const c = f.covers[0];
    const a = c?.values.reviewer?.text;
    const b = c?.values.approver?.text;
    if (c && a && b && foldKey(a) === foldKey(b)) report('APPROVAL_SAME_PERSON', { name: a }, coverLocation(c, 'approver'));
  },
});
