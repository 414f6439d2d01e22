/** A command's document to stdout through the reporters' registry (reporters/registry.ts), in the format of --format. */
import type { CommandEnv } from './env.js';
import type { DocumentName } from '../schemas/documents/index.js';
import { renderDocument, type DocumentOf } from '../reporters/registry.js';

export function emit<K extends DocumentName>(env: CommandEnv, kind: K, doc: DocumentOf<K>): void {
  const ctx = { m: env.m, chalk: env.chalk, ascii: env.flags.ascii ?? false, width: env.width };
  env.io.stdout.write(renderDocument(kind, env.flags.format, doc, ctx));
}
