// The maps a newcomer reads first name files that exist: README.md's architecture block ("## Development")
// and the README.md of every area of src/io and src/api (issue 21: "docs that tell the truth").
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cases.js';

/** A file name with a source or document extension, or a folder (a name ending in `/`), possibly with a path. */
const FILE = /(?<![\w./<>-])((?:\.{1,2}\/)?(?:[\w.-]+\/)*[\w-]+\.(?:ts|mjs|cjs|js|md|sh|py))(?![\w/])/g;
const FOLDER = /(?<![\w./<>-])((?:\.{1,2}\/)?(?:[\w.-]+\/)+)(?![\w.-])/g;

/** Every file and folder under `dir` (relative to ROOT), node_modules and dist left out. */
function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(join(ROOT, dir))) {
    if (name === 'node_modules' || name === '.git') continue;
    const rel = join(dir, name);
    out.push(rel);
    if (statSync(join(ROOT, rel)).isDirectory()) walk(rel, out);
  }
  return out;
}

/** The names of `text` that look like paths. */
function namedPaths(text: string): string[] {
  return [...[...text.matchAll(FILE)].map((m) => m[1]!), ...[...text.matchAll(FOLDER)].map((m) => m[1]!)];
}

/**
 * Whether `name`, named in a text about `folder`, exists: beside it, one level up, in src/, at the root, in
 * docs/ or docs/contract/ (contract pages are named by file name), in the example workspace (a workspace's
 * folders: submissions/); a bare name anywhere under `folder`;
 * a `.js` import specifier as its `.ts` source.
 */
function exists(name: string, folder: string): boolean {
  const bases = [folder, dirname(folder), 'src', '.', 'docs', 'docs/contract', 'fixtures/example-workspace'];
  const variants = name.endsWith('.js') ? [name, name.replace(/\.js$/, '.ts')] : [name];
  for (const base of bases) for (const v of variants) if (existsSync(join(ROOT, base, v))) return true;
  const bare = name.replace(/\/$/, '');
  if (!bare.includes('/')) return walk(folder).some((f) => f.endsWith(`/${bare}`) || f.endsWith(`/${bare.replace(/\.js$/, '.ts')}`));
  return false;
}

/** README's architecture block: `folder/   what it holds`, continued on indented lines. */
function architecture(): { folder: string; text: string }[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const dev = readme.slice(readme.indexOf('## Development'));
  const block = /```\n([\s\S]*?)```/.exec(dev)?.[1] ?? '';
  const entries: { folder: string; text: string }[] = [];
  for (const line of block.split('\n')) {
    if (!line.trim()) continue;
    if (/^\S/.test(line)) {
      const folder = line.split(/\s+/)[0]!;
      entries.push({ folder: folder.endsWith('/') ? folder : `${folder}/`, text: line.slice(folder.length) });
    } else if (entries.length > 0) entries[entries.length - 1]!.text += `\n${line}`;
  }
  return entries;
}

describe("README.md's architecture block", () => {
  const entries = architecture();

  it('is found, with the top-level folders of the repository', () => {
    expect(entries.map((e) => e.folder)).toEqual(expect.arrayContaining(['bin/', 'src/io/', 'src/api/', 'test/', 'docs/']));
  });

  it('names only folders and files that exist', () => {
    const missing: string[] = [];
    for (const e of entries) {
      if (!existsSync(join(ROOT, e.folder))) missing.push(e.folder);
      for (const name of namedPaths(e.text)) if (!exists(name, e.folder.replace(/\/$/, ''))) missing.push(`${e.folder}: ${name}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('the README.md of each area of src/io and src/api', () => {
  const readmes = [...walk('src/io'), ...walk('src/api')].filter((f) => f.endsWith('README.md'));

  it('are there, one per area', () => {
    const areas = [...walk('src/io'), ...walk('src/api')].filter((f) => statSync(join(ROOT, f)).isDirectory());
    expect(areas.length).toBeGreaterThan(10);
    for (const a of areas) expect(readmes, a).toContain(join(a, 'README.md'));
  });

  it('name only folders and files that exist', () => {
    const missing: string[] = [];
    for (const r of readmes) {
      const folder = dirname(r);
      for (const name of namedPaths(readFileSync(join(ROOT, r), 'utf8')))
        if (!exists(name, folder)) missing.push(`${relative('.', r)}: ${name}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('the path finder itself', () => {
  it('finds files and folders, and a missing one is reported missing', () => {
    expect(namedPaths('`xlsx.ts` over `zip/` and src/forms/department-form.ts; <name>.检查结果.xlsx; events.jsonl')).toEqual([
      'xlsx.ts',
      'src/forms/department-form.ts',
      'zip/',
    ]);
    expect(exists('xml.ts', 'src/io/xlsx')).toBe(true);
    expect(exists('lock.ts', 'src/io/register')).toBe(true);
    expect(exists('department-form.ts', 'src/forms')).toBe(true);
    expect(exists('no-such-file.ts', 'src/io')).toBe(false);
    expect(exists('xlsx/no-such/', 'src/io')).toBe(false);
  });
});
