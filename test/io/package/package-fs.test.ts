// The swap of a package into place, and recovery from a swap that was interrupted half-way.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pruneReplaced, recoverPackages, swapIntoPlace } from '../../../src/io/package/package-fs.js';
import { cleanup, tempDir } from '../../helpers/cases.js';

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
    writeFileSync(
      join(dir, '.2026Q3.swap.json'),
      JSON.stringify({ final: '2026Q3', temp: '.2026Q3.tmp-999999-bb', replaced: '2026Q3.replaced-x' }),
    );
    recoverPackages(dir);
    expect(readFileSync(join(dir, '2026Q3', 'manifest.json'), 'utf8')).toBe('new');
    expect(existsSync(join(dir, '.2026Q3.swap.json'))).toBe(false);
  });
  it('rolls back when the new package is gone', () => {
    pkg('2026Q3.replaced-x', 'old');
    writeFileSync(
      join(dir, '.2026Q3.swap.json'),
      JSON.stringify({ final: '2026Q3', temp: '.2026Q3.tmp-999999-cc', replaced: '2026Q3.replaced-x' }),
    );
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
  it('moves the old zip and hash away with the old folder, and the new ones in', () => {
    pkg('2026Q3', 'old');
    writeFileSync(join(dir, '2026Q3.zip'), 'old zip');
    writeFileSync(join(dir, '2026Q3.manifest.sha256'), 'old hash');
    pkg('.2026Q3.tmp-1-aa', 'new');
    writeFileSync(join(dir, '.2026Q3.tmp-1-aa.manifest.sha256'), 'new hash');
    const replaced = swapIntoPlace(dir, '.2026Q3.tmp-1-aa', '2026Q3', '20261015T080000Z', [
      { temp: '.2026Q3.tmp-1-aa.manifest.sha256', to: '2026Q3.manifest.sha256' },
    ]);
    expect(readdirSync(dir).sort()).toEqual(
      ['2026Q3', '2026Q3.manifest.sha256', `${replaced}`, `${replaced}.manifest.sha256`, `${replaced}.zip`].sort(),
    );
    expect(readFileSync(join(dir, `${replaced}.zip`), 'utf8')).toBe('old zip');
    expect(readFileSync(join(dir, '2026Q3.manifest.sha256'), 'utf8')).toBe('new hash');
  });
  it('leaves a swap whose process still runs to it', () => {
    pkg('2026Q3.replaced-x', 'old');
    pkg(`.2026Q3.tmp-${process.pid}-ff`, 'new');
    writeFileSync(
      join(dir, '.2026Q3.swap.json'),
      JSON.stringify({ final: '2026Q3', temp: `.2026Q3.tmp-${process.pid}-ff`, replaced: '2026Q3.replaced-x', pid: process.ppid }),
    );
    recoverPackages(dir, '2026Q3');
    expect(existsSync(join(dir, '2026Q3'))).toBe(false);
    expect(existsSync(join(dir, '.2026Q3.swap.json'))).toBe(true);
  });
});

describe('pruning replaced packages', () => {
  it('keeps the newest N by stamp (and -2 after the plain stamp), with their zip and hash', () => {
    for (const s of ['20261001T000000Z', '20261002T000000Z', '20261002T000000Z-2', '20261003T000000Z']) pkg(`2026Q3.replaced-${s}`, s);
    writeFileSync(join(dir, '2026Q3.replaced-20261001T000000Z.zip'), 'z');
    writeFileSync(join(dir, '2026Q3.replaced-20261002T000000Z.manifest.sha256'), 'h');
    pkg('2026Q4.replaced-20261001T000000Z', 'other quarter');
    const removed = pruneReplaced(dir, '2026Q3', 2);
    expect(removed).toEqual([
      '2026Q3.replaced-20261001T000000Z',
      '2026Q3.replaced-20261001T000000Z.zip',
      '2026Q3.replaced-20261002T000000Z',
      '2026Q3.replaced-20261002T000000Z.manifest.sha256',
    ]);
    expect(readdirSync(dir).sort()).toEqual([
      '2026Q3.replaced-20261002T000000Z-2',
      '2026Q3.replaced-20261003T000000Z',
      '2026Q4.replaced-20261001T000000Z',
    ]);
  });
});
