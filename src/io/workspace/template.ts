/** Loading the export template: the built-in one under templates/, or a bureau's own file. */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { TemplateSchema, type Template } from '../../schemas/template.js';
import { loadJsonWithBytes } from './workspace.js';

export const BUILTIN_TEMPLATE = fileURLToPath(new URL('../../../templates/credit-office.json', import.meta.url));

export interface LoadedTemplate {
  template: Template;
  sha256: string;
}

export function loadTemplate(path: string | undefined, display?: string): LoadedTemplate {
  const file = path ?? BUILTIN_TEMPLATE;
  const { value: template, bytes } = loadJsonWithBytes(
    file,
    (v) => TemplateSchema.parse(v),
    'TEMPLATE_INVALID',
    display ?? (path ? file : 'templates/credit-office.json'),
  );
  // The hash of the very bytes that were validated: a second read could see another file.
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { template, sha256 };
}
