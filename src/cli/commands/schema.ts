/** `hrss-credit schema [NAME]`: the documents the tool writes and reads, or the JSON Schema of one (truth.md). */
import { z } from 'zod';
import type { CommandEnv } from '../env.js';
import { ToolError } from '../../diagnostics/tool-error.js';
import { suggest } from '../../domain/suggest.js';
import { schemaUi } from '../../messages/schema-ui.js';
import { emit } from '../render.js';
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
    // A streamed document's (register list, diff) includes the document cut short by a failure (schemas/documents).
    const schema = 'printed' in doc ? doc.printed : doc.schema;
    env.io.stdout.write(formatJson(z.toJSONSchema(schema, { unrepresentable: 'any' })));
    return 0;
  }
  const list = DOCUMENTS.map((d) => ({ name: d.name, description: t.documents[d.name] }));
  const doc: SchemaListDocument = toJsonDocument('schema', { documents: list });
  emit(env, 'schema', doc);
  return 0;
}
