/** English words of a start from Explorer (the shape: ../types.ts LaunchUiText). */
import type { LaunchUiText } from '../types.js';

export const enLaunchUi: LaunchUiText = {
  doubleClick: (version) =>
    [
      `hrss-credit ${version}: credit red/black list checks and packages (Xinxiang HRSS bureau)`,
      '',
      'This is a command-line tool; a double-click alone checks nothing. To use it:',
      '  1. Drop a list file or a whole department folder on the hrss-credit.cmd icon: it is checked at',
      '     once, and a copy with the problem cells marked is written to the 检查结果 folder beside it.',
      "  2. Type cmd in the address bar of this folder's window and press Enter to open a command prompt,",
      '     then type a command, e.g.',
      '       hrss-credit status 2026Q3 -w "D:\\信用红黑名单"',
      '     (hrss-credit --help lists every command)',
      "  3. Read 使用手册.html in this folder: the year's work step by step, what to type and what it shows.",
      '',
    ].join('\n'),
  pressAnyKey: 'Press any key to close this window…',
};
