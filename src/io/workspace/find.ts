/**
 * Finding the workspace: the nearest folder at or above a start that holds the config or `submissions/` (workspace.md).
 * Apart from workspace.ts, which loads zod and the config's schema: bin/'s early hash (cli/early-log.ts) finds the
 * workspace with it before the command's modules load.
 */
import { dirname, join, resolve } from 'node:path';
import { nodePort } from '../node-port.js';
import type { IoPort } from '../port.js';

export const CONFIG_FILE = 'hrss-credit.config.json';

function isWorkspace(dir: string, io: IoPort): boolean {
  return io.exists(join(dir, CONFIG_FILE)) || io.exists(join(dir, 'submissions'));
}

/** The nearest folder at or above `start` that holds the config or `submissions/`. */
export function findWorkspaceUp(start: string, io: IoPort = nodePort): string | undefined {
  let dir = resolve(start);
  try {
    if (io.statSync(dir).kind !== 'folder') dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  for (;;) {
    if (isWorkspace(dir, io)) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}
