/**
 * The register's checkpoint on disk: register/events.jsonl.checkpoint, beside the log it covers
 * (register/checkpoint.ts says what it holds; docs/decisions.md "The register's checkpoint"). A cache:
 * any reader may write it (written to a temporary name, then renamed: a reader that holds no lock
 * never leaves half a checkpoint, and two that write at once leave one whole one), nothing fails for
 * want of it, and a write that fails is forgotten.
 */
import { join } from 'node:path';
import { tempBeside } from '../atomic-write.js';
import { onInterrupt } from '../cleanup.js';
import { beforeWrite, partialWrite } from '../faults.js';
import { nodePort } from '../node-port.js';
import type { AppendHandle, IoPort, ReadHandle } from '../port.js';
import type { CheckpointStream } from '../../register/checkpoint-extend.js';

export const CHECKPOINT_FILE = 'events.jsonl.checkpoint';

/** A checkpoint larger than this is no checkpoint of ours (a province's is ~150 MB). */
const MAX_BYTES = 1 << 30;

/** A segment continuing the checkpoint (register/checkpoint-segment.ts), written by publish. */
export const SEGMENT_FILE = 'events.jsonl.checkpoint.segment';

export function checkpointPath(registerDir: string): string {
  return join(registerDir, CHECKPOINT_FILE);
}

/** The segment file opened for reading, or null when there is none (or it is not a regular file). The caller closes it. */
export function openSegmentFile(registerDir: string, io: IoPort = nodePort): ReadHandle | null {
  let fd: ReadHandle;
  try {
    fd = io.openRead(join(registerDir, SEGMENT_FILE));
  } catch {
    return null;
  }
  if (fd.kind === 'file' && fd.size <= MAX_BYTES) return fd;
  fd.close();
  return null;
}

/** Removes the segment once a whole checkpoint replaces its base (best effort: a stale segment is ignored anyway). */
export function removeSegmentFile(registerDir: string, io: IoPort = nodePort): void {
  try {
    if (io.exists(join(registerDir, SEGMENT_FILE))) io.remove(join(registerDir, SEGMENT_FILE));
  } catch {
    // Left: it names a base that is no longer there, and every reader ignores it.
  }
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

/**
 * Writes the checkpoint whole or not at all; a failure (read-only share, full disk) only means no checkpoint.
 * Given as parts (register/checkpoint-writer.ts) or a piece at a time (an extension, register/checkpoint-extend.ts,
 * copying the old file's parts), written one after another to a temporary name, flushed, then renamed: a
 * province's ~180 MB file is never one buffer beside the columns it is made of. A rename refused (a system that
 * will not replace a file held open: the old checkpoint this process still reads parts of) is tried once more
 * after `release` (which reads what is left of the old file and closes it).
 */
export function writeCheckpointFile(
  registerDir: string,
  parts: readonly Uint8Array[] | CheckpointStream,
  io: IoPort = nodePort,
  release?: () => void,
  name: string = CHECKPOINT_FILE,
): boolean {
  const path = join(registerDir, name);
  const temp = tempBeside(path);
  const forget = onInterrupt(() => io.remove(temp));
  let fd: AppendHandle | undefined;
  try {
    beforeWrite(path);
    fd = io.openAppend(temp, { create: true });
    // The fault hook of a disk that fills half-way (io/faults.ts), as writeFile has it.
    const stream = Array.isArray(parts) ? null : (parts as CheckpointStream);
    const total = stream ? stream.bytes : (parts as readonly Uint8Array[]).reduce((sum, p) => sum + p.length, 0);
    const cut = partialWrite(path);
    let left = cut ? Math.floor(total / 2) : total;
    let written = 0;
    for (const p of stream ? stream.pieces() : (parts as readonly Uint8Array[])) {
      written += p.length;
      const n = Math.min(p.length, left);
      for (let off = 0; off < n; ) off += fd.write(p, off, n - off);
      left -= n;
    }
    if (cut) throw Object.assign(new Error(`ENOSPC: injected fault, write '${path}'`), { code: 'ENOSPC' });
    if (written !== total) throw new Error('checkpoint: the pieces are not the length announced');
    fd.sync();
    fd.close();
    fd = undefined;
    try {
      io.rename(temp, path);
    } catch (err) {
      if (!release) throw err;
      release();
      io.rename(temp, path);
    }
    return true;
  } catch {
    try {
      fd?.close();
    } catch {
      // Closed or gone: nothing to do.
    }
    try {
      io.remove(temp);
    } catch {
      // Best effort: a temporary name is skipped by every reader.
    }
    return false;
  } finally {
    forget();
  }
}
