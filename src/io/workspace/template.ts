/** Loading the export template: the built-in one under templates/, or a bureau's own file. */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { TemplateSchema, type Template } from '../../schemas/template.js';
import { loadJsonWithBytes } from './workspace.js';
import { nodePort } from '../node-port.js';
import type { IoPort } from '../port.js';

export const BUILTIN_TEMPLATE = fileURLToPath(new URL('../../../templates/credit-office.json', import.meta.url));

export interface LoadedTemplate {
  template: Template;
  sha256: string;
}

/** A bureau's own file is read through `io` (the workspace's port); the built-in one is the tool's own, on the disk. */
export function loadTemplate(path: string | undefined, display?: string, io: IoPort = nodePort): LoadedTemplate {
  const file = path ?? BUILTIN_TEMPLATE;
  const { value: template, bytes } = loadJsonWithBytes(
    file,
    (v) => TemplateSchema.parse(v),
    'TEMPLATE_INVALID',
    display ?? (path ? file : 'templates/credit-office.json'),
    path ? io : nodePort,
  );
  // The hash of the very bytes that were validated: a second read could see another file.
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { template, sha256 };
}
