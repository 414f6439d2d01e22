/** The submission rules, run once per department after its files are read. */
import type { SubmissionRule } from '../types.js';
import { coverMissing } from './cover-missing.js';
import { coverDuplicate } from './cover-duplicate.js';
import { coverFields } from './cover-fields.js';
import { coverMismatch } from './cover-mismatch.js';
import { coverNilWithRows } from './cover-nil.js';
import { approvalReviewMissing } from './approval-review-missing.js';
import { approvalSignoffMissing } from './approval-signoff-missing.js';
import { approvalDates } from './approval-dates.js';
import { approvalSamePerson } from './approval-same-person.js';
import { evidenceBlack } from './evidence-black.js';
import { evidenceRed } from './evidence-red.js';
import { personalInfoText } from './personal-info-text.js';

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
  personalInfoText,
];
