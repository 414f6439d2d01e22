/**
 * The words of the register's commands (publish, register …, diff) in the chosen language: zh-CN/register.ts
 * and en/register.ts, both typed RegisterUi (types.ts), so a missing translation fails the build. Apart from
 * the shared UiText so that the register's screens can grow without touching it.
 */
import type { Lang } from './index.js';
import type { RegisterUi } from './types.js';
import { enRegisterUi } from './en/register.js';
import { zhRegisterUi } from './zh-CN/register.js';

export type { RegisterUi };

export function registerUi(lang: Lang): RegisterUi {
  return lang === 'en' ? enRegisterUi : zhRegisterUi;
}
