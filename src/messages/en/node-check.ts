/** The refusal of a too-old Node.js, in English (../node-check.ts: imports nothing at run time). */
export const enNodeTooOld = (need: number, found: string): string =>
  `Node.js ${need} or later is needed (this is ${found}). Install Node.js ${need} or later (an LTS release), or use the Windows release ` +
  `that carries its own Node.js (hrss-credit-<version>-win-x64.zip, unzip and run).`;
