/** Loading the export template: the built-in one under templates/, or a bureau's own file. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TemplateSchema, type Template } from '../schemas/template.js';
import { loadJson } from './workspace.js';

export const BUILTIN_TEMPLATE = fileURLToPath(new URL('../../templates/credit-office.json', import.meta.url));

export interface LoadedTemplate {
  template: Template;
  sha256: string;
}

export function loadTemplate(path: string | undefined, display?: string): LoadedTemplate {
  const file = path ?? BUILTIN_TEMPLATE;
  const template = loadJson(file, (v) => TemplateSchema.parse(v), 'TEMPLATE_INVALID', display ?? (path ? file : 'templates/credit-office.json'));
  const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  return { template, sha256 };
}
