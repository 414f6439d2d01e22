/**
 * Record identity across rows, files and departments (checks.md "Across records", lifecycle.md):
 * (listType, domain, subject key, decisionNo — else decisionDate); the subject key is the
 * 统一社会信用代码, else the ID number, else the folded name. Kept compact so that memory stays
 * small at a million rows: one Map entry per subject plus a few typed-array slots per record.
 */
import { foldKey } from '../domain/text.js';
import type { ListType } from '../schemas/enums.js';

export interface Place {
  department?: string;
  departmentRank: number;
  file: string;
  sheet?: string;
  sheetIndex: number;
  row: number;
}

export interface IndexedRecord {
  listType: ListType;
  domain: string;
  subjectKey: string;
  subjectLabel: string;
  decision: string;
  place: Place;
}

export type Finding =
  | { kind: 'duplicate'; places: Place[]; subject: string }
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

export function subjectKeyOf(r: { creditCode: string; idNumber: string; subjectName: string }): string {
  if (r.creditCode) return `C${r.creditCode}`;
  if (r.idNumber) return `I${r.idNumber}`;
  return `N${foldKey(r.subjectName)}`;
}

export class RecordIndex {
  private readonly first = new Map<string, number>();
  private next = new Int32Array(1024);
  private meta = new Int32Array(1024 * 2); // [decision hash, domain id << 1 | black]
  private placeOf: number[] = [];
  private readonly places: Place[] = [];
  private readonly placeIds = new Map<string, number>();
  private readonly domains = new Map<string, number>();
  private readonly labels = new Map<number, string>();
  private count = 0;
  private readonly duplicates = new Map<number, number[]>();
  private readonly others: Finding[] = [];

  private placeId(p: Omit<Place, 'row'>): number {
    const key = `${p.department ?? ''}\u0000${p.file}\u0000${p.sheet ?? ''}`;
    let id = this.placeIds.get(key);
    if (id === undefined) {
      id = this.places.length;
      this.places.push({ ...p, row: 0 });
      this.placeIds.set(key, id);
    }
    return id;
  }

  private rowPlace(i: number): Place {
    const packed = this.placeOf[i] as number;
    const base = this.places[Math.floor(packed / 2 ** 24)] as Place;
    return { ...base, row: packed % 2 ** 24 };
  }

  private grow(): void {
    const n = new Int32Array(this.next.length * 2);
    n.set(this.next);
    this.next = n;
    const m = new Int32Array(this.meta.length * 2);
    m.set(this.meta);
    this.meta = m;
  }

  add(r: IndexedRecord): void {
    if (this.count === this.next.length) this.grow();
    const i = this.count++;
    let domainId = this.domains.get(r.domain);
    if (domainId === undefined) {
      domainId = this.domains.size;
      this.domains.set(r.domain, domainId);
    }
    const black = r.listType === 'black' ? 1 : 0;
    const dHash = hash32(r.decision);
    this.meta[i * 2] = dHash;
    this.meta[i * 2 + 1] = (domainId << 1) | black;
    this.placeOf[i] = this.placeId(r.place) * 2 ** 24 + r.place.row;
    this.next[i] = -1;
    const head = this.first.get(r.subjectKey);
    if (head === undefined) {
      this.first.set(r.subjectKey, i);
      return;
    }
    let conflictWith = -1;
    let sameWith = -1;
    let j = head;
    let last = head;
    while (j >= 0) {
      const mj = this.meta[j * 2 + 1] as number;
      if ((mj & 1) !== black) {
        if (conflictWith < 0) conflictWith = j;
      } else if (mj >> 1 === domainId) {
        if (this.meta[j * 2] === dHash) {
          let list = this.duplicates.get(j);
          if (!list) {
            list = [j];
            this.labels.set(j, r.subjectLabel);
          }
          list.push(i);
          this.duplicates.set(j, list);
          this.next[last] = i;
          return;
        }
        if (sameWith < 0) sameWith = j;
      }
      last = j;
      j = this.next[j] as number;
    }
    this.next[last] = i;
    if (conflictWith >= 0) this.others.push({ kind: 'conflict', place: this.rowPlace(i), other: this.rowPlace(conflictWith), subject: r.subjectLabel });
    else if (sameWith >= 0) this.others.push({ kind: 'sameSubject', place: this.rowPlace(i), other: this.rowPlace(sameWith), subject: r.subjectLabel });
  }

  /** Everything found, once all records have been added. */
  findings(): Finding[] {
    const out: Finding[] = [...this.others];
    for (const [, list] of this.duplicates) {
      const places = list.map((k) => this.rowPlace(k));
      out.push({ kind: 'duplicate', places, subject: this.labels.get(list[0] as number) ?? '' });
    }
    return out;
  }

  get size(): number {
    return this.count;
  }
}
