/** `hrss-credit schema [NAME]`: the documents the tool writes and reads, or the JSON Schema of one (truth.md). */
import { z } from 'zod';
import type { CommandEnv } from '../env.js';
import { ToolError } from '../../diagnostics/tool-error.js';
import { suggest } from '../../domain/suggest.js';
import { schemaUi } from '../../messages/schema-ui.js';
import { makeTable } from '../../reporters/pretty.js';
import { formatJson, toJsonDocument } from '../../reporters/json.js';
import { DOCUMENT_NAMES, DOCUMENTS } from '../../schemas/documents/index.js';
import type { SchemaListDocument } from '../../schemas/documents/commands-check.js';

export async function schemaCommand(env: CommandEnv, name?: string): Promise<number> {
  const t = schemaUi(env.m.lang);
  if (name !== undefined) {
    const doc = DOCUMENTS.find((d) => d.name === name.trim().toLowerCase());
    if (!doc) {
      const suggestion = suggest(name, DOCUMENT_NAMES);
      throw new ToolError('USAGE', { kind: 'unknownDocument', value: name, ...(suggestion ? { suggestion } : {}) });
    }
    // The JSON Schema itself, in either format: it is what a script asks for.
    env.io.stdout.write(formatJson(z.toJSONSchema(doc.schema, { unrepresentable: 'any' })));
    return 0;
  }
  const list = DOCUMENTS.map((d) => ({ name: d.name, description: t.documents[d.name] }));
  if (env.flags.format === 'json') {
    const doc: SchemaListDocument = toJsonDocument('schema', { documents: list });
    env.io.stdout.write(formatJson(doc));
    return 0;
  }
  const table = makeTable([t.name, t.about], { chalk: env.chalk, ascii: env.flags.ascii ?? false, quiet: false, width: env.width });
  for (const d of list) table.push([d.name, d.description]);
  env.io.stdout.write(`${table.toString()}\n${t.next}\n`);
  return 0;
}
