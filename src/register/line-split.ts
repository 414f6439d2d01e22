/**
 * A line of the log with many records, parsed a record at a time. JSON.parse of a whole line of a
 * province's batch (25,000 records, ~20 MB) builds every record at once: they all outlive the young
 * generation while the line is parsed, are promoted, and die in the old one (half a second of GC and
 * hundreds of MB of peak memory per million records). Parsed one by one, each record is summarised
 * (stored.ts) and dropped while still young.
 *
 * The split is a parsing strategy only: the line's hash is checked on its bytes as before. Records
 * are objects of an array; `},{"K":`, with K the first key of the first record, occurs in a JSON text
 * only between two objects of one array (in a string every `"` is escaped), so the pieces are the
 * records of the first array whose objects begin with K — `records`, found as the first
 * `"records":[{`. Anything that does not fit (another layout, a piece that is not one JSON object)
 * makes the caller parse the line whole.
 */

const OPEN = Buffer.from('"records":[{', 'latin1');

export interface SplitLine {
  /** The line with `records` emptied (`"records":[]`): the event without its records. */
  header: string;
  /** Each record's bytes, [start, end) in the buffer given. */
  pieces: number[];
}

/** The end (index after its `}`) of the JSON object starting at `start`, or -1. */
function endOfObject(buf: Buffer, start: number, end: number): number {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c === 0x22) {
      // A string: to its closing quote, escapes skipped (UTF-8 continuation bytes are never ASCII).
      for (i++; i < end; i++) {
        const d = buf[i];
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === 0) return c === 0x7d ? i + 1 : -1;
    }
  }
  return -1;
}

/**
 * Splits the line buf[start, end) into its event without records and each record's bytes (null when
 * it has no `"records":[{`). The pieces are decoded one at a time by the caller, so that no string
 * of the whole line is ever made (a province's line would be ~40 MB of it).
 */
export function splitRecords(buf: Buffer, start: number, end: number, decode: (bytes: Buffer) => string): SplitLine | null {
  // Every search stops at the line's end: `buf` may hold the whole log after it, and a search that
  // ran on to the log's end at every line made reading the log quadratic in its length.
  const line = buf.subarray(0, end);
  const found = line.indexOf(OPEN, start);
  if (found < 0) return null;
  const first = found + OPEN.length - 1; // the first record's `{`
  if (buf[first + 1] !== 0x22) return null;
  const keyEnd = line.indexOf(0x22, first + 2);
  if (keyEnd < 0) return null;
  const marker = Buffer.concat([Buffer.from('},{', 'latin1'), buf.subarray(first + 1, keyEnd + 1), Buffer.from(':', 'latin1')]);
  const pieces: number[] = [];
  let from = first;
  for (;;) {
    const m = line.indexOf(marker, from);
    if (m < 0) break;
    pieces.push(from, m + 1);
    from = m + 2;
  }
  const last = endOfObject(buf, from, end);
  if (last < 0 || buf[last] !== 0x5d) return null;
  pieces.push(from, last);
  return { header: decode(buf.subarray(start, first)) + decode(buf.subarray(last, end)), pieces };
}
