// Windows paths on any machine (delivery.md "Windows"): the path helpers run with path.win32 —
// drive letters, backslashes, UNC shares, Chinese folder names — and with path.posix.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { departmentFolderName, displayPath, resolveFrom, shownPath } from '../../src/io/paths.js';
import { quarterFromPath } from '../../src/api/department/department.js';
import { formatQuarter } from '../../src/domain/quarter.js';

const { win32, posix } = path;
const q = (p: string, flavour: typeof win32): string | undefined => {
  const r = quarterFromPath(p, flavour);
  return r ? formatQuarter(r) : undefined;
};

describe('workspace resolution (-w)', () => {
  it('a drive letter, with backslashes or slashes, is absolute whatever the current folder', () => {
    expect(resolveFrom('C:\\Users\\clerk', 'D:\\信用红黑名单', win32)).toBe('D:\\信用红黑名单');
    expect(resolveFrom('C:\\Users\\clerk', 'D:/信用红黑名单', win32)).toBe('D:\\信用红黑名单');
    expect(resolveFrom('C:\\Users\\clerk', 'D:\\信用红黑名单\\', win32)).toBe('D:\\信用红黑名单');
  });
  it('a UNC share is absolute', () => {
    expect(resolveFrom('C:\\Users\\clerk', '\\\\server\\share\\信用红黑名单', win32)).toBe('\\\\server\\share\\信用红黑名单');
    expect(resolveFrom('C:\\Users\\clerk', '//server/share/信用红黑名单', win32)).toBe('\\\\server\\share\\信用红黑名单');
  });
  it('a relative path is taken from the current folder, also on a share', () => {
    expect(resolveFrom('D:\\信用红黑名单', 'submissions\\2026Q3\\就业办', win32)).toBe('D:\\信用红黑名单\\submissions\\2026Q3\\就业办');
    expect(resolveFrom('\\\\server\\share\\信用', '..\\信用红黑名单', win32)).toBe('\\\\server\\share\\信用红黑名单');
    expect(resolveFrom('/home/clerk', '信用红黑名单', posix)).toBe('/home/clerk/信用红黑名单');
  });
});

describe('location.file: relative to the workspace, with / separators', () => {
  it('on a drive', () => {
    expect(displayPath('D:\\信用红黑名单', 'D:\\信用红黑名单\\submissions\\2026Q3\\就业办\\劳务派遣红黑名单.xlsx', win32)).toBe(
      'submissions/2026Q3/就业办/劳务派遣红黑名单.xlsx',
    );
    expect(displayPath('d:\\信用红黑名单', 'D:\\信用红黑名单\\submissions\\2026Q3', win32)).toBe('submissions/2026Q3');
    expect(displayPath('D:\\信用红黑名单', 'D:\\信用红黑名单', win32)).toBe('.');
  });
  it('on a UNC share', () => {
    expect(
      displayPath(
        '\\\\server\\share\\信用红黑名单',
        '\\\\server\\share\\信用红黑名单\\submissions\\2026Q3\\监察支队\\附件\\典型 案例.pdf',
        win32,
      ),
    ).toBe('submissions/2026Q3/监察支队/附件/典型 案例.pdf');
  });
  it('on POSIX', () => {
    expect(displayPath('/srv/信用', '/srv/信用/submissions/2026Q3/就业办/a.csv', posix)).toBe('submissions/2026Q3/就业办/a.csv');
  });
  it('the terminal shows a path outside the workspace, on another drive or share, as given', () => {
    expect(shownPath('D:\\信用红黑名单', 'D:\\信用红黑名单\\submissions\\2026Q3', win32)).toBe('submissions/2026Q3');
    expect(shownPath('D:\\信用红黑名单', 'E:\\U盘\\黑名单.xlsx', win32)).toBe('E:\\U盘\\黑名单.xlsx');
    expect(shownPath('D:\\信用红黑名单', '\\\\server\\share\\黑名单.xlsx', win32)).toBe('\\\\server\\share\\黑名单.xlsx');
    expect(shownPath('D:\\信用红黑名单', 'D:\\其他\\黑名单.xlsx', win32)).toBe('D:\\其他\\黑名单.xlsx');
    expect(shownPath('/srv/信用', '/tmp/黑名单.xlsx', posix)).toBe('/tmp/黑名单.xlsx');
  });
});

describe('quarter and department from a path', () => {
  it('the department is the folder, or the folder of the file', () => {
    expect(departmentFolderName('D:\\信用红黑名单\\submissions\\2026Q3\\就业办', true, win32)).toBe('就业办');
    expect(departmentFolderName('D:\\信用红黑名单\\submissions\\2026Q3\\就业办\\', true, win32)).toBe('就业办');
    expect(departmentFolderName('\\\\server\\share\\2026Q3\\市劳动保障监察支队\\黑名单.xlsx', false, win32)).toBe('市劳动保障监察支队');
    expect(departmentFolderName('D:/信用红黑名单/submissions/2026Q3/就业办/黑名单.xlsx', false, win32)).toBe('就业办');
    expect(departmentFolderName('/srv/2026Q3/就业办/黑名单.xlsx', false, posix)).toBe('就业办');
  });
  it('the quarter is the nearest enclosing folder named as one', () => {
    expect(q('D:\\信用红黑名单\\submissions\\2026Q3\\就业办\\黑名单.xlsx', win32)).toBe('2026Q3');
    expect(q('\\\\server\\share\\信用\\submissions\\2026年第三季度\\就业办', win32)).toBe('2026Q3');
    expect(q('D:/信用红黑名单/submissions/2026Q4/就业办', win32)).toBe('2026Q4');
    expect(q('/srv/submissions/2026Q3/就业办/a.csv', posix)).toBe('2026Q3');
  });
  it('no quarter up to the drive or the share root: none, and no endless climb', () => {
    expect(q('\\\\server\\share', win32)).toBeUndefined();
    expect(q('\\\\server\\share\\就业办\\a.xlsx', win32)).toBeUndefined();
    expect(q('D:\\', win32)).toBeUndefined();
  });
});
