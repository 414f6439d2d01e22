/**
 * The package's 移出名单 sheet (register.md "What compile does with a register"): one row per
 * removal of the batch, in 公示 (identifiers masked) and 共享 (full), under the template's
 * `sheets.removed`. Written only when the workspace has a register.
 */
import { maskIdentifier, type MaskRule } from '../../domain/mask.js';
import { showText } from '../../domain/privacy.js';
import type { SheetSpec } from '../../io/xlsx/xlsx-writer.js';
import { REMOVAL_TYPE_ZH } from '../../messages/register-codes.js';
import type { RecordSummary } from '../../register/stored.js';
import type { Audience } from '../quarter/records.js';
import type { RegisterPlan } from './register-compile.js';

export const REMOVED_HEADERS = [
  '序号',
  '记录编号',
  '名单类型',
  '领域',
  '主体名称',
  '统一社会信用代码',
  '证件号码',
  '认定文书号',
  '认定日期',
  '移出类型',
  '移出日期',
  '移出原因',
  '报备市信用办日期',
  '报送科室',
];
const WIDTHS = [6, 14, 8, 16, 32, 22, 22, 26, 12, 12, 12, 30, 16, 18];

/**
 * The columns 移出名单 and 更正名单 both show for a record, in that order: 名单类型, 领域, 主体名称,
 * 统一社会信用代码, 证件号码 (masked for the public), 认定文书号 — each text through the privacy gate.
 */
export function recordCells(rec: RecordSummary | undefined, audience: Audience, maskRule: MaskRule): string[] {
  const text = (v: string): string => showText(v, { audience, maskRule });
  const id = rec?.idNumber ?? '';
  return [
    rec ? (rec.listType === 'red' ? '红名单' : '黑名单') : '',
    text(rec?.domain ?? ''),
    text(rec?.subjectName ?? ''),
    text(rec?.creditCode ?? ''),
    audience === 'public' && id ? maskIdentifier(id, maskRule) : id,
    text(rec?.decisionNo ?? ''),
  ];
}

export function removedSheet(name: string, plan: RegisterPlan, audience: Audience, maskRule: MaskRule): SheetSpec {
  // 移出原因 is free text a department typed (or an objection's opinion): through the gate, as every column.
  const text = (v: string): string => showText(v, { audience, maskRule });
  const rows = plan.removals.map((r, i) => {
    const rec = plan.removed.get(r.id);
    return [
      String(i + 1),
      r.id,
      ...recordCells(rec, audience, maskRule),
      rec?.decisionDate ?? '',
      REMOVAL_TYPE_ZH[r.type] ?? r.type,
      r.on ?? '',
      text(r.reason ?? ''),
      r.filedOn ?? '',
      text(r.department ?? rec?.department ?? ''),
    ];
  });
  return { name, headers: REMOVED_HEADERS, widths: WIDTHS, rows };
}
