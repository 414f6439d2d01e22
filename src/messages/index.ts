/**
 * Renders findings in the chosen language. The catalogues, one convention: the shapes in types.ts
 * (each language's words are typed by them, so a missing key fails the build); the words by language,
 * zh-CN/<area>.ts and en/<area>.ts with the same file names (test/messages-layout.test.ts); an area's
 * file split once it passes 600 lines (codes-files.ts + codes-register.ts). The top-level area files
 * (calendar.ts, launch.ts, register-ui.ts …) only choose the language's words for their importers.
 */
import type { Code, CodeArgs } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ToolError } from '../diagnostics/tool-error.js';
import { en } from './en/codes.js';
import { enToolErrors } from './en/tool-errors.js';
import { enUi } from './en/ui.js';
import { zhCN } from './zh-CN/codes.js';
import { zhToolErrors } from './zh-CN/tool-errors.js';
import { zhUi } from './zh-CN/ui.js';
import type { CodeCatalogue, CodeMessage, ToolErrorCatalogue, UiText } from './types.js';

export type Lang = 'zh-CN' | 'en';

export interface Messages {
  lang: Lang;
  codes: CodeCatalogue;
  toolErrors: ToolErrorCatalogue;
  ui: UiText;
}

export function messagesFor(lang: Lang): Messages {
  return lang === 'en'
    ? { lang, codes: en, toolErrors: enToolErrors, ui: enUi }
    : { lang, codes: zhCN, toolErrors: zhToolErrors, ui: zhUi };
}

export function renderMessage(m: Messages, d: Pick<Diagnostic, 'code' | 'args'>): { message: string; hint: string } {
  const entry = m.codes[d.code] as CodeMessage<Code>;
  const args = d.args as CodeArgs[Code];
  return { message: entry.message(args as never), hint: entry.hint(args as never) };
}

export function renderToolError(m: Messages, err: ToolError): string {
  return m.toolErrors[err.code](err.args);
}

export function parseLang(value: string | undefined): Lang | undefined {
  if (!value) return undefined;
  const v = value.toLowerCase();
  if (v === 'en' || v.startsWith('en-') || v.startsWith('en_')) return 'en';
  if (v === 'zh' || v.startsWith('zh')) return 'zh-CN';
  return undefined;
}

export type { CodeCatalogue, UiText };
