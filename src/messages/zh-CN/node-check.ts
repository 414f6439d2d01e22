/** The refusal of a too-old Node.js, in Chinese (../node-check.ts: imports nothing at run time). */
export const zhNodeTooOld = (need: number, found: string): string =>
  `需要 Node.js ${need} 或更高版本（当前 ${found}）。请安装 Node.js ${need} 或更高版本（长期支持版），或改用自带 Node.js 的 Windows 版（hrss-credit-<版本>-win-x64.zip，解压即用）。`;
