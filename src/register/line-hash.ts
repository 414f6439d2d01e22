/**
 * The hash a line of our log must carry, from its bytes (chain.ts lineHash says why the line without its `hash`
 * member is what the writer hashed). Apart from chain.ts so that the log's checking thread (io/register/
 * log-check-worker.ts) loads only this and canonical-scan.ts.
 */
import { createHash } from 'node:crypto';

export const HASH_MEMBER = ',"hash":"';
const HASH_MEMBER_BYTES = Buffer.from(HASH_MEMBER, 'latin1');

/** lineHash of a line's bytes, hashed as they are (no string made, nothing re-encoded). */
export function lineHashOfBytes(buf: Buffer, start: number, end: number): string | undefined {
  const at = buf.subarray(start, end).indexOf(HASH_MEMBER_BYTES);
  if (at < 0) return undefined;
  const from = start + at;
  const close = from + HASH_MEMBER_BYTES.length + 64;
  if (close >= end || buf[close] !== 0x22) return undefined;
  return createHash('sha256')
    .update(buf.subarray(start, from))
    .update(buf.subarray(close + 1, end))
    .digest('hex');
}
