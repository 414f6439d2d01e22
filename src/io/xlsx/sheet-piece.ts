/**
 * A chunk of a sheet's XML deflated as a piece (zip-write.ts RawPiece), on the 台账's second thread (sheet-worker.ts)
 * or on the main thread (sheet-thread.ts): one function, the same bytes. Apart from sheet-cells.ts, which the
 * self-check page's bundle takes through xlsx-writer.ts and whose zlib has no deflateRawSync.
 */
import { constants, deflateRawSync } from 'node:zlib';
import { crc32 } from '../../register/crc32.js';
import type { RawPiece } from '../zip/zip-write.js';

/** Bytes deflated as a piece (zip-write.ts RawPiece): raw, ended by a sync flush, with their CRC-32 and length. */
export function rawPiece(bytes: Uint8Array, level: number): RawPiece {
  const d = deflateRawSync(bytes, { level, finishFlush: constants.Z_SYNC_FLUSH });
  // Its own buffer, whole: handed to the main thread (transferred), never a slice of a larger one (Buffer's pool).
  const whole = d.byteOffset === 0 && d.byteLength === d.buffer.byteLength;
  const deflated = whole ? d : Uint8Array.prototype.slice.call(d);
  return { deflated, crc: crc32(bytes), size: bytes.length };
}
