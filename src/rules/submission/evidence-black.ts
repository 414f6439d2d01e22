/**
 * 以案释法 (rules §三): a submission, above all a black list, carries one typical case: a written
 * report and related pictures. Missing for a black list is an error, for a red list a warning.
 */
import { defineSubmissionRule } from '../types.js';

export const evidenceBlack = defineSubmissionRule({
  id: 'evidence/black',
  emits: ['EVIDENCE_REPORT_MISSING', 'EVIDENCE_PICTURE_MISSING'],
  check(f, report) {
    if (f.folder === undefined) return;
    const black = f.rows.black;
    if (black === 0) return;
    const where = { file: f.evidenceFolder ?? `${f.folder}/附件` };
    if (f.evidence.reports === 0 || f.evidence.namedMissing.length > 0) {
      report(
        'EVIDENCE_REPORT_MISSING',
        { black, ...(f.evidence.namedMissing.length ? { named: [...f.evidence.namedMissing] } : {}) },
        where,
      );
    }
    if (f.evidence.pictures === 0) report('EVIDENCE_PICTURE_MISSING', { black }, where);
  },
});
