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
