/** A formula saved without its result, or a cell holding an error value, cannot be read as data. */
import { ErrorCell, NoValueCell } from '../../table/cells.js';
import type { FieldKey } from '../../schemas/fields.js';
import { defineRowRule } from '../types.js';

export const cellProblems = defineRowRule({
  id: 'schema/cell-problems',
  emits: ['SCHEMA_FORMULA_NO_VALUE', 'SCHEMA_CELL_ERROR'],
  check(ctx) {
    for (const key in ctx.cells) {
      const field = key as FieldKey;
      const cell = ctx.cells[field];
      if (!cell) continue;
      if (cell.value instanceof NoValueCell) {
        ctx.report('SCHEMA_FORMULA_NO_VALUE', { field, formula: cell.value.formula.slice(0, 100) }, field);
        ctx.markBad(field);
      } else if (cell.value instanceof ErrorCell) {
        ctx.report('SCHEMA_CELL_ERROR', { field, value: cell.value.value }, field);
        ctx.markBad(field);
      }
    }
  },
});
