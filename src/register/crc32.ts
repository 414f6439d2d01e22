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

const POLY = 0xedb88320;

/** a × b modulo the CRC-32 polynomial (bit-reflected, as zlib's multmodp). */
function multmodp(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  let x = b >>> 0;
  for (;;) {
    if ((a & m) !== 0) {
      p ^= x;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    if (m === 0) break;
    x = x & 1 ? (x >>> 1) ^ POLY : x >>> 1;
  }
  return p >>> 0;
}

let powers: Uint32Array | undefined;

/** x^(n × 2^k) modulo the polynomial (zlib's x2nmodp). */
function x2nmodp(n: number, k: number): number {
  if (!powers) {
    powers = new Uint32Array(32);
    let p = 0x40000000; // x^1
    powers[0] = p;
    for (let i = 1; i < 32; i++) powers[i] = p = multmodp(p, p);
  }
  let p = 0x80000000; // x^0
  let left = n;
  let j = k;
  while (left > 0) {
    if (left % 2 === 1) p = multmodp(powers[j & 31] as number, p);
    left = Math.floor(left / 2);
    j++;
  }
  return p;
}

/**
 * The CRC-32 of A then B from the CRC-32 of each and B's length (zlib's crc32_combine): a checkpoint extended
 * (checkpoint-extend.ts) carries the parts of the old one without reading them twice.
 */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multmodp(x2nmodp(lengthB, 3), crcA >>> 0) ^ (crcB >>> 0)) >>> 0;
}

/** The CRC-32 of B alone, from the CRC-32 of A and of A then B and B's length. */
export function crc32Of(crcA: number, crcAB: number, lengthB: number): number {
  return (multmodp(x2nmodp(lengthB, 3), crcA >>> 0) ^ (crcAB >>> 0)) >>> 0;
}
