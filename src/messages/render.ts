/**
 * Findings and the tool's errors rendered in the chosen language, and that language's catalogue loaded
 * alone (issue 22: both catalogues, ~180 KB, were loaded by every command). The command line loads the
 * one it renders with (`loadMessages`); index.ts's `messagesFor` still gives either at once for the
 * self-check page's engine and the writers that pick a language of their own (compile's package text).
 */
import type { Code, CodeArgs } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ToolError } from '../diagnostics/tool-error.js';
import type { CodeCatalogue, CodeMessage, LanguageCatalogue, ToolErrorCatalogue, UiText } from './types.js';

export type Lang = 'zh-CN' | 'en';

export interface Messages {
  lang: Lang;
  codes: CodeCatalogue;
  toolErrors: ToolErrorCatalogue;
  ui: UiText;
}

const loaded = new Map<Lang, Messages>();

/** The messages of `lang`, its catalogue module imported on first use (and only that language's). */
export async function loadMessages(lang: Lang): Promise<Messages> {
  const have = loaded.get(lang);
  if (have) return have;
  const { catalogue }: { catalogue: LanguageCatalogue } =
    lang === 'en' ? await import('./en/language.js') : await import('./zh-CN/language.js');
  const m: Messages = { lang, ...catalogue };
  loaded.set(lang, m);
  return m;
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
