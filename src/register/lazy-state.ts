/**
 * The state of a log read through a checkpoint, built only as far as it is asked (docs/decisions.md "A
 * checkpoint read lazily"). The records of the checkpoint's prefix are ColumnRecords (stored-columns.ts);
 * the state's `records` is a LazyRecords map: a record's entry is made when it is asked for (get, has) by
 * replaying only the prefix's events that touch it — its publications, the removals and corrections that
 * name it, its objections — which is what replaying them all would make of it, since `apply` changes a
 * record's entry only from events that name it (state.ts). Batches, objections, seq and head are replayed
 * whole (a few events). Anything that needs every record (values, entries, size…) replays every event
 * applied so far into the map once, as replay does, and the map is an ordinary one from then on.
 *
 * So `publish` (which asks for batches) and `register show` (which asks for the records that answer its
 * query, searchRecords) make no entry for the other records of a city or a province.
 */
import type { CorrectedEntry, RegisterEvent, RemovalEntry, StoredEvent } from './events.js';
import type { BatchFact, ObjectionFact, RecordEntry, RegisterState } from './state-types.js';
import type { StoredRecord } from './stored.js';
import type { TextColumn } from './stored-columns.js';

type AnyEvent = RegisterEvent | StoredEvent;

/** What the checkpoint's decoder leaves for a lazy state: its events, and its ids' column. */
export interface CheckpointPrefix {
  /** The prefix's events (the same objects as the read's first events). */
  events: readonly StoredEvent[];
  ids: TextColumn;
  /** For each record (row), its event's index in `events`, and each event's first row. */
  event: Uint32Array;
  first: Uint32Array;
}

/** What one event of the prefix says of an id besides publishing it. */
interface Touch {
  event: number;
  removals: RemovalEntry[];
  corrected: CorrectedEntry[];
}

/** An event cut down to one record's part of it (its records, removals and corrections that name it). */
function cut(e: StoredEvent, records: StoredRecord[], t: Touch | undefined): AnyEvent {
  // Only what apply reads (a spread would read the event's contents, rebuilt from its column: checkpoint.ts).
  if (e.type === 'import') return { type: 'import', seq: e.seq, hash: e.hash, batch: e.batch, on: e.on, records } as unknown as AnyEvent;
  if (e.type !== 'publish') return e;
  return {
    type: 'publish',
    seq: e.seq,
    hash: e.hash,
    batch: e.batch,
    on: e.on,
    package: e.package,
    records,
    removals: t?.removals ?? [],
    corrected: t?.corrected ?? [],
  } as unknown as AnyEvent;
}

/** The prefixes decoded from checkpoints, by their first event: replay recognises a read that begins with one. */
const prefixes = new WeakMap<object, CheckpointPrefix>();

export function markPrefix(prefix: CheckpointPrefix): void {
  const first = prefix.events[0];
  if (first) prefixes.set(first, prefix);
}

/** The checkpoint prefix `events` begins with (the same event objects, in order), if any. */
export function prefixOf(events: readonly AnyEvent[]): CheckpointPrefix | undefined {
  const first = events[0];
  const p = first ? prefixes.get(first) : undefined;
  if (!p || p.events.length > events.length) return undefined;
  return events[p.events.length - 1] === p.events[p.events.length - 1] ? p : undefined;
}

/** FNV-1a over a value of a text column (its UTF-16 code units), without making a string of it. */
function hashOf(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function hashString(s: string): number {
  return hashOf(s, 0, s.length);
}

/** The rows of each id: an open-addressed table of each id's first row, and each row's next row of the same id. */
class RowIndex {
  private readonly table: Uint32Array;
  /** next[k]: the next row with row k's id, plus one (0: none). */
  readonly next: Uint32Array;
  /** How many ids. */
  distinct = 0;
  private readonly mask: number;

  constructor(private readonly ids: TextColumn) {
    const n = ids.at.length - 1;
    let size = 16;
    while (size < n * 2) size *= 2;
    this.table = new Uint32Array(size);
    this.mask = size - 1;
    this.next = new Uint32Array(n);
    const last = new Uint32Array(n);
    const { text, at } = ids;
    for (let k = 0; k < n; k++) {
      const from = at[k] as number;
      const to = (at[k + 1] as number) - 1;
      let slot = hashOf(text, from, to) & this.mask;
      for (;;) {
        const row = this.table[slot] as number;
        if (row === 0) {
          this.table[slot] = k + 1;
          last[k] = k;
          this.distinct++;
          break;
        }
        if (this.sameId(row - 1, from, to)) {
          const first = row - 1;
          this.next[last[first] as number] = k + 1;
          last[first] = k;
          break;
        }
        slot = (slot + 1) & this.mask;
      }
    }
  }

  private sameId(row: number, from: number, to: number): boolean {
    const { text, at } = this.ids;
    const a = at[row] as number;
    const len = (at[row + 1] as number) - 1 - a;
    if (len !== to - from) return false;
    for (let i = 0; i < len; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(from + i)) return false;
    return true;
  }

  /** The first row of `id`, or -1. */
  firstRow(id: string): number {
    const { text, at } = this.ids;
    let slot = hashString(id) & this.mask;
    for (;;) {
      const row = this.table[slot] as number;
      if (row === 0) return -1;
      const a = at[row - 1] as number;
      const b = (at[row] as number) - 1;
      if (b - a === id.length && text.startsWith(id, a)) return row - 1;
      slot = (slot + 1) & this.mask;
    }
  }
}

/**
 * A state's records when its log was read through a checkpoint: entries made when asked. `apply` records
 * each event it folds into a state whose records are these (`log`), so that a whole build replays them all.
 */
export class LazyRecords extends Map<string, RecordEntry> {
  /** Every event applied to the state, the prefix's first. */
  readonly log: AnyEvent[];
  /** Entries made (or added by events after the prefix) before the whole map was built. */
  private readonly made = new Map<string, RecordEntry>();
  private whole = false;
  private rows: RowIndex | undefined;
  /** For each id, the prefix's events (indexes) whose removals, corrections or objection name it. */
  private touching: Map<string, Touch[]> | undefined;

  constructor(
    private readonly prefix: CheckpointPrefix,
    private readonly state: RegisterState,
    private readonly replay: (events: readonly AnyEvent[]) => RegisterState,
    private readonly applyOne: (state: RegisterState, event: AnyEvent) => RegisterState,
  ) {
    super();
    this.log = [...prefix.events];
  }

  /** Whether every entry is built (an ordinary map from then on). */
  get built(): boolean {
    return this.whole;
  }

  override get(id: string): RecordEntry | undefined {
    if (this.whole) return super.get(id);
    const made = this.made.get(id);
    if (made) return made;
    const entry = this.make(id);
    if (entry) this.made.set(id, entry);
    return entry;
  }

  override has(id: string): boolean {
    if (this.whole) return super.has(id);
    return this.made.has(id) || this.rowIndex().firstRow(id) >= 0;
  }

  override set(id: string, entry: RecordEntry): this {
    if (this.whole) return super.set(id, entry);
    this.made.set(id, entry);
    return this;
  }

  override delete(id: string): boolean {
    this.build();
    return super.delete(id);
  }

  override clear(): void {
    this.build();
    super.clear();
  }

  override get size(): number {
    if (this.whole) return super.size;
    const index = this.rowIndex();
    let added = 0;
    for (const id of this.made.keys()) if (index.firstRow(id) < 0) added++;
    return index.distinct + added;
  }

  override keys(): MapIterator<string> {
    this.build();
    return super.keys();
  }

  override values(): MapIterator<RecordEntry> {
    this.build();
    return super.values();
  }

  override entries(): MapIterator<[string, RecordEntry]> {
    this.build();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[string, RecordEntry]> {
    this.build();
    return super[Symbol.iterator]();
  }

  override forEach(fn: (value: RecordEntry, key: string, map: Map<string, RecordEntry>) => void, thisArg?: unknown): void {
    this.build();
    super.forEach(fn, thisArg);
  }

  /**
   * The entries that may answer `test` (register show, compile's plan): those with a publication in the
   * prefix that answers it, those an objection names (a 撤销 removes a record whatever its columns), and
   * every entry made or added since; in the order of the map (first publication). A superset: the caller
   * still asks each entry what it asks of every entry.
   */
  candidates(test: (r: StoredRecord) => boolean, options: { removedOut?: boolean } = {}): RecordEntry[] {
    if (this.whole) return [...super.values()];
    const ids = new Set<string>();
    const objected = new Set<string>();
    for (const e of this.prefix.events) {
      if (e.type === 'objection-add' || e.type === 'objection-resolve') objected.add(e.id);
      if (e.type !== 'publish' && e.type !== 'import') continue;
      for (const r of e.records) if (test(r)) ids.add(r.id);
    }
    const index = this.rowIndex();
    if (options.removedOut) {
      // Left out: a record whose latest publication a published batch has removed since, no objection naming
      // it and nothing after the prefix touching it (compile's expiries: such a record is listed already).
      const touching = this.touchIndex();
      for (const id of ids) {
        if (this.made.has(id)) continue;
        let last = index.firstRow(id);
        for (let k = last; k >= 0; k = (index.next[k] as number) - 1) last = k;
        const after = this.prefix.event[last] as number;
        if (touching.get(id)?.some((t) => t.event > after && t.removals.length > 0)) ids.delete(id);
      }
    }
    for (const id of objected) ids.add(id);
    const known = [...ids].map((id) => ({ id, row: index.firstRow(id) }));
    const added: string[] = [];
    for (const id of this.made.keys()) {
      if (ids.has(id)) continue;
      const row = index.firstRow(id);
      if (row >= 0) known.push({ id, row });
      else added.push(id);
    }
    known.sort((a, b) => a.row - b.row);
    const out: RecordEntry[] = [];
    for (const id of [...known.map((k) => k.id), ...added]) {
      const e = this.get(id);
      if (e) out.push(e);
    }
    return out;
  }

  private rowIndex(): RowIndex {
    if (!this.rows) this.rows = new RowIndex(this.prefix.ids);
    return this.rows;
  }

  /** What the prefix's events say of each id besides publishing it: removals, corrections, objections, in order. */
  private touchIndex(): Map<string, Touch[]> {
    if (this.touching) return this.touching;
    const by = new Map<string, Touch[]>();
    const at = (id: string, i: number): Touch => {
      let xs = by.get(id);
      if (!xs) by.set(id, (xs = []));
      let t = xs[xs.length - 1];
      if (!t || t.event !== i) xs.push((t = { event: i, removals: [], corrected: [] }));
      return t;
    };
    this.prefix.events.forEach((e, i) => {
      if (e.type === 'publish') {
        for (const r of e.removals) at(r.id, i).removals.push(r);
        for (const c of e.corrected ?? []) at(c.id, i).corrected.push(c);
      } else if (e.type === 'objection-add' || e.type === 'objection-resolve') at(e.id, i);
    });
    this.touching = by;
    return by;
  }

  /** The entry of `id` as replaying the prefix makes it: its events alone, replayed. */
  private make(id: string): RecordEntry | undefined {
    const index = this.rowIndex();
    const first = index.firstRow(id);
    if (first < 0) return undefined;
    const { events, event, first: firstOf } = this.prefix;
    const records = (k: number): StoredRecord => {
      const e = events[event[k] as number] as StoredEvent & { records: StoredRecord[] };
      return e.records[k - (firstOf[event[k] as number] as number)] as StoredRecord;
    };
    const touches = this.touchIndex().get(id);
    if (!touches) {
      // Only published (most records): its publications, in order — what replay's publish makes.
      const publications: StoredRecord[] = [];
      for (let k = first; k >= 0; k = (index.next[k] as number) - 1) publications.push(records(k));
      return { id, publications, removals: [], objections: [] };
    }
    // Its events, each cut down to what names it, replayed in order.
    const own = new Map<number, AnyEvent>();
    for (let k = first; k >= 0; k = (index.next[k] as number) - 1) {
      const i = event[k] as number;
      const e = own.get(i) as { records: StoredRecord[] } | undefined;
      if (e) e.records.push(records(k));
      else own.set(i, cut(events[i] as StoredEvent, [records(k)], undefined));
    }
    for (const t of touches) {
      const e = own.get(t.event) as (StoredEvent & { records: StoredRecord[] }) | undefined;
      own.set(t.event, cut(events[t.event] as StoredEvent, e?.records ?? [], t));
    }
    const state = this.replay([...own.keys()].sort((a, b) => a - b).map((i) => own.get(i) as AnyEvent));
    return state.records.get(id);
  }

  /** Every entry, as replaying every event applied so far makes them (once; the map is an ordinary one after). */
  build(): void {
    if (this.whole) return;
    this.whole = true;
    const state = this.replay(this.log);
    super.clear();
    for (const [id, e] of state.records) super.set(id, e);
    this.made.clear();
    // The objections' facts are the entries' (state.ts): the map's are the new entries'.
    this.state.objections.clear();
    for (const [k, o] of state.objections) this.state.objections.set(k, o);
    void this.applyOne;
  }
}

/**
 * The state of a log read through a checkpoint, before its events after the prefix: batches, objections,
 * seq and head replayed from the prefix's few events without their records; entries made when asked.
 */
export function lazyState(
  prefix: CheckpointPrefix,
  replay: (events: readonly AnyEvent[]) => RegisterState,
  apply: (state: RegisterState, event: AnyEvent) => RegisterState,
): RegisterState {
  const batches = new Map<string, BatchFact>();
  const objections = new Map<string, ObjectionFact>();
  const state: RegisterState = { seq: 0, head: null, records: new Map(), batches, objections };
  const records = new LazyRecords(prefix, state, replay, apply);
  state.records = records;
  for (const e of prefix.events) {
    if (e.type === 'publish' || e.type === 'import')
      batches.set(e.batch, { seq: e.seq, type: e.type, on: e.on, package: e.type === 'publish' ? e.package : null });
    else if (e.type === 'objection-add') {
      // The fact is the entry's, as replay makes it: there is one when the record was published before it.
      const fact = records.get(e.id)?.objections.find((o) => o.seq === e.seq);
      if (fact) objections.set(e.objection, fact);
    }
    state.seq = e.seq;
    state.head = e.hash;
  }
  return state;
}
