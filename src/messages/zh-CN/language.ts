/**
 * The Chinese catalogue a command renders with (findings, the tool's errors, the screens' words), as one module:
 * messages/render.ts loads it, and not the English one, when the language is Chinese.
 */
import type { LanguageCatalogue } from '../types.js';
import { zhCN } from './codes.js';
import { zhToolErrors } from './tool-errors.js';
import { zhUi } from './ui.js';

export const catalogue: LanguageCatalogue = { codes: zhCN, toolErrors: zhToolErrors, ui: zhUi };
