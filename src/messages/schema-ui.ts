/**
 * The words of `hrss-credit schema [NAME]` (truth.md "Documents, typed once"), in the chosen language:
 * zh-CN/schema.ts and en/schema.ts, typed SchemaUi (types.ts); a document without a description fails the build.
 */
import type { Lang } from './index.js';
import type { SchemaUi } from './types.js';
import { enSchemaUi } from './en/schema.js';
import { zhSchemaUi } from './zh-CN/schema.js';

export type { SchemaUi };

export function schemaUi(lang: Lang): SchemaUi {
  return lang === 'en' ? enSchemaUi : zhSchemaUi;
}
