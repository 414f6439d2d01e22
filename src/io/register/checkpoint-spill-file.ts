/**
 * The scratch file a checkpoint being built spills its text columns and removals to (register/checkpoint-spill.ts):
 * a temporary name beside the checkpoint (skipped by every reader, as the checkpoint's own temporary file is),
 * created at the first write, removed once the checkpoint is written or given up, and on Ctrl-C.
 */
import { tempBeside } from '../atomic-write.js';
import { onInterrupt } from '../cleanup.js';
import { nodePort } from '../node-port.js';
import type { AppendHandle, IoPort, ReadHandle } from '../port.js';
import type { Spill } from '../../register/checkpoint-spill.js';
import { checkpointPath } from './register-checkpoint.js';

export class SpillFile implements Spill {
  private path: string | null = null;
  private out: AppendHandle | null = null;
  private in: ReadHandle | null = null;
  private forget: (() => void) | null = null;
  private buf = Buffer.alloc(0);

  constructor(
    private readonly registerDir: string,
    private readonly io: IoPort = nodePort,
  ) {}

  write(bytes: Uint8Array): void {
    if (this.in) throw new Error('spill: written after it was read');
    if (!this.out) {
      const path = tempBeside(checkpointPath(this.registerDir));
      this.path = path;
      this.forget = onInterrupt(() => this.io.remove(path));
      this.out = this.io.openAppend(path, { create: true });
    }
    for (let off = 0; off < bytes.length; ) off += this.out.write(bytes, off, bytes.length - off);
  }

  read(pos: number, len: number): Uint8Array {
    if (!this.in) {
      if (!this.path) throw new Error('spill: read before anything was written');
      this.out?.close();
      this.out = null;
      this.in = this.io.openRead(this.path);
    }
    // One buffer for every read: the pieces are written out one at a time (register-checkpoint.ts).
    if (this.buf.length < len) this.buf = Buffer.allocUnsafe(len);
    const buf = this.buf.subarray(0, len);
    let done = 0;
    while (done < len) {
      const n = this.in.read(buf, done, len - done, pos + done);
      if (n === 0) throw new Error('spill: shorter than what was written');
      done += n;
    }
    return buf;
  }

  /** Closes and removes the file (best effort: a temporary name is skipped by every reader). */
  dispose(): void {
    for (const h of [this.out, this.in]) {
      try {
        h?.close();
      } catch {
        // Closed or gone.
      }
    }
    this.out = null;
    this.in = null;
    if (this.path) {
      try {
        this.io.remove(this.path);
      } catch {
        // Best effort.
      }
    }
    this.path = null;
    this.forget?.();
    this.forget = null;
  }
}
