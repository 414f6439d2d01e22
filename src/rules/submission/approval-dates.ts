/** Sign-offs are not dated after today; approval before review is only a warning (the tool records, it does not judge). */
import { coverDate } from '../../table/cover.js';
import { coverLocation, defineSubmissionRule } from '../types.js';

export const approvalDates = defineSubmissionRule({
  id: 'approval/dates',
  emits: ['APPROVAL_DATE_FUTURE', 'APPROVAL_DATE_ORDER'],
  check(f, report) {
    const c = f.covers[0];
    if (!c) return;
    const reviewed = coverDate(c.values.reviewedOn).date;
    const approved = coverDate(c.values.approvedOn).date;
    if (reviewed && reviewed > f.env.today)
      report('APPROVAL_DATE_FUTURE', { key: 'reviewedOn', value: reviewed, today: f.env.today }, coverLocation(c, 'reviewedOn'));
    if (approved && approved > f.env.today)
      report('APPROVAL_DATE_FUTURE', { key: 'approvedOn', value: approved, today: f.env.today }, coverLocation(c, 'approvedOn'));
    if (reviewed && approved && approved < reviewed)
      report('APPROVAL_DATE_ORDER', { reviewedOn: reviewed, approvedOn: approved }, coverLocation(c, 'approvedOn'));
  },
});
