/** A document's JSON as bytes (reporters/json-bytes.ts) to stdout, a part at a time. */
import type { CliIo } from './env.js';

/**
 * Writes each part past the sink (the parts are terminal-safe as made), or as text where stdout takes only
 * text (the sink then finds nothing to change); waits for a slow reader, so that what it has not read is
 * never all in memory.
 */
export async function writeParts(stdout: CliIo['stdout'], parts: Iterable<Buffer>): Promise<void> {
  for (const part of parts) {
    const ok = stdout.writeBytes ? stdout.writeBytes(part) : stdout.write(part.toString('utf8'));
    if (ok === false && stdout.drain) await stdout.drain();
  }
}
