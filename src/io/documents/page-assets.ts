/**
 * The self-check page's bundles, made at `npm run build` (scripts/page/build.mjs) beside dist/: read as
 * text and inlined by `hrss-credit page`, so the installed tool needs no esbuild at run time. The
 * release carries them in its folder (page/, scripts/release.mjs rewrites this location).
 */
import { readFileSync } from 'node:fs';
import { ToolError } from '../../diagnostics/tool-error.js';

export interface PageAssets {
  engine: string;
  ui: string;
}

// dist/io/documents/page-assets.js → dist/page-bundle/; the sources run by the tests (src/io/) find dist/'s too.
const ASSETS = new URL('../../page-bundle/', import.meta.url);
const FROM_SOURCES = new URL('../../../dist/page-bundle/', import.meta.url);

export function readPageAssets(): PageAssets {
  let first: unknown;
  for (const dir of [ASSETS, FROM_SOURCES]) {
    try {
      return { engine: readFileSync(new URL('engine.js', dir), 'utf8'), ui: readFileSync(new URL('ui.js', dir), 'utf8') };
    } catch (err) {
      first ??= err;
    }
  }
  throw new ToolError('PAGE_ASSETS_MISSING', {
    path: decodeURIComponent(ASSETS.pathname),
    problem: (first as NodeJS.ErrnoException).code ?? 'EIO',
  });
}
