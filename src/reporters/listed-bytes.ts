/**
 * A listed record (register list: schemas/documents/commands-register.ts ListedRecord) written as json-bytes.ts
 * writes any object, without asking it its keys: its members are the schema's, in its order, as listedRecord
 * (api/register/register.ts) makes every one. A province's list writes 600,000 of them; the generic writer asked
 * each for its keys, each value for a toJSON, each key's bytes of a map. The bytes are the generic writer's: each
 * string still goes through JsonBytes.string (the sink's rule, json-bytes.ts), a text of few spellings (a list
 * type, a 领域, a 科室, a batch, a day, a status) once and its bytes kept; the removal, when there is one, through
 * JsonBytes.value itself (test/json-bytes.test.ts holds the two writers against each other).
 */
import { mayHoldNumberUtf8, mayStartNumberAscii } from '../domain/mask.js';
import { type Reader, showText } from '../domain/privacy.js';
import type { RecordStatus } from '../register/state.js';
import { ColumnRecord } from '../register/stored-columns.js';
import type { StoredRecord } from '../register/stored.js';
import type { ListedRecordDoc } from '../schemas/documents/commands-register.js';
import { JsonBytes } from './json-bytes.js';

/**
 * What writeStatus asks of the API for a status (api/register/register.ts listerOf): the gate's reader, the record
 * as listedRecord makes it (the rule of what is listed), and its 统一社会信用代码/证件号码 as listedRecord shows it.
 */
export interface StatusLister {
  reader: Reader;
  listed(s: RecordStatus): ListedRecordDoc;
  subjectKey(r: StoredRecord): string;
}

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

/** The bytes of the GB 32100 set (统一社会信用代码: digits and capitals but I, O, S, V, Z), by byte. */
const CODE_BYTE = new Uint8Array(256);
for (const c of '0123456789ABCDEFGHJKLMNPQRTUWXY') CODE_BYTE[c.charCodeAt(0)] = 1;

/**
 * The subject key as listedRecord shows it (api/register/register.ts shownSubjectKey), when it is the credit code as it
 * lies in its column: a subject that is no natural person nor of no type (whose key is first their 证件号码), its code
 * 18 characters of the GB 32100 set (subjectKeyOf's key as it is, normalised already). Shown as shownSubjectKey shows
 * it — through the gate (the key's reader is the public one, as `reader` is without --full; with --full both leave it)
 * — without asking subjectKeyOf, its expressions and the normalising again: with no run of 11 digits (the gate leaves
 * it: gatePasses) its bytes as they lie, else decoded and through the gate. False, nothing
 * written, for any other key: the caller writes lister.subjectKey's (test/register/list-columns.test.ts holds the
 * two ways equal).
 */
function codeAsItLies(out: JsonBytes, r: ColumnRecord, reader: Reader): boolean {
  if (!codeInForm(r)) return false;
  const codes = r.columns.creditCode;
  const a = codes.at[r.row] as number;
  const b = codes.at[r.row + 1] as number;
  if (gatePasses(codes.utf8, a, b) && out.utf8String(codes.utf8, a, b)) return true;
  out.string(showText(codes.value(r.row), reader));
  return true;
}

/** An organisation's (not a natural person's, nor untyped) 统一社会信用代码 of 18 bytes of GB 32100's set. */
function codeInForm(r: ColumnRecord): boolean {
  const type = r.subjectType;
  if (type === undefined || type === '' || type === '自然人') return false;
  const codes = r.columns.creditCode;
  const bytes = codes.utf8;
  const a = codes.at[r.row] as number;
  const b = codes.at[r.row + 1] as number;
  if (b - a !== 18) return false;
  for (let i = a; i < b; i++) if (CODE_BYTE[bytes[i] as number] !== 1) return false;
  return true;
}

/**
 * findPersonalInfo's quick tests asked of the bytes (mayHoldNumberUtf8: a run of 11 digits; prov-diff4's
 * mayStartNumberAscii: none that could begin an ID, mobile or fixed line — 13 digits after a 9 begin none): either
 * false, the gate leaves the text as it is.
 */
function gatePasses(bytes: Uint8Array, a: number, b: number): boolean {
  return !mayHoldNumberUtf8(bytes, a, b) || !mayStartNumberAscii(bytes, a, b);
}

/**
 * Whether the subject key of a checkpoint's record is written as its credit-code column holds it, nothing decoded:
 * an organisation's code in form (subjectKeyOf takes it as it is) that the gate leaves as it is, `--full` or not
 * (test/register/diff-columns.test.ts, list-columns.test.ts hold it equal to shownSubjectKey).
 */
export function keyIsStoredCode(r: StoredRecord): boolean {
  if (!(r instanceof ColumnRecord) || !codeInForm(r)) return false;
  const codes = r.columns.creditCode;
  return gatePasses(codes.utf8, codes.at[r.row] as number, codes.at[r.row + 1] as number);
}

/** Writes listed records `depth` levels down; one writer a document (its bytes kept by depth). */
export class ListedBytes {
  private readonly scratch = new JsonBytes();
  /** By member (KEYS' index): its opening, `{` or `,`, a line feed, the indent and the key (`depth` fixed). */
  private readonly open: Buffer[];
  private readonly close: Buffer;
  /** By member: its opening and value, by value (FEW only). */
  private readonly kept: (Map<string, Buffer> | undefined)[];
  /** By member: its opening and the gate's answer, by the text asked (writeStatus: the reader's of gatedFor). */
  private readonly gatedKept: (Map<string, Buffer> | undefined)[] = [];
  private gatedFor: Reader | undefined;
  private readonly tailScratch = new JsonBytes();
  /**
   * writeStatus's last tail (the members after the key, no removal) and, once it came twice in a row, its bytes; the
   * tail of a status with a removal is not kept (its day and batch differ from record to record).
   */
  private tailBatch: string | undefined;
  private tailOn = '';
  private tailUntil = '';
  private tailStatus = '';
  private tailObjection = false;
  private tailBytes: Buffer | undefined;
  /** By member (FEW): the value last written and its bytes. */
  private readonly lastText: (string | undefined)[] = [];
  private readonly lastBytes: (Buffer | undefined)[] = [];

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

  /**
   * The bytes write(out, lister.listed(s)) writes, made from a record read from the checkpoint's columns (register
   * list: a province's 575,000) without the listed record: the gate's answer for a 领域 or 科室 kept with its bytes
   * (showText is a function of the text and the reader alone: each spelling asked once); a name whose bytes hold no
   * run of 11 digits (mayHoldNumberUtf8: the gate leaves it as it is) and nothing string() escapes written as it lies
   * in the column, not decoded; any other name decoded and through the gate; a removal as listedRecord makes it (its
   * 移出原因 through the gate) by JsonBytes.value. A record not read from columns is written from lister.listed(s)
   * (test/register/list-columns.test.ts and diff-columns.test.ts hold the two ways equal).
   */
  writeStatus(out: JsonBytes, s: RecordStatus, lister: StatusLister): void {
    const r = s.record;
    if (!(r instanceof ColumnRecord)) {
      this.write(out, lister.listed(s));
      return;
    }
    const reader = lister.reader;
    if (reader !== this.gatedFor) {
      // The answers kept are one reader's (the tail's 移出原因 too).
      this.gatedFor = reader;
      this.gatedKept.length = 0;
      this.tailBatch = undefined;
      this.tailBytes = undefined;
    }
    this.text(out, 0, s.id);
    this.text(out, 1, r.listType);
    this.gated(out, 2, r.domain, reader);
    this.gated(out, 3, r.department, reader);
    const names = r.columns.subjectName;
    const bytes = names.utf8;
    const at = names.at;
    const k = r.row;
    const a = at[k] as number;
    const b = at[k + 1] as number;
    out.raw(this.open[4] as Buffer);
    if (mayHoldNumberUtf8(bytes, a, b) || !out.utf8String(bytes, a, b)) out.string(showText(names.value(k), reader));
    out.raw(this.open[5] as Buffer);
    if (!codeAsItLies(out, r, reader)) out.string(lister.subjectKey(r));
    // The members after the key (batch, days, status, no removal, the objection) as one piece once they came twice
    // in a row (a batch's records lie together: a province's list makes ~12); else written as they come (a long
    // diff's records differ in their 公示截止日期 one after the other: a piece made for each cost more than it saved).
    const m = s.removal;
    if (m !== null) {
      this.tailBatch = undefined;
      this.tailBytes = undefined;
      this.writeTail(out, s, reader);
    } else if (
      this.tailBatch === s.batch &&
      this.tailOn === s.publishedOn &&
      this.tailUntil === s.publishUntil &&
      this.tailStatus === s.status &&
      this.tailObjection === s.objection
    ) {
      let bytes = this.tailBytes;
      if (bytes === undefined) {
        // Its own buffer: text() makes a spelling's bytes in `scratch`.
        this.writeTail(this.tailScratch, s, reader);
        bytes = this.tailScratch.take();
        this.tailBytes = bytes;
      }
      out.raw(bytes);
    } else {
      this.tailBatch = s.batch;
      this.tailOn = s.publishedOn;
      this.tailUntil = s.publishUntil;
      this.tailStatus = s.status;
      this.tailObjection = s.objection;
      this.tailBytes = undefined;
      this.writeTail(out, s, reader);
    }
  }

  /** A status's members after the subject key: batch, days, status, the removal as listedRecord makes it, objection. */
  private writeTail(out: JsonBytes, s: RecordStatus, reader: Reader): void {
    this.text(out, 6, s.batch);
    this.text(out, 7, s.publishedOn);
    this.text(out, 8, s.publishUntil);
    this.text(out, 9, s.status);
    out.raw(this.open[10] as Buffer);
    const m = s.removal;
    // Its members in their order, the 移出原因 through the gate.
    if (m === null) out.text('null');
    else out.value({ ...m, reason: showText(m.reason, reader) }, this.depth + 1);
    out.raw(this.open[11] as Buffer);
    out.text(s.objection ? 'true' : 'false');
    out.raw(this.close);
  }

  /** Member `i` (FEW) with the gate's answer for `s`, kept by `s`: the answer and its bytes made once a spelling. */
  private gated(out: JsonBytes, i: number, s: string, reader: Reader): void {
    let byText = this.gatedKept[i];
    if (byText === undefined) {
      byText = new Map();
      this.gatedKept[i] = byText;
    }
    let b = byText.get(s);
    if (b === undefined) {
      this.scratch.raw(this.open[i] as Buffer);
      this.scratch.string(showText(s, reader));
      b = this.scratch.take();
      if (byText.size < KEPT) byText.set(s, b);
    }
    out.raw(b);
  }

  /** Member `i` with the string `s`: its bytes kept when the member has few spellings. */
  private text(out: JsonBytes, i: number, s: string): void {
    const kept = this.kept[i];
    if (kept === undefined) {
      out.raw(this.open[i] as Buffer);
      out.string(s);
      return;
    }
    // The last record's value again (a batch's records lie together): no lookup.
    if (s === this.lastText[i]) {
      out.raw(this.lastBytes[i] as Buffer);
      return;
    }
    let b = kept.get(s);
    if (b === undefined) {
      this.scratch.raw(this.open[i] as Buffer);
      this.scratch.string(s);
      b = this.scratch.take();
      if (kept.size < KEPT) kept.set(s, b);
    }
    this.lastText[i] = s;
    this.lastBytes[i] = b;
    out.raw(b);
  }
}
