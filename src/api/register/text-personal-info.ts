/**
 * Text the clerk types into the register (objection add --summary, resolve --opinion, register note):
 * stored as typed — the register is an internal record — but an ID or phone number in it is reported
 * (TEXT_PERSONAL_INFO, warning), and every output shows it through the privacy gate (privacy.md).
 */
import { findPersonalInfo, maskMatch, type MaskRule } from '../../domain/mask.js';
import { makeDiagnostic, type RawDiagnostic } from '../../diagnostics/diagnostic.js';
import type { CodeArgs } from '../../diagnostics/codes.js';

export function textPersonalInfo(text: string, option: CodeArgs['TEXT_PERSONAL_INFO']['option'], rule: MaskRule): RawDiagnostic[] {
  const seen = new Set<string>();
  const out: RawDiagnostic[] = [];
  for (const m of findPersonalInfo(text)) {
    const value = maskMatch(m, rule);
    if (seen.has(value)) continue;
    seen.add(value);
    out.push(makeDiagnostic('TEXT_PERSONAL_INFO', { option, kind: m.kind, value }));
  }
  return out;
}
