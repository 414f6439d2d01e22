/** Chinese words of a start from Explorer (the shape: ../types.ts LaunchUiText). */
import type { LaunchUiText } from '../types.js';

export const zhLaunchUi: LaunchUiText = {
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
