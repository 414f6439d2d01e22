/**
 * Free text is not a hiding place (package.md "Personal information"): an ID number or a mobile
 * phone number typed into a text cell is reported, masked in the finding, and masked in 公示
 * (api/quarter/records.ts exportRow); 共享 keeps it. "Shaped" is defined in domain/mask.ts.
 */
import { findPersonalInfo, maskMatch } from '../../domain/mask.js';
import type { FieldKey } from '../../schemas/fields.js';
import { defineRowRule } from '../types.js';

const FREE_TEXT: readonly FieldKey[] = ['listName', 'subjectName', 'legalRep', 'facts', 'basis', 'decisionNo', 'measures', 'remarks'];

export const personalInfo = defineRowRule({
  id: 'schema/personal-info',
  emits: ['SCHEMA_PERSONAL_INFO'],
  check(ctx) {
    for (const field of FREE_TEXT) {
      const text = ctx.record[field as 'facts'];
      if (!text || text.length < 11 || !ctx.cells[field] || ctx.isBad(field)) continue;
      // Most long texts hold none: no set made for them (one a field and row was 100 MB on 200,000 rows).
      let seen: Set<string> | undefined;
      for (const m of findPersonalInfo(text)) {
        const value = maskMatch(m, ctx.env.maskRule);
        seen ??= new Set<string>();
        if (seen.has(value)) continue;
        seen.add(value);
        ctx.report('SCHEMA_PERSONAL_INFO', { field, kind: m.kind, value }, field);
      }
    }
  },
});
