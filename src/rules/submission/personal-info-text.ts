/**
 * Free text a department sends besides its list rows (privacy.md "The gate"): the cover's free
 * fields and the 移出申请's 移出原因, 备注 and 违法违规认定文书号. An ID or phone number typed there is
 * reported where it stands (SCHEMA_PERSONAL_INFO, as for list rows: rules/row/personal-info.ts);
 * every output masks it. 联系电话 is the one place a phone number belongs: only an ID there is reported.
 */
import { findPersonalInfo, maskMatch, type PersonalInfoKind } from '../../domain/mask.js';
import type { CoverKey } from '../../schemas/cover.js';
import type { RemovalField } from '../../table/removal-sheet.js';
import { coverLocation, defineSubmissionRule } from '../types.js';

const COVER_TEXT: readonly CoverKey[] = ['unit', 'filler', 'phone', 'reviewer', 'approver', 'cases'];
const REMOVAL_TEXT = ['reason', 'remarks', 'violationNo'] as const satisfies readonly RemovalField[];
const ALL_KINDS: readonly PersonalInfoKind[] = ['idNumber', 'mobile', 'landline'];

/** Each distinct number once per cell, masked. */
function numbersIn(
  text: string,
  kinds: readonly PersonalInfoKind[],
  rule: Parameters<typeof maskMatch>[1],
): { kind: PersonalInfoKind; value: string }[] {
  const seen = new Set<string>();
  const out: { kind: PersonalInfoKind; value: string }[] = [];
  for (const m of findPersonalInfo(text)) {
    if (!kinds.includes(m.kind)) continue;
    const value = maskMatch(m, rule);
    if (seen.has(value)) continue;
    seen.add(value);
    out.push({ kind: m.kind, value });
  }
  return out;
}

export const personalInfoText = defineSubmissionRule({
  id: 'submission/personal-info-text',
  emits: ['SCHEMA_PERSONAL_INFO'],
  check(facts, report) {
    const rule = facts.env.maskRule;
    for (const cover of facts.covers) {
      for (const key of COVER_TEXT) {
        const text = cover.values[key]?.text;
        if (!text) continue;
        for (const n of numbersIn(text, key === 'phone' ? ['idNumber'] : ALL_KINDS, rule))
          report('SCHEMA_PERSONAL_INFO', { field: key, ...n }, coverLocation(cover, key));
      }
    }
    for (const request of facts.removals ?? []) {
      for (const field of REMOVAL_TEXT) {
        const cell = request.cells[field];
        if (!cell?.text) continue;
        const at = {
          file: request.file,
          ...(request.sheet !== undefined ? { sheet: request.sheet } : {}),
          row: request.row,
          column: cell.column,
          field,
        };
        for (const n of numbersIn(cell.text, ALL_KINDS, rule)) report('SCHEMA_PERSONAL_INFO', { field, ...n }, at);
      }
    }
  },
});
