/**
 * A record of a line our writer wrote, read from its bytes for what a reader keeps of it (stored.ts SUMMARY_FIELDS),
 * without JSON.parse and without decoding the rest: a province's verify parsed 10⁶ records of ~30 members each and
 * decoded their ~670 bytes, for 13 short texts (decisions.md "verify's read: a record read from its bytes").
 *
 * Only for bytes the canonical scan passed (canonical-scan.ts: one well-formed JSON object, valid UTF-8, no
 * whitespace, keys strictly increasing): the walk below trusts that syntax and checks only what a piece of a split
 * line may still get wrong (line-split.ts: a piece that is not one whole object). Whatever it does not read the way
 * JSON.parse and stored.ts textOf would — a summary member that is not a string, a string with an escape, a key with
 * one or a non-ASCII byte, a record the reader would refuse or give an id — it leaves to the present path (false).
 */
import type { RecordSummary } from './stored.js';

const QUOTE = 0x22;
const EMPTY = Buffer.alloc(0);
const BACKSLASH = 0x5c;

/** The members read, in code-unit order (as a canonical record's keys come). */
const FIELDS = [
  'creditCode',
  'decisionDate',
  'decisionNo',
  'department',
  'domain',
  'id',
  'idNumber',
  'idType',
  'listType',
  'publishUntil',
  'severity',
  'subjectName',
  'subjectType',
] as const satisfies readonly (keyof RecordSummary)[];

type Field = (typeof FIELDS)[number];

const NAMES = FIELDS.map((f) => Buffer.from(f, 'latin1'));
const F = Object.fromEntries(FIELDS.map((f, k) => [f, k])) as Record<Field, number>;

/** Members with few values (a department, a date): their texts kept by their bytes, not decoded each time. */
const REPEATED: readonly Field[] = [
  'decisionDate',
  'department',
  'domain',
  'idType',
  'listType',
  'publishUntil',
  'severity',
  'subjectType',
];

/** How many texts a cache keeps (a province's shared columns hold a few thousand values). */
const CACHE_MAX = 1 << 14;

/**
 * Texts by their UTF-8 bytes: FNV-1a of the bytes, then the bytes compared. A value read again is the same string,
 * not a new one decoded.
 */
class TextCache {
  private readonly byHash = new Map<number, { bytes: Buffer; text: string }[]>();
  private size = 0;

  text(buf: Buffer, from: number, to: number, ascii: boolean): string {
    if (from === to) return '';
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
    h = (h ^ (to - from)) >>> 0;
    const list = this.byHash.get(h);
    if (list)
      for (const e of list) {
        const b = e.bytes;
        if (b.length !== to - from) continue;
        let k = 0;
        while (k < b.length && b[k] === buf[from + k]) k++;
        if (k === b.length) return e.text;
      }
    const text = decode(buf, from, to, ascii);
    if (this.size < CACHE_MAX) {
      this.size++;
      const e = { bytes: Buffer.from(buf.subarray(from, to)), text };
      if (list) list.push(e);
      else this.byHash.set(h, [e]);
    }
    return text;
  }
}

/** Valid UTF-8 (the scan saw to it) as text; ASCII as Latin-1, the same string for less. */
function decode(buf: Buffer, from: number, to: number, ascii: boolean): string {
  if (from === to) return '';
  return buf.toString(ascii ? 'latin1' : 'utf8', from, to);
}

/** The members a checkpoint keeps as text (checkpoint.ts OWN) that a read record's bytes give, as written. */
export type TextMember = 'id' | 'subjectName' | 'creditCode' | 'idNumber' | 'decisionNo';

/** Where member `field`'s UTF-8 bytes are in the buffer of the record last read ([-1, -1]: absent, empty). */
export interface RecordBytes {
  readonly buf: Buffer;
  from(field: TextMember): number;
  to(field: TextMember): number;
}

/**
 * Reads records' summaries from their bytes: `read` gives the summary of the record buf[start, end), or null when it
 * must be read as before (JSON.parse). One reader for a log's read: its caches are the shared members' texts.
 */
export class RecordFieldReader implements RecordBytes {
  /** Where each member's text is, [from, to) between its quotes (-1: absent), and whether its bytes are ASCII. */
  private readonly starts = new Int32Array(FIELDS.length);
  private readonly ends = new Int32Array(FIELDS.length);
  /** The buffer of the record last read: its members' bytes are copied as they are (a canonical string unescaped). */
  buf: Buffer = EMPTY;

  /** Lets go of the buffer last read (a log's read buffer is large): nothing of it is given after. */
  release(): void {
    this.buf = EMPTY;
  }

  from(field: TextMember): number {
    return this.starts[F[field]] as number;
  }

  to(field: TextMember): number {
    return this.ends[F[field]] as number;
  }

  private readonly ascii = new Uint8Array(FIELDS.length);
  private readonly caches = FIELDS.map((f) => (REPEATED.includes(f) ? new TextCache() : null));

  read(buf: Buffer, start: number, end: number): RecordSummary | null {
    this.buf = buf;
    if (!this.walk(buf, start, end)) return null;
    const listType = this.text(buf, F.listType);
    const id = this.text(buf, F.id);
    // What stored.ts withId and recordReadable ask: a list type, a subject name, an id of its own (else as before).
    if ((listType !== 'red' && listType !== 'black') || (this.starts[F.subjectName] as number) < 0 || id === '') return null;
    return {
      id,
      listType,
      domain: this.text(buf, F.domain),
      department: this.text(buf, F.department),
      subjectName: this.text(buf, F.subjectName),
      subjectType: this.text(buf, F.subjectType),
      creditCode: this.text(buf, F.creditCode),
      idType: this.text(buf, F.idType) as RecordSummary['idType'],
      idNumber: this.text(buf, F.idNumber),
      decisionNo: this.text(buf, F.decisionNo),
      decisionDate: this.text(buf, F.decisionDate),
      publishUntil: this.text(buf, F.publishUntil),
      severity: this.text(buf, F.severity) as RecordSummary['severity'],
    };
  }

  /** Member k's text ('' when absent, as textOf of undefined). */
  private text(buf: Buffer, k: number): string {
    const from = this.starts[k] as number;
    if (from < 0) return '';
    const to = this.ends[k] as number;
    const ascii = this.ascii[k] === 1;
    const cache = this.caches[k];
    return cache ? cache.text(buf, from, to, ascii) : decode(buf, from, to, ascii);
  }

  /**
   * Walks the object at buf[start, end) member by member, noting where the members read are; false when the bytes
   * are not exactly one object (a piece a split cut inside a record) or a member read is not a plain string.
   */
  private walk(buf: Buffer, start: number, end: number): boolean {
    this.starts.fill(-1);
    this.ends.fill(-1);
    if (buf[start] !== 0x7b || buf[end - 1] !== 0x7d) return false;
    let i = start + 1;
    if (buf[i] === 0x7d) return i + 1 === end;
    // The next of FIELDS a key may be: keys come in increasing order, FIELDS too.
    let next = 0;
    for (;;) {
      if (buf[i] !== QUOTE) return false;
      const k0 = i + 1;
      let k1 = k0;
      for (; k1 < end; k1++) {
        const c = buf[k1] as number;
        if (c === QUOTE) break;
        if (c === BACKSLASH || c >= 0x80) return false;
      }
      if (k1 >= end || buf[k1 + 1] !== 0x3a) return false;
      // Which member this is: the FIELDS before it (in byte order, which is code-unit order for ASCII) are absent.
      let field = -1;
      while (next < NAMES.length) {
        const order = compare(NAMES[next] as Buffer, buf, k0, k1);
        if (order > 0) break;
        next++;
        if (order === 0) {
          field = next - 1;
          break;
        }
      }
      i = k1 + 2;
      const c = buf[i];
      if (c === QUOTE) {
        const v0 = i + 1;
        let ascii = 1;
        let j = v0;
        for (; j < end; j++) {
          const b = buf[j] as number;
          if (b === QUOTE) break;
          if (b === BACKSLASH) {
            if (field >= 0) return false;
            j++;
          } else if (b >= 0x80) ascii = 0;
        }
        if (j >= end) return false;
        if (field >= 0) {
          this.starts[field] = v0;
          this.ends[field] = j;
          this.ascii[field] = ascii;
        }
        i = j + 1;
      } else {
        // Not a string: a member read must be one (textOf of anything else is left to the present path).
        if (field >= 0) return false;
        i = skipValue(buf, i, end);
        if (i < 0) return false;
      }
      const sep = buf[i];
      if (sep === 0x2c) {
        i++;
        continue;
      }
      return sep === 0x7d && i + 1 === end;
    }
  }
}

/** Compares name (ASCII) with the key buf[k0, k1): <0 before it, 0 the same, >0 after it. */
function compare(name: Buffer, buf: Buffer, k0: number, k1: number): number {
  const n = Math.min(name.length, k1 - k0);
  for (let i = 0; i < n; i++) {
    const d = (name[i] as number) - (buf[k0 + i] as number);
    if (d !== 0) return d;
  }
  return name.length - (k1 - k0);
}

/** The index after the value (not a string) at buf[i]: a number, a literal, an object or an array; -1 past `end`. */
function skipValue(buf: Buffer, i: number, end: number): number {
  const c = buf[i];
  if (c !== 0x7b && c !== 0x5b) {
    let j = i;
    while (j < end && buf[j] !== 0x2c && buf[j] !== 0x7d) j++;
    return j < end && j > i ? j : -1;
  }
  let depth = 0;
  for (let j = i; j < end; j++) {
    const b = buf[j];
    if (b === QUOTE) {
      for (j++; j < end; j++) {
        const d = buf[j];
        if (d === BACKSLASH) j++;
        else if (d === QUOTE) break;
      }
    } else if (b === 0x7b || b === 0x5b) depth++;
    else if (b === 0x7d || b === 0x5d) {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return -1;
}
