/**
 * The merge scan: `<mergeCell ref="…">` found in a worksheet part's raw bytes, fed chunk by chunk and
 * searched 16 KB unit by unit counted from the part's start (zip/inflate.ts), so that the same merges
 * are found whether the scan reads the part alone (before the rows, xlsx.ts) or beside the rows' parser
 * in one pass (docs/decisions.md "The sheet read once").
 *
 * Only `<mergeCell>` children of the worksheet's `<mergeCells>` are merges: one outside it (in extLst,
 * after `</mergeCells>`, before `<mergeCells>`) is none, as for Excel.
 */
import type { MergeRange } from '../../table/cells.js';
import { unreadable } from '../errors.js';
import { INFLATE_UNIT } from '../zip/inflate.js';
import { MarkupMask } from './merge-markup.js';
import { mergeTail } from './merge-tail.js';
import { parseRange } from './merge-range.js';

/**
 * A `<mergeCell>` with its ref (group 1), a `<mergeCells>` or `<extLst>` start tag (group 2 the name,
 * group 3 `/` when it closes itself), or their end tag (group 4 the name).
 */
const TOKEN_RE = new RegExp(
  [
    String.raw`<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']+)["']`,
    String.raw`<(?:[\w.-]+:)?(mergeCells|extLst)\b[^>]*?(\/?)>`,
    String.raw`<\/(?:[\w.-]+:)?(mergeCells|extLst)\s*>`,
  ].join('|'),
  'g',
);

const MERGE_BYTES = Buffer.from('mergeCell', 'latin1');
const EXT_BYTES = Buffer.from('extLst', 'latin1');
/** Bytes of text carried from one unit to the next, so that a merge split by a unit's end is found. */
const MERGE_TAIL = 256;

export class MergeScan {
  readonly merges: MergeRange[] = [];
  private tail = '';
  private seen = false;
  private tailBytes: Buffer = Buffer.alloc(0);
  private pos = 0;
  /** Inside the worksheet's `<mergeCells>`. */
  private inMerges = false;
  /** How many `<extLst>` are open: nothing in one is the worksheet's. */
  private extDepth = 0;
  // Comments, PIs and CDATA sections blanked out: `<mergeCell>` text in them is no merge (merge-markup.ts).
  private readonly mask = new MarkupMask();

  constructor(private readonly maxMerges: number) {}

  /** The next chunk of the part, as inflated. */
  feed(whole: Buffer): void {
    // A unit at a time (zip/inflate.ts): the text a merge is looked for in is what it always was.
    for (let at = 0; at < whole.length; ) {
      const end = Math.min(whole.length, at + INFLATE_UNIT - ((this.pos + at) % INFLATE_UNIT));
      this.unit(at === 0 && end === whole.length ? whole : whole.subarray(at, end));
      at = end;
    }
    this.pos += whole.length;
  }

  /**
   * Before the first `mergeCell` (or `extLst`), each unit is only searched for those bytes (the sheet's
   * rows, most of the part, are never turned into text); from the unit that holds one, the rest of the
   * part is read as text with the 256 characters before it, as a whole-part scan would see it.
   */
  private unit(raw: Buffer): void {
    const masked = this.mask.unit(raw);
    if (!this.seen) {
      const edge = Buffer.concat([this.tailBytes.subarray(-(MERGE_BYTES.length - 1)), raw.subarray(0, MERGE_BYTES.length - 1)]);
      if (raw.indexOf(MERGE_BYTES) < 0 && edge.indexOf(MERGE_BYTES) < 0 && raw.indexOf(EXT_BYTES) < 0 && edge.indexOf(EXT_BYTES) < 0) {
        // Carried unmasked: with neither name in them they can only start a match whose rest (ref and
        // all) comes from the next unit, masked if the section is still open.
        this.tailBytes = raw.length >= MERGE_TAIL ? raw.subarray(-MERGE_TAIL) : Buffer.concat([this.tailBytes, raw]).subarray(-MERGE_TAIL);
        return;
      }
      this.seen = true;
      this.tail = this.tailBytes.toString('latin1');
    }
    const text = this.tail + (masked ?? raw.toString('latin1'));
    if (!text.includes('mergeCell') && !text.includes('extLst')) {
      this.tail = text.slice(-MERGE_TAIL);
      return;
    }
    TOKEN_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    let lastEnd = 0;
    while ((m = TOKEN_RE.exec(text)) !== null) {
      lastEnd = TOKEN_RE.lastIndex;
      if (m[1] !== undefined) {
        if (!this.inMerges || this.extDepth > 0) continue;
        const r = parseRange(m[1]);
        if (r && (r.bottom > r.top || r.right > r.left)) {
          // A merge per row at most: millions more are a hostile part, each one kept in memory.
          if (this.merges.length >= this.maxMerges)
            throw unreadable({ reason: 'damaged', detail: `more than ${this.maxMerges} merged ranges` });
          this.merges.push(r);
        }
      } else if (m[2] !== undefined) {
        if (m[3] === '/') continue;
        if (m[2] === 'extLst') this.extDepth++;
        else if (this.extDepth === 0) this.inMerges = true;
      } else if (m[4] === 'extLst') {
        if (this.extDepth > 0) this.extDepth--;
      } else if (this.extDepth === 0) this.inMerges = false;
    }
    this.tail = mergeTail(text, lastEnd, MERGE_TAIL);
  }
}
