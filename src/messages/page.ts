/**
 * The self-check page's own words (selfcheck.md): the page's chrome, in Chinese by default and in
 * English; the findings themselves come from the catalogues through the engine. Kept apart so that
 * the page's main thread carries only these lines, not the whole catalogue. Words: zh-CN/page.ts and
 * en/page.ts, typed PageText (types.ts).
 */
import type { Lang } from './index.js';
import type { PageText } from './types.js';
import { enPageText } from './en/page.js';
import { zhPageText } from './zh-CN/page.js';

export type { PageText };

export function pageText(lang: Lang): PageText {
  return lang === 'en' ? enPageText : zhPageText;
}
