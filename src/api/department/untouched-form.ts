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
  return covers.every(isBlankCover);
}

/** A cover with neither 填报人 nor 无信息报告 written: as `template` leaves it. */
export function isBlankCover(c: CoverFacts): boolean {
  return !c.values.filler?.text?.trim() && !c.values.nil?.text?.trim();
}

/** What one data file of a department folder holds, as far as the untouched-form rule asks. */
export interface FileFacts<E> {
  entry: E;
  /** Covers read from it (a list workbook's 报送单 sheet, or a 报送单 file). */
  covers: readonly CoverFacts[];
  rows: number;
  removalRequests: number;
  /** A list workbook (what `template` writes); a 报送单 or 移出申请 file is never taken for a form. */
  form: boolean;
}

/**
 * The untouched forms to ignore in a folder: a file that is an untouched form by itself, lying beside
 * at least one data file that is not (the department's filled list, 报送单 or 移出申请). Such a blank form
 * — typically left by `template --all` next to the file the department sent — is no part of the
 * submission: it is not read, supplies no cover (no COVER_DUPLICATE), and is named in an info finding.
 * A folder holding nothing but untouched forms is judged as a whole (isUntouchedForm): nothing ignored.
 */
export function untouchedBeside<E>(files: readonly FileFacts<E>[]): E[] {
  const blank = files.filter((f) => f.form && isUntouchedForm(f.covers, f.rows, f.removalRequests));
  return blank.length > 0 && blank.length < files.length ? blank.map((f) => f.entry) : [];
}
