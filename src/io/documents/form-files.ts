/** The file-system side of `template`: folders to look into, files written only when new. */
import { readdirSync } from 'node:fs';
import { writeFileAtomic } from '../atomic-write.js';
import { ToolError } from '../../diagnostics/tool-error.js';

export function listFolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** Writes `bytes` to a file that does not exist yet (flag wx: never over an existing one); false when it exists. */
export async function writeNewFile(path: string, bytes: Buffer): Promise<boolean> {
  try {
    // A temporary name, then a link: a full disk leaves no truncated form that would block the rerun.
    return writeFileAtomic(path, bytes, { exclusive: true });
  } catch (err) {
    throw new ToolError('WRITE_FAILED', { problem: (err as NodeJS.ErrnoException).code ?? 'EIO', path });
  }
}
