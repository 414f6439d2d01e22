/**
 * A document's JSON straight into UTF-8 bytes, a part at a time: the bytes formatJson
 * (`JSON.stringify(doc, null, 2)` and a line feed) gives once the terminal sink (sink.ts terminalSafe)
 * has passed over them, for `register list` and `diff` of a province (234 MB and 19 MB of JSON).
 *
 * The string way made every part three times: V8's stringify, the sink's pass (most of it flattening the
 * parts' concatenated strings), then the UTF-8 encoding of stdout's write. Here each value is looked at
 * once: a string with nothing to escape and nothing the sink changes (most: names, codes, dates) is
 * encoded as it is scanned; any other (a quote, a backslash, a control character, a lone surrogate, DEL,
 * C1, a bidi mark, U+2028/9) goes the old way, `terminalSafe(JSON.stringify(value))`, so that the bytes
 * stay the same by construction (test/json-bytes.test.ts holds the two against each other). A toJSON is
 * asked as stringify asks it; anything else but plain objects, arrays and primitives is stringified by V8.
 */
import { terminalSafe } from './sink.js';

/** Bytes a part: larger parts, fewer writes; each is a fresh buffer the writer may keep while it is behind. */
export const BYTES_PER_PART = 64 * 1024;

const QUOTE = 0x22;

/**
 * Bytes a buffer is made of once the first is full: the parts taken are views of it, written one after the other and
 * never written over. A part copied into a buffer of its own (~3,600 for a province's list) cost more than its making.
 */
const SLAB = 1024 * 1024;

/** A growing buffer of JSON text (see above). */
export class JsonBytes {
  private buf = Buffer.allocUnsafe(BYTES_PER_PART * 2);
  /** Where what was written since the last take begins in `buf`. */
  private start = 0;
  private pos = 0;
  /** `{` or `,`, the line's indent and `"key": ` as bytes, by depth and key (a document has few). */
  private readonly keys: Map<string, Uint8Array>[][] = [[], []];
  private readonly indents: string[] = [''];

  get size(): number {
    return this.pos - this.start;
  }

  /** What was written since the last take: bytes no later write changes (the caller may keep them). */
  take(): Buffer {
    const out = this.buf.subarray(this.start, this.pos);
    this.start = this.pos;
    return out;
  }

  /**
   * Room for n more bytes: a new buffer when full, what was not yet taken copied to its start (the old one kept by its
   * parts). At least twice what is pending: a writer that takes no parts copies its bytes a few times, not once a growth.
   */
  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const pending = this.pos - this.start;
    const next = Buffer.allocUnsafeSlow(Math.max(SLAB, 2 * pending + n));
    this.buf.copy(next, 0, this.start, this.pos);
    this.buf = next;
    this.start = 0;
    this.pos = pending;
  }

  /** Text already as it is to be written (terminal-safe): JSON punctuation, a value the old way. */
  text(s: string): void {
    const n = s.length;
    this.ensure(n * 3);
    // Short ASCII (punctuation, numbers) copied by hand: a native write a piece cost more than the piece.
    if (n <= 32) {
      const buf = this.buf;
      let p = this.pos;
      for (let i = 0; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) {
          this.pos += buf.write(s, this.pos, 'utf8');
          return;
        }
        buf[p++] = c;
      }
      this.pos = p;
      return;
    }
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  /** Bytes already as they are to be written (what this writer wrote before: a member's opening, a kept value). */
  raw(b: Uint8Array): void {
    const n = b.length;
    this.ensure(n);
    this.buf.set(b, this.pos);
    this.pos += n;
  }

  indent(depth: number): string {
    let s = this.indents[depth];
    if (s === undefined) {
      s = '  '.repeat(depth);
      this.indents[depth] = s;
    }
    return s;
  }

  /** A string value, quoted: encoded as scanned, or the old way when anything in it needs escaping or the sink. */
  string(s: string): void {
    const n = s.length;
    this.ensure(n * 3 + 2);
    const buf = this.buf;
    let p = this.pos;
    buf[p++] = QUOTE;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x7f) {
        if (c < 0x20 || c === QUOTE || c === 0x5c) {
          this.escaped(s);
          return;
        }
        buf[p++] = c;
      } else if (c < 0x800) {
        // DEL and C1 (the sink's), U+061C (a bidi mark).
        if (c <= 0x9f || c === 0x61c) {
          this.escaped(s);
          return;
        }
        buf[p++] = 0xc0 | (c >> 6);
        buf[p++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        // A surrogate pair is one character (4 bytes); a lone one JSON.stringify escapes.
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c > 0xdbff || d < 0xdc00 || d > 0xdfff) {
          this.escaped(s);
          return;
        }
        const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        buf[p++] = 0xf0 | (cp >> 18);
        buf[p++] = 0x80 | ((cp >> 12) & 0x3f);
        buf[p++] = 0x80 | ((cp >> 6) & 0x3f);
        buf[p++] = 0x80 | (cp & 0x3f);
        i++;
      } else {
        // Bidi marks, embeddings, isolates and U+2028/2029: the sink writes them as escapes.
        if (c >= 0x200e && c <= 0x2069 && (c <= 0x200f || (c >= 0x2028 && c <= 0x202e) || c >= 0x2066)) {
          this.escaped(s);
          return;
        }
        buf[p++] = 0xe0 | (c >> 12);
        buf[p++] = 0x80 | ((c >> 6) & 0x3f);
        buf[p++] = 0x80 | (c & 0x3f);
      }
    }
    buf[p++] = QUOTE;
    this.pos = p;
  }

  /**
   * The string UTF-8 `b[start, end)` decode to, quoted, written as its bytes when string() would write them so: each
   * character well formed (no overlong form, surrogate or byte past U+10FFFF: those decode to U+FFFD) and none that
   * string() escapes or leaves to the sink (the same tests as its, on code points). False, and nothing written, for
   * any other: the caller writes the decoded text (test/json-bytes.test.ts holds the two equal on any bytes).
   */
  utf8String(b: Uint8Array, start: number, end: number): boolean {
    for (let i = start; i < end; ) {
      const c = b[i] as number;
      if (c < 0x80) {
        if (c < 0x20 || c === QUOTE || c === 0x5c || c === 0x7f) return false;
        i++;
      } else if (c < 0xc2) {
        return false; // a continuation byte first, or an overlong lead (C0, C1)
      } else if (c < 0xe0) {
        const d = i + 1 < end ? (b[i + 1] as number) : 0;
        if ((d & 0xc0) !== 0x80) return false;
        const cp = ((c & 0x1f) << 6) | (d & 0x3f);
        // C1 (the sink's), U+061C (a bidi mark).
        if (cp <= 0x9f || cp === 0x61c) return false;
        i += 2;
      } else if (c < 0xf0) {
        const d = i + 1 < end ? (b[i + 1] as number) : 0;
        const e = i + 2 < end ? (b[i + 2] as number) : 0;
        if ((d & 0xc0) !== 0x80 || (e & 0xc0) !== 0x80) return false;
        const cp = ((c & 0x0f) << 12) | ((d & 0x3f) << 6) | (e & 0x3f);
        // Overlong, a surrogate, or a bidi mark, embedding, isolate or U+2028/9 (the sink's).
        if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) return false;
        if (cp >= 0x200e && cp <= 0x2069 && (cp <= 0x200f || (cp >= 0x2028 && cp <= 0x202e) || cp >= 0x2066)) return false;
        i += 3;
      } else if (c < 0xf5) {
        const d = i + 1 < end ? (b[i + 1] as number) : 0;
        const e = i + 2 < end ? (b[i + 2] as number) : 0;
        const f = i + 3 < end ? (b[i + 3] as number) : 0;
        if ((d & 0xc0) !== 0x80 || (e & 0xc0) !== 0x80 || (f & 0xc0) !== 0x80) return false;
        const cp = ((c & 0x07) << 18) | ((d & 0x3f) << 12) | ((e & 0x3f) << 6) | (f & 0x3f);
        if (cp < 0x10000 || cp > 0x10ffff) return false;
        i += 4;
      } else return false;
    }
    const n = end - start;
    this.ensure(n + 2);
    const buf = this.buf;
    let p = this.pos;
    buf[p++] = QUOTE;
    if (n <= 32) for (let i = start; i < end; i++) buf[p++] = b[i] as number;
    else {
      buf.set(b.subarray(start, end), p);
      p += n;
    }
    buf[p++] = QUOTE;
    this.pos = p;
    return true;
  }

  private escaped(s: string): void {
    this.text(terminalSafe(JSON.stringify(s), false));
  }

  /**
   * `v` (its toJSON already asked: jsonOf) as JSON.stringify(v, null, 2) writes it `depth` levels down, the
   * sink's pass made on it. False when nothing is written (undefined, a function or a symbol, as stringify skips).
   */
  value(v: unknown, depth: number): boolean {
    switch (typeof v) {
      case 'string':
        this.string(v);
        return true;
      case 'number':
        this.text(Number.isFinite(v) ? String(v) : 'null');
        return true;
      case 'boolean':
        this.text(v ? 'true' : 'false');
        return true;
      case 'object':
        if (v === null) this.text('null');
        else if (Array.isArray(v)) this.array(v, depth);
        else if (isPlain(v)) this.object(v as Record<string, unknown>, depth);
        // A boxed primitive, a Map, a class without toJSON: V8's own text, indented where it stands.
        else this.text(terminalSafe(JSON.stringify(v, null, 2).replaceAll('\n', `\n${this.indent(depth)}`), false));
        return true;
      case 'bigint':
        JSON.stringify(v); // throws as stringify does
        return false;
      default:
        return false;
    }
  }

  /** The opening of a member `k` of an object `depth` levels down: `{\n` or `,\n`, the indent and the key. */
  member(first: boolean, k: string, depth: number): void {
    const byKey = this.keys[first ? 0 : 1] as Map<string, Uint8Array>[];
    let keys = byKey[depth];
    if (keys === undefined) {
      keys = new Map();
      byKey[depth] = keys;
    }
    let b = keys.get(k);
    if (b === undefined) {
      b = Buffer.from(`${first ? '{' : ','}\n${this.indent(depth + 1)}${terminalSafe(JSON.stringify(k), false)}: `, 'utf8');
      if (keys.size < 1024) keys.set(k, b);
    }
    this.raw(b);
  }

  /** An element of an array `depth` levels down: `[\n` or `,\n` and the indent. */
  element(first: boolean, depth: number): void {
    this.text(first ? `[\n${this.indent(depth + 1)}` : `,\n${this.indent(depth + 1)}`);
  }

  object(o: Record<string, unknown>, depth: number): void {
    let first = true;
    for (const k of Object.keys(o)) {
      const v = jsonOf(o[k], k);
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      this.member(first, k, depth);
      first = false;
      this.value(v, depth + 1);
    }
    this.text(first ? '{}' : `\n${this.indent(depth)}}`);
  }

  array(a: readonly unknown[], depth: number): void {
    for (let i = 0; i < a.length; i++) {
      this.element(i === 0, depth);
      if (!this.value(jsonOf(a[i], String(i)), depth + 1)) this.text('null');
    }
    this.text(a.length === 0 ? '[]' : `\n${this.indent(depth)}]`);
  }
}

/** What JSON.stringify writes for `v` under key `k`: its toJSON's answer when it has one. */
export function jsonOf(v: unknown, k: string): unknown {
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function')
    return (v as { toJSON(key: string): unknown }).toJSON(k);
  return v;
}

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The bytes of terminalSafe(formatJson(doc)), a part at a time (each of about BYTES_PER_PART): `doc` a plain
 * object whose top-level arrays are written an element at a time, and whose member `streamed.key` (in its
 * place among the keys) is the array of `streamed.items`, pulled one at a time (a province's 600,000 records
 * are never all made), each written by `streamed.write` when given (listed-bytes.ts).
 */
export function* jsonBytesParts(
  doc: Record<string, unknown>,
  streamed?: {
    key: string;
    items: Iterable<unknown>;
    write?: (out: JsonBytes, item: unknown) => void | Uint8Array | readonly Uint8Array[];
  },
): Generator<Buffer> {
  const out = new JsonBytes();
  const whole: Record<string, unknown> = streamed ? { ...doc, [streamed.key]: streamed.items } : doc;
  let first = true;
  for (const k of Object.keys(whole)) {
    const isStreamed = streamed !== undefined && k === streamed.key;
    const v = isStreamed ? undefined : jsonOf(whole[k], k);
    const items = isStreamed ? streamed.items : Array.isArray(v) ? (v as unknown[]) : undefined;
    if (items === undefined && (v === undefined || typeof v === 'function' || typeof v === 'symbol')) continue;
    out.member(first, k, 0);
    first = false;
    if (items === undefined) {
      out.value(v, 1);
      continue;
    }
    let i = 0;
    for (const item of items) {
      out.element(i === 0, 1);
      // `write`: the caller's writer of its items (two levels down), the bytes value() writes of them; or, given back,
      // bytes already made of them (register list's runs of records made on two threads), a part of their own (or
      // several: a run held as the pieces it was made in, not copied into one).
      if (isStreamed && streamed.write) {
        const made = streamed.write(out, item);
        if (made !== undefined) {
          yield out.take();
          if (made instanceof Uint8Array) yield Buffer.from(made.buffer, made.byteOffset, made.length);
          else for (const m of made) yield Buffer.from(m.buffer, m.byteOffset, m.length);
        }
      } else if (!out.value(jsonOf(item, String(i)), 2)) out.text('null');
      i++;
      if (out.size >= BYTES_PER_PART) yield out.take();
    }
    out.text(i === 0 ? '[]' : `\n${out.indent(1)}]`);
  }
  out.text(first ? '{}\n' : '\n}\n');
  yield out.take();
}
