// The xlsx reader's findings, before and after a change to it (issue 22 item 3): `validate --format json`
// of every .xlsx under fixtures/ and test/ (and any file named after the output), run in this process
// through dist/ (npm run build first), its exit code and its stdout kept byte for byte.
//   node bench/xlsx-findings.mjs write OUT.json [FILE …]   records them
//   node bench/xlsx-findings.mjs check OUT.json            runs them again and names every file whose
//                                                          output or exit code differs (exit 1), else exit 0
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const [mode, out, ...extra] = process.argv.slice(2);
if ((mode !== 'write' && mode !== 'check') || !out) {
  console.error('usage: node bench/xlsx-findings.mjs write|check OUT.json [FILE …]');
  process.exit(2);
}
const { run } = await import('../dist/cli/program.js');

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'node_modules' ? [] : walk(join(dir, e.name))) : e.name.endsWith('.xlsx') ? [join(dir, e.name)] : [],
  );

async function validate(file) {
  let stdout = '';
  const code = await run(['validate', file, '--department', '就业办', '--quarter', '2026Q3', '--today', '2026-10-15', '--format', 'json'], {
    stdout: { write: (s) => (stdout += s) },
    stderr: { write: () => {} },
    env: {},
    cwd: root,
  });
  return { code, stdout };
}

const before = mode === 'check' ? JSON.parse(readFileSync(out, 'utf8')) : undefined;
const files =
  mode === 'check'
    ? Object.keys(before)
    : [...walk(join(root, 'fixtures')), ...walk(join(root, 'test')), ...extra.map((f) => resolve(f))]
        .filter((f) => statSync(f).isFile())
        .map((f) => relative(root, f))
        .sort();
const results = {};
let differ = 0;
for (const f of files) {
  const r = await validate(join(root, f));
  results[f] = r;
  if (before) {
    const b = before[f];
    if (b.code !== r.code || b.stdout !== r.stdout) {
      differ++;
      console.log(`differs: ${f} (exit ${b.code} → ${r.code}, ${b.stdout.length} → ${r.stdout.length} characters)`);
    }
  }
}
if (mode === 'write') {
  writeFileSync(out, JSON.stringify(results));
  console.log(`${files.length} workbooks recorded in ${out}`);
} else {
  console.log(`${files.length} workbooks, ${differ} differ`);
  process.exitCode = differ ? 1 : 0;
}
