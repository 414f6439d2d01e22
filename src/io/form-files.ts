/** The file-system side of `template`: folders to look into, files written only when new. */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ToolError } from '../diagnostics/tool-error.js';

export function listFolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch {
    return [];
  }
}

/** Writes `bytes` to a file that does not exist yet (flag wx: never over an existing one); false when it exists. */
export async function writeNewFile(path: string, bytes: Buffer): Promise<boolean> {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes, { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new ToolError('WRITE_FAILED', { problem: (err as NodeJS.ErrnoException).code ?? 'EIO', path });
  }
}
