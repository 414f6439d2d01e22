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
import { fnv, markKeys, type KeyColumns, type KeyQuery } from './key-columns.js';
import type { StoredRecord } from './stored.js';
import { ColumnRecord, type Columns } from './stored-columns.js';

type AnyEvent = RegisterEvent | StoredEvent;

/**
 * What the prefix's removals (kind 1), corrections (2) and objections (4) say of each id, as the checkpoint
 * stores it: the first rows of the ids they name (ascending), and for each its events (indexes, ascending)
 * from[t] to from[t + 1], with their kinds.
 */
export interface Touches {
  rows: Uint32Array;
  from: Uint32Array;
  events: Uint32Array;
  kinds: Uint8Array;
}

/** The rows of each id: an open-addressed table of each id's first row + 1 (fnv of the id), and each row's next row + 1. */
export interface IdIndex {
  table: Uint32Array;
  next: Uint32Array;
  /** How many ids. */
  distinct: number;
}

/** What the checkpoint's decoder leaves for a lazy state. */
export interface CheckpointPrefix {
  /** The prefix's events (the same objects as the read's first events). */
  events: readonly StoredEvent[];
  columns: Columns;
  /** For each record (row), its event's index in `events`, and each event's first row. */
  event: Uint32Array;
  first: Uint32Array;
  index: IdIndex;
  touches: Touches;
  /** 1 for each row of an id whose latest publication a removal of the prefix follows. */
  gone: Uint8Array;
  /** The key hashes (key-columns.ts), when the folding is the writer's. */
  keys: KeyColumns | undefined;
  /** Reads every part of the checkpoint not read yet and closes its file (before a new one replaces it). */
  loadAll?: () => void;
  /**
   * Event i's removals as the checkpoint keeps them (their JSON, ASCII), read for the asking and not kept, while the
   * event has not read them itself (undefined then: its `removals`). The events' removals read and kept were ~400,000
   * objects for the rest of a province's diff. LazyRecords.namedIn.
   */
  removalsJson?: (i: number) => Uint8Array | undefined;
}

/**
 * Which rows a caller's test can answer (a superset: the test is still applied to each). A row matching
 * any clause is a candidate; a clause left out matches none. Without key columns every row is a candidate
 * for the key clauses.
 */
export interface RowFilter extends KeyQuery {
  /** Rows of these ids. */
  ids?: Iterable<string>;
  /** Rows whose id starts with this. */
  idPrefix?: string;
  /** Rows whose 公示截止日期 is on or before this. */
  publishUntilTo?: string;
}

/** An event cut down to one record's part of it (its records, removals and corrections that name it). */
function cut(e: StoredEvent, records: StoredRecord[], t: { removals: RemovalEntry[]; corrected: CorrectedEntry[] } | undefined): AnyEvent {
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

/** candidates finds this many rows' first rows by their id, then makes LazyRecords.heads (a pass over every row). */
const HEADS_AFTER = 256;

/** The prefixes decoded from checkpoints, by their first event: replay recognises a read that begins with one. */
const prefixes = new WeakMap<object, CheckpointPrefix>();

export function markPrefix(prefix: CheckpointPrefix): void {
  const first = prefix.events[0];
  if (first) prefixes.set(first, prefix);
}

/**
 * The checkpoint prefix `events` begins with (the same event objects, in order), if any; when `events` are only
 * the prefix's first events (the register before a published batch: compile and status of that batch, diff's
 * side), the prefix cut to them (prefixBefore).
 */
export function prefixOf(events: readonly AnyEvent[]): CheckpointPrefix | undefined {
  const first = events[0];
  const p = first ? prefixes.get(first) : undefined;
  if (!p) return undefined;
  const n = p.events.length;
  if (n <= events.length) return events[n - 1] === p.events[n - 1] ? p : undefined;
  const k = events.length;
  return events[k - 1] === p.events[k - 1] ? prefixBefore(p, k) : undefined;
}

/** The cuts of each prefix made so far, by their number of events (prefixOf is asked again for each record shown). */
const cuts = new WeakMap<CheckpointPrefix, Map<number, CheckpointPrefix>>();

/**
 * The prefix as a checkpoint of its first `k` events would hold it, made from the prefix's parts: its rows
 * before event k's first (rows are in event order), each id's chain cut there, the touch table without the later
 * events' touches, `gone` made again from those by the rule of the build (checkpoint-writer.ts). Without it a
 * province's register before its last batch (compile --dry-run of a published batch) was replayed record by
 * record: 10⁶ entries, ~9 s and 0.6 GB. The parts are read when first asked, as the prefix's are.
 */
function prefixBefore(p: CheckpointPrefix, k: number): CheckpointPrefix {
  let byK = cuts.get(p);
  if (!byK) cuts.set(p, (byK = new Map()));
  const known = byK.get(k);
  if (known) return known;
  const rows = k < p.events.length ? (p.first[k] as number) : p.event.length;
  const once = <T>(make: () => T): (() => T) => {
    let v: T | undefined;
    return () => (v ??= make());
  };
  // Each row's next row of its id, the chain ending where the cut is (x − 1 ≥ rows: a later event's row).
  const next = once(() => p.index.next.slice(0, rows).map((x) => (x > rows ? 0 : x)));
  // The id table is the prefix's: firstRow finds no id whose first row is at or after the cut (lazy-state's firstRow).
  const distinct = once(() => {
    let d = 0;
    for (const row of p.index.table) if (row !== 0 && row <= rows) d++;
    return d;
  });
  const touches = once((): Touches => {
    const t = p.touches;
    const out = {
      rows: new Uint32Array(t.rows.length),
      from: new Uint32Array(t.rows.length + 1),
      events: new Uint32Array(t.events.length),
      kinds: new Uint8Array(t.events.length),
    };
    let nr = 0;
    let ne = 0;
    for (let i = 0; i < t.rows.length; i++) {
      const row = t.rows[i] as number;
      if (row >= rows) continue;
      const from = ne;
      for (let j = t.from[i] as number; j < (t.from[i + 1] as number); j++) {
        if ((t.events[j] as number) >= k) continue;
        out.events[ne] = t.events[j] as number;
        out.kinds[ne++] = t.kinds[j] as number;
      }
      if (ne === from) continue;
      out.from[nr] = from;
      out.rows[nr++] = row;
    }
    out.from[nr] = ne;
    return {
      rows: out.rows.subarray(0, nr),
      from: out.from.subarray(0, nr + 1),
      events: out.events.subarray(0, ne),
      kinds: out.kinds.subarray(0, ne),
    };
  });
  const gone = once(() => {
    const t = touches();
    const chain = next();
    const out = new Uint8Array(rows);
    for (let i = 0; i < t.rows.length; i++) {
      const row = t.rows[i] as number;
      let last = row;
      while ((chain[last] as number) !== 0) last = (chain[last] as number) - 1;
      const after = p.event[last] as number;
      let removed = false;
      for (let j = t.from[i] as number; j < (t.from[i + 1] as number); j++)
        if ((t.events[j] as number) > after && ((t.kinds[j] as number) & 1) !== 0) removed = true;
      if (removed) for (let r = row; r >= 0; r = (chain[r] as number) - 1) out[r] = 1;
    }
    return out;
  });
  const index = {} as IdIndex;
  Object.defineProperties(index, {
    table: { get: () => p.index.table, enumerable: true },
    next: { get: next, enumerable: true },
    distinct: { get: distinct, enumerable: true },
  });
  const view = {
    events: p.events.slice(0, k),
    columns: p.columns,
    event: p.event.subarray(0, rows),
    first: p.first.subarray(0, k),
    index,
    keys: p.keys,
    ...(p.loadAll ? { loadAll: p.loadAll } : {}),
    ...(p.removalsJson ? { removalsJson: p.removalsJson } : {}),
  } as Omit<CheckpointPrefix, 'touches' | 'gone'> as CheckpointPrefix;
  Object.defineProperties(view, { touches: { get: touches, enumerable: true }, gone: { get: gone, enumerable: true } });
  byK.set(k, view);
  return view;
}

/**
 * Of the checkpoint's prefix `events` begin with, the events (indexes) whose records publish `id` and those
 * whose removals name it (register show's events of a record), from the id index and the touch table.
 */
export function prefixTouching(
  events: readonly AnyEvent[],
  id: string,
): { length: number; publishes: Set<number>; removes: Set<number> } | undefined {
  const prefix = prefixOf(events);
  if (!prefix) return undefined;
  const publishes = new Set<number>();
  const removes = new Set<number>();
  const row = firstRow(prefix, id);
  for (let k = row; k >= 0; k = (prefix.index.next[k] as number) - 1) publishes.add(prefix.event[k] as number);
  for (const t of row >= 0 ? (touchesOf(prefix.touches, row) ?? []) : []) if ((t.kinds & 1) !== 0) removes.add(t.event);
  return { length: prefix.events.length, publishes, removes };
}

/** The first row of `id` in the prefix, or -1. */
function firstRow(prefix: CheckpointPrefix, id: string): number {
  const { table } = prefix.index;
  const ids = prefix.columns.ids;
  const mask = table.length - 1;
  let slot = fnv(id, 0, id.length) & mask;
  for (;;) {
    const row = table[slot] as number;
    if (row === 0) return -1;
    // A row past the prefix's (a cut's table is the whole prefix's: prefixBefore) is an id published after it.
    if (ids.equals(row - 1, id)) return row - 1 < prefix.event.length ? row - 1 : -1;
    slot = (slot + 1) & mask;
  }
}

/** The events (indexes, with kinds) of the touch table for the id whose first row is `row`. */
function touchesOf(t: Touches, row: number): { event: number; kinds: number }[] | undefined {
  let lo = 0;
  let hi = t.rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const r = t.rows[mid] as number;
    if (r === row) {
      const out: { event: number; kinds: number }[] = [];
      for (let j = t.from[mid] as number; j < (t.from[mid + 1] as number); j++)
        out.push({ event: t.events[j] as number, kinds: t.kinds[j] as number });
      return out;
    }
    if (r < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/**
 * Which entries a stream may leave out (LazyRecords.stream): those statusOn gives no status on `on`, those it
 * surely gives another status than `status` (all: any), and those whose record then is surely of another
 * 科室 (`department`), list (`list`) or 公示截止日期 not before `expiringBefore`. A superset is streamed: the
 * caller still asks statusOn and tests each.
 */
export interface StreamFilter {
  on: string;
  /**
   * With `status` active: an entry is left out only if it is surely active on neither `on` nor this day (diff over
   * many batches: what is active on neither side is in no section).
   */
  orOn?: string;
  /** `listed`: active, or past its 公示截止日期 with no batch yet listing the expiry (diff's sides, register.ts onList). */
  status: 'active' | 'listed' | 'expired' | 'removed' | 'all';
  department?: string;
  list?: string;
  expiringBefore?: string;
}

/**
 * A part of a stream (LazyRecords.stream): the prefix's rows cut into chunks of `rows` rows, of which the stream makes
 * the entries whose first row lies in a chunk `mine` says is its own (asked once a chunk, in order, as the stream
 * enters it); the entries added after the prefix are one chunk more, the last (`mine(ceil(rows of the prefix / rows))`).
 * Two streams of the same state whose `mine` split the chunks between them make, chunk by chunk, what one stream
 * makes (register list on two threads: cli/list-split.ts).
 */
export interface StreamPart {
  rows: number;
  mine(chunk: number): boolean;
}

/**
 * What a publish event names of each id (LazyRecords.namedIn), kept as numbers: each removal by the first row of its
 * id in the prefix (ascending; in the event's order for one id), with its type and reason as indexes into the few
 * texts they take; the corrections (a few) as they are, each id's first and a chain to its next (-1: none). A removal
 * of an id the prefix does not publish is left out: make asks only for ids it publishes.
 */
interface NamedIndex {
  /**
   * Every removal of the event of this type and reason, each of another id, and each id the prefix's (a province's
   * batch: ~25,000 removals as 期满, no reason): a removal of an id is told by its touch (kind 1), nothing indexed.
   */
  uniform?: { type: RemovalEntry['type']; reason: string };
  rows: Uint32Array;
  types: Uint32Array;
  reasons: Uint32Array;
  texts: string[];
  corrected: readonly CorrectedEntry[];
  first: Map<string, number>;
  next: Int32Array;
}

const QUOTE = 0x22;
const KEYS = ['"id"', '"type"', '"reason"'].map((k) => Buffer.from(k, 'latin1'));

/** Which of KEYS json[from, to) is (1 id, 2 type, 3 reason), or 0. */
function keyAt(json: Uint8Array, from: number, to: number): number {
  for (let k = 0; k < KEYS.length; k++) {
    const key = KEYS[k] as Buffer;
    if (key.length !== to - from) continue;
    let j = 0;
    while (j < key.length && json[from + j] === key[j]) j++;
    if (j === key.length) return k + 1;
  }
  return 0;
}

/** Whether json[a, a + n) and json[b, b + n) are the same bytes. */
function sameBytes(json: Uint8Array, a: number, b: number, n: number): boolean {
  for (let j = 0; j < n; j++) if (json[a + j] !== json[b + j]) return false;
  return true;
}

/**
 * Of a batch's removals as the checkpoint keeps them (JSON.stringify of flat objects, ASCII), how many string ids,
 * and their one type and one reason when every removal has the same (a reason left out: none has one): one pass
 * over the bytes, no string made of them. A key is a string followed by a colon (a quote inside a string is
 * escaped). Undefined when the types or the reasons differ, or are fewer than the ids.
 */
export function oneTypeAndReason(json: Uint8Array): { n: number; type: string; reason: string } | undefined {
  let n = 0;
  const count = [0, 0, 0, 0];
  const first = [0, 0, 0, 0];
  const size = [0, 0, 0, 0];
  let key = 0;
  const len = json.length;
  let i = 0;
  while (i < len) {
    if (json[i] !== QUOTE) {
      i++;
      continue;
    }
    const from = i++;
    while (i < len && json[i] !== QUOTE) i += json[i] === 0x5c ? 2 : 1;
    const to = ++i;
    if (json[i] === 0x3a) {
      key = keyAt(json, from, to);
      i++;
      continue;
    }
    if (key === 1) n++;
    else if (key > 1) {
      if ((count[key] as number) === 0) {
        first[key] = from;
        size[key] = to - from;
      } else if (size[key] !== to - from || !sameBytes(json, first[key] as number, from, to - from)) return undefined;
      count[key] = (count[key] as number) + 1;
    }
    key = 0;
  }
  if (n === 0 || count[2] !== n || (count[3] !== n && count[3] !== 0)) return undefined;
  const text = (k: number): string =>
    JSON.parse(Buffer.from(json.buffer, json.byteOffset + (first[k] as number), size[k]).toString('latin1')) as string;
  return { n, type: text(2), reason: count[3] === 0 ? '' : text(3) };
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
  /** namedIn's index of each publish event of the prefix it was asked about. */
  /** What each publish event asked removes, by type (removalTypes). */
  private readonly types = new Map<number, { removed: Set<string>; removedOnly: Set<string> }>();
  private readonly named = new Map<number, NamedIndex>();
  /** removedBy(): how many ids each event of the prefix removes, once asked. */
  private removedCounts: Uint32Array | undefined;
  /** heads(): each row's first row of its id + 1, once asked. */
  private headRows: Uint32Array | undefined;

  constructor(
    private readonly prefix: CheckpointPrefix,
    private readonly state: RegisterState,
    private readonly replay: (events: readonly AnyEvent[]) => RegisterState,
    private readonly applyOne: (state: RegisterState, event: AnyEvent) => RegisterState,
  ) {
    super();
    this.log = [...prefix.events];
  }

  /** The checkpoint's prefix the entries are made from. */
  get checkpoint(): CheckpointPrefix {
    return this.prefix;
  }

  /** How many rows (records) the checkpoint's prefix holds. */
  get rows(): number {
    return this.prefix.event.length;
  }

  /** The first row of `id` in the checkpoint's prefix, or -1 (an id published after it, or none). */
  rowOf(id: string): number {
    return firstRow(this.prefix, id);
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
    return this.made.has(id) || firstRow(this.prefix, id) >= 0;
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
    let added = 0;
    for (const id of this.made.keys()) if (firstRow(this.prefix, id) < 0) added++;
    return this.prefix.index.distinct + added;
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
   * every entry made or added since that is published, objected to or revoked after the prefix (one only the
   * prefix published is a candidate by its rows); in the order of the map (first publication). A superset: the caller
   * still asks each entry what it asks of every entry. `rows`: which rows the test can answer (RowFilter);
   * without it every row's record is tested.
   */
  candidates(test: (r: StoredRecord) => boolean, options: { removedOut?: boolean; rows?: RowFilter } = {}): RecordEntry[] {
    if (this.whole) return [...super.values()];
    const { events, columns, event, gone } = this.prefix;
    const n = event.length;
    const marked = options.rows ? this.rowsOf(options.rows) : undefined;
    // Rows of the ids made (or added by events after the prefix) so far: never left out as `gone` (below).
    const made = new Uint8Array(n);
    const madeFirst: number[] = [];
    const added: string[] = [];
    const last = events[events.length - 1];
    const since = last ? last.seq : 0;
    for (const [id, entry] of this.made) {
      const row = firstRow(this.prefix, id);
      if (row < 0) added.push(id);
      const latest = (entry.publications[entry.publications.length - 1] as StoredRecord | undefined)?.seq ?? 0;
      // Touched after the prefix (published again, objected to, revoked): a candidate whatever the test, below.
      if (row >= 0 && (latest > since || entry.objections.length > 0 || entry.removals.some((r) => r.batch === null))) madeFirst.push(row);
      for (let k = row; k >= 0; k = (this.prefix.index.next[k] as number) - 1) made[k] = 1;
    }
    // Left out with removedOut: a record whose latest publication a published batch has removed since, no
    // objection naming it and nothing after the prefix touching it (compile's expiries: such a record is
    // listed already) — `gone`, stored with the checkpoint.
    const skipGone = options.removedOut === true;
    // Each answering row's record by its first row, marked once: the first few by their id's text (register show
    // tests a handful of rows), then from `heads` — no id decoded or looked up by hash to find which rows are one
    // record's (a province's expiries: ~25,000 of 425,000 rows tested).
    let asked = 0;
    const headOf = (k: number): number =>
      this.headRows !== undefined || ++asked > HEADS_AFTER ? (this.heads()[k] as number) - 1 : firstRow(this.prefix, columns.ids.value(k));
    const chosen = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      if (marked && marked[k] === 0) continue;
      if (skipGone && gone[k] === 1 && made[k] === 0) continue;
      const head = headOf(k);
      if (chosen[head] === 1 || !test(this.recordAt(k))) continue;
      chosen[head] = 1;
    }
    // An objection names a record whatever its columns (a 撤销 removes it); what was made is asked again.
    for (const e of events) {
      if (e.type !== 'objection-add' && e.type !== 'objection-resolve') continue;
      const row = firstRow(this.prefix, e.id);
      if (row >= 0) chosen[row] = 1;
    }
    // A made entry the events after the prefix publish, object to or revoke is a candidate whatever the test; one only
    // the prefix published was tested by its rows above (the first command after a province's publish made 25,000
    // such entries, the batch's removals, and handed every one to the caller's test).
    for (const row of madeFirst) chosen[row] = 1;
    // In the order of their first rows (the map's), then entries of records first published after the prefix: in the
    // order they were added, as a replay's map has them (an objection in the prefix that names one, before its
    // publication, does not move it first).
    const out: RecordEntry[] = [];
    for (let k = 0; k < n; k++) {
      if (chosen[k] === 0) continue;
      const id = columns.ids.value(k);
      let entry = this.made.get(id);
      if (!entry) {
        entry = this.make(id, k);
        if (entry) this.made.set(id, entry);
      }
      if (entry) out.push(entry);
    }
    for (const id of added) {
      const e = this.get(id);
      if (e) out.push(e);
    }
    return out;
  }

  /** For each row, the first row of its id + 1 (each id's rows chain forward from its first: IdIndex.next); made once. */
  private heads(): Uint32Array {
    if (this.headRows) return this.headRows;
    const { next } = this.prefix.index;
    const n = this.prefix.event.length;
    const heads = new Uint32Array(n);
    for (let k = 0; k < n; k++) {
      if (heads[k] !== 0) continue;
      for (let j = k; j >= 0; j = (next[j] as number) - 1) heads[j] = k + 1;
    }
    this.headRows = heads;
    return heads;
  }

  /** Row k's record: its event's when that event's records were made, else one made from the columns for the asking. */
  private recordAt(k: number): StoredRecord {
    const { events, event, first, columns } = this.prefix;
    const e = events[event[k] as number] as StoredEvent & { records: StoredRecord[] };
    // Asking the event would make (and keep) every record of it (compile's expiries touch most of a province's 40 events).
    if (Object.getOwnPropertyDescriptor(e, 'records')?.get !== undefined) return new ColumnRecord(columns, k);
    return e.records[k - (first[event[k] as number] as number)] as StoredRecord;
  }

  /**
   * Every entry in the map's order (first publication), made one at a time and not kept: what iterating
   * the built map gives, without holding a province's million entries at once (register list, diff:
   * each-entry.ts). The prefix's ids in the order of their first row, then those added after it, in the
   * order added. Nothing may build the map while this runs. `only`: a prefix's entries surely without a
   * status it asks for are left out unmade (passedOver).
   */
  *stream(only?: StreamFilter, part?: StreamPart): Generator<RecordEntry> {
    if (this.whole) {
      if (part) throw new Error('a built map is not streamed in parts');
      yield* super.values();
      return;
    }
    const { columns, event, index } = this.prefix;
    const n = event.length;
    // A row some earlier row of its id chains to is not a first row.
    const later = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      const next = index.next[k] as number;
      if (next > 0) later[next - 1] = 1;
    }
    const passedOn = only ? this.passedOver(only) : undefined;
    const passedOr = only?.orOn !== undefined ? this.passedOver({ ...only, on: only.orOn }) : undefined;
    // Each is asked of first rows in order (the second only of those the first passes over: it catches up).
    const passed = passedOr && passedOn ? (k: number) => passedOn(k) && passedOr(k) : passedOn;
    // A part's rows: whether this stream makes the chunk of rows k is in, asked once as it enters the chunk.
    const size = part?.rows ?? n + 1;
    let mine = true;
    for (let k = 0; k < n; k++) {
      if (part && k % size === 0) mine = part.mine(k / size);
      if (!mine || later[k] === 1) continue;
      if (passed?.(k)) continue;
      const id = columns.ids.value(k);
      // k is the id's first row: not looked up again in the index.
      const entry = this.made.get(id) ?? this.make(id, k);
      if (entry) yield entry;
    }
    // The entries added after the prefix: the chunk after the last rows'.
    if (part && !part.mine(Math.ceil(n / size))) return;
    for (const [id, entry] of this.made) if (firstRow(this.prefix, id) < 0) yield entry;
  }

  /**
   * For stream(only): whether the id whose first row is `k` surely has no status `only` lets through, decided
   * from the prefix's rows and touch table alone (no entry made, no text decoded), as statusOn decides: no
   * publication on or before `only.on` (its latest then: `latest`), or a record then of another 科室, list or
   * 公示截止日期 than asked; by status, a removal listed by then after `latest` (its touch, kind 1) makes it
   * removed or expired (the removal's type: not known here), an objection's event then (kind 4: a 撤销 it
   * resolves) perhaps removed, else its 公示截止日期 before that day expired, else active. An entry made or added
   * since (events after the prefix) is never passed over. Asked of first rows in order.
   */
  private passedOver(only: StreamFilter): (k: number) => boolean {
    const { events, event, index, columns, touches } = this.prefix;
    const date = only.on;
    const status = only.status;
    // Each event's day (publish and import: the rows' and the removals' events), compared once each.
    const by = events.map((e) => ('on' in e && typeof e.on === 'string' ? e.on <= date : false));
    const made = new Uint8Array(event.length);
    for (const id of this.made.keys()) {
      const row = firstRow(this.prefix, id);
      if (row >= 0) made[row] = 1;
    }
    const expiredBefore = columns.strings.map((s) => s < date);
    // A column of few values tested against what is asked once for each of its values.
    const other = (asked: string | undefined, test: (s: string) => boolean = (s) => s !== asked) =>
      asked === undefined ? undefined : columns.strings.map(test);
    const otherDepartment = other(only.department);
    const otherList = other(only.list);
    const before = only.expiringBefore;
    const notExpiring = before === undefined ? undefined : columns.strings.map((s) => !(s < before));
    let t = 0;
    return (k) => {
      if (made[k] === 1) return false;
      let latest = -1;
      for (let j = k; j >= 0; j = (index.next[j] as number) - 1) if (by[event[j] as number] === true) latest = j;
      if (latest < 0) return true;
      if (otherDepartment?.[columns.department[latest] as number] === true) return true;
      if (otherList?.[columns.listType[latest] as number] === true) return true;
      const until = columns.publishUntil[latest] as number;
      if (notExpiring?.[until] === true) return true;
      if (status === 'all') return false;
      const expired = expiredBefore[until] === true;
      if (status === 'active' && expired) return true;
      // Kinds of the touches listed by then after `latest`: 1 a removal, 4 an objection's.
      while (t < touches.rows.length && (touches.rows[t] as number) < k) t++;
      let kinds = 0;
      if (t < touches.rows.length && touches.rows[t] === k) {
        const after = event[latest] as number;
        for (let j = touches.from[t] as number; j < (touches.from[t + 1] as number); j++) {
          const e = touches.events[j] as number;
          if (e > after && by[e] === true) kinds |= touches.kinds[j] as number;
        }
      }
      if (status === 'active' || status === 'listed') return (kinds & 1) !== 0;
      // An objection's event (a 撤销 it resolves removes the record) or no removal: told without its types.
      if ((kinds & 4) !== 0) return false;
      if ((kinds & 1) === 0) return status === 'removed' || !expired;
      // Removed by then: its status is its last removal's type. Asked of the removals' events by id: removed
      // (another type than 期满) if one of them removes it so, expired only if one removes it as 期满.
      const id = columns.ids.value(k);
      const after = event[latest] as number;
      for (let j = touches.from[t] as number; j < (touches.from[t + 1] as number); j++) {
        const e = touches.events[j] as number;
        if (e <= after || by[e] !== true || ((touches.kinds[j] as number) & 1) === 0) continue;
        const types = this.removalTypes(e);
        if (status === 'removed' ? types.removed.has(id) : !types.removedOnly.has(id)) return false;
      }
      return true;
    };
  }

  /**
   * Of a publish event of the prefix, the ids it removes as another type than 期满 (`removed`), and of those the
   * ids it does not also remove as 期满 (`removedOnly`): a province's batch removes ~25,000 records, nearly all
   * 期满, so both are small. Made once for each event asked (register list --status removed|expired).
   */
  private removalTypes(i: number): { removed: Set<string>; removedOnly: Set<string> } {
    let types = this.types.get(i);
    if (!types) {
      const ev = this.prefix.events[i] as StoredEvent;
      const removed = new Set<string>();
      const expired: string[] = [];
      for (const r of ev.type === 'publish' ? ev.removals : []) {
        if (r.type === 'expired') expired.push(r.id);
        else removed.add(r.id);
      }
      const removedOnly = new Set(removed);
      for (const id of expired) removedOnly.delete(id);
      types = { removed, removedOnly };
      this.types.set(i, types);
    }
    return types;
  }

  /** The rows a RowFilter lets through, marked 1. */
  private rowsOf(f: RowFilter): Uint8Array {
    const { columns, keys } = this.prefix;
    const n = this.prefix.event.length;
    const into = new Uint8Array(n);
    for (const id of f.ids ?? []) {
      for (let k = firstRow(this.prefix, id); k >= 0; k = (this.prefix.index.next[k] as number) - 1) into[k] = 1;
    }
    if (f.idPrefix !== undefined) {
      const p = f.idPrefix;
      for (let k = 0; k < n; k++) if (columns.ids.startsWith(k, p)) into[k] = 1;
    }
    const anyKey = [f.name, f.creditCode, f.idNumber, f.subject].some((q) => q !== undefined && q.length > 0);
    if (anyKey) {
      if (keys) markKeys(keys, f, into);
      else into.fill(1);
    }
    if (f.publishUntilTo !== undefined) {
      const to = f.publishUntilTo;
      const ok = columns.strings.map((s) => s <= to);
      const col = columns.publishUntil;
      for (let k = 0; k < n; k++) if (ok[col[k] as number]) into[k] = 1;
    }
    return into;
  }

  /**
   * The entry of `id` as replaying the prefix makes it: its events alone, replayed. Its records are made
   * for it from the columns, not asked of their events — which would make and keep every record of each
   * event (a province's 10⁶, ~0.1 GB) for the rest of the run: a stream of every entry, and compile's
   * ~25,000 expiries, which lie in most of a province's 40 events. `at`: its first row, when the caller knows it.
   */
  private make(id: string, at?: number): RecordEntry | undefined {
    const first = at ?? firstRow(this.prefix, id);
    if (first < 0) return undefined;
    const { events, event, index } = this.prefix;
    const records = (k: number): StoredRecord => this.recordAt(k);
    const touches = touchesOf(this.prefix.touches, first);
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
      const ev = events[t.event] as StoredEvent;
      const e = own.get(t.event) as (StoredEvent & { records: StoredRecord[] }) | undefined;
      const named = ev.type === 'publish' ? this.namedIn(t.event, ev, id, first, t.kinds) : undefined;
      own.set(t.event, cut(ev, e?.records ?? [], named));
    }
    const state = this.replay([...own.keys()].sort((a, b) => a - b).map((i) => own.get(i) as AnyEvent));
    return state.records.get(id);
  }

  /**
   * What a publish event of the prefix names of `id`, whose first row is `row` (its removals, its corrections), each
   * event indexed once: filtered for each id instead, a stream of a province's entries read a batch's ~25,000
   * removals for each of its ~400,000 removed records. A removal is given back as apply reads it (its id, type and
   * reason), made for the asking: the events' removals parsed and kept (with a map of their ids) were most of a
   * long diff's heap — ~400,000 objects, ~60 MB — where their index is ~9 bytes a removal.
   */
  private namedIn(
    i: number,
    ev: StoredEvent & { type: 'publish' },
    id: string,
    row: number,
    kinds: number,
  ): { removals: RemovalEntry[]; corrected: CorrectedEntry[] } {
    let by = this.named.get(i);
    if (!by) {
      const json = this.prefix.removalsJson?.(i);
      const corrected = ev.corrected ?? [];
      by =
        (json !== undefined ? this.uniformNamed(i, json, corrected) : undefined) ??
        this.indexNamed(json !== undefined ? (JSON.parse(Buffer.from(json).toString('latin1')) as RemovalEntry[]) : ev.removals, corrected);
      this.named.set(i, by);
    }
    const out = { removals: [] as RemovalEntry[], corrected: [] as CorrectedEntry[] };
    if (by.uniform !== undefined) {
      if ((kinds & 1) !== 0) out.removals.push({ id, type: by.uniform.type, reason: by.uniform.reason });
    }
    const { rows } = by;
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((rows[mid] as number) < row) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < rows.length && rows[k] === row; k++) {
      const type = by.texts[by.types[k] as number] as RemovalEntry['type'];
      out.removals.push({ id, type, reason: by.texts[by.reasons[k] as number] as string });
    }
    for (let k = by.first.get(id) ?? -1; k >= 0; k = by.next[k] as number) out.corrected.push(by.corrected[k] as CorrectedEntry);
    return out;
  }

  /**
   * namedIn's index of an event whose removals are all of one type and reason, each of another id the prefix
   * publishes, told from their JSON without parsing it (a province's 40 batches: 32 MB, 400,000 objects made to be
   * dropped): as many `"id":"` as `"type":"`, every type and every reason the same text, and as many ids touched by
   * the event as a removal (the touch table holds each id and event once: fewer when an id is named twice or is not
   * the prefix's). A key's quotes are never inside a string, where a quote is escaped. Else undefined.
   */
  private uniformNamed(i: number, json: Uint8Array, corrected: readonly CorrectedEntry[]): NamedIndex | undefined {
    const one = oneTypeAndReason(json);
    if (one === undefined || this.removedBy()[i] !== one.n) return undefined;
    const index = this.indexNamed([], corrected);
    index.uniform = { type: one.type as RemovalEntry['type'], reason: one.reason };
    return index;
  }

  /** For each event of the prefix, how many ids its touches say it removes (kind 1), counted once for all. */
  private removedBy(): Uint32Array {
    if (this.removedCounts) return this.removedCounts;
    const { events, kinds } = this.prefix.touches;
    const counts = new Uint32Array(this.prefix.events.length);
    for (let j = 0; j < events.length; j++) {
      const e = events[j] as number;
      if (((kinds[j] as number) & 1) !== 0) counts[e] = (counts[e] as number) + 1;
    }
    this.removedCounts = counts;
    return counts;
  }

  /** namedIn's index of one event's removals and corrections. */
  private indexNamed(removals: readonly RemovalEntry[], corrected: readonly CorrectedEntry[]): NamedIndex {
    // Each removal's first row and place, as one number to sort (row × n + place: ascending rows, the event's order
    // within one); the types and reasons by the texts they take (a province's: one type, no reason).
    const n = removals.length;
    const rowOf = new Int32Array(n);
    const places: number[] = [];
    for (let k = 0; k < n; k++) {
      rowOf[k] = firstRow(this.prefix, (removals[k] as RemovalEntry).id);
      if ((rowOf[k] as number) >= 0) places.push(k);
    }
    const m = places.length;
    // Exact while rows × n stays below 2⁵³ (a province: 10⁶ × 25,000); else sorted by a comparison.
    const exact = this.prefix.event.length * n < Number.MAX_SAFE_INTEGER;
    const order = exact
      ? Float64Array.from(places, (k) => (rowOf[k] as number) * n + k).sort()
      : Float64Array.from(places.sort((a, b) => (rowOf[a] as number) - (rowOf[b] as number) || a - b));
    const texts: string[] = [];
    const textIndex = new Map<string, number>();
    const textOf = (t: string): number => {
      let x = textIndex.get(t);
      if (x === undefined) {
        x = texts.push(t) - 1;
        textIndex.set(t, x);
      }
      return x;
    };
    const rows = new Uint32Array(m);
    const types = new Uint32Array(m);
    const reasons = new Uint32Array(m);
    for (let j = 0; j < m; j++) {
      const key = order[j] as number;
      const k = exact ? key % n : key;
      const r = removals[k] as RemovalEntry;
      rows[j] = rowOf[k] as number;
      types[j] = textOf(r.type);
      reasons[j] = textOf(r.reason ?? '');
    }
    // Each id's first correction and a chain to its next, built from the last back.
    const first = new Map<string, number>();
    const next = new Int32Array(corrected.length);
    for (let k = corrected.length - 1; k >= 0; k--) {
      const cid = (corrected[k] as CorrectedEntry).id;
      next[k] = first.get(cid) ?? -1;
      first.set(cid, k);
    }
    return { rows, types, reasons, texts, corrected, first, next };
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
