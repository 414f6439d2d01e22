/**
 * The quarter rules, in the order they run: across the records of a run, then across the departments
 * of a quarter. `runQuarterRules` turns what they report into diagnostics for the caller's collector.
 */
import type { Code, CodeArgs } from '../../diagnostics/codes.js';
import { makeDiagnostic, type Location, type RawDiagnostic } from '../../diagnostics/diagnostic.js';
import type { QuarterFacts, QuarterPlace, QuarterRule } from '../types.js';
import { quarterDuplicate } from './quarter-duplicate.js';
import { recordDuplicate } from './record-duplicate.js';
import { sameSubject } from './same-subject.js';
import { redBlackConflict } from './red-black-conflict.js';
import { departmentDuplicate } from './department-duplicate.js';
import { submissionMissing } from './submission-missing.js';
import { batchEmpty } from './batch-empty.js';

export const QUARTER_RULES: readonly QuarterRule[] = [
  quarterDuplicate,
  recordDuplicate,
  sameSubject,
  redBlackConflict,
  departmentDuplicate,
  submissionMissing,
  batchEmpty,
];

export function runQuarterRules(facts: QuarterFacts, sink: (d: RawDiagnostic) => void): void {
  const report = <C extends Code>(code: C, args: CodeArgs[C], location: Location, at?: QuarterPlace): void => {
    const d = makeDiagnostic(code, args, location, at?.sort);
    sink(at?.department !== undefined ? ({ ...d, department: at.department } as RawDiagnostic) : d);
  };
  for (const rule of QUARTER_RULES) rule.check(facts, report);
}
