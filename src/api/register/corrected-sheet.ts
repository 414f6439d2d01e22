/**
 * The package's 更正名单 sheet (truth.md "Content, corrections and revisions"): one row per record the
 * batch publishes as a correction of a public record, in 公示 (identifiers masked) and 共享 (full),
 * under the template's `sheets.corrected`. It tells the credit office which published rows replace
 * what it shows: under the same 认定文书号 the same 记录编号 at its next 版本; under a new one a new
 * record (版本 1) whose old record is in 移出名单 as 更正. The corrected content itself is in the
 * list sheets; the old content is nowhere in the package.
 */
import type { MaskRule } from '../../domain/mask.js';
import { showText } from '../../domain/privacy.js';
import type { SheetSpec } from '../../io/xlsx/xlsx-writer.js';
import { FIELD_BY_KEY, type FieldKey } from '../../schemas/fields.js';
import type { CreditRecord } from '../../schemas/record.js';
import type { Audience } from '../quarter/records.js';
import type { RegisterPlan } from './register-compile.js';
import { recordCells } from './removed-sheet.js';

export const CORRECTED_HEADERS = [
  '序号',
  '记录编号',
  '版本',
  '名单类型',
  '领域',
  '主体名称',
  '统一社会信用代码',
  '证件号码',
  '认定文书号',
  '更正原文书号',
  '更正项目',
  '认定日期',
  '报送科室',
];
const WIDTHS = [6, 14, 6, 8, 16, 32, 22, 22, 26, 26, 36, 12, 18];
/** Which columns are number cells in the workbook: 序号 and 版本 (a count); 记录编号 and 认定文书号 stay text. */
export const CORRECTED_NUMERIC: readonly boolean[] = CORRECTED_HEADERS.map((h) => h === '序号' || h === '版本');

/** The column names of a correction's changed fields, as the form and the list sheets head them. */
export function changedHeaders(changed: readonly string[]): string {
  return changed.map((k) => (Object.hasOwn(FIELD_BY_KEY, k) ? FIELD_BY_KEY[k as FieldKey].header : k)).join('、');
}

export function correctedSheet(name: string, plan: RegisterPlan, audience: Audience, maskRule: MaskRule): SheetSpec {
  // Every text column through the privacy gate (privacy.md), as in 移出名单.
  const text = (v: string): string => showText(v, { audience, maskRule });
  const byId = new Map<string, CreditRecord>(plan.records.map((r) => [r.id, r]));
  const rows = plan.corrected.map((c, i) => {
    const rec = byId.get(c.id);
    return [
      String(i + 1),
      c.id,
      String(c.revision),
      ...recordCells(rec, audience, maskRule),
      text(rec?.correctionOf ?? ''),
      changedHeaders(c.changed),
      rec?.decisionDate ?? '',
      text(rec?.department ?? ''),
    ];
  });
  return { name, headers: CORRECTED_HEADERS, widths: WIDTHS, rows };
}
