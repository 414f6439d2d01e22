/** The file-system side of `template`: folders to look into, files written only when new (on the context's port). */
import { ToolError } from '../../diagnostics/tool-error.js';
import { nodePort } from '../node-port.js';
import type { IoPort } from '../port.js';

export function listFolders(dir: string, io: IoPort = nodePort): string[] {
  try {
    return io
      .readdirSync(dir)
      .filter((e) => e.kind === 'folder')
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** Writes `bytes` to a file that does not exist yet (flag wx: never over an existing one); false when it exists. */
export async function writeNewFile(path: string, bytes: Buffer, io: IoPort = nodePort): Promise<boolean> {
  try {
    // A temporary name, then a link: a full disk leaves no truncated form that would block the rerun.
    return io.writeFile(path, bytes, { exclusive: true });
  } catch (err) {
    throw new ToolError('WRITE_FAILED', { problem: (err as NodeJS.ErrnoException).code ?? 'EIO', path });
  }
}
