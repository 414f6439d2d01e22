/**
 * The register's checkpoint on disk: register/events.jsonl.checkpoint, beside the log it covers
 * (register/checkpoint.ts says what it holds; docs/decisions.md "The register's checkpoint"). A cache:
 * any reader may write it (written to a temporary name, then renamed: a reader that holds no lock
 * never leaves half a checkpoint, and two that write at once leave one whole one), nothing fails for
 * want of it, and a write that fails is forgotten.
 */
import { join } from 'node:path';
import { nodePort } from '../node-port.js';
import type { IoPort, ReadHandle } from '../port.js';

export const CHECKPOINT_FILE = 'events.jsonl.checkpoint';

/** A checkpoint larger than this is no checkpoint of ours (a province's is ~150 MB). */
const MAX_BYTES = 1 << 30;

export function checkpointPath(registerDir: string): string {
  return join(registerDir, CHECKPOINT_FILE);
}

/**
 * The checkpoint file opened for reading at positions (register/checkpoint-parts.ts reads its parts when
 * asked), or null when there is none (or it is not a regular file, or cannot be opened). The caller closes it.
 */
export function openCheckpointFile(registerDir: string, io: IoPort = nodePort): ReadHandle | null {
  let fd: ReadHandle;
  try {
    fd = io.openRead(checkpointPath(registerDir));
  } catch {
    return null;
  }
  if (fd.kind === 'file' && fd.size <= MAX_BYTES) return fd;
  fd.close();
  return null;
}

/** Writes the checkpoint whole or not at all; a failure (read-only share, full disk) only means no checkpoint. */
export function writeCheckpointFile(registerDir: string, bytes: Buffer, io: IoPort = nodePort): boolean {
  try {
    io.writeFile(checkpointPath(registerDir), bytes);
    return true;
  } catch {
    return false;
  }
}
