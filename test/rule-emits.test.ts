// A rule can report only the codes it declares in `emits`: checked by the compiler (rules/types.ts
// defineRowRule / defineSubmissionRule). Probes are compiled with the project's tsc against src/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
// A plain path with forward slashes: a file URL's pathname spells a space as %20, which tsc cannot resolve
// (a clone in a folder named with a space failed here), and on Windows starts with a slash before the drive.
const types = join(ROOT, 'src', 'rules', 'types.js').replaceAll('\\', '/');

// The probes' `{} as never` arguments are source text for the compiler: only the code a rule reports is on trial.
const probes: Record<string, string> = {
  // Truthful rules: they compile.
  'truthful.ts': `import { defineRowRule, defineSubmissionRule } from '${types}';
export const a = defineRowRule({ id: 'a', emits: ['SCHEMA_EXPIRED', 'SHEET_COLUMN_MISSING'], check(ctx) {
  ctx.report('SCHEMA_EXPIRED', { publishUntil: '2020-01-01', today: '2026-01-01' } as never);
  ctx.needColumn('idNumber');
} });
export const b = defineSubmissionRule({ id: 'b', emits: ['COVER_MISSING'], check(_facts, report) { report('COVER_MISSING', {} as never); } });
`,
  // A row rule reporting a code it does not declare.
  'row-lies.ts': `import { defineRowRule } from '${types}';
export const r = defineRowRule({ id: 'r', emits: ['SCHEMA_EXPIRED'], check(ctx) { ctx.report('SCHEMA_MINOR', {} as never); } });
`,
  // A row rule asking for a missing column (SHEET_COLUMN_MISSING) without declaring it.
  'column-lies.ts': `import { defineRowRule } from '${types}';
export const c = defineRowRule({ id: 'c', emits: ['SCHEMA_REQUIRED'], check(ctx) { ctx.needColumn('idNumber'); } });
`,
  // A helper typed for more codes than its rule declares cannot be handed the rule's context.
  'helper-lies.ts': `import { defineRowRule, type RowContext } from '${types}';
function helper(ctx: RowContext<'SCHEMA_REQUIRED' | 'SCHEMA_MINOR'>): void { ctx.report('SCHEMA_MINOR', {} as never); }
export const h = defineRowRule({ id: 'h', emits: ['SCHEMA_REQUIRED'], check(ctx) { helper(ctx); } });
`,
  // A submission rule reporting a code it does not declare.
  'submission-lies.ts': `import { defineSubmissionRule } from '${types}';
export const s = defineSubmissionRule({ id: 's', emits: ['COVER_MISSING'], check(_facts, report) { report('COVER_DUPLICATE', {} as never); } });
`,
};

describe('emits is checked by the compiler', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hrss-credit-emits-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(probes)) writeFileSync(join(dir, name), text);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'junction');
  const r = spawnSync(
    process.execPath,
    [
      TSC,
      '--noEmit',
      '--ignoreConfig',
      '--strict',
      '--target',
      'es2022',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--types',
      'node',
      '--skipLibCheck',
      ...Object.keys(probes),
    ],
    { cwd: dir, encoding: 'utf8' },
  );
  const out = r.stdout + r.stderr;
  /** The error codes tsc gives for one probe file. */
  const errorsIn = (file: string): string[] =>
    [...out.matchAll(new RegExp(`^${file.replace('.', '\\.')}\\(\\d+,\\d+\\): error (TS\\d+)`, 'gm'))].map((m) => m[1] as string);

  it('fails the build', () => {
    expect(r.status).not.toBe(0);
  });
  it('a truthful rule compiles', () => {
    expect(errorsIn('truthful.ts')).toEqual([]);
  });
  it.each(['row-lies.ts', 'column-lies.ts', 'helper-lies.ts', 'submission-lies.ts'])('%s does not compile', (file) => {
    expect(errorsIn(file).length).toBeGreaterThan(0);
  });
  it('names the undeclared code', () => {
    expect(out).toMatch(/row-lies\.ts.*"SCHEMA_MINOR"' is not assignable to parameter of type '"SCHEMA_EXPIRED"'/);
    expect(out).toMatch(/submission-lies\.ts.*"COVER_DUPLICATE"' is not assignable to parameter of type '"COVER_MISSING"'/);
  });
});
