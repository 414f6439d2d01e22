/**
 * Characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE, U+FFFF, lone surrogates) would
 * make the written xlsx not well-formed. They are reported at the cell and replaced by U+FFFD in
 * the record, so that 公示, 共享 and records.json say the same; the writers replace them again.
 */
import { invalidXmlChars, toXmlSafe } from '../../domain/text.js';
import type { FieldKey } from '../../schemas/fields.js';
import { defineRowRule } from '../types.js';

export const characterInvalid = defineRowRule({
  id: 'schema/character-invalid',
  emits: ['SCHEMA_CHARACTER_INVALID'],
  check(ctx) {
    for (const key in ctx.cells) {
      const field = key as FieldKey;
      const cell = ctx.cells[field];
      if (!cell?.text || ctx.isBad(field)) continue;
      const bad = invalidXmlChars(cell.text);
      if (bad.length === 0) continue;
      ctx.report('SCHEMA_CHARACTER_INVALID', { field, codepoint: bad.join(', ') }, field);
      cell.text = toXmlSafe(cell.text);
      const record = ctx.record as unknown as Record<string, unknown>;
      if (typeof record[field] === 'string') record[field] = cell.text;
    }
  },
});
