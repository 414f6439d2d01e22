/** The row rules, in the order they run: parsing rules first, then rules that read their results. */
import type { RowRule } from '../types.js';
import { cellProblems } from './cell-problems.js';
import { characterInvalid } from './character-invalid.js';
import { listType } from './list-type.js';
import { enumValues } from './enum-values.js';
import { dates } from './dates.js';
import { creditCode } from './credit-code.js';
import { idNumber } from './id-number.js';
import { required } from './required.js';
import { subjectMismatch } from './subject-mismatch.js';
import { dateFuture } from './date-future.js';
import { dateOutOfQuarter } from './date-out-of-quarter.js';
import { dateOrder } from './date-order.js';
import { periodTooLong } from './period-too-long.js';
import { expired } from './expired.js';
import { periodSeverity } from './period-severity.js';
import { minor } from './minor.js';
import { domainNotAllowed } from './domain-not-allowed.js';
import { personalInfo } from './personal-info.js';
import { measuresUnlisted } from './measures-unlisted.js';
import { measuresFilled } from './measures-filled.js';

export const ROW_RULES: readonly RowRule[] = [
  cellProblems,
  characterInvalid,
  listType,
  enumValues,
  dates,
  creditCode,
  idNumber,
  required,
  subjectMismatch,
  dateFuture,
  dateOutOfQuarter,
  dateOrder,
  periodTooLong,
  expired,
  periodSeverity,
  minor,
  domainNotAllowed,
  personalInfo,
  measuresUnlisted,
  measuresFilled,
];
