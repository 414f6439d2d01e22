/** The ID mask of package.md "Personal information" (publication.maskRule). */
export interface MaskRule {
  keepStart: number;
  keepEnd: number;
}

export const DEFAULT_MASK_RULE: MaskRule = { keepStart: 6, keepEnd: 4 };

/**
 * Masks an identifier: 15 characters or more keep `keepStart` and `keepEnd`; shorter ones show
 * only their last 2 (workspace.md, `maskRule`).
 */
export function maskIdentifier(value: string, rule: MaskRule = DEFAULT_MASK_RULE): string {
  const chars = [...value];
  const n = chars.length;
  if (n === 0) return '';
  if (n < 15) return '*'.repeat(Math.max(0, n - 2)) + chars.slice(-2).join('');
  const keepStart = Math.min(rule.keepStart, n);
  const keepEnd = Math.min(rule.keepEnd, n - keepStart);
  return chars.slice(0, keepStart).join('') + '*'.repeat(n - keepStart - keepEnd) + (keepEnd > 0 ? chars.slice(n - keepEnd).join('') : '');
}

const ID_18 = /(?<![0-9A-Za-z])\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
const ID_15 = /(?<![0-9A-Za-z])\d{6}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])/g;

/**
 * Masks every citizen ID number inside a text (a value typed in the wrong column, a name that
 * carries one): the safety net under "no full ID number in any report or terminal output".
 */
export function redactIdNumbers(text: string, rule: MaskRule = DEFAULT_MASK_RULE): string {
  if (text.length < 15 || !/\d{15}/.test(text)) return text;
  return text.replace(ID_18, (m) => maskIdentifier(m, rule)).replace(ID_15, (m) => maskIdentifier(m, rule));
}
