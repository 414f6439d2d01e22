/** A nil report (无信息报告 = 是) lists nothing. */
import { isYes } from '../../table/cover.js';
import { coverLocation, defineSubmissionRule } from '../types.js';

export const coverNilWithRows = defineSubmissionRule({
  id: 'cover/nil-with-rows',
  emits: ['COVER_NIL_WITH_ROWS'],
  check(f, report) {
    const cover = f.covers[0];
    const rows = f.rows.red + f.rows.black;
    if (cover && isYes(cover.values.nil) && rows > 0) report('COVER_NIL_WITH_ROWS', { rows }, coverLocation(cover, 'nil'));
  },
});
