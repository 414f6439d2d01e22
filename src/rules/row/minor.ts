/** No minor is published on a black list (个人信息保护法; research §4): under 18 at the decision date. */
import { ageOn } from '../../domain/id-number.js';
import { maskIdentifier } from '../../domain/mask.js';
import { defineRowRule } from '../types.js';

export const minor = defineRowRule({
  id: 'schema/minor',
  emits: ['SCHEMA_MINOR'],
  check(ctx) {
    const { record } = ctx;
    if (record.listType !== 'black' || record.subjectType !== '自然人' || !record.idValid || !record.birthDate || !record.decisionDate)
      return;
    const age = ageOn(record.birthDate, record.decisionDate);
    if (age < 18) {
      ctx.report(
        'SCHEMA_MINOR',
        { value: maskIdentifier(record.idNumber, ctx.env.maskRule), age, decisionDate: record.decisionDate },
        'idNumber',
      );
    }
  },
});
