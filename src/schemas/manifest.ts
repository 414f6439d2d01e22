/** manifest.json: the schema lives in src/schemas/documents/manifest.ts (one place for every document). */
export {
  isInsidePath,
  ManifestAnySchema,
  ManifestSchema,
  ManifestV1Schema,
  manifestFigures,
  type AnyManifest,
  type Manifest,
} from './documents/manifest.js';
