/** REMOVAL_DATE_INVALID: a date that cannot be read, is in the future, or precedes the record's publication. */
import { defineRemovalRule } from './types.js';

const DATES = [
  ['reviewedOn', '审查日期'],
  ['filedOn', '报备市信用办日期'],
] as const;

export const removalDateInvalid = defineRemovalRule({
  id: 'register/removal-date-invalid',
  emits: ['REMOVAL_DATE_INVALID'],
  check(ctx) {
    let bad = false;
    for (const [key, header] of DATES) {
      const cell = ctx.request.cells[key];
      if (!cell?.text) continue;
      if (!cell.date) ctx.report('REMOVAL_DATE_INVALID', { header, value: cell.text, reason: 'format' }, key);
      else if (cell.date > ctx.today)
        ctx.report('REMOVAL_DATE_INVALID', { header, value: cell.date, reason: 'future', limit: ctx.today }, key);
      else if (ctx.matched && cell.date < ctx.matched.publishedOn)
        ctx.report('REMOVAL_DATE_INVALID', { header, value: cell.date, reason: 'beforePublication', limit: ctx.matched.publishedOn }, key);
      else continue;
      bad = true;
    }
    if (bad) ctx.reject();
  },
});
