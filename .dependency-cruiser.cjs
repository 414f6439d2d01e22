/**
 * The layers of src/ (delivery.md "Layers, enforced"), checked by `npm run lint:layers` inside `npm test`,
 * so a wrong import fails CI. Each folder imports at most the folders on the lines below it (the rules
 * below say exactly which):
 *
 *   cli | page               (page: the self-check page's browser entry, bundled by scripts/page/build.mjs)
 *   reporters
 *   api                       (and messages: report.json is rendered in the package's language)
 *   rules | io                (neither imports the other; io writes forms)
 *   forms                     (a pure model: table, register and below)
 *   table | register          (neither imports the other)
 *   messages                  (diagnostics, schemas, domain only)
 *   diagnostics
 *   schemas
 *   domain
 *
 * The rules name top-level folders (`^src/io/` covers io/xlsx/, io/register/ and every other area inside
 * io/ and api/), so a file moved between areas keeps its layer's rules.
 *
 * Every folder has a whitelist, so the allowed graph between the top-level folders has no cycle: a
 * cycle between folders cannot be written without breaking one of these rules. Cycles between
 * modules are forbidden outright. See README "Development" and docs/decisions.md.
 */

/** Paths of a set of top-level folders of src/, as one regular expression. */
const folders = (...names) => `^src/(${names.join('|')})/`;
/** Everything in src/ except the given folders (and the leaf src/version.ts, a constant anyone may read). */
const outside = (...names) => `^src/(?!(${names.join('|')})/|version\\.ts$)`;

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No cycle between modules: each one can be read, tested and loaded before the ones that use it.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import the checker cannot resolve is an edge it cannot see: every import must resolve.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'relative-imports-only',
      comment: 'Imports inside src/ are relative (no path aliases), so these rules see every edge.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/', dependencyTypesNot: ['local'] },
    },
    {
      name: 'domain-imports-nothing-of-the-project',
      comment: 'domain/ (identifiers, dates, quarters, working days, masking) is pure: it imports only itself.',
      severity: 'error',
      from: { path: folders('domain') },
      to: { path: outside('domain') },
    },
    {
      name: 'version-is-a-leaf',
      comment: 'src/version.ts is a constant every layer may read, so it imports nothing of the project.',
      severity: 'error',
      from: { path: '^src/version\\.ts$' },
      to: { path: '^src/' },
    },
    {
      name: 'schemas-import-only-domain',
      comment: 'schemas/ (fields, enums, cover, config, matrix, record, documents/) describe data: they rest on domain/ only.',
      severity: 'error',
      from: { path: folders('schemas') },
      to: { path: outside('schemas', 'domain') },
    },
    {
      name: 'diagnostics-import-only-schemas-and-domain',
      comment:
        'diagnostics/ (codes with typed args, the collector, ToolError, the report document) is the base every layer ' +
        'reports through: it names schema keys (FieldKey, CoverKey) and nothing above.',
      severity: 'error',
      from: { path: folders('diagnostics') },
      to: { path: outside('diagnostics', 'schemas', 'domain') },
    },
    {
      name: 'register-is-a-pure-model',
      comment: 'register/ is the pure model (events, chain, state at a date): nothing of the disk, no rules, no api.',
      severity: 'error',
      from: { path: folders('register') },
      to: { path: outside('register', 'diagnostics', 'schemas', 'domain') },
    },
    {
      name: 'table-never-imports-rules',
      comment: 'The table reader yields mapped rows; rules/run-rows.ts runs the row rules over them. Not the other way round.',
      severity: 'error',
      from: { path: folders('table') },
      to: { path: folders('rules') },
    },
    {
      name: 'table-imports-only-the-base',
      comment:
        'table/ (cells, header, list sheet, cover, removal sheet) turns cells into rows: ' +
        'it rests on diagnostics, schemas and domain.',
      severity: 'error',
      from: { path: folders('table') },
      to: { path: outside('table', 'rules', 'diagnostics', 'schemas', 'domain') },
    },
    {
      name: 'rules-never-import-io-or-reporters',
      comment: 'Rules take parsed tables and return findings (STYLE "pure core"): no disk, no rendering, no api.',
      severity: 'error',
      from: { path: folders('rules') },
      to: { path: outside('rules', 'table', 'register', 'diagnostics', 'schemas', 'domain') },
    },
    {
      name: 'io-never-imports-api-or-rules',
      comment: 'io/ reads and writes files for the api; it raises ToolError from diagnostics/, never runs rules or calls back up.',
      severity: 'error',
      from: { path: folders('io') },
      to: { path: outside('io', 'forms', 'table', 'register', 'diagnostics', 'schemas', 'domain') },
    },
    {
      name: 'messages-import-only-diagnostics',
      comment:
        'The catalogues are text keyed by code: they import diagnostics/ (codes and args) and, for types and pure ' +
        'formatting (visible(), a calendar source), schemas/ and domain/; nothing that runs.',
      severity: 'error',
      from: { path: folders('messages') },
      to: { path: outside('messages', 'diagnostics', 'schemas', 'domain') },
    },
    {
      name: 'forms-are-a-pure-model',
      comment:
        'forms/ (the department form) is built from schemas as data; io/documents/ writes it, the api asks for it. ' +
        '(The feedback workbook is io/annotate/.)',
      severity: 'error',
      from: { path: folders('forms') },
      to: { path: outside('forms', 'table', 'register', 'diagnostics', 'schemas', 'domain') },
    },
    {
      name: 'api-never-imports-reporters-or-cli',
      comment: 'The library returns data and never prints (STYLE, ESLint lib/cli.js): rendering and the command line sit above it.',
      severity: 'error',
      from: { path: folders('api') },
      to: { path: folders('reporters', 'cli') },
    },
    {
      name: 'reporters-never-import-the-cli',
      comment: 'Reporters are pure functions of a report and a catalogue; the CLI picks one.',
      severity: 'error',
      from: { path: folders('reporters') },
      to: { path: folders('cli') },
    },
    {
      name: 'nothing-imports-the-page',
      comment:
        'page/ is the browser edge of the self-check page (selfcheck.md): its two entries are bundled for the browser, ' +
        'never imported by the tool. `hrss-credit page` inlines the bundles (io/documents/page-assets.ts), not the sources.',
      severity: 'error',
      from: { path: '^src/', pathNot: folders('page') },
      to: { path: folders('page') },
    },
    {
      name: 'page-runs-the-tool-never-the-cli',
      comment:
        'The page runs the api (validate, annotate) and the reporters like the CLI does, and nothing of the command line; ' +
        'io/ for the in-memory file system (port.ts, memory-port.ts) and the readers\' switches (csv/csv.ts: no ' +
        'worker_threads in a browser).',
      severity: 'error',
      from: { path: folders('page') },
      to: { path: folders('cli', 'rules', 'table', 'register', 'forms') },
    },
    {
      name: 'page-takes-no-node-built-in',
      comment:
        'page/ runs in a browser: no Node built-in. The libraries below it get theirs from scripts/page/shims/ ' +
        '(a memory file system, POSIX paths, the web\'s DecompressionStream) at bundle time.',
      severity: 'error',
      from: { path: folders('page') },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'pure-folders-no-npm-package-but-zod',
      comment:
        'rules/, domain/ and schemas/ are the pure core (STYLE "pure core"): of npm packages only zod (schemas ' +
        'describe data with it), never chalk, exceljs or another library that prints, reads files or builds workbooks.',
      severity: 'error',
      from: { path: folders('rules', 'domain', 'schemas') },
      to: { dependencyTypesNot: ['local', 'core'], pathNot: '(^|/)node_modules/zod/' },
    },
    {
      name: 'pure-folders-no-node-module-but-crypto',
      comment:
        'rules/, domain/ and schemas/ take no Node built-in but node:crypto (a pure SHA-256 for identities): no ' +
        'node:child_process, node:fs, node:path, process, and no node:module (createRequire loads anything).',
      severity: 'error',
      from: { path: folders('rules', 'domain', 'schemas') },
      to: { dependencyTypes: ['core'], pathNot: '^(node:)?crypto$' },
    },
    {
      name: 'file-system-only-in-io',
      comment:
        'Only io/ (and cli/: the program and the Explorer launcher) touch the disk (STYLE "IO at the edges"): ' +
        'the api opens files through ' +
        'io functions, never itself (docs/decisions.md "Layers, enforced").',
      severity: 'error',
      from: { path: '^src/', pathNot: folders('io', 'cli') },
      to: { dependencyTypes: ['core'], path: '^(node:)?fs(/promises)?$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Resolve packages by their "exports" as Node does (csv-parse/sync).
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'node', 'default'] },
    // TypeScript 7 has no compiler API that dependency-cruiser can load: @swc/core (a devDependency) parses the sources.
    parser: 'swc',
  },
};
