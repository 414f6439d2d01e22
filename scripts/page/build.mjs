// The self-check page's two bundles (issue 20, selfcheck.md), made at `npm run build` from dist/ by the
// same esbuild the release uses (scripts/release.mjs), for the browser:
//   dist/page-bundle/engine.js  the worker: the tool's validate and annotate over a memory volume
//   dist/page-bundle/ui.js      the main thread: drop zone, findings, downloads
// `hrss-credit page` reads them as text and inlines them (src/io/documents/page-assets.ts): the CLI installed
// from npm writes the page without esbuild. Node's built-ins are replaced by scripts/page/shims/
// (a memory file system, POSIX paths, the web's DecompressionStream for zip, the browser's
// TextDecoder for GB18030, readable-stream for streams).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHIMS = join(ROOT, 'scripts', 'page', 'shims');
const OUT = join(ROOT, 'dist', 'page-bundle');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
// The page must stay under 5 MB (selfcheck.md): the bundles get most of it.
const MAX_BYTES = 4.5 * 1024 * 1024;

const builtins = {
  fs: 'fs.js',
  'fs/promises': 'fs-promises.js',
  path: 'path.js',
  events: 'events.js',
  buffer: 'buffer.js',
  util: 'util.js',
  stream: 'stream.js',
  'stream/promises': 'stream-promises.js',
  zlib: 'zlib.js',
  crypto: 'crypto.js',
  os: 'misc.js',
  v8: 'misc.js',
  vm: 'misc.js',
  worker_threads: 'misc.js',
  url: 'misc.js',
  module: 'misc.js',
  child_process: 'misc.js',
};

const browserNode = {
  name: 'browser-node',
  setup(b) {
    b.onResolve({ filter: /^(node:)?[a-z_]+(\/promises)?$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (name === 'string_decoder') return { path: join(ROOT, 'node_modules', 'string_decoder', 'lib', 'string_decoder.js') };
      const shim = builtins[name];
      if (shim) return { path: join(SHIMS, shim) };
      if (args.path.startsWith('node:')) throw new Error(`page: no browser shim for ${args.path} (imported by ${args.importer})`);
      return undefined;
    });
    // The version from package.json as literals (dist/version.js reads it with createRequire).
    b.onLoad({ filter: /[\\/]dist[\\/]version\.js$/ }, () => ({
      contents: `export const TOOL_NAME = ${JSON.stringify(pkg.name)};\nexport const TOOL_VERSION = ${JSON.stringify(pkg.version)};\n`,
      loader: 'js',
    }));
  },
};

async function bundle(entry, format) {
  const r = await build({
    entryPoints: [join(ROOT, 'dist', 'page', entry)],
    bundle: true,
    platform: 'browser',
    format,
    target: ['chrome103', 'edge103', 'firefox113', 'safari16.4'],
    minify: true,
    legalComments: 'none',
    write: false,
    metafile: true,
    logLevel: 'warning',
    inject: [join(SHIMS, 'globals.js')],
    define: { global: 'globalThis', 'import.meta.url': '"file:///page/"' },
    mainFields: ['browser', 'module', 'main'],
    plugins: [browserNode],
  });
  let text = r.outputFiles[0].text;
  // Inlined in a <script> element, whose text ends at the first `</script`.
  text = text.replace(/<\/(script)/gi, '<\\/$1');
  if (/<!--|<script/i.test(text)) throw new Error(`page: ${entry} holds <!-- or <script, which a script element cannot carry`);
  return { text, inputs: Object.keys(r.metafile.inputs) };
}

mkdirSync(OUT, { recursive: true });
const engine = await bundle('engine.js', 'iife');
const ui = await bundle('ui.js', 'iife');
const size = Buffer.byteLength(engine.text) + Buffer.byteLength(ui.text);
if (size > MAX_BYTES) throw new Error(`page: the bundles are ${size} bytes, over ${MAX_BYTES}`);
writeFileSync(join(OUT, 'engine.js'), engine.text);
writeFileSync(join(OUT, 'ui.js'), ui.text);
// Which packages went in: the notices of a page carry their licences like the release's.
const packages = [
  ...new Set([...engine.inputs, ...ui.inputs].map((p) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p)?.[1]).filter(Boolean)),
].sort();
writeFileSync(join(OUT, 'packages.json'), `${JSON.stringify(packages)}\n`);
if (process.argv.includes('--verbose'))
  console.log(`page bundles: engine ${engine.text.length} B, ui ${ui.text.length} B; ${packages.join(', ')}`);
