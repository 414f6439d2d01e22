/**
 * CRC-32 (the zlib/PNG polynomial) of a buffer: the checkpoint's guard against an edited or half-written
 * body (checkpoint.ts). Node's own (zlib.crc32, from Node 20.15) when there is one, else a table in
 * JavaScript with the same result.
 */
import * as zlib from 'node:zlib';

const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

let table: Uint32Array | undefined;

function crcTable(): Uint32Array {
  if (table) return table;
  table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[i] = c >>> 0;
  }
  return table;
}

/**
 * The CRC-32 in JavaScript (what zlib.crc32 returns): exported for the test that compares the two.
 * `value`: the CRC-32 of the bytes before `data` (the result is that of both, in order), 0 for none.
 */
export function crc32Js(data: Uint8Array, value = 0): number {
  const t = crcTable();
  let c = (value ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = (t[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The CRC-32 of `data`, or of the bytes before it (whose CRC-32 is `value`) and `data`, in order. */
export function crc32(data: Uint8Array, value = 0): number {
  // Nothing to add (Node's zlib.crc32 gives 0 for a view of an empty ArrayBuffer, whatever `value` is).
  if (data.length === 0) return value >>> 0;
  return native ? native(data, value) : crc32Js(data, value);
}
