/**
 * A search the clerk typed, echoed back (`register show`'s “not found” line and its JSON `query`;
 * `objection add`'s findings and JSON `query`). One rule, whatever was typed around the digits: the gate
 * masks a whole ID or phone number as everywhere (the mask rule; 138****5678); every other run of 6 or
 * more digits (half- or full-width, spaces and hyphens between them as typed, an X last) may be part of
 * an ID number, or one with a stray digit, and is masked whole: the digits a partial mask would keep
 * are its birth date. A record's own id (12 hex digits, maybe all digits) is echoed as typed when the
 * query names that record: the caller says which id answered. docs/decisions.md "Echoing a query".
 */
import { checkCreditCode } from './credit-code.js';
import { DEFAULT_MASK_RULE, findPersonalInfo, type MaskRule, maskMatch } from './mask.js';
import { toHalfWidth } from './text.js';

/** 6 digits or more, spaces and hyphens between them, an X last (on the half-width fold). */
const RUN = /\d(?:[ -]?\d){5,}(?:[ -]?[Xx])?/g;

// The fold keeps every offset, so a run found on it is masked in the text as typed.
function maskRuns(text: string): string {
  let out = '';
  let at = 0;
  for (const m of toHalfWidth(text).matchAll(RUN)) {
    out += text.slice(at, m.index) + '*'.repeat(m[0].length);
    at = m.index + m[0].length;
  }
  return out + text.slice(at);
}

/** `recordId`: the id of a record the query found, if any; a query that is that id, whole, is no ID number. */
export function echoQuery(query: string, rule: MaskRule = DEFAULT_MASK_RULE, recordId?: string): string {
  if (recordId !== undefined && /^[0-9a-f]{12}$/.test(recordId) && toHalfWidth(query).trim().toLowerCase() === recordId) return query;
  // A 统一社会信用代码 whose own check holds names an organisation, not a person: echoed as typed.
  // (An 18-digit ID whose own check holds is an ID even when it passes as a code: the gate finds it.)
  const found = findPersonalInfo(query);
  if (found.length === 0 && checkCreditCode(toHalfWidth(query).trim().toUpperCase()).ok) return query;
  let out = '';
  let at = 0;
  for (const m of found) {
    out += maskRuns(query.slice(at, m.start)) + maskMatch(m, rule);
    at = m.end;
  }
  return out + maskRuns(query.slice(at));
}
