/**
 * Renders findings in the chosen language. The catalogues, one convention: the shapes in types.ts
 * (each language's words are typed by them, so a missing key fails the build); the words by language,
 * zh-CN/<area>.ts and en/<area>.ts with the same file names (test/messages-layout.test.ts); an area's
 * file split once it passes 600 lines (codes-files.ts + codes-register.ts). The top-level area files
 * (calendar.ts, launch.ts, register-ui.ts …) only choose the language's words for their importers.
 *
 * `messagesFor` holds both languages at once (the self-check page's engine, compile's package text,
 * tests); the command line loads only the language it renders with (render.ts `loadMessages`).
 */
import { catalogue as en } from './en/language.js';
import { catalogue as zh } from './zh-CN/language.js';
import type { Lang, Messages } from './render.js';
import type { CodeCatalogue, UiText } from './types.js';

export { loadMessages, parseLang, renderMessage, renderToolError, type Lang, type Messages } from './render.js';

export function messagesFor(lang: Lang): Messages {
  return lang === 'en' ? { lang, ...en } : { lang, ...zh };
}

export type { CodeCatalogue, UiText };
