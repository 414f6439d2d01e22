/**
 * 认定日期 and 公示截止日期: real Excel dates, plausible serials, or text in the formats of
 * submission.md "Values"; anything else (a bare year included) is SCHEMA_DATE_INVALID.
 */
import { DateCell } from '../../table/cells.js';
import { parseDateSerial, parseDateText, timeOfDayText, type DateParse } from '../../domain/dates.js';
import { memoByText } from '../../schemas/enums.js';

// Decision dates repeat from row to row: remember what each spelling means.
const parseText = memoByText(parseDateText);
import { defineRowRule } from '../types.js';

function parseCell(value: unknown, text: string): DateParse {
  if (value instanceof DateCell) {
    return value.time === 0 || Math.abs(value.time) < 1e-6
      ? { ok: true, date: value.iso }
      : { ok: false, reason: 'timeOfDay', shown: `${value.iso} ${timeOfDayText(value.time)}` };
  }
  if (typeof value === 'number') return parseDateSerial(value);
  return parseText(text);
}

export const dates = defineRowRule({
  id: 'schema/dates',
  emits: ['SCHEMA_DATE_INVALID'],
  check(ctx) {
    for (const field of ['decisionDate', 'publishUntil'] as const) {
      const cell = ctx.cells[field];
      if (!cell?.text || ctx.isBad(field)) continue;
      const parsed = parseCell(cell.value, cell.text);
      if (parsed.ok) ctx.record[field] = parsed.date;
      else {
        ctx.report(
          'SCHEMA_DATE_INVALID',
          { field, value: parsed.reason === 'timeOfDay' ? parsed.shown : cell.text, reason: parsed.reason },
          field,
        );
        ctx.markBad(field);
      }
    }
  },
});
