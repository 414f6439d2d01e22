/**
 * What the tool says when started from Explorer (people.md "Double-click and drag-and-drop"): the
 * Windows launcher sets HRSS_CREDIT_LAUNCH=explorer when it was double-clicked or had something dropped
 * on it (cli/launch.ts).
 */
import type { Lang } from './index.js';

export interface LaunchUiText {
  /** Double-clicked with nothing dropped: the three things a person can do instead of the help. */
  doubleClick(version: string): string;
  /** The last line before the window closes. */
  pressAnyKey: string;
}

const zh: LaunchUiText = {
  doubleClick: (version) =>
    [
      `hrss-credit ${version} 新乡市人社局信用红黑名单报送校验与汇总工具`,
      '',
      '这是一个命令行工具，双击本身不做任何检查。可以这样使用：',
      '  1. 把名单文件或整个科室文件夹拖到 hrss-credit.cmd 的图标上松开：立即检查，',
      '     并在旁边的“检查结果”文件夹里生成标出问题单元格的副本。',
      '  2. 在本文件夹窗口的地址栏输入 cmd 后回车，打开命令提示符，再输入命令，例如：',
      '       hrss-credit status 2026Q3 -w "D:\\信用红黑名单"',
      '     （hrss-credit --help 列出全部命令）',
      '  3. 阅读本文件夹中的“使用手册.html”：按一年的工作顺序，逐步说明每一步输入什么、看到什么。',
      '',
    ].join('\n'),
  pressAnyKey: '按任意键关闭窗口…',
};

const en: LaunchUiText = {
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

export function launchUi(lang: Lang): LaunchUiText {
  return lang === 'en' ? en : zh;
}
