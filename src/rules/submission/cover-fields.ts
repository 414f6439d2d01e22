/** 报送单位, 报送季度 and 填报人 must be filled in; dates must be dates. */
import { coverDate, type CoverKey } from '../../table/cover.js';
import { coverLocation, defineSubmissionRule } from '../types.js';

const REQUIRED: readonly CoverKey[] = ['unit', 'quarter', 'filler'];
const DATES: readonly CoverKey[] = ['reviewedOn', 'approvedOn', 'sentOn'];

export const coverFields = defineSubmissionRule({
  id: 'cover/fields',
  emits: ['COVER_FIELD_MISSING', 'SCHEMA_DATE_INVALID'],
  check(f, report) {
    const cover = f.covers[0];
    if (!cover) return;
    for (const key of REQUIRED) {
      if (!cover.values[key]?.text) report('COVER_FIELD_MISSING', { key }, coverLocation(cover, key));
    }
    for (const key of DATES) {
      const v = cover.values[key];
      if (v && coverDate(v).invalid) {
        report('SCHEMA_DATE_INVALID', { field: key, value: v.text, reason: 'format' }, coverLocation(cover, key));
      }
    }
  },
});
