// The README and docs work in a clone of their own (delivery.md "Tests from any clone"): every
// relative link resolves to a file inside the repository, and neither they nor the tests, scripts
// or sources reach for ../shared.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cases.js';

function walk(dir: string, keep: (f: string) => boolean): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('.') ? [] : walk(rel, keep);
    return keep(e.name) ? [rel] : [];
  });
}

const markdown = ['README.md', ...walk('docs', (f) => f.endsWith('.md')), ...walk('fixtures/corpus', (f) => f.endsWith('.md'))];

describe('links in README.md and docs/', () => {
  it.each(markdown)('%s: every relative link points at a file in the repository', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const broken: string[] = [];
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = (m[1] as string).split('#')[0] as string;
      if (target === '' || /^[a-z]+:/i.test(target)) continue;
      const abs = resolve(ROOT, dirname(file), decodeURI(target));
      const inside = !relative(ROOT, abs).startsWith(`..${sep}`);
      if (!inside || !existsSync(abs) || (target.endsWith('/') && !statSync(abs).isDirectory())) broken.push(target);
    }
    expect(broken).toEqual([]);
  });
  it('README.md sends no reader to ../shared', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).not.toContain('../shared');
  });
});

describe('nothing reads outside the repository', () => {
  it('no test, script or source file builds a path to ../shared', () => {
    const code = [
      ...walk('test', (f) => /\.(ts|mjs|js)$/.test(f)),
      ...walk('scripts', (f) => /\.(ts|mjs|js|sh)$/.test(f)),
      ...walk('src', (f) => f.endsWith('.ts')),
      ...walk('bin', () => true),
    ];
    const offenders = code.filter(
      (f) =>
        f !== join('test', 'docs.test.ts') && /\.\.\/shared|'\.\.', 'shared'|"\.\.", "shared"/.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
