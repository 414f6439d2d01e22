/**
 * 统一社会信用代码 (GB 32100-2015 with the GB 11714 check inside it). A code Excel stored as a
 * number has lost digits: SCHEMA_ID_PRECISION_LOST, never a checksum error, never "repaired".
 */
import { checkCreditCode, creditCodeCheck, normaliseCreditCode } from '../../domain/credit-code.js';
import { isLossyNumber } from '../../domain/id-number.js';
import { isIdNumberShaped, maskIdentifier } from '../../domain/mask.js';
import { defineRowRule } from '../types.js';

export const creditCode = defineRowRule({
  id: 'schema/credit-code',
  emits: ['SCHEMA_CREDIT_CODE_FORMAT', 'SCHEMA_CREDIT_CODE_CHECKSUM', 'SCHEMA_ID_PRECISION_LOST', 'SCHEMA_NORMALISED'],
  check(ctx) {
    const cell = ctx.cells.creditCode;
    if (!cell?.text || ctx.isBad('creditCode')) return;
    const raw = cell.text;
    const numeric = typeof cell.value === 'number';
    if (
      (numeric && isLossyNumber(cell.value as number)) ||
      /^\d(?:\.\d+)?E\+?\d{1,2}$/i.test(raw.trim()) ||
      (/^\d{15}000$/.test(raw.trim()) && creditCodeCheck(raw.trim().slice(0, 17)) !== raw.trim()[17])
    ) {
      ctx.report('SCHEMA_ID_PRECISION_LOST', { field: 'creditCode', value: raw }, 'creditCode');
      ctx.markBad('creditCode');
      ctx.record.creditCode = raw;
      return;
    }
    const value = normaliseCreditCode(raw);
    ctx.record.creditCode = value;
    const result = checkCreditCode(value, ctx.env.allowCreditCodes);
    // A citizen ID number typed into the credit-code column: say so, never show it in full.
    if (!result.ok && value.length === 18 && isIdNumberShaped(value)) {
      ctx.report(
        'SCHEMA_CREDIT_CODE_FORMAT',
        { value: maskIdentifier(value, ctx.env.maskRule), length: 18, reason: 'idNumber' },
        'creditCode',
      );
      ctx.markBad('creditCode');
      return;
    }
    if (!result.ok) {
      if (result.kind === 'format') ctx.report('SCHEMA_CREDIT_CODE_FORMAT', { value: raw, length: [...value].length }, 'creditCode');
      else ctx.report('SCHEMA_CREDIT_CODE_CHECKSUM', { value, position: result.position, expected: result.expected }, 'creditCode');
      ctx.markBad('creditCode');
      return;
    }
    ctx.record.creditCodeValid = true;
    if (value !== raw) ctx.report('SCHEMA_NORMALISED', { field: 'creditCode', from: raw, to: value }, 'creditCode');
  },
});
