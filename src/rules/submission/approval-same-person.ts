/** Review and approval are normally given by two people: the same name twice is a warning. */
import { foldKey } from '../../domain/text.js';
import { coverLocation, defineSubmissionRule } from '../types.js';

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
