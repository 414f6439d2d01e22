/**
 * 以案释法 (rules §三): a submission, above all a black list, carries one typical case: a written
 * report and related pictures. Missing for a black list is an error, for a red list a warning.
 */
import { defineSubmissionRule } from '../types.js';

export const evidenceRed = defineSubmissionRule({
  id: 'evidence/red',
  emits: ['EVIDENCE_RED_INCOMPLETE'],
  check(f, report) {
    if (f.folder === undefined || f.rows.black > 0 || f.rows.red === 0) return;
    const noReport = f.evidence.reports === 0;
    const noPicture = f.evidence.pictures === 0;
    if (noReport || noPicture) {
      report(
        'EVIDENCE_RED_INCOMPLETE',
        { missing: noReport && noPicture ? 'both' : noReport ? 'report' : 'picture' },
        { file: f.evidenceFolder ?? `${f.folder}/附件` },
      );
    }
  },
});
