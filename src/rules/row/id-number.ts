/**
 * 公民身份号码 (GB 11643-1999) for 居民身份证 numbers of natural persons and legal representatives.
 * Other document types have no national check digit; only their presence is checked. Every value
 * that leaves this rule in a finding is masked (package.md "Personal information").
 */
import { checkIdNumber, isLossyNumber, ungroupIdNumber, looksPrecisionLost, normaliseIdNumber } from '../../domain/id-number.js';
import { maskIdentifier } from '../../domain/mask.js';
import { defineRowRule, type RowContext } from '../types.js';

function checkOne(
  ctx: RowContext<'SCHEMA_ID_FORMAT' | 'SCHEMA_ID_CHECKSUM' | 'SCHEMA_ID_PRECISION_LOST' | 'SCHEMA_NORMALISED'>,
  field: 'idNumber' | 'legalRepIdNumber',
): void {
  const cell = ctx.cells[field];
  if (!cell?.text || ctx.isBad(field)) return;
  const type = field === 'idNumber' ? ctx.record.idType : ctx.record.legalRepIdType;
  const typeCell = field === 'idNumber' ? ctx.cells.idType : ctx.cells.legalRepIdType;
  const mask = (v: string): string => maskIdentifier(v, ctx.env.maskRule);
  const raw = cell.text;
  if ((typeof cell.value === 'number' && isLossyNumber(cell.value)) || looksPrecisionLost(raw)) {
    ctx.report('SCHEMA_ID_PRECISION_LOST', { field, value: mask(raw) }, field);
    ctx.markBad(field);
    ctx.record[field] = raw;
    return;
  }
  const value = normaliseIdNumber(raw);
  ctx.record[field] = value;
  // An explicit other document type (passport, 通行证) is not a 居民身份证 number.
  if (type !== undefined && type !== '居民身份证') return;
  if (type === undefined && typeCell?.text && ctx.isBad(field === 'idNumber' ? 'idType' : 'legalRepIdType')) return;
  const result = checkIdNumber(ungroupIdNumber(value), ctx.env.today);
  if (!result.ok) {
    if (result.kind === 'format') ctx.report('SCHEMA_ID_FORMAT', { field, value: mask(value), reason: result.reason }, field);
    else ctx.report('SCHEMA_ID_CHECKSUM', { field, value: mask(value), expected: result.expected }, field);
    ctx.markBad(field);
    return;
  }
  ctx.record[field] = result.value;
  if (field === 'idNumber') {
    ctx.record.idValid = true;
    ctx.record.birthDate = result.birthDate;
  }
  if (result.value !== raw) ctx.report('SCHEMA_NORMALISED', { field, from: mask(raw), to: mask(result.value) }, field);
}

export const idNumber = defineRowRule({
  id: 'schema/id-number',
  emits: ['SCHEMA_ID_FORMAT', 'SCHEMA_ID_CHECKSUM', 'SCHEMA_ID_PRECISION_LOST', 'SCHEMA_NORMALISED'],
  check(ctx) {
    checkOne(ctx, 'idNumber');
    checkOne(ctx, 'legalRepIdNumber');
  },
});
