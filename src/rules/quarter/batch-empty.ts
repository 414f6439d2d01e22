/**
 * A supplementary batch (2026Q3-3) whose folder holds no department's submission: compiled, it would be a package
 * that publishes nothing. A regular quarter's empty folder is already each department's PACKAGE_SUBMISSION_MISSING;
 * a supplementary batch has no missing department (register.md "Batches"), so it says so once, at its folder.
 */
import { defineQuarterRule } from '../types.js';

export const batchEmpty = defineQuarterRule({
  id: 'package/batch-empty',
  emits: ['PACKAGE_BATCH_EMPTY'],
  check(facts, report) {
    const q = facts.quarter;
    if (!q?.supplementary || q.folders.length === 0) return;
    // `sent` false: a folder with nothing in it (or only the untouched form); removal requests alone are sent.
    if (q.departments.some((d) => d.sent !== false)) return;
    const folder = `submissions/${q.folders[0]}`;
    report('PACKAGE_BATCH_EMPTY', { batch: q.label, folder }, { file: folder });
  },
});
