/**
 * The hash chain of the event log. A line is the canonical JSON of its event (canonical.ts) followed
 * by `\n`; `hash` is the SHA-256 of the canonical JSON of the event without `hash`, and `prev` is the
 * hash of the line before. Editing, deleting or reordering any event before the last one breaks a
 * link; a cut tail does not, which is why `publish` prints the head for the clerk to keep and
 * `register verify --head` checks the log still reaches it.
 */
import { recordIdentity } from '../domain/identity.js';
import type { CreditRecord } from '../schemas/record.js';
import { RegisterEventSchema } from '../schemas/register-event.js';
import { canonicalJson, sha256Hex } from './canonical.js';
import type { Author, EventBody, RegisterEvent, StoredEvent } from './events.js';
import {
  canonicalRecord,
  ForeignRevisions,
  foreignHashMatches,
  foreignSpelling,
  canonicalRemovals,
  normaliseEvent,
  ownIds,
  sortedKeys,
  translateIds,
} from './foreign.js';
import { scanCanonical } from './canonical-scan.js';
import { splitRecords } from './line-split.js';
import { RecordFieldReader, type RecordBytes } from './record-fields.js';
import { HASH_MEMBER, lineHashOfBytes } from './line-hash.js';

export { lineHashOfBytes };
import { LineChangedError, StoredRecord, publishedBy, type LineSource, type PublishedBy, type RecordOrigin } from './stored.js';

export interface Head {
  seq: number;
  hash: string;
}

/** The hash an event must carry: of its canonical JSON without `hash`. */
export function hashOfEvent(event: Omit<RegisterEvent, 'hash'> | RegisterEvent): string {
  const { hash: _ignored, ...rest } = event as RegisterEvent;
  return sha256Hex(canonicalJson(rest));
}

/** The next event after `head` (null for an empty log). */
export function sealEvent(body: EventBody, author: Author, head: Head | null): RegisterEvent {
  const unsealed = unsealedEvent(body, author, head);
  return { ...unsealed, hash: hashOfEvent(unsealed as Omit<RegisterEvent, 'hash'>) } as RegisterEvent;
}

/** The event after `head` without its hash: the body, its place in the chain and who wrote it. */
function unsealedEvent(body: EventBody, author: Author, head: Head | null): Record<string, unknown> {
  return {
    ...body,
    seq: head ? head.seq + 1 : 1,
    at: author.at,
    by: author.by,
    host: author.host,
    prev: head ? head.hash : null,
  };
}

/**
 * sealEvent and eventLine at once, the event's canonical text made once for its hash and its line (a city's
 * batch is a line of MBs): canonicalJson of an object is its members' texts in key order, so the text without
 * `hash` (what is hashed) and the line are the same members, `hash` in its place.
 */
export function sealLine(body: EventBody, author: Author, head: Head | null): { event: RegisterEvent; line: string } {
  const unsealed = unsealedEvent(body, author, head);
  const keys = Object.keys(unsealed)
    .filter((k) => k !== 'hash' && unsealed[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const members = keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(unsealed[k])}`);
  const hash = sha256Hex(`{${members.join(',')}}`);
  const at = keys.findIndex((k) => k > 'hash');
  members.splice(at < 0 ? members.length : at, 0, `"hash":${JSON.stringify(hash)}`);
  return { event: { ...unsealed, hash } as RegisterEvent, line: `{${members.join(',')}}\n` };
}

/** The exact line written for an event. */
export function eventLine(event: RegisterEvent): string {
  return `${canonicalJson(event)}\n`;
}

export function formatHead(head: Head): string {
  return `${head.seq}:${head.hash}`;
}

/**
 * The fewest hex digits of a noted head `register verify --head` accepts: 64 bits. Eight (32 bits) were
 * matched by a rewritten history in five minutes on two cores; each digit more multiplies that by 16.
 */
export const HEAD_MIN_DIGITS = 16;

/**
 * `SEQ:HASH`, the hash its first HEAD_MIN_DIGITS or more hex digits; 'short' when the hash has fewer
 * (refused: a short prefix can be matched by a forged history), undefined when it is no head at all.
 */
export function parseHead(text: string): { seq: number; hash: string } | 'short' | undefined {
  const m = /^\s*(\d+)\s*:\s*([0-9a-fA-F]{1,64})\s*$/.exec(text);
  if (!m) return undefined;
  const hash = (m[2] as string).toLowerCase();
  return hash.length < HEAD_MIN_DIGITS ? 'short' : { seq: Number(m[1]), hash };
}

export interface SplitLog {
  /** Every complete line (without its `\n`). */
  lines: string[];
  /**
   * A last line that a crash left unfinished: it lacks its `\n` (the append was one write of the
   * line and its newline), or it is only NUL bytes (a file extended by the crash but never written).
   * Null when the log ends cleanly.
   */
  torn: { line: number; offset: number } | null;
}

export function splitLog(text: string): SplitLog {
  if (text === '') return { lines: [], torn: null };
  const parts = text.split('\n');
  const last = parts.pop() as string;
  // A line of NULs ending with '\n' is still a torn append (e.g. a zero-filled block after power loss).
  let kept = parts.length;
  while (kept > 0 && /^\0+$/.test(parts[kept - 1] as string)) kept--;
  if (last === '' && kept === parts.length) return { lines: parts, torn: null };
  const lines = parts.slice(0, kept);
  const offset = lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
  return { lines, torn: { line: kept + 1, offset } };
}

/**
 * Why a line breaks the chain. `canonical`: a line of our log (canonical-scan.ts, decisions.md "Canonical
 * lines and foreign lines") whose bytes are not exactly canonical JSON; `linebreak`: a line that holds
 * events separated by CR or U+2028/U+2029 instead of `\n` (an editor saved it).
 */
export type BreakReason = 'json' | 'schema' | 'seq' | 'prev' | 'hash' | 'canonical' | 'linebreak' | 'torn' | 'blank' | 'head';

/** A line's hash (lineHashOfBytes) and whether it is canonical (canonical-scan.ts), found by another thread. */
export interface LineChecked {
  hash: string | undefined;
  canonical: boolean;
}

export interface ChainBreak {
  /** The 1-based line number in events.jsonl. */
  line: number;
  reason: BreakReason;
}

export type ChainResult =
  | { ok: true; events: StoredEvent[]; head: Head | null }
  | { ok: false; events: StoredEvent[]; head: Head | null; broken: ChainBreak };

/** An event as its schema (schemas/register-event.ts) says: enough for the chain and for replay to trust it. */
function wellFormed(v: unknown): v is RegisterEvent {
  return RegisterEventSchema.safeParse(v).success;
}

/**
 * The hash a line must carry, from its bytes: the line is the canonical JSON of the event, whose
 * top-level keys are sorted, so removing its `hash` member leaves exactly the canonical JSON of the
 * event without `hash` — what the writer hashed. Hashing the text itself (rather than the parsed
 * object re-serialised) is what makes any byte edited visible, and spares a second serialisation of
 * every record when a large register is read. `"hash":"` occurs unescaped only as a key, and every
 * event has `at` and `by` before it, so the first `,"hash":"` is the top-level member.
 */
export function lineHash(text: string): string | undefined {
  const at = text.indexOf(HASH_MEMBER);
  if (at < 0 || text.charCodeAt(at + HASH_MEMBER.length + 64) !== 0x22) return undefined;
  return sha256Hex(text.slice(0, at) + text.slice(at + HASH_MEMBER.length + 65));
}

// One decoder for every line: a malformed byte becomes U+FFFD (its hash, taken of the bytes, then fails),
// a byte-order mark is kept (and fails JSON.parse) rather than silently dropped — but for one at the very
// start of the log (an editor's or another tool's UTF-8 BOM), which ChainReader skips before decoding.
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Each record's bytes in `buf`: spans[2i] to spans[2i+1]. */
interface Pieces {
  buf: Buffer;
  spans: readonly number[];
}

/**
 * An event as a reader keeps it: its records as StoredRecord, their origin the line they came from
 * (read back through `source`) or, without a source, the parsed records themselves; given the
 * records' pieces (line-split.ts), each is parsed and summarised in turn.
 */
function storedEvent(event: RegisterEvent, origin: RecordOrigin | null, pieces: Pieces | null = null): StoredEvent {
  if (event.type !== 'publish' && event.type !== 'import') return event;
  const keep: RecordOrigin = origin ?? { kind: 'memory', records: event.records };
  const by = publishedBy(event);
  if (pieces) {
    // One record parsed, summarised and dropped at a time (line-split.ts); a piece that is not an object throws.
    const n = pieces.spans.length / 2;
    const stored = new Array<StoredRecord>(n);
    for (let i = 0; i < n; i++) {
      const r: unknown = JSON.parse(UTF8.decode(pieces.buf.subarray(pieces.spans[2 * i], pieces.spans[2 * i + 1])));
      if (typeof r !== 'object' || r === null || Array.isArray(r)) throw new SyntaxError('not a record');
      stored[i] = new StoredRecord(withId(r as CreditRecord), by, keep, i);
    }
    return { ...event, records: stored } as StoredEvent;
  }
  const records = event.records as unknown[];
  const stored = records.map((r, i) => new StoredRecord(withId(r as CreditRecord), by, keep, i));
  return { ...event, records: stored } as StoredEvent;
}

/**
 * The event a reader of its line keeps, made from the event as written, its line not parsed again (a publisher
 * continuing the checkpoint with its own event: checkpoint-segment.ts): its members as the line has them (`line`, as
 * written), its records summarised from memory, their origin its line.
 */
export function writtenEvent(event: RegisterEvent, origin: RecordOrigin, line: Buffer): StoredEvent {
  // The line without its records, as a reader splits it (line-split.ts): the event written again without them cost a
  // province's batch ~0.1 s (its 25,000 removals made canonical JSON once more).
  const end = line.length > 0 && line[line.length - 1] === 0x0a ? line.length - 1 : line.length;
  const split = splitRecords(line, 0, end, (b) => UTF8.decode(b));
  const header = JSON.parse(split ? split.header : UTF8.decode(line.subarray(0, end))) as RegisterEvent;
  if (header.type !== 'publish' && header.type !== 'import') return header as StoredEvent;
  return storedEvent({ ...header, records: (event as { records?: unknown }).records } as RegisterEvent, origin);
}

/**
 * Takes each event as the reader accepts it, a publish or import event's records given one at a time (register
 * verify builds its checkpoint so: checkpoint-writer.ts CheckpointBuilder). The reader then keeps each event without
 * its records, removals, corrections or contents, and no record outlives its turn: a province's 25,000 records a
 * line are never held at once (the heap kept them until the line's end, and the garbage collector paid for it).
 */
export interface EventSink {
  /** `raw`, when given: where the record's texts are as bytes (record-fields.ts), valid only during the call. */
  add(e: StoredEvent, records?: (visit: (r: StoredRecord, raw?: RecordBytes) => void) => void): void;
}

/** storedEvent for a reader with a sink: the event given to it, its records visited one at a time, none kept. */
function sunkEvent(
  event: RegisterEvent,
  origin: RecordOrigin | null,
  pieces: Pieces | null,
  text: () => string,
  sink: EventSink,
  fields: RecordFieldReader | null,
): StoredEvent {
  if (event.type !== 'publish' && event.type !== 'import') {
    sink.add(event);
    return event;
  }
  const keep: RecordOrigin = origin ?? { kind: 'memory', records: event.records };
  const by = publishedBy(event);
  // Every record is read (a record that cannot be one breaks the chain) whether or not the sink visits them.
  let visited = false;
  sink.add({ ...event, records: [] } as unknown as StoredEvent, (visit) => {
    visited = true;
    eachRecord(event, keep, by, pieces, text, visit, fields);
  });
  if (!visited) eachRecord(event, keep, by, pieces, text, () => {}, fields);
  return event.type === 'publish'
    ? ({ ...event, records: [], removals: [], corrected: [], unchanged: [], contents: {} } as unknown as StoredEvent)
    : ({ ...event, records: [], contents: {} } as unknown as StoredEvent);
}

/**
 * An event's records, each parsed (from its piece of the line, line-split.ts), summarised and given to `visit` in
 * turn; a piece that does not parse as one record (the split did not fit this line) makes the line parsed whole,
 * from the record it stopped at (the pieces before it were whole records: each parsed as one balanced object).
 * A record that cannot be one throws RecordUnreadable (a `schema` break), as storedEvent's callers make of it.
 * `fields`: the line is canonical (canonical-scan.ts), its records read from their bytes (record-fields.ts) where
 * they can be, each other one parsed as before.
 */
function eachRecord(
  event: RegisterEvent & { records: readonly unknown[] },
  keep: RecordOrigin,
  by: PublishedBy,
  pieces: Pieces | null,
  text: () => string,
  visit: (r: StoredRecord, raw?: RecordBytes) => void,
  fields: RecordFieldReader | null = null,
): void {
  if (pieces) {
    const n = pieces.spans.length / 2;
    const { buf, spans } = pieces;
    let i = 0;
    try {
      for (; i < n; i++) {
        const summary = fields?.read(buf, spans[2 * i] as number, spans[2 * i + 1] as number);
        if (summary) {
          visit(new StoredRecord(summary, by, keep, i), fields as RecordFieldReader);
          continue;
        }
        const r: unknown = JSON.parse(UTF8.decode(buf.subarray(spans[2 * i], spans[2 * i + 1])));
        if (typeof r !== 'object' || r === null || Array.isArray(r)) throw new SyntaxError('not a record');
        visit(new StoredRecord(withId(r as CreditRecord), by, keep, i));
      }
      return;
    } catch (err) {
      if (err instanceof RecordUnreadable) throw err;
    } finally {
      // The line's buffer (the log's read buffer, 24 MiB for a province's line) not held past its line.
      fields?.release();
    }
    let records: unknown[];
    try {
      records = (JSON.parse(text()) as { records: unknown[] }).records;
    } catch {
      throw new RecordUnreadable();
    }
    for (; i < records.length; i++) visit(new StoredRecord(withId(records[i] as CreditRecord), by, keep, i));
    return;
  }
  const records = event.records;
  for (let i = 0; i < records.length; i++) visit(new StoredRecord(withId(records[i] as CreditRecord), by, keep, i));
}

/** A record without an id (written by another tool before ids) gets the one its identity gives. */
function withId(r: CreditRecord): CreditRecord {
  if (!recordReadable(r)) throw new RecordUnreadable();
  return typeof r.id === 'string' && r.id !== '' ? r : { ...r, id: recordIdentity(r).id };
}

/** A record of an event that cannot be one: not an object, or without the name its identity falls back on. */
class RecordUnreadable extends Error {}

/**
 * Whether a record of a publish/import line can be read at all: an object, with a list type and a
 * subject name (text). Another tool's record without them used to crash every command (foldKey of
 * undefined); such a line is a `schema` break at its line.
 */
function recordReadable(r: unknown): boolean {
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return false;
  const o = r as Record<string, unknown>;
  return (o.listType === 'red' || o.listType === 'black') && typeof o.subjectName === 'string';
}

/** A line JSON.parse refused: a `linebreak` when it is events joined by CR or U+2028/U+2029 (an editor). */
function notJson(text: string): BreakReason {
  const first = text.split(/\r\n?|\u2028|\u2029/)[0] as string;
  if (first.length === text.length) return 'json';
  try {
    JSON.parse(first);
    return 'linebreak';
  } catch {
    return 'json';
  }
}

/** canonical-scan.ts for a line held as text (verifyLines, tests). */
function isCanonicalText(line: string): boolean {
  const buf = Buffer.from(line, 'utf8');
  return scanCanonical(buf, 0, buf.length) === 'complete';
}

/**
 * Whether an unfinished last line is what a torn append leaves: a beginning of a line our writer
 * writes (canonical-scan.ts), trailing NUL bytes aside (a block extended by a power cut). Anything
 * else — a whole event, events joined, CR or U+2028 line ends — is no torn write, and is not cut.
 */
export function tornPrefix(buf: Buffer, start: number, end: number, foreign = false): boolean {
  let stop = end;
  while (stop > start && buf[stop - 1] === 0) stop--;
  if (stop === start) return true;
  return scanCanonical(buf, start, stop, true, foreign) === 'prefix';
}

/**
 * Checks lines one at a time, in order, and stops at the first bad one: not JSON, not an event, a seq
 * that does not follow, a `prev` that is not the hash before, a `hash` that is not the hash of its
 * bytes. Fed line by line so that a register too large for one string (10⁶ records) can be read.
 * Given a LineSource (the log on disk), records keep only their summary and where their line is.
 */
export class ChainReader {
  readonly events: StoredEvent[] = [];
  head: Head | null = null;
  broken: ChainBreak | null = null;
  private lineNo = 0;
  /** Ids another tool wrote for records, and the id our identity gives them (foreign.ts ownIds). */
  private readonly aliases = new Map<string, string>();
  /** The record each objection read so far names (its objection-add): a foreign resolve line may leave it out. */
  private readonly objectionRecords = new Map<string, string>();
  /** The hash reading that matched another tool's last line (foreign.ts). */
  private readonly hint = { last: 0 };
  /** The revisions another tool's publications imply (foreign.ts ForeignRevisions). */
  private readonly revisions = new ForeignRevisions();
  /**
   * Set at the first line our writer wrote (canonical bytes, our hash reading): from there on every
   * line must be one too (decisions.md "Canonical lines and foreign lines").
   */
  private ours = false;
  /** Whether every line read so far was one our writer wrote (a checkpoint is kept only of such a log). */
  private onlyOurs = true;
  /** Given every event accepted, its records one at a time; the events are then kept without records (EventSink). */
  sink: EventSink | null = null;
  /** Reads a canonical line's records from their bytes for the sink (record-fields.ts); null: every record parsed. */
  fields: RecordFieldReader | null = new RecordFieldReader();

  constructor(private readonly source: LineSource | null = null) {}

  /** Whether every line accepted was written by our writer (canonical bytes, our hash reading). */
  get writtenByUsOnly(): boolean {
    return this.onlyOurs;
  }

  /**
   * Continues after a prefix read from a checkpoint (checkpoint.ts): its events, as the lines they came
   * from would have given them — every one our writer's, so the lines after them must be too.
   */
  resume(events: readonly StoredEvent[], lines: number): void {
    const last = events[events.length - 1];
    if (this.lineNo !== 0 || !last) throw new Error('resume: a reader that has read nothing, and events');
    for (const e of events) this.events.push(e);
    this.head = { seq: last.seq, hash: last.hash };
    this.lineNo = lines;
    this.ours = true;
  }

  /** Whether no line of our writer's has been read yet: an unfinished last line may then be another tool's. */
  get foreign(): boolean {
    return !this.ours;
  }

  /** Feeds the next complete line (without its `\n`); false once the chain is broken. */
  push(text: string): boolean {
    const bom = this.lineNo === 0 && text.charCodeAt(0) === 0xfeff;
    if (bom) text = text.slice(1);
    const cr = text.charCodeAt(text.length - 1) === 0x0d;
    const line = cr ? text.slice(0, -1) : text;
    const canonical = (): boolean => !bom && !cr && isCanonicalText(line);
    return this.accept(
      () => line,
      null,
      () => lineHash(line),
      cr ? () => lineHash(text) : null,
      null,
      canonical,
    );
  }

  /**
   * Feeds the next complete line as bytes: buf[start, end) is the line, `pos` its offset in the log; `checked`: its
   * hash as our writer's reading gives it (undefined: no `hash` member) and whether its bytes are canonical, as a
   * second thread found them in the same bytes (io/register/log-check.ts), not taken again here.
   */
  pushBytes(buf: Buffer, start: number, end: number, pos: number, checked?: LineChecked): boolean {
    // A UTF-8 BOM at the start of the log (another tool's, an editor's) is skipped.
    const bom = this.lineNo === 0 && end - start >= 3 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf;
    if (bom) {
      start += 3;
      pos += 3;
    }
    // A `\r` before the `\n` (a tool on Windows) is not part of the line; hashed with it only as a last try.
    const cr = end > start && buf[end - 1] === 0x0d;
    const stop = cr ? end - 1 : end;
    // A line read from the log is parsed a record at a time when it can be (line-split.ts), else whole.
    const split = this.source ? splitRecords(buf, start, stop, (b) => UTF8.decode(b)) : null;
    const pieces = split ? { buf, spans: split.pieces } : null;
    // What the other thread found holds for the line as read here only without a BOM or `\r` (it gives none then).
    const found = bom || cr ? undefined : checked;
    return this.accept(
      () => UTF8.decode(buf.subarray(start, stop)),
      split ? { header: split.header, pieces } : null,
      found ? () => found.hash : () => lineHashOfBytes(buf, start, stop),
      cr ? () => lineHashOfBytes(buf, start, end) : null,
      { pos, len: end - start },
      found ? () => found.canonical : () => !bom && !cr && scanCanonical(buf, start, stop) === 'complete',
    );
  }

  /**
   * The log's last line, left without its `\n`: kept when it is a whole event that continues the
   * chain (another tool that does not end its last line), else nothing is changed and the caller
   * calls it torn.
   */
  pushLast(text: string): boolean {
    return this.tentatively(() => this.push(text));
  }

  pushLastBytes(buf: Buffer, start: number, end: number, pos: number): boolean {
    return this.tentatively(() => this.pushBytes(buf, start, end, pos));
  }

  private tentatively(push: () => boolean): boolean {
    if (this.broken) return false;
    const lineNo = this.lineNo;
    if (push()) return true;
    this.broken = null;
    this.lineNo = lineNo;
    return false;
  }

  /** `hashWithCr`: our reading of the line's hash with its `\r` kept (null when it has none). */
  private accept(
    text: () => string,
    split: { header: string; pieces: Pieces | null } | null,
    hashOfLine: () => string | undefined,
    hashWithCr: (() => string | undefined) | null,
    at: { pos: number; len: number } | null,
    canonical: () => boolean,
  ): boolean {
    if (this.broken) return false;
    const line = ++this.lineNo;
    const fail = (reason: BreakReason): boolean => {
      this.broken = { line, reason };
      return false;
    };
    let parsed: unknown;
    try {
      parsed = JSON.parse(split ? split.header : text());
    } catch {
      if (!split) return fail(notJson(text()));
      split = null;
      try {
        parsed = JSON.parse(text());
      } catch {
        return fail(notJson(text()));
      }
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fail('schema');
    const head = this.head;
    const obj = parsed as Record<string, unknown>;
    // Our own lines are well formed as they are; another tool's are read under our names first (foreign.ts).
    const asWritten = wellFormed(obj) && !foreignSpelling(obj, head === null);
    const candidate: unknown = asWritten ? obj : normaliseEvent(obj, head === null, (n) => this.objectionRecords.get(n));
    if (!asWritten && !wellFormed(candidate)) return fail('schema');
    let event = candidate as RegisterEvent;
    if (head ? event.seq !== head.seq + 1 : event.seq !== 1 && event.seq !== 0) return fail('seq');
    if (event.prev !== (head ? head.hash : null)) return fail('prev');
    const ours = hashOfLine() === event.hash;
    // Once a line of our writer's has been read, every later line must be exactly one of its lines:
    // whitespace, another key order or escape would otherwise let a forger vary a line freely.
    const writtenByUs = ours && canonical();
    if (this.ours && !writtenByUs) return fail(ours ? 'canonical' : 'hash');
    // Another tool's line: parsed whole (its records too), for the hash readings and the ids of foreign.ts.
    let whole: Record<string, unknown> | null = split ? null : obj;
    const parseWhole = (): Record<string, unknown> => (whole ??= JSON.parse(text()) as Record<string, unknown>);
    if (!ours && !(hashWithCr && hashWithCr() === event.hash)) {
      let full: Record<string, unknown>;
      try {
        full = parseWhole();
      } catch {
        return fail('json');
      }
      if (!foreignHashMatches(text(), full, event.hash, this.hint)) return fail('hash');
    }
    // Ids: a line our writer wrote (its byte hash holds, its keys in canonical order) is trusted as it is; any
    // other line's records are given the ids our identity gives them, theirs kept as aliases (decisions.md).
    if (!(ours && sortedKeys(obj)) && (event.type === 'publish' || event.type === 'import')) {
      let records: unknown;
      try {
        records = parseWhole().records;
      } catch {
        return fail('json');
      }
      if (!Array.isArray(records) || !records.every(recordReadable) || !ownIds(records, this.aliases)) return fail('schema');
      event = canonicalRemovals({ ...event, records }) as unknown as RegisterEvent;
      split = null;
    }
    if (this.aliases.size > 0) event = translateIds(event as unknown as Record<string, unknown>, this.aliases) as unknown as RegisterEvent;
    if (!writtenByUs) event = this.revisions.follow(event as unknown as Record<string, unknown>) as unknown as RegisterEvent;
    if (event.type === 'objection-add') this.objectionRecords.set(event.objection, event.id);
    const origin: RecordOrigin | null =
      at && this.source ? { kind: 'line', source: this.source, pos: at.pos, len: at.len, line, hash: event.hash } : null;
    let stored: StoredEvent;
    if (this.sink) {
      try {
        stored = sunkEvent(event, origin, split?.pieces ?? null, text, this.sink, writtenByUs ? this.fields : null);
      } catch (err) {
        if (err instanceof RecordUnreadable) return fail('schema');
        throw err;
      }
    } else
      try {
        stored = storedEvent(event, origin, split?.pieces ?? null);
      } catch (err) {
        if (err instanceof RecordUnreadable) return fail('schema');
        // The split did not fit this line after all: parse it whole.
        try {
          stored = storedEvent({ ...event, records: (JSON.parse(text()) as { records: unknown }).records } as RegisterEvent, origin);
        } catch (again) {
          if (again instanceof RecordUnreadable || again instanceof SyntaxError) return fail('schema');
          throw again;
        }
      }
    if (writtenByUs) this.ours = true;
    else this.onlyOurs = false;
    this.events.push(stored);
    this.head = { seq: event.seq, hash: event.hash };
    return true;
  }

  /** The end of the log; `torn` when its last line was left unfinished. */
  end(torn: SplitLog['torn'] = null, reason: 'torn' | 'blank' = 'torn'): ChainResult {
    if (!this.broken && torn) this.broken = { line: torn.line, reason };
    return this.broken
      ? { ok: false, events: this.events, head: this.head, broken: this.broken }
      : { ok: true, events: this.events, head: this.head };
  }
}

/**
 * A line read back for its records (stored.ts fullRecords): it must still hash to what it did when
 * the log was verified, else it throws (the log changed under the reader).
 */
export function parseLineAgain(
  bytes: Buffer,
  origin: Extract<RecordOrigin, { kind: 'line' }>,
): (index: number, id: string) => CreditRecord | undefined {
  const cr = bytes[bytes.length - 1] === 0x0d ? 1 : 0;
  const stop = bytes.length - cr;
  let foreign: Record<string, unknown> | undefined;
  if (lineHashOfBytes(bytes, 0, stop) !== origin.hash) {
    // A line another tool wrote (foreign.ts): checked again the way the reader accepted it.
    const text = UTF8.decode(bytes.subarray(0, stop));
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new LineChangedError(origin.line);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new LineChangedError(origin.line);
    const claimed = (parsed as { hash?: unknown }).hash;
    if (typeof claimed !== 'string' || claimed.toLowerCase() !== origin.hash) throw new LineChangedError(origin.line);
    if (
      !(cr && lineHashOfBytes(bytes, 0, bytes.length) === origin.hash) &&
      !foreignHashMatches(text, parsed as Record<string, unknown>, origin.hash)
    )
      throw new LineChangedError(origin.line);
    foreign = parsed as Record<string, unknown>;
  }
  // Only the records asked for are parsed (a province's line holds 25,000 of them).
  const split = foreign ? null : splitRecords(bytes, 0, stop, (b) => UTF8.decode(b));
  let whole: unknown[] | undefined;
  const all = (): unknown[] => {
    if (!whole) {
      const records = (foreign ?? (JSON.parse(UTF8.decode(bytes.subarray(0, stop))) as Record<string, unknown>)).records;
      whole = Array.isArray(records) ? records : [];
    }
    return whole;
  };
  // The record read with this id: its own (or, without one, its identity's); another tool's line was read with our identity's.
  const record = (v: unknown, id: string): CreditRecord | undefined => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    // Another tool's record, as the reader took it (foreign.ts canonicalRecord).
    if (foreign) canonicalRecord(v as Record<string, unknown>);
    const r = withId(v as CreditRecord);
    if (r.id === id) return r;
    return recordIdentity(r).id === id ? { ...r, id } : undefined;
  };
  return (index, id) => {
    if (split && !whole) {
      const start = split.pieces[2 * index];
      const end = split.pieces[2 * index + 1];
      if (start !== undefined && end !== undefined) {
        try {
          const r = record(JSON.parse(UTF8.decode(bytes.subarray(start, end))), id);
          if (r) return r;
        } catch {
          // The split did not fit this line: parse it whole.
        }
      }
    }
    return record(all()[index], id);
  };
}

export function verifyLines(lines: readonly string[], torn: SplitLog['torn'] = null, last?: string): ChainResult {
  const reader = new ChainReader();
  for (const line of lines) if (!reader.push(line)) break;
  // A last line without its `\n` that is a whole event continuing the chain is kept (another tool's log).
  if (torn && last !== undefined && reader.pushLast(last)) return reader.end();
  // One that is no beginning of a line of ours is not torn: it breaks the chain for what it is.
  if (torn && last !== undefined && !reader.broken && !tornPrefix(Buffer.from(last, 'utf8'), 0, Buffer.byteLength(last), reader.foreign)) {
    reader.push(last);
    return reader.end();
  }
  return reader.end(torn);
}

/** Parses and verifies a whole log text. */
export function verifyLog(text: string): ChainResult {
  // A log of only a UTF-8 BOM holds no line (decisions.md "A UTF-8 BOM at the start of the log").
  if (text === '\uFEFF') return verifyLog('');
  // Blank lines after the last event (an editor's): the events before them as read, then a `blank` break.
  const blank = blankTail(text);
  if (blank) {
    const before = verifyLog(text.slice(0, blank.at));
    return before.ok ? { ok: false, events: before.events, head: before.head, broken: { line: blank.line, reason: 'blank' } } : before;
  }
  const split = splitLog(text);
  return verifyLines(split.lines, split.torn, unterminatedLast(text, split));
}

/**
 * Where the blank lines that end a log begin (lines of nothing but spaces, tabs and CR, the last perhaps
 * without its `\n`; decisions.md "A blank last line"), and its 1-based line number; null when it ends
 * otherwise, or when they follow a line of NULs (a torn append's, read as before).
 */
export function blankTail(text: string): { offset: number; at: number; line: number } | null {
  const pieces = text.split('\n');
  if (pieces[pieces.length - 1] === '') pieces.pop();
  let i = pieces.length;
  // Line 1's BOM is no part of it: a BOM before blank bytes is a blank line.
  while (i > 0 && /^[ \t\r]*$/.test((pieces[i - 1] as string).replace(i === 1 ? /^\uFEFF/ : /(?!)/, ''))) i--;
  if (i === pieces.length || (i > 0 && /^\0+$/.test(pieces[i - 1] as string))) return null;
  // `offset` in bytes (where repair cuts), `at` in the text's UTF-16 units.
  let offset = 0;
  let at = 0;
  for (let k = 0; k < i; k++) {
    offset += Buffer.byteLength(pieces[k] as string) + 1;
    at += (pieces[k] as string).length + 1;
  }
  return { offset, at, line: i + 1 };
}

/** The last line when the log ends without `\n` and nothing else is torn (no NUL lines before it). */
function unterminatedLast(text: string, split: SplitLog): string | undefined {
  if (!split.torn || text.endsWith('\n')) return undefined;
  const last = text.slice(text.lastIndexOf('\n') + 1);
  let newlines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) newlines++;
  return split.lines.length === newlines && !/^\0+$/.test(last) ? last : undefined;
}

/** Whether the events still reach a head the clerk noted (`register verify --head`). */
export function reachesHead(events: readonly { seq: number; hash: string }[], head: { seq: number; hash: string }): boolean {
  const e = eventBySeq(events, head.seq);
  return e !== undefined && e.seq === head.seq && head.hash.length >= HEAD_MIN_DIGITS && e.hash.startsWith(head.hash);
}

/** The event of a seq (a log another tool wrote may count from 0: register.md's seq is read as written). */
export function eventBySeq<E extends { seq: number }>(events: readonly E[], seq: number): E | undefined {
  return events[seq - (events[0]?.seq ?? 1)];
}
