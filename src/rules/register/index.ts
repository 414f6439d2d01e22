/** The removal-request rules, run on each 移出申请 row at compile when the workspace has a register. */
import type { RemovalRule } from './types.js';
import { removalType } from './removal-type.js';
import { removalNotFound } from './removal-not-found.js';
import { removalAmbiguous } from './removal-ambiguous.js';
import { removalNotOwner } from './removal-not-owner.js';
import { removalTypeMismatch } from './removal-type-mismatch.js';
import { removalFilingMissing } from './removal-filing-missing.js';
import { removalDateInvalid } from './removal-date-invalid.js';
import { removalTooEarly } from './removal-too-early.js';

/** In order: a rule that rejects the row stops the rest (a row not found has no owner to compare). */
export const REMOVAL_RULES: readonly RemovalRule[] = [
  removalType,
  removalNotFound,
  removalAmbiguous,
  removalNotOwner,
  removalTypeMismatch,
  removalDateInvalid,
  removalFilingMissing,
  removalTooEarly,
];
