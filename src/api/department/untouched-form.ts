/**
 * An untouched form from `template` is not a submission (truth.md "Small truths"): a department that
 * only received the form has sent nothing. In a quarter (status, compile, supervise, report) such a
 * folder counts as not submitted, exactly like an absent one (PACKAGE_SUBMISSION_MISSING as usual, no
 * finding of its own); `validate` of the folder alone still says what is left to fill in.
 */
import type { CoverFacts } from '../../table/cover.js';

/**
 * No list row, no removal request, and on every cover neither 填报人 nor 无信息报告 written: what
 * `template` writes (报送单位 and 报送季度 are filled in by the form itself, so they prove nothing).
 */
export function isUntouchedForm(covers: readonly CoverFacts[], rows: number, removalRequests: number): boolean {
  if (covers.length === 0 || rows > 0 || removalRequests > 0) return false;
  return covers.every((c) => !c.values.filler?.text?.trim() && !c.values.nil?.text?.trim());
}
