/**
 * A checkpoint extended by the events after it (docs/decisions.md "A checkpoint extended, not rebuilt"): the
 * file a build from the first line would write — byte for byte — made from the old checkpoint's parts and the
 * new events alone. Each column is the old column's bytes followed by the new rows' (the old bytes copied from
 * the old file a piece at a time, never decoded, their CRC-32 taken from what the reader's pass saw); the id
 * index, each row's next row, the touch table and `gone` are the old ones with the new rows and touches merged
 * in (the index rebuilt from the ids only when its table must double). The new events' records go through the
 * same encoder as a build (CheckpointBuilder, started after the old events and with the old table of strings).
 * Null when the old file cannot be continued so (another key folding, a table of strings past 16-bit indexes, a
 * file written before the orphans were kept, a record the encoder refuses): the caller builds from the start.
 * Nothing here touches the disk: the parts are read through the decoder's CheckpointParts.
 */
import {
  asciiJson,
  baseOf,
  CHECKPOINT_KIND,
  CHECKPOINT_VERSION,
  OWN,
  SHARED,
  padded,
  type CheckpointBase,
  type CheckpointHead,
  type Covers,
  type Meta,
} from './checkpoint.js';
import { u32Of } from './checkpoint-parts.js';
import { CheckpointBuilder, type TailColumns } from './checkpoint-writer.js';
import { crc32, crc32Combine } from './crc32.js';
import type { StoredEvent } from './events.js';
import { fnv, keyFingerprint } from './key-columns.js';
import type { CheckpointPrefix } from './lazy-state.js';

/** A checkpoint file as its length and its bytes, given a piece at a time (each valid until the next is asked). */
export interface CheckpointStream {
  bytes: number;
  pieces(): Iterable<Uint8Array>;
}

/** Room for the head line (as the builder keeps). */
const HEAD_ROOM = 1024;
/** The buffer the old parts are copied through. */
const COPY = 1 << 20;

const bytesOf = (a: Uint8Array | Uint16Array | Uint32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** How many events were added to checkpoints by extension in this process (tests: a build is not an extension). */
export const extendStats = { events: 0, files: 0 };

/**
 * The checkpoint of the prefix and `tail` (the events after it, read from the log), covering `covers`, made
 * from the checkpoint `prefix` was decoded from; null when it cannot be (see the file's comment).
 */
export function extendCheckpoint(prefix: CheckpointPrefix, tail: readonly StoredEvent[], covers: Covers): CheckpointStream | null {
  const ext = extensionOf(prefix, tail, covers);
  return ext ? streamOf(ext) : null;
}

/**
 * The extended checkpoint as its head line and pieces in order: new bytes, or a part of the old file (copied by
 * `streamOf`; a segment refers to it instead: checkpoint-segment.ts). The body's CRC-32 is in the head already.
 */
export interface Extension {
  line: Buffer;
  pieces: Piece[];
  /** The old checkpoint's parts the pieces name. */
  parts: CheckpointBase['parts'];
  /** The body's length. */
  body: number;
}

/** The extension's pieces (see extendCheckpoint); null when it cannot be made. */
export function extensionOf(
  prefix: CheckpointPrefix,
  tail: readonly StoredEvent[],
  covers: Covers,
  options: { transient?: boolean } = {},
): Extension | null {
  const base = baseOf(prefix);
  if (!base || tail.length === 0) return null;
  const meta = JSON.parse(base.metaText) as Meta;
  if (!Array.isArray(meta.orphans) || meta.keys !== keyFingerprint()) return null;
  const E = meta.events.length;
  const b = new CheckpointBuilder({ strings: meta.strings, firstEvent: E });
  for (const e of tail) b.add(e);
  const t = b.tail();
  if (!t) return null;
  const width = t.strings.length <= 0x10000 ? 2 : 4;
  if (width !== meta.width) return null;
  const out = merge(prefix, base, meta, t, width, covers, options.transient === true);
  if (out) {
    extendStats.events += tail.length;
    extendStats.files++;
  }
  return out;
}

export type Piece = Uint8Array | { part: number };

function merge(
  prefix: CheckpointPrefix,
  base: CheckpointBase,
  meta: Meta,
  t: TailColumns,
  width: 2 | 4,
  covers: Covers,
  transient: boolean,
): Extension | null {
  const { parts, at } = base;
  // The parts merged: kept by the parts for the reader that goes on (a read that extends: the command asks for them
  // next), or, `transient` (a segment written by an append, whose command asks nothing more), read and let go.
  const read = (i: number): Uint8Array => (transient && !parts.isLoaded(i) ? parts.take(i) : parts.load(i));
  const N = prefix.event.length;
  const M = t.rows;
  const T = N + M;
  const ids = prefix.columns.ids;
  const newIds = t.own[0] as TailColumns['own'][number];
  const idOf = (k: number): string => (k < N ? ids.value(k) : newIds.value(k - N));
  const idIs = (k: number, s: string): boolean => (k < N ? ids.equals(k, s) : newIds.equals(k - N, s));
  const eventOfRow = (k: number): number => (k < N ? (prefix.event[k] as number) : (t.eventOf[k - N] as number));

  // The id index: the old table (or, when it must double, the old ids' first rows inserted again in row order:
  // what a build does), then the new rows, each a new id's first row or chained after its id's last row.
  let size = 16;
  while (size < T * 2) size *= 2;
  const mask = size - 1;
  const oldNext = u32Of(read(at.next));
  const next = new Uint32Array(T);
  next.set(oldNext);
  let table: Uint32Array;
  // A part taken is this merge's own (not the parts'): changed in place rather than copied.
  if (size === meta.table)
    table = transient && !parts.isLoaded(at.table) ? u32Of(parts.take(at.table)) : new Uint32Array(u32Of(parts.load(at.table)));
  else {
    table = new Uint32Array(size);
    const later = new Uint8Array(N);
    for (let k = 0; k < N; k++) {
      const x = oldNext[k] as number;
      if (x > 0) later[x - 1] = 1;
    }
    for (let k = 0; k < N; k++) {
      if (later[k] === 1) continue;
      const id = ids.value(k);
      let slot = fnv(id, 0, id.length) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = k + 1;
    }
  }
  /** The first row of `id`, or -1 − the empty slot where it would go. */
  const find = (id: string): number => {
    let slot = fnv(id, 0, id.length) & mask;
    for (;;) {
      const row = table[slot] as number;
      if (row === 0) return -1 - slot;
      if (idIs(row - 1, id)) return row - 1;
      slot = (slot + 1) & mask;
    }
  };
  const lastRow = (first: number): number => {
    let k = first;
    while ((next[k] as number) !== 0) k = (next[k] as number) - 1;
    return k;
  };
  /** The first rows whose `gone` is made again: an id published again, or named by a new event. */
  const affected = new Set<number>();
  let distinct = meta.distinct;
  for (let k = N; k < T; k++) {
    const first = find(idOf(k));
    if (first < 0) {
      table[-1 - first] = k + 1;
      distinct++;
    } else {
      next[lastRow(first)] = k + 1;
      affected.add(first);
    }
  }

  // The touch table: the old one, and the new events' touches with the old orphans now published, merged by row.
  const orphans: [string, number, number][] = [];
  const added: { row: number; event: number; kind: number; n: number }[] = [];
  const resolve = (id: string, event: number, kind: number): void => {
    const row = find(id);
    if (row < 0) orphans.push([id, event, kind]);
    else {
      added.push({ row, event, kind, n: added.length });
      affected.add(row);
    }
  };
  for (const [id, event, kind] of meta.orphans) resolve(id, event, kind);
  for (let j = 0; j < t.touches.ids.length; j++)
    resolve(t.touches.ids[j] as string, t.touches.events[j] as number, t.touches.kinds[j] as number);
  added.sort((a, b) => a.row - b.row || a.n - b.n);
  const oldRows = u32Of(read(at.touchRows));
  const oldFrom = u32Of(read(at.touchFrom));
  const oldEvents = u32Of(read(at.touchEvents));
  const oldKinds = read(at.touchKinds);
  // Typed arrays of the most the merge can hold (a province's ~400,000 touched ids, ~10⁶ touches): not number[].
  const rowsAll = new Uint32Array(oldRows.length + added.length);
  const fromAll = new Uint32Array(oldRows.length + added.length + 1);
  const eventsAll = new Uint32Array(oldEvents.length + added.length);
  const kindsAll = new Uint8Array(oldEvents.length + added.length);
  let nRows = 0;
  let nEvents = 0;
  const push = (row: number, event: number, kind: number): void => {
    if (nRows === 0 || rowsAll[nRows - 1] !== row) {
      fromAll[nRows] = nEvents;
      rowsAll[nRows++] = row;
    } else if (eventsAll[nEvents - 1] === event) {
      kindsAll[nEvents - 1] = (kindsAll[nEvents - 1] as number) | kind;
      return;
    }
    eventsAll[nEvents] = event;
    kindsAll[nEvents++] = kind;
  };
  for (let i = 0, j = 0; i < oldRows.length || j < added.length; ) {
    const ro = i < oldRows.length ? (oldRows[i] as number) : Number.POSITIVE_INFINITY;
    const a = added[j];
    if (!a || ro <= a.row) {
      for (let q = oldFrom[i] as number; q < (oldFrom[i + 1] as number); q++) push(ro, oldEvents[q] as number, oldKinds[q] as number);
      i++;
    } else {
      push(a.row, a.event, a.kind);
      j++;
    }
  }
  fromAll[nRows] = nEvents;
  const rows = rowsAll.subarray(0, nRows);
  const from = fromAll.subarray(0, nRows > 0 ? nRows + 1 : 1);
  const events = eventsAll.subarray(0, nEvents);
  const kinds = kindsAll.subarray(0, nEvents);

  // `gone` made again for the ids the new events touch (the rule of the build: a removal after the id's latest publication).
  const gone = new Uint8Array(T);
  gone.set(read(at.gone));
  for (const r of affected) {
    const after = eventOfRow(lastRow(r));
    let lo = 0;
    let hi = rows.length - 1;
    let ti = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const x = rows[mid] as number;
      if (x === r) {
        ti = mid;
        break;
      }
      if (x < r) lo = mid + 1;
      else hi = mid - 1;
    }
    let removed = 0;
    if (ti >= 0)
      for (let q = from[ti] as number; q < (from[ti + 1] as number); q++)
        if ((events[q] as number) > after && ((kinds[q] as number) & 1) !== 0) removed = 1;
    for (let k = r; k >= 0; k = (next[k] as number) - 1) gone[k] = removed;
  }

  // The body's first line: the old events' (as they were), then the new ones'.
  const removals: ([number, number] | null)[] = [];
  const removalParts: number[] = [];
  let roff = 0;
  for (let i = 0; i < meta.removals.length; i++) {
    const r = meta.removals[i];
    const p = at.removals[i];
    if (r === null || r === undefined || p === null || p === undefined) {
      removals.push(null);
      continue;
    }
    removals.push([roff, r[1]]);
    removalParts.push(p);
    roff += r[1];
  }
  for (const r of t.meta.removals) removals.push(r === null ? null : [roff + r[0], r[1]]);
  const body: Meta = {
    events: [...meta.events, ...t.meta.events],
    lines: [...meta.lines, ...t.meta.lines],
    counts: [...meta.counts, ...t.meta.counts],
    strings: t.strings as string[],
    width,
    text: OWN.map((_, c) => (meta.text[c] as number) + (t.own[c] as TailColumns['own'][number]).length),
    ascii: OWN.map((_, c) => (meta.ascii[c] as boolean) && (t.own[c] as TailColumns['own'][number]).ascii),
    table: size,
    distinct,
    touched: rows.length,
    touches: events.length,
    keys: meta.keys,
    removals,
    orphans,
  };

  // The pieces in the builder's order, each part 4-byte aligned.
  const pieces: Piece[] = [];
  let len = 0;
  const add = (p: Piece): void => {
    pieces.push(p);
    len += p instanceof Uint8Array ? p.length : parts.sizeOf(p.part);
  };
  const align = (): void => {
    if (len % 4 !== 0) add(Buffer.alloc(4 - (len % 4)));
  };
  add(Buffer.from(padded(asciiJson(body)), 'latin1'));
  SHARED.forEach((_, c) => {
    const col = t.shared[c] as Uint32Array;
    add({ part: at.shared[c] as number });
    add(bytesOf(width === 2 ? Uint16Array.from(col) : col));
    align();
  });
  OWN.forEach((_, c) => {
    const shift = meta.text[c] as number;
    const offsets = (t.own[c] as TailColumns['own'][number]).at.subarray(1).map((x) => x + shift);
    add({ part: at.offsets[c] as number });
    add(bytesOf(offsets));
  });
  add(bytesOf(table));
  add(bytesOf(next));
  add(bytesOf(rows));
  add(bytesOf(from));
  add(bytesOf(events));
  add(kinds);
  align();
  add(gone);
  align();
  t.keys.forEach((col, c) => {
    add({ part: at.keys[c] as number });
    add(bytesOf(col));
  });
  OWN.forEach((_, c) => {
    add({ part: at.texts[c] as number });
    for (const chunk of (t.own[c] as TailColumns['own'][number]).chunks) add(chunk);
    align();
  });
  for (const p of removalParts) add({ part: p });
  for (const json of t.removalJson) add(json);

  let crc = 0;
  for (const p of pieces) crc = p instanceof Uint8Array ? crc32(p, crc) : crc32Combine(crc, parts.crcOf(p.part), parts.sizeOf(p.part));
  const head: CheckpointHead = { kind: CHECKPOINT_KIND, version: CHECKPOINT_VERSION, covers, body: { bytes: len, crc32: crc } };
  const line = Buffer.from(padded(JSON.stringify(head)), 'utf8');
  if (line.length > HEAD_ROOM) return null;
  return { line, pieces, parts, body: len };
}

/** The extension as the whole file, the old parts copied a piece at a time. */
function streamOf(ext: Extension): CheckpointStream {
  const { line, pieces, parts } = ext;
  return {
    bytes: line.length + ext.body,
    *pieces() {
      yield line;
      const buf = new Uint8Array(COPY);
      for (const p of pieces) {
        if (p instanceof Uint8Array) yield p;
        else yield* parts.pieces(p.part, buf);
      }
    },
  };
}
