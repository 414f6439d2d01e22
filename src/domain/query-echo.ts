/**
 * A search the clerk typed, echoed back (`register show`'s “not found” line and its JSON `query`). The
 * gate masks a whole ID or phone number in it; a query of digits alone that is too short to be one (the
 * first 10 digits of an ID, typed to look someone up) may still be part of an ID number, and the tool
 * cannot tell it from a record id typed in digits: it is masked as an identifier of its length (under
 * 15 characters only the last 2 shown; 15 to 17 by the mask rule). docs/decisions.md "Echoing a query".
 */
import { DEFAULT_MASK_RULE, type MaskRule, maskIdentifier } from './mask.js';
import { publicReader, showText } from './privacy.js';
import { toHalfWidth } from './text.js';

/** 6 to 17 digits (half- or full-width; spaces and hyphens between them as typed; an X last). */
const FRAGMENT = /^\d{5,16}[\dX]$/;

export function echoQuery(query: string, rule: MaskRule = DEFAULT_MASK_RULE): string {
  const gated = showText(query, publicReader(rule));
  // A whole ID or phone number is masked as everywhere (138****5678, not an identifier's mask).
  if (gated !== query) return gated;
  const compact = toHalfWidth(query).replace(/[ -]/g, '').toUpperCase();
  return FRAGMENT.test(compact) ? maskIdentifier(compact, rule) : query;
}
