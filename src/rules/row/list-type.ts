/** 名单类型: from the column when present (it always wins), else from the sheet's or file's name. */
import { LIST_TYPE_LABEL, parseListType } from '../../schemas/enums.js';
import { defineRowRule } from '../types.js';

export const listType = defineRowRule({
  id: 'schema/list-type',
  emits: ['SCHEMA_ENUM', 'SCHEMA_LIST_TYPE_CONFLICT'],
  check(ctx) {
    const cell = ctx.cells.listType;
    if (cell?.text && !ctx.isBad('listType')) {
      const parsed = parseListType(cell.text);
      if (!parsed) {
        ctx.report('SCHEMA_ENUM', { field: 'listType', value: cell.text, allowed: ['红名单', '黑名单'] }, 'listType');
        ctx.markBad('listType');
        return;
      }
      if (ctx.listTypeFromName && ctx.listTypeFromName !== parsed) {
        ctx.report(
          'SCHEMA_LIST_TYPE_CONFLICT',
          { value: cell.text, fromName: LIST_TYPE_LABEL[ctx.listTypeFromName], name: ctx.sheetName },
          'listType',
        );
        ctx.markBad('listType');
      }
      ctx.record.listType = parsed;
      return;
    }
    if (ctx.listTypeFromName) ctx.record.listType = ctx.listTypeFromName;
  },
});
