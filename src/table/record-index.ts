/**
 * Record identity across rows, files and departments (checks.md "Across records"): the keys come
 * from src/domain/identity.ts (the one place identity is defined), and the index keeps them as
 * hashes. Kept compact so that memory stays small at a million rows: a 64-bit hash per subject plus
 * a few typed-array slots per record.
 */
import { idOfIdentity, identityString } from '../domain/identity.js';
import type { ListType } from '../schemas/enums.js';

export interface Place {
  department?: string;
  departmentRank: number;
  file: string;
  sheet?: string;
  sheetIndex: number;
  row: number;
}

/** Says how a subject is shown in a finding; asked only when a subject comes back. */
export interface SubjectLabeler {
  subjectLabel(): string;
}

export interface IndexMark {
  count: number;
  domains: number;
  others: number;
}

export type Finding =
  | { kind: 'duplicate'; places: Place[]; subject: string; id: string }
  | { kind: 'sameSubject'; place: Place; other: Place; subject: string }
  | { kind: 'conflict'; place: Place; other: Place; subject: string };

/** 32-bit FNV-1a: decisions are compared by hash only among records of one subject. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** A second, independent 32-bit hash (murmur3-style mixing) so that a subject is known by 64 bits. */
function hash32b(s: string): number {
  let h = 0x9747b28c ^ s.length;
  for (let i = 0; i < s.length; i++) {
    let k = Math.imul(s.charCodeAt(i), 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/**
 * Subject key → first record, as an open-addressing table of 64-bit hashes in typed arrays: about
 * 24 bytes a subject instead of a Map entry and a string (~100 bytes). Two different subjects
 * share both hashes with a probability of about n²/2⁶⁵ (3·10⁻⁸ at a million rows).
 */
class SubjectTable {
  private hi = new Int32Array(1 << 12);
  private lo = new Int32Array(1 << 12);
  private val = new Int32Array(1 << 12).fill(-1);
  private used = 0;

  /** The record stored for the key, or -1 after storing `record` for it. */
  getOrSet(key: string, record: number): number {
    if ((this.used + 1) * 2 > this.val.length) this.resize();
    const a = hash32(key);
    const b = hash32b(key);
    const mask = this.val.length - 1;
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    for (;;) {
      const v = this.val[i] as number;
      if (v < 0) {
        this.hi[i] = a;
        this.lo[i] = b;
        this.val[i] = record;
        this.used++;
        return -1;
      }
      if (this.hi[i] === a && this.lo[i] === b) return v;
      i = (i + 1) & mask;
    }
  }

  /** Drops every subject whose first record is `count` or later (RecordIndex.rollback). */
  keepBelow(count: number): void {
    this.rehash(this.val.length, count);
  }

  private resize(): void {
    this.rehash(this.val.length * 2, Number.POSITIVE_INFINITY);
  }

  /** The table made again with `size` slots, keeping the subjects whose first record is below `below`. */
  private rehash(size: number, below: number): void {
    const { hi, lo, val } = this;
    this.hi = new Int32Array(size);
    this.lo = new Int32Array(size);
    this.val = new Int32Array(size).fill(-1);
    this.used = 0;
    const mask = size - 1;
    for (let j = 0; j < val.length; j++) {
      const v = val[j] as number;
      if (v < 0 || v >= below) continue;
      const a = hi[j] as number;
      const b = lo[j] as number;
      let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
      while ((this.val[i] as number) >= 0) i = (i + 1) & mask;
      this.hi[i] = a;
      this.lo[i] = b;
      this.val[i] = v;
      this.used++;
    }
  }
}

export class RecordIndex {
  private readonly first = new SubjectTable();
  // Per record: the next record of the same subject, the decision's hash, domain id << 1 | black,
  // and where it stands (sheet id, row): 14 bytes.
  private next = new Int32Array(1024);
  private decisionHash = new Int32Array(1024);
  private kind = new Uint16Array(1024);
  private rowOf = new Int32Array(1024);
  private sheetOf = new Uint16Array(1024);
  private readonly places: Place[] = [];
  private readonly placeIds = new Map<string, number>();
  private readonly domains = new Map<string, number>();
  private readonly labels = new Map<number, string>();
  private readonly ids = new Map<number, string>();
  private count = 0;
  private readonly duplicates = new Map<number, number[]>();
  private readonly others: Finding[] = [];

  /** Registers a sheet (department, file, sheet) once; rows then refer to it by number. */
  placeId(p: Omit<Place, 'row'>): number {
    const key = `${p.department ?? ''}\u0000${p.file}\u0000${p.sheet ?? ''}`;
    let id = this.placeIds.get(key);
    if (id === undefined) {
      id = this.places.length;
      // Sheet ids are kept in 16 bits: a quarter of more than 65,535 list sheets is not a bureau's.
      if (id > 0xffff) throw new Error('more than 65,535 list sheets in one check');
      this.places.push({ ...p, row: 0 });
      this.placeIds.set(key, id);
    }
    return id;
  }

  private rowPlace(i: number): Place {
    const base = this.places[this.sheetOf[i] as number] as Place;
    return { ...base, row: this.rowOf[i] as number };
  }

  private grow(): void {
    const size = this.next.length * 2;
    const g = <T extends Int32Array | Uint16Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.next = g(this.next, (n) => new Int32Array(n));
    this.decisionHash = g(this.decisionHash, (n) => new Int32Array(n));
    this.kind = g(this.kind, (n) => new Uint16Array(n));
    this.rowOf = g(this.rowOf, (n) => new Int32Array(n));
    this.sheetOf = g(this.sheetOf, (n) => new Uint16Array(n));
  }

  /** `subjectKey` and `decisionKey` as src/domain/identity.ts makes them. */
  add(
    listType: ListType,
    domain: string,
    subjectKey: string,
    decisionKey: string,
    placeId: number,
    row: number,
    labeler: SubjectLabeler,
  ): void {
    if (this.count === this.next.length) this.grow();
    const i = this.count++;
    let domainId = this.domains.get(domain);
    if (domainId === undefined) {
      domainId = this.domains.size;
      this.domains.set(domain, domainId);
    }
    const black = listType === 'black' ? 1 : 0;
    const dHash = hash32(decisionKey);
    this.decisionHash[i] = dHash;
    this.kind[i] = (domainId << 1) | black;
    this.rowOf[i] = row;
    this.sheetOf[i] = placeId;
    this.next[i] = -1;
    const head = this.first.getOrSet(subjectKey, i);
    if (head < 0) return;
    let conflictWith = -1;
    let sameWith = -1;
    let j = head;
    let last = head;
    while (j >= 0) {
      const mj = this.kind[j] as number;
      if ((mj & 1) !== black) {
        if (conflictWith < 0) conflictWith = j;
      } else if (mj >> 1 === domainId) {
        if (this.decisionHash[j] === dHash) {
          let list = this.duplicates.get(j);
          if (!list) {
            list = [j];
            this.labels.set(j, labeler.subjectLabel());
            this.ids.set(j, idOfIdentity(identityString(listType, domain, subjectKey, decisionKey)));
          }
          list.push(i);
          this.duplicates.set(j, list);
          // Not linked: j stands for it in the chain. Linking it after `last` cut j and every later record
          // of the subject out of the chain (a red list's conflict with a black one then went unreported,
          // and a third copy made a second duplicate finding).
          return;
        }
        if (sameWith < 0) sameWith = j;
      }
      last = j;
      j = this.next[j] as number;
    }
    this.link(last, i);
    if (conflictWith >= 0)
      this.others.push({ kind: 'conflict', place: this.rowPlace(i), other: this.rowPlace(conflictWith), subject: labeler.subjectLabel() });
    else if (sameWith >= 0)
      this.others.push({ kind: 'sameSubject', place: this.rowPlace(i), other: this.rowPlace(sameWith), subject: labeler.subjectLabel() });
  }

  /** Since mark(): each link set (record, its former next), so that rollback() can put them back. */
  private undo: number[] | undefined;

  private link(from: number, to: number): void {
    this.undo?.push(from, this.next[from] as number);
    this.next[from] = to;
  }

  /** Where the index stands: rollback() returns it there (a sheet read on a guess, list-once.ts). */
  mark(): IndexMark {
    this.undo = [];
    return { count: this.count, domains: this.domains.size, others: this.others.length };
  }

  /** The guess held: the links need not be remembered any more. */
  release(): void {
    this.undo = undefined;
  }

  /**
   * Forgets every record added since `m`, as if they had never been added: the next adds find what they
   * would have found then (subjects, chains, duplicates and their order, conflicts, domain numbers).
   */
  rollback(m: IndexMark): void {
    const count = m.count;
    if (this.count > count) {
      const undo = this.undo ?? [];
      for (let u = undo.length - 2; u >= 0; u -= 2) this.next[undo[u] as number] = undo[u + 1] as number;
      this.first.keepBelow(count);
      for (const [j, list] of this.duplicates) {
        let n = list.length;
        while (n > 0 && (list[n - 1] as number) >= count) n--;
        if (j >= count || n < 2) {
          this.duplicates.delete(j);
          this.labels.delete(j);
          this.ids.delete(j);
        } else list.length = n;
      }
      this.count = count;
    }
    for (const [d, id] of this.domains) if (id >= m.domains) this.domains.delete(d);
    this.others.length = m.others;
    this.undo = undefined;
  }

  /** Everything found, once all records have been added. */
  findings(): Finding[] {
    const out: Finding[] = [...this.others];
    for (const [, list] of this.duplicates) {
      const places = list.map((k) => this.rowPlace(k));
      out.push({ kind: 'duplicate', places, subject: this.labels.get(list[0] as number) ?? '', id: this.ids.get(list[0] as number) ?? '' });
    }
    return out;
  }

  get size(): number {
    return this.count;
  }
}
