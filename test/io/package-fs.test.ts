// The swap of a package into place, and recovery from a swap that was interrupted half-way.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recoverPackages, swapIntoPlace } from '../../src/io/package-fs.js';
import { cleanup, tempDir } from '../helpers/cases.js';

let dir: string;
beforeEach(() => {
  dir = tempDir('swap');
});
afterEach(() => cleanup(dir));

function pkg(name: string, content: string): void {
  mkdirSync(join(dir, name), { recursive: true });
  writeFileSync(join(dir, name, 'manifest.json'), content);
}

describe('swapping a package into place', () => {
  it('keeps the old package under a new name', () => {
    pkg('2026Q3', 'old');
    pkg('.2026Q3.tmp-1-aa', 'new');
    const replaced = swapIntoPlace(dir, '.2026Q3.tmp-1-aa', '2026Q3', '20261015T080000Z');
    expect(replaced).toBe('2026Q3.replaced-20261015T080000Z');
    expect(readFileSync(join(dir, '2026Q3', 'manifest.json'), 'utf8')).toBe('new');
    expect(readFileSync(join(dir, replaced as string, 'manifest.json'), 'utf8')).toBe('old');
    expect(existsSync(join(dir, '.2026Q3.swap.json'))).toBe(false);
  });
  it('finishes a swap interrupted after the old package moved away', () => {
    pkg('2026Q3.replaced-x', 'old');
    pkg('.2026Q3.tmp-999999-bb', 'new');
    writeFileSync(join(dir, '.2026Q3.swap.json'), JSON.stringify({ final: '2026Q3', temp: '.2026Q3.tmp-999999-bb', replaced: '2026Q3.replaced-x' }));
    recoverPackages(dir);
    expect(readFileSync(join(dir, '2026Q3', 'manifest.json'), 'utf8')).toBe('new');
    expect(existsSync(join(dir, '.2026Q3.swap.json'))).toBe(false);
  });
  it('rolls back when the new package is gone', () => {
    pkg('2026Q3.replaced-x', 'old');
    writeFileSync(join(dir, '.2026Q3.swap.json'), JSON.stringify({ final: '2026Q3', temp: '.2026Q3.tmp-999999-cc', replaced: '2026Q3.replaced-x' }));
    recoverPackages(dir);
    expect(readFileSync(join(dir, '2026Q3', 'manifest.json'), 'utf8')).toBe('old');
  });
  it('removes temporary folders of processes that no longer run, not of running ones', () => {
    pkg(`.2026Q3.tmp-${2 ** 22 + 7}-dd`, 'half');
    pkg(`.2026Q3.tmp-${process.pid}-ee`, 'mine');
    recoverPackages(dir);
    expect(existsSync(join(dir, `.2026Q3.tmp-${2 ** 22 + 7}-dd`))).toBe(false);
    expect(existsSync(join(dir, `.2026Q3.tmp-${process.pid}-ee`))).toBe(true);
  });
});
