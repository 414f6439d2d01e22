// The package swap and its recovery (io/package/package-fs.ts) on the memory port: the same steps as on the
// disk (test/io/package-fs.test.ts), through the port only — the old set kept as replaced, an interrupted swap
// finished or rolled back by the next run, dead processes' temporary folders removed, old replaced sets pruned.
import { describe, expect, it } from 'vitest';
import { pruneReplaced, recoverPackages, swapIntoPlace, swapPending } from '../../../src/io/package/package-fs.js';
import { MemoryPort } from '../../../src/io/memory-port.js';

const DIR = '/ws/packages';
const text = (io: MemoryPort, path: string): string => new TextDecoder().decode(io.readFileSync(path));
const names = (io: MemoryPort): string[] =>
  io
    .readdirSync(DIR)
    .map((e) => e.name)
    .sort();

function world(packages: Record<string, string>, files: Record<string, string> = {}): MemoryPort {
  const io = new MemoryPort();
  io.mkdir(DIR);
  for (const [name, content] of Object.entries(packages)) io.put(`${DIR}/${name}/manifest.json`, content);
  for (const [name, content] of Object.entries(files)) io.put(`${DIR}/${name}`, content);
  return io;
}

describe('swapping a package into place, in memory', () => {
  it('keeps the old set (folder, zip, hash) under a new name and moves the new one in', () => {
    const io = world(
      { '2026Q3': 'old', '.2026Q3.tmp-1-aa': 'new' },
      { '2026Q3.zip': 'old zip', '2026Q3.manifest.sha256': 'old hash', '.2026Q3.tmp-1-aa.manifest.sha256': 'new hash' },
    );
    const replaced = swapIntoPlace(
      DIR,
      '.2026Q3.tmp-1-aa',
      '2026Q3',
      '20261015T080000Z',
      [{ temp: '.2026Q3.tmp-1-aa.manifest.sha256', to: '2026Q3.manifest.sha256' }],
      io,
    );
    expect(replaced).toBe('2026Q3.replaced-20261015T080000Z');
    expect(names(io)).toEqual(['2026Q3', '2026Q3.manifest.sha256', `${replaced}`, `${replaced}.manifest.sha256`, `${replaced}.zip`].sort());
    expect(text(io, `${DIR}/2026Q3/manifest.json`)).toBe('new');
    expect(text(io, `${DIR}/${replaced}/manifest.json`)).toBe('old');
    expect(text(io, `${DIR}/2026Q3.manifest.sha256`)).toBe('new hash');
    expect(swapPending(DIR, '2026Q3', io)).toBe(false);
  });

  it('a second swap in the same second gets -2', () => {
    const io = world({ '2026Q3': 'old', '2026Q3.replaced-20261015T080000Z': 'older', '.2026Q3.tmp-1-bb': 'new' });
    expect(swapIntoPlace(DIR, '.2026Q3.tmp-1-bb', '2026Q3', '20261015T080000Z', [], io)).toBe('2026Q3.replaced-20261015T080000Z-2');
  });

  it('finishes a swap interrupted after the old package moved away', () => {
    const io = world(
      { '2026Q3.replaced-x': 'old', '.2026Q3.tmp-999999-bb': 'new' },
      { '.2026Q3.swap.json': JSON.stringify({ final: '2026Q3', temp: '.2026Q3.tmp-999999-bb', replaced: '2026Q3.replaced-x' }) },
    );
    expect(swapPending(DIR, '2026Q3', io)).toBe(true);
    expect(recoverPackages(DIR, undefined, io)).toEqual(['2026Q3']);
    expect(text(io, `${DIR}/2026Q3/manifest.json`)).toBe('new');
    expect(swapPending(DIR, '2026Q3', io)).toBe(false);
  });

  it('rolls back when the new package is gone, and drops a marker that does not parse', () => {
    const io = world(
      { '2026Q3.replaced-x': 'old' },
      {
        '.2026Q3.swap.json': JSON.stringify({ final: '2026Q3', temp: '.2026Q3.tmp-999999-cc', replaced: '2026Q3.replaced-x' }),
        '.2026Q4.swap.json': '{not json',
      },
    );
    recoverPackages(DIR, undefined, io);
    expect(text(io, `${DIR}/2026Q3/manifest.json`)).toBe('old');
    expect(names(io)).toEqual(['2026Q3']);
  });

  it('removes temporary folders of processes that no longer run, not of running ones; leaves a running swap to its process', () => {
    const io = world(
      { [`.2026Q3.tmp-${2 ** 22 + 7}-dd`]: 'half', [`.2026Q3.tmp-${process.pid}-ee`]: 'mine', '2026Q4.replaced-x': 'old' },
      {
        '.2026Q4.swap.json': JSON.stringify({
          final: '2026Q4',
          temp: '.2026Q4.tmp-1-ff',
          replaced: '2026Q4.replaced-x',
          pid: process.ppid,
        }),
      },
    );
    recoverPackages(DIR, undefined, io);
    expect(names(io)).toEqual([`.2026Q3.tmp-${process.pid}-ee`, '.2026Q4.swap.json', '2026Q4.replaced-x']);
  });

  it('prunes replaced sets beyond the newest N, with their zip and hash', () => {
    const io = world(
      Object.fromEntries(['20261001T000000Z', '20261002T000000Z', '20261003T000000Z'].map((s) => [`2026Q3.replaced-${s}`, s])),
      { '2026Q3.replaced-20261001T000000Z.zip': 'z' },
    );
    expect(pruneReplaced(DIR, '2026Q3', 2, io)).toEqual(['2026Q3.replaced-20261001T000000Z', '2026Q3.replaced-20261001T000000Z.zip']);
    expect(names(io)).toEqual(['2026Q3.replaced-20261002T000000Z', '2026Q3.replaced-20261003T000000Z']);
  });
});
