// One helper puts a finished file where nothing is, for atomic-write's exclusive writes and the locks
// (io/place-new.ts): a hard link, or on a file system without links an exclusive copy — never over a file.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { placeNew } from '../../src/io/place-new.js';

const dir = mkdtempSync(join(tmpdir(), 'hrss-place-new-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = (content: string): { temp: string; path: string } => {
  const temp = join(dir, `t${++n}.tmp`);
  writeFileSync(temp, content);
  return { temp, path: join(dir, `f${n}`) };
};
const noLinks = (code: string) => () => {
  throw Object.assign(new Error(code), { code });
};

describe('placeNew', () => {
  it('places the file where nothing is, and never over an existing one', () => {
    const { temp, path } = fresh('new');
    expect(placeNew(temp, path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('new');
    const again = fresh('other');
    writeFileSync(again.path, 'kept');
    expect(placeNew(again.temp, again.path)).toBe(false);
    expect(readFileSync(again.path, 'utf8')).toBe('kept');
  });

  it.each(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'])(
    'without hard links (%s): an exclusive copy, still never over a file',
    (code) => {
      const { temp, path } = fresh('copied');
      expect(placeNew(temp, path, noLinks(code))).toBe(true);
      expect(readFileSync(path, 'utf8')).toBe('copied');
      const again = fresh('other');
      writeFileSync(again.path, 'kept');
      expect(placeNew(again.temp, again.path, noLinks(code))).toBe(false);
      expect(readFileSync(again.path, 'utf8')).toBe('kept');
    },
  );

  it('any other error is thrown', () => {
    const { temp, path } = fresh('x');
    expect(() => placeNew(temp, path, noLinks('EACCES'))).toThrow('EACCES');
    expect(existsSync(path)).toBe(false);
  });

  it("is what writeFileAtomic's exclusive write uses", () => {
    const path = join(dir, 'template.xlsx');
    expect(writeFileAtomic(path, 'first', { exclusive: true })).toBe(true);
    expect(writeFileAtomic(path, 'second', { exclusive: true })).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('first');
  });
});
