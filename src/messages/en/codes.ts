/** English findings, every code: a missing code or argument is a compile error (CodeCatalogue). */
import type { CodeCatalogue } from '../types.js';
import { enFileCodes } from './codes-files.js';
import { enRegisterCodes } from './codes-register.js';

export const en: CodeCatalogue = { ...enFileCodes, ...enRegisterCodes };
