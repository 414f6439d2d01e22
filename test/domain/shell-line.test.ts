// Next-step commands that paste and run (people.md "Commands a person can paste"): the rules of
// cmd.exe and of a POSIX shell, checked the way each parses the line back into words.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { commandLine, nativePath, shellFor } from '../../src/domain/shell-line.js';

/** How a Windows program splits its command line into argv (CommandLineToArgvW, the C runtime's rules). */
function windowsArgv(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i >= line.length) break;
    let word = '';
    let quoted = false;
    for (; i < line.length; i++) {
      const c = line[i];
      if (c === '\\') {
        let n = 0;
        while (line[i] === '\\') {
          n++;
          i++;
        }
        if (line[i] === '"') {
          word += '\\'.repeat(Math.floor(n / 2));
          if (n % 2 === 1) word += '"';
          else quoted = !quoted;
        } else {
          word += '\\'.repeat(n);
          i--;
        }
      } else if (c === '"') quoted = !quoted;
      else if ((c === ' ' || c === '\t') && !quoted) break;
      else word += c;
    }
    out.push(word);
  }
  return out;
}

describe('commandLine', () => {
  it('cmd.exe: a path with a space is quoted and given back whole; separators are backslashes only', () => {
    const line = commandLine(['hrss-credit', 'verify', { path: 'C:\\Users\\张三\\桌面\\信用 报送/packages/2026Q3' }], 'cmd');
    expect(line).toBe('hrss-credit verify "C:\\Users\\张三\\桌面\\信用 报送\\packages\\2026Q3"');
    expect(windowsArgv(line)).toEqual(['hrss-credit', 'verify', 'C:\\Users\\张三\\桌面\\信用 报送\\packages\\2026Q3']);
  });

  it('cmd.exe: no trailing backslash before the closing quote (it would swallow the rest), & and parentheses quoted', () => {
    const line = commandLine(
      ['hrss-credit', 'verify', { path: 'C:\\Program Files (x86)\\R&D 信用 (试用)\\packages\\' }, '--format', 'json'],
      'cmd',
    );
    expect(line).toBe('hrss-credit verify "C:\\Program Files (x86)\\R&D 信用 (试用)\\packages" --format json');
    expect(windowsArgv(line)).toEqual(['hrss-credit', 'verify', 'C:\\Program Files (x86)\\R&D 信用 (试用)\\packages', '--format', 'json']);
    // A word (not a path) that ends in a backslash keeps it, doubled inside the quotes.
    const word = commandLine(['x', 'a b\\'], 'cmd');
    expect(windowsArgv(word)).toEqual(['x', 'a b\\']);
    expect(commandLine(['hrss-credit', 'verify', { path: 'D:\\' }], 'cmd')).toBe('hrss-credit verify D:\\');
    expect(commandLine(['a', 'say "hi" now'], 'cmd')).toBe('a "say \\"hi\\" now"');
    expect(windowsArgv(commandLine(['a', 'say "hi" now'], 'cmd'))).toEqual(['a', 'say "hi" now']);
  });

  it('a POSIX shell: safe words as they are (Chinese too), others single-quoted; sh gives the words back', () => {
    expect(commandLine(['hrss-credit', 'verify', { path: 'packages/2026Q3' }], 'posix')).toBe('hrss-credit verify packages/2026Q3');
    expect(commandLine(['hrss-credit', 'verify', { path: '/srv/信用红黑名单/packages/2026Q3/' }], 'posix')).toBe(
      'hrss-credit verify /srv/信用红黑名单/packages/2026Q3',
    );
    const words = ['hrss-credit', "/tmp/信用 报送/it's $HOME `x` (1)/packages", '', '*'];
    const line = commandLine(words, 'posix');
    const r = spawnSync('sh', ['-c', `printf '%s\\n' ${line}`], { encoding: 'utf8' });
    expect(r.stdout).toBe(words.map((w) => `${w}\n`).join(''));
  });

  it('nativePath and shellFor', () => {
    expect(nativePath('C:/a/b\\c/', 'cmd')).toBe('C:\\a\\b\\c');
    expect(nativePath('/a/b/', 'posix')).toBe('/a/b');
    expect(nativePath('/', 'posix')).toBe('/');
    expect(shellFor('win32')).toBe('cmd');
    expect(shellFor('linux')).toBe('posix');
  });
});
