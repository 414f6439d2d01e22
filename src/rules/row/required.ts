/**
 * Values a row needs (submission.md "Columns"): always domain, subject type and name, facts, basis
 * and decision date; a credit code for organisations and 个体工商户, a legal representative for
 * organisations, an ID number for natural persons, a decision number on black lists. A missing
 * column is reported once at the header, not on every row.
 */
import type { FieldKey } from '../../schemas/fields.js';
import { defineRowRule, type RowContext } from '../types.js';
import type { CodeArgs } from '../../diagnostics/codes.js';

const ALWAYS: readonly FieldKey[] = ['domain', 'subjectType', 'subjectName', 'facts', 'basis', 'decisionDate'];

function need(
  ctx: RowContext<'SCHEMA_REQUIRED' | 'SHEET_COLUMN_MISSING'>,
  field: FieldKey,
  because?: CodeArgs['SCHEMA_REQUIRED']['because'],
): void {
  const cell = ctx.cells[field];
  if (!cell) {
    if (because !== undefined) ctx.needColumn(field);
    return;
  }
  if (cell.text || ctx.isBad(field)) return;
  ctx.report('SCHEMA_REQUIRED', { field, ...(because ? { because } : {}) }, field);
  ctx.markBad(field);
}

export const required = defineRowRule({
  id: 'schema/required',
  // SHEET_COLUMN_MISSING: a conditionally required column the sheet lacks, reported once by the reader (needColumn).
  emits: ['SCHEMA_REQUIRED', 'SHEET_COLUMN_MISSING'],
  check(ctx) {
    if (ctx.cells.listType && !ctx.cells.listType.text && !ctx.listTypeFromName && !ctx.isBad('listType')) {
      ctx.report('SCHEMA_REQUIRED', { field: 'listType' }, 'listType');
    }
    for (const f of ALWAYS) need(ctx, f);
    const t = ctx.record.subjectType;
    if (t === '法人及非法人组织') {
      need(ctx, 'creditCode', 'organisation');
      need(ctx, 'legalRep', 'organisation');
    } else if (t === '个体工商户') need(ctx, 'creditCode', 'business');
    else if (t === '自然人') need(ctx, 'idNumber', 'person');
    if (ctx.record.listType === 'black') need(ctx, 'decisionNo', 'black');
  },
});
