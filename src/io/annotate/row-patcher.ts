/**
 * A worksheet, streamed: a flagged cell gets its style's marked clone, a missing flagged cell is
 * inserted (in a missing row if need be), and a <legacyDrawing> is added for the notes. Unflagged
 * rows pass through byte for byte.
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { NS_REL } from '../xlsx/xlsx-writer.js';
import { columnLetter, columnIndex } from '../../domain/text.js';
import { unreadable } from '../errors.js';
import type { CellMark, MarkKind } from './plan.js';
import { localName } from '../xlsx/xml.js';
import { asStartTag, childElements, dropAttr, elementAt, nextTag, readAttr, setAttr, xmlTags } from '../xlsx/xml-edit.js';

export interface RowMarks {
  row: number;
  cells: Map<number, { kind: MarkKind }>;
}

/** Marks grouped by row, rows ascending. */
export function groupMarks(marks: CellMark[]): RowMarks[] {
  const rows = new Map<number, RowMarks>();
  for (const m of marks) {
    const r = rows.get(m.row) ?? { row: m.row, cells: new Map() };
    rows.set(m.row, r);
    const prev = r.cells.get(m.col);
    if (!prev || rank(m.kind) > rank(prev.kind)) r.cells.set(m.col, { kind: m.kind });
  }
  return [...rows.values()].sort((a, b) => a.row - b.row);
}

export function rank(k: MarkKind): number {
  return k === 'error' ? 2 : k === 'warning' ? 1 : 0;
}

/** Elements that come after <legacyDrawing> in CT_Worksheet (ECMA-376 part 1, 18.3.1.99). */
export const AFTER_LEGACY = [
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

export class SheetPatcher extends Transform {
  private readonly decoder = new StringDecoder('utf8');
  private buf = '';
  private phase: 'head' | 'rows' | 'tail' = 'head';
  private p = '';
  private root = false;
  private lastRow = 0;
  private next = 0;
  private out: string[] = [];
  private outLen = 0;

  constructor(
    private readonly rows: RowMarks[],
    private readonly styleFor: (base: number, kind: MarkKind) => number,
    private readonly legacyId: string | undefined,
  ) {
    super();
  }

  private put(s: string): void {
    if (!s) return;
    this.out.push(s);
    this.outLen += s.length;
    if (this.outLen > 1 << 16) this.flushOut();
  }

  private flushOut(): void {
    if (this.out.length) this.push(Buffer.from(this.out.join(''), 'utf8'));
    this.out = [];
    this.outLen = 0;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
      this.buf += this.decoder.write(chunk);
      this.process(false);
      this.flushOut();
      cb();
    } catch (err) {
      cb(err as Error);
    }
  }

  override _flush(cb: TransformCallback): void {
    try {
      this.buf += this.decoder.end();
      this.process(true);
      this.flushOut();
      cb();
    } catch (err) {
      cb(err as Error);
    }
  }

  /** Marked rows before `limit` that the sheet does not have: written as new rows. */
  private flushMarkedRows(limit: number): void {
    while (this.next < this.rows.length && this.rows[this.next]!.row < limit) {
      const r = this.rows[this.next++]!;
      const cells = [...r.cells.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([col, m]) => `<${this.p}c r="${columnLetter(col)}${r.row}" s="${this.styleFor(0, m.kind)}"/>`);
      this.put(`<${this.p}row r="${r.row}">${cells.join('')}</${this.p}row>`);
    }
  }

  private process(final: boolean): void {
    for (;;) {
      if (this.phase === 'head') {
        // The root's prefix, then <sheetData>: the first tags of the part (a tag cut by the chunk's end waits).
        let data: { start: number; end: number; empty: boolean } | undefined;
        for (const t of xmlTags(this.buf)) {
          if (t.kind === 'close') continue;
          if (!this.root && localName(t.name) === 'worksheet') {
            this.root = true;
            this.p = t.name.includes(':') ? t.name.slice(0, t.name.indexOf(':') + 1) : '';
          } else if (localName(t.name) === 'sheetData') {
            data = { start: t.start, end: t.end, empty: t.kind === 'empty' };
            break;
          }
        }
        if (!data) {
          if (final) throw unreadable({ reason: 'xml', detail: 'sheetData' });
          return;
        }
        if (data.empty) {
          this.put(`${this.buf.slice(0, data.start)}<${this.p}sheetData>`);
          this.flushMarkedRows(Number.POSITIVE_INFINITY);
          this.put(`</${this.p}sheetData>`);
          this.buf = this.buf.slice(data.end);
          this.phase = 'tail';
          continue;
        }
        this.put(this.buf.slice(0, data.end));
        this.buf = this.buf.slice(data.end);
        this.phase = 'rows';
        continue;
      }
      if (this.phase === 'rows') {
        if (this.scanRows()) continue;
        if (final) throw unreadable({ reason: 'xml', detail: 'sheetData' });
        return;
      }
      // tail: kept whole (merges, validations, hyperlinks: small) until the end of the part.
      if (!final) return;
      let tail = this.buf;
      if (this.legacyId) {
        const el = `<${this.p}legacyDrawing xmlns:r="${NS_REL}" r:id="${this.legacyId}"/>`;
        let at = -1;
        for (const t of xmlTags(tail)) {
          if (t.kind !== 'close' && AFTER_LEGACY.includes(localName(t.name))) {
            at = t.start;
            break;
          }
        }
        if (at < 0) at = tail.lastIndexOf(`</${this.p}worksheet>`);
        tail = tail.slice(0, at) + el + tail.slice(at);
      }
      this.put(tail);
      this.buf = '';
      return;
    }
  }

  /**
   * The rows of <sheetData> in the buffer: unflagged rows passed on in one piece (a cursor over the
   * buffer, cut once per chunk), flagged ones patched. Only real tags count (the tokenizer skips
   * comments, CDATA and processing instructions: `<row …>` text in a comment is no row); a row's end is
   * found by `indexOf` unless a comment, CDATA or processing instruction stands inside the row, then by
   * depth. True when </sheetData> was reached; false when the buffer ends first (the rest waits).
   */
  private scanRows(): boolean {
    const buf = this.buf;
    const rowName = `${this.p}row`;
    let pos = 0;
    let from = 0;
    let bang = 0;
    let query = 0;
    for (;;) {
      const t = nextTag(buf, pos);
      if (!t) break;
      if (t.kind === 'close') {
        if (localName(t.name) !== 'sheetData') {
          pos = t.end;
          continue;
        }
        this.put(buf.slice(from, t.start));
        this.flushMarkedRows(Number.POSITIVE_INFINITY);
        this.put(buf.slice(t.start, t.end));
        this.buf = buf.slice(t.end);
        this.phase = 'tail';
        return true;
      }
      let innerEnd = t.end;
      let rowEnd = t.end;
      if (t.kind === 'open') {
        const close = t.name === rowName ? buf.indexOf(`</${t.name}>`, t.end) : -1;
        // The next `<!` / `<?` in the buffer, looked for again only once passed (not once per row).
        if (bang >= 0 && bang < t.end) bang = buf.indexOf('<!', t.end);
        if (query >= 0 && query < t.end) query = buf.indexOf('<?', t.end);
        if (close >= 0 && !(bang >= 0 && bang < close) && !(query >= 0 && query < close)) {
          innerEnd = close;
          rowEnd = close + t.name.length + 3;
        } else {
          const el = elementAt(buf, t);
          if (!el) break;
          innerEnd = el.closeStart;
          rowEnd = el.end;
        }
      }
      if (t.name === rowName) {
        const startTag = buf.slice(t.start, t.end);
        const rAttr = readAttr(startTag, 'r');
        const r = rAttr !== undefined ? Number(rAttr) : this.lastRow + 1;
        this.lastRow = r;
        const pending = this.next < this.rows.length ? this.rows[this.next]!.row : Number.POSITIVE_INFINITY;
        if (pending <= r) {
          this.put(buf.slice(from, t.start));
          this.flushMarkedRows(r);
          const marks = this.next < this.rows.length && this.rows[this.next]!.row === r ? this.rows[this.next++]! : undefined;
          if (marks) {
            this.put(this.patchRow(startTag, buf.slice(t.end, innerEnd), r, marks));
            from = rowEnd;
          } else from = t.start;
        }
      }
      pos = rowEnd;
    }
    this.put(buf.slice(from, pos));
    this.buf = buf.slice(pos);
    return false;
  }

  /** A row with flagged cells: explicit references on every cell (so an inserted one shifts none). */
  private patchRow(startTag: string, inner: string, r: number, marks: RowMarks): string {
    const p = this.p;
    const cells: { col: number; xml: string }[] = [];
    let col = -1;
    let rest = '';
    let last = 0;
    for (const c of childElements(inner, { openEnd: 0, closeStart: inner.length })) {
      if (localName(c.name) !== 'c') continue;
      rest += inner.slice(last, c.start).trim();
      last = c.end;
      const open = c.open;
      const ref = readAttr(open, 'r');
      col = ref ? columnIndex(ref.replace(/\d+$/, '')) : col + 1;
      let tag = ref ? open : setAttr(open, 'r', `${columnLetter(col)}${r}`);
      const mark = marks.cells.get(col);
      if (mark && mark.kind !== 'info') tag = setAttr(tag, 's', String(this.styleFor(Number(readAttr(open, 's') ?? 0), mark.kind)));
      marks.cells.delete(col);
      cells.push({ col, xml: tag + inner.slice(c.openEnd, c.end) });
    }
    rest += inner.slice(last).trim();
    for (const [c, m] of marks.cells)
      cells.push({ col: c, xml: `<${p}c r="${columnLetter(c)}${r}"${m.kind === 'info' ? '' : ` s="${this.styleFor(0, m.kind)}"`}/>` });
    cells.sort((a, b) => a.col - b.col);
    let tag = dropAttr(startTag, 'spans');
    if (!readAttr(tag, 'r')) tag = setAttr(tag, 'r', String(r));
    tag = asStartTag(tag);
    return `${tag}${cells.map((c) => c.xml).join('')}${rest}</${p}row>`;
  }
}

/** The original style index of each flagged cell (by column), read from the flagged rows only. */
export async function collectBaseStyles(stream: Readable, rows: RowMarks[]): Promise<Map<number, Set<MarkKind>>> {
  const bases = new Map<number, Set<MarkKind>>();
  const add = (s: number, k: MarkKind): void => {
    if (k === 'info') return;
    const set = bases.get(s) ?? new Set();
    set.add(k);
    bases.set(s, set);
  };
  // A throwaway patcher whose styleFor records what it is asked for.
  const copy = rows.map((r) => ({ row: r.row, cells: new Map(r.cells) }));
  const probe = new SheetPatcher(
    copy,
    (base, kind) => {
      add(base, kind);
      return 0;
    },
    undefined,
  );
  await new Promise<void>((resolve, reject) => {
    probe.on('data', () => {});
    probe.on('end', resolve);
    probe.on('error', reject);
    (stream as Readable).on('error', reject);
    stream.pipe(probe);
  });
  return bases;
}
