/** Chinese findings, every code: a missing code or argument is a compile error (CodeCatalogue). */
import type { CodeCatalogue } from '../types.js';
import { zhFileCodes } from './codes-files.js';
import { zhRegisterCodes } from './codes-register.js';

export const zhCN: CodeCatalogue = { ...zhFileCodes, ...zhRegisterCodes };
