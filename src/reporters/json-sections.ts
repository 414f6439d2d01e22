/**
 * A document whose arrays are filled together by one stream of items, as bytes a part at a time: `diff`,
 * whose records come in the register's order, each with the array (section) it goes in. The bytes are
 * jsonBytesParts's of the whole document (`head`, then the sections in their order, then `tail()`):
 * terminalSafe(formatJson(doc)).
 *
 * The first section's items go out as they come; a later section's are encoded at once into bytes of
 * its own (parts of about BYTES_PER_PART) put in a `Hold` and written in its place once the stream is
 * done. A province's diff held ~42,000 record objects to the end (the objects and their strings, most of
 * its heap); then its later sections' bytes in memory (~8 MB for a quarter, ~100 MB for 2020Q1 with
 * 2026Q2); the CLI's hold is a temporary file (io/spool.ts), the default one memory.
 */
import { BYTES_PER_PART, JsonBytes, jsonOf } from './json-bytes.js';

/** Where bytes wait for their turn: given in order, read back once in order (io/spool.ts is one). */
export interface Hold {
  write(bytes: Buffer): void;
  /**
   * Every byte written, in order; without `piece`, in the pieces they were written in (jsonSectionsParts relies on
   * it: each ends after an item), else in pieces of at most `piece` bytes. The hold is done with after the last.
   * `lent`: a piece may be valid only until the next is asked (io/spool.ts reads them into one buffer).
   */
  read(piece?: number, lent?: boolean): Iterable<Buffer>;
  /** Lets its bytes go, read or not (a stream ended early: an error, a closed pipe). */
  close?(): void;
}

/** A hold in memory: the parts kept as they are given. */
export function memoryHold(): Hold {
  let parts: Buffer[] = [];
  return {
    write: (bytes) => {
      parts.push(bytes);
    },
    *read() {
      const all = parts;
      parts = [];
      yield* all;
    },
  };
}

/** One section's bytes so far: its parts held, the part being written, how many items. */
interface Held {
  hold: Hold;
  out: JsonBytes;
  n: number;
}

/**
 * `head`'s members, then each of `sections` as an array of the items `items` tags with it (in the order
 * they come), then `tail()`'s members (asked once `items` is done: counts it filled). An item tagged with a
 * key not among `sections` is an internal error. `hold` makes the place each later section's bytes wait in;
 * `write`, when given, writes an item two levels down as value() would, or says it cannot (false: value() writes it).
 */
export function* jsonSectionsParts<K extends string>(
  head: Record<string, unknown>,
  sections: readonly K[],
  items: Iterable<readonly [K, unknown]>,
  tail: () => Record<string, unknown>,
  hold: () => Hold = memoryHold,
  write?: (out: JsonBytes, item: unknown) => boolean,
): Generator<Buffer> {
  const out = new JsonBytes();
  let first = true;
  const member = (k: string, v: unknown): void => {
    const value = jsonOf(v, k);
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return;
    out.member(first, k, 0);
    first = false;
    out.value(value, 1);
  };
  for (const k of Object.keys(head)) member(k, head[k]);
  const [now, ...later] = sections;
  const held = new Map<K, Held>();
  // A section's hold made at its first item: most of a quarter's diff has nothing corrected or unchanged.
  const heldOf = (k: K): Held | undefined => {
    let h = held.get(k);
    if (h === undefined && later.includes(k)) {
      h = { hold: hold(), out: new JsonBytes(), n: 0 };
      held.set(k, h);
    }
    return h;
  };
  let n = 0;
  if (now !== undefined) {
    out.member(first, now, 0);
    first = false;
  }
  try {
    for (const [k, item] of items) {
      if (k === now) {
        out.element(n === 0, 1);
        if (!write?.(out, item) && !out.value(jsonOf(item, String(n)), 2)) out.text('null');
        n++;
        if (out.size >= BYTES_PER_PART) yield out.take();
        continue;
      }
      const h = heldOf(k);
      if (h === undefined) throw new Error(`jsonSectionsParts: an item of ${k}, not a section`);
      h.out.element(h.n === 0, 1);
      if (!write?.(h.out, item) && !h.out.value(jsonOf(item, String(h.n)), 2)) h.out.text('null');
      h.n++;
      if (h.out.size >= BYTES_PER_PART) h.hold.write(h.out.take());
    }
    if (now !== undefined) out.text(n === 0 ? '[]' : `\n${out.indent(1)}]`);
    for (const k of later) {
      const h = held.get(k);
      out.member(first, k, 0);
      first = false;
      if (h === undefined || h.n === 0) {
        out.text('[]');
        continue;
      }
      // The section's name goes out with its first bytes, so that every part ends right after an item of an open
      // array (where cli/write-bytes.ts closes a document cut by a failure); the hold gives its parts back as
      // they were put in (each ends after an item), never cut inside a record.
      for (const piece of h.hold.read()) yield out.size > 0 ? Buffer.concat([out.take(), piece]) : piece;
      if (h.out.size > 0) yield out.size > 0 ? Buffer.concat([out.take(), h.out.take()]) : h.out.take();
      out.text(`\n${out.indent(1)}]`);
    }
    const t = tail();
    for (const k of Object.keys(t)) member(k, t[k]);
    out.text(first ? '{}\n' : '\n}\n');
    yield out.take();
  } finally {
    for (const h of held.values()) h.hold.close?.();
  }
}
