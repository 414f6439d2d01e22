/** How late a submission was sent: one function for compile's 报送情况 and the reports read from a package. */
import { isoToDays } from './dates.js';

/** Days 报送日期 falls after the deadline: 0 on time, null when either date is unknown. */
export function lateness(sentOn: string | null | undefined, due: string | null | undefined): number | null {
  if (!sentOn || !due) return null;
  return Math.max(0, isoToDays(sentOn) - isoToDays(due));
}
