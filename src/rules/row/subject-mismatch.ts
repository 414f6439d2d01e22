/** Identifiers that contradict the subject type (checks.md SCHEMA_SUBJECT_MISMATCH). */
import { isIndividualBusinessCode } from '../../domain/credit-code.js';
import { defineRowRule } from '../types.js';

export const subjectMismatch = defineRowRule({
  id: 'schema/subject-mismatch',
  emits: ['SCHEMA_SUBJECT_MISMATCH'],
  check(ctx) {
    const { record } = ctx;
    if (record.subjectType === '自然人' && record.creditCode && !record.idNumber) {
      ctx.report('SCHEMA_SUBJECT_MISMATCH', { subjectType: '自然人', reason: 'personWithCreditCode' }, 'creditCode');
    } else if (record.subjectType === '法人及非法人组织' && record.creditCodeValid && isIndividualBusinessCode(record.creditCode)) {
      ctx.report('SCHEMA_SUBJECT_MISMATCH', { subjectType: '法人及非法人组织', reason: 'organisationWithBusinessCode' }, 'subjectType');
    }
  },
});
