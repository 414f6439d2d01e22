/**
 * The English catalogue a command renders with (findings, the tool's errors, the screens' words), as one module:
 * messages/render.ts loads it, and not the Chinese one, with `--lang en`.
 */
import type { LanguageCatalogue } from '../types.js';
import { en } from './codes.js';
import { enToolErrors } from './tool-errors.js';
import { enUi } from './ui.js';

export const catalogue: LanguageCatalogue = { codes: en, toolErrors: enToolErrors, ui: enUi };
