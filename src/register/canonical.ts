/**
 * Canonical JSON for the register's event log: object keys in code-point order at every depth, no
 * whitespace, `undefined` members left out, strings and numbers as JSON.stringify writes them. One
 * value has one text, so a line's hash does not depend on who wrote it, and `register verify` can ask
 * that every line be exactly its canonical text (any byte edited is then visible).
 */
import { createHash } from 'node:crypto';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The canonical text. A value of plain JSON is copied with each object's keys inserted in their order and
 * written by one JSON.stringify, which keeps insertion order (a city's publish event: ~40 ms built member by
 * member as text, a few ms so; a province's ~10× that). Where the engine would not keep that order — a key
 * that is an array index (written first, in numeric order) or `__proto__` (which a plain object's assignment
 * does not make a member) — or an array with a hole, the text is built member by member (`canonicalText`):
 * the same text either way (test/register/canonical-fast.test.ts).
 */
export function canonicalJson(value: unknown): string {
  let copy: unknown;
  try {
    copy = keyOrdered(value);
  } catch (err) {
    if (err === NOT_PLAIN) return canonicalText(value);
    throw err;
  }
  return JSON.stringify(copy);
}

/** Thrown by keyOrdered where JSON.stringify of a copy would not give the canonical text. */
const NOT_PLAIN = Symbol('not plain');

/** The largest array index (2³² − 2): a key that is one is listed before the others, in numeric order. */
const MAX_INDEX = 4294967294;

function isArrayIndex(key: string): boolean {
  const c = key.charCodeAt(0);
  if (c < 0x30 || c > 0x39) return false;
  if (key.length > 10 || (c === 0x30 && key.length > 1)) return false;
  for (let i = 1; i < key.length; i++) {
    const d = key.charCodeAt(i);
    if (d < 0x30 || d > 0x39) return false;
  }
  return Number(key) <= MAX_INDEX;
}

/** `value` with every object's defined members inserted in code-point order; what canonicalText refuses, it refuses alike. */
function keyOrdered(value: unknown): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`not a JSON number: ${value}`);
      return value;
    case 'object': {
      if (Array.isArray(value)) {
        const n = value.length;
        const out = new Array<unknown>(n);
        for (let i = 0; i < n; i++) {
          if (!(i in value)) throw NOT_PLAIN;
          const v: unknown = value[i];
          out[i] = v === undefined ? null : keyOrdered(v);
        }
        return out;
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).sort();
      const out: Record<string, unknown> = {};
      for (const k of keys) {
        const v = obj[k];
        if (v === undefined) continue;
        if (k === '__proto__' || isArrayIndex(k)) throw NOT_PLAIN;
        out[k] = keyOrdered(v);
      }
      return out;
    }
    default:
      throw new TypeError(`not a JSON value: ${typeof value}`);
  }
}

/** The canonical text built member by member: what canonicalJson gives, for any value. */
export function canonicalText(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`not a JSON number: ${value}`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalText(v))).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort(byCodePoint);
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalText(obj[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`not a JSON value: ${typeof value}`);
  }
}
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
