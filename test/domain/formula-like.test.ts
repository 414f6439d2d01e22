// The formula-like check (package.md "Safety of the output"; OWASP's CSV injection list): every
// character that makes a spreadsheet run a cell, each on its own, so dropping one fails here
// (issue 18: `+` and `@` could be dropped with the suite green).
import { describe, expect, it } from 'vitest';
import { isFormulaLike } from '../../src/domain/text.js';

describe('isFormulaLike', () => {
  it.each([
    ['=', '=HYPERLINK("http://x","点击")'],
    ['+', '+86 139'],
    ['-', "-2+3+cmd|' /C calc'!A0"],
    ['@', "@SUM(1+1)*cmd|' /C calc'!A0"],
    ['tab', '\t=1+1'],
    ['CR', '\r=1+1'],
  ])('a value starting with %s is formula-like', (_label, value) => {
    expect(isFormulaLike(value)).toBe(true);
  });

  it.each([[''], ['新乡市示例有限公司'], [' =1'], ['a=1'], ['91410700MA3X7K2P20'], ['（=）'], ['\n=1']])('%j is not', (value) => {
    expect(isFormulaLike(value)).toBe(false);
  });
});
