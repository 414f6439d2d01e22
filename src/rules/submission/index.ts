/** The submission rules, run once per department after its files are read. */
import type { SubmissionRule } from '../types.js';
import { coverMissing } from './cover-missing.js';
import { coverDuplicate } from './cover-duplicate.js';
import { coverFields } from './cover-fields.js';
import { coverMismatch } from './cover-mismatch.js';
import { coverNilWithRows } from './cover-nil.js';
import { approvalDates, approvalReviewMissing, approvalSamePerson, approvalSignoffMissing } from './approval.js';
import { evidenceBlack, evidenceRed } from './evidence.js';

export const SUBMISSION_RULES: readonly SubmissionRule[] = [
  coverMissing,
  coverDuplicate,
  coverFields,
  coverMismatch,
  coverNilWithRows,
  approvalReviewMissing,
  approvalSignoffMissing,
  approvalDates,
  approvalSamePerson,
  evidenceBlack,
  evidenceRed,
];
