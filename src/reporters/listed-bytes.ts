/**
 * A listed record (register list: schemas/documents/commands-register.ts ListedRecord) written as json-bytes.ts
 * writes any object, without asking it its keys: its members are the schema's, in its order, as listedRecord
 * (api/register/register.ts) makes every one. A province's list writes 600,000 of them; the generic writer asked
 * each for its keys, each value for a toJSON, each key's bytes of a map. The bytes are the generic writer's: each
 * string still goes through JsonBytes.string (the sink's rule, json-bytes.ts), a text of few spellings (a list
 * type, a 领域, a 科室, a batch, a day, a status) once and its bytes kept; the removal, when there is one, through
 * JsonBytes.value itself (test/json-bytes.test.ts holds the two writers against each other).
 */
import type { ListedRecordDoc } from '../schemas/documents/commands-register.js';
import { JsonBytes } from './json-bytes.js';

/** The members in the order listedRecord makes them (the schema's). */
const KEYS = [
  'id',
  'listType',
  'domain',
  'department',
  'subjectName',
  'subjectKey',
  'batch',
  'publishedOn',
  'publishUntil',
  'status',
  'removal',
  'objection',
] as const satisfies readonly (keyof ListedRecordDoc)[];

/** Members whose values have few spellings: each member's bytes with its value, kept by value. */
const FEW = new Set<string>(['listType', 'domain', 'department', 'batch', 'publishedOn', 'publishUntil', 'status']);

/** How many spellings of a member are kept (a 领域 typed a thousand ways is written as any text). */
const KEPT = 4096;

/** Writes listed records `depth` levels down; one writer a document (its bytes kept by depth). */
export class ListedBytes {
  private readonly scratch = new JsonBytes();
  /** By member (KEYS' index): its opening, `{` or `,`, a line feed, the indent and the key (`depth` fixed). */
  private readonly open: Buffer[];
  private readonly close: Buffer;
  /** By member: its opening and value, by value (FEW only). */
  private readonly kept: (Map<string, Buffer> | undefined)[];

  constructor(private readonly depth: number) {
    this.open = KEYS.map((k, i) => {
      this.scratch.member(i === 0, k, depth);
      return this.scratch.take();
    });
    this.scratch.text(`\n${this.scratch.indent(depth)}}`);
    this.close = this.scratch.take();
    this.kept = KEYS.map((k) => (FEW.has(k) ? new Map() : undefined));
  }

  /** The bytes JsonBytes.value(r, depth) writes of a record listedRecord made. */
  write(out: JsonBytes, r: ListedRecordDoc): void {
    this.text(out, 0, r.id);
    this.text(out, 1, r.listType);
    this.text(out, 2, r.domain);
    this.text(out, 3, r.department);
    this.text(out, 4, r.subjectName);
    this.text(out, 5, r.subjectKey);
    this.text(out, 6, r.batch);
    this.text(out, 7, r.publishedOn);
    this.text(out, 8, r.publishUntil);
    this.text(out, 9, r.status);
    out.raw(this.open[10] as Buffer);
    if (r.removal === null) out.text('null');
    else out.value(r.removal, this.depth + 1);
    out.raw(this.open[11] as Buffer);
    out.text(r.objection ? 'true' : 'false');
    out.raw(this.close);
  }

  /** Member `i` with the string `s`: its bytes kept when the member has few spellings. */
  private text(out: JsonBytes, i: number, s: string): void {
    const kept = this.kept[i];
    if (kept === undefined) {
      out.raw(this.open[i] as Buffer);
      out.string(s);
      return;
    }
    let b = kept.get(s);
    if (b === undefined) {
      this.scratch.raw(this.open[i] as Buffer);
      this.scratch.string(s);
      b = this.scratch.take();
      if (kept.size < KEPT) kept.set(s, b);
    }
    out.raw(b);
  }
}
