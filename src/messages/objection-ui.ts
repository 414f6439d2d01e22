/**
 * The words of the objection commands (objections.md) in the chosen language: zh-CN/objections.ts and
 * en/objections.ts, both typed ObjectionUi (types.ts), so a missing translation fails the build.
 */
import type { Lang } from './index.js';
import type { ObjectionUi } from './types.js';
import { enObjectionUi } from './en/objections.js';
import { zhObjectionUi } from './zh-CN/objections.js';

export type { ObjectionUi };

export function objectionUi(lang: Lang): ObjectionUi {
  return lang === 'en' ? enObjectionUi : zhObjectionUi;
}
