/**
 * The refusal of a Node.js older than the tool supports (people.md "Node, shipped and checked"). It is
 * shown before anything else of the tool is loaded, on any Node, so this file imports nothing and uses
 * no syntax newer than the oldest Node a bureau PC may have.
 */
export const nodeTooOldText = {
  'zh-CN': (need: number, found: string): string =>
    `需要 Node.js ${need} 或更高版本（当前 ${found}）。请安装 Node.js ${need} 或更高版本（长期支持版），或改用自带 Node.js 的 Windows 版（hrss-credit-<版本>-win-x64.zip，解压即用）。`,
  en: (need: number, found: string): string =>
    `Node.js ${need} or later is needed (this is ${found}). Install Node.js ${need} or later (an LTS release), or use the Windows release that carries its own Node.js (hrss-credit-<version>-win-x64.zip, unzip and run).`,
};
