/**
 * The feedback copy of a department's workbook (department.md "Feedback in the department's own
 * file"), written by patching the original package instead of round-tripping it through a
 * spreadsheet library: every part is copied as it is, except
 *   - the sheets with findings, streamed row by row: a flagged cell gets a style that is its own
 *     style with a red (error) or yellow (warning) fill, a missing flagged cell is inserted, and
 *     a <legacyDrawing> is added for the notes;
 *   - styles.xml: the two fills and the cloned cell formats appended (nothing renumbered);
 *   - workbook.xml, its relationships and [Content_Types].xml: the 检查结果 sheet added first;
 * and comments + VML parts are added per sheet. Values, number formats, merges, widths,
 * validations, pictures and everything the tool does not understand stay byte for byte.
 * (exceljs reads a whole workbook into memory and writes back only what it models: it drops
 * pictures, charts and some formats, and takes minutes and gigabytes on 50,000 rows.)
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import type { IoPort } from '../port.js';
import yazl from 'yazl';
import { ZipArchive, normalisePartName, resolvePartTarget } from '../zip/zip.js';
import { dosDate, escapeXml, NS_MAIN, NS_REL } from '../xlsx/xlsx-writer.js';
import { columnLetter, columnIndex } from '../../domain/text.js';
import type { Limits } from '../../schemas/config.js';
import { unreadable } from '../errors.js';
import { beforeAnnotateRename, partialWrite } from '../faults.js';
import { removeOnInterrupt } from '../cleanup.js';

export type MarkKind = 'error' | 'warning' | 'info';

export interface CellMark {
  row: number;
  /** 0-based column. */
  col: number;
  kind: MarkKind;
  note: string;
}

export interface SummaryRow {
  location: string;
  severity: string;
  kind: MarkKind;
  code: string;
  message: string;
  hint: string;
  /** The flagged cell, for the hyperlink. */
  target?: { sheet: string; ref: string };
}

export interface AnnotatePlan {
  /** Sheet name → marks. */
  marks: Map<string, CellMark[]>;
  /**
   * The 检查结果 sheet: `title` (file, time, tool) and `overview` (the counts) above the header row
   * when given (people.md "Documents people sign and read").
   */
  summary: {
    sheetName: string;
    headers: string[];
    rows: SummaryRow[];
    footer: string[];
    author: string;
    title?: string;
    overview?: string;
  };
}

const REL_SHEET = `${NS_REL}/worksheet`;
const REL_COMMENTS = `${NS_REL}/comments`;
const REL_VML = `${NS_REL}/vmlDrawing`;
const REL_STYLES = `${NS_REL}/styles`;
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/** Excel's own "Bad" and "Neutral" cell-style colours. */
const FILL_RGB: Record<Exclude<MarkKind, 'info'>, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C' };

function unescapeXml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attrOf(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[1] ?? m[2] ?? '') : undefined;
}

function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`\\s${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, ` ${name}="${value}"`);
  return tag.replace(/\s*(\/?>)$/, ` ${name}="${value}"$1`);
}

function dropAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`), '');
}

/** The namespace prefix of the root element (`x:` in `<x:worksheet>`), '' when none. */
function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<(\\w+:)?${local}[\\s>]`).exec(xml);
  return m?.[1] ?? '';
}

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function parseRels(xml: string): Rel[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => ({
    id: attrOf(m[0], 'Id') ?? '',
    type: attrOf(m[0], 'Type') ?? '',
    target: attrOf(m[0], 'Target') ?? '',
    external: attrOf(m[0], 'TargetMode') === 'External',
  }));
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

function addRels(xml: string | undefined, rels: Rel[]): string {
  const items = rels.map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join('');
  if (!xml)
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships ` +
      `xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`
    );
  const p = rootPrefix(xml, 'Relationships');
  if (p)
    return xml.replace(
      new RegExp(`</${p}Relationships>`),
      rels.map((r) => `<${p}Relationship Id="${escapeXml(r.id)}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join('') +
        `</${p}Relationships>`,
    );
  if (/<Relationships\b[^>]*\/>/.test(xml)) return xml.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${items}</Relationships>`);
  return xml.replace('</Relationships>', `${items}</Relationships>`);
}

function freeId(taken: Set<string>, base: string): string {
  let i = 1;
  while (taken.has(`${base}${i}`)) i++;
  const id = `${base}${i}`;
  taken.add(id);
  return id;
}

/** A relative target from the folder of `fromPart` to `toPart`. */
function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

// ---------------------------------------------------------------------------------------------
// styles.xml

interface StylePatch {
  xml: string;
  /** `${baseXf}:${kind}` → new xf index. */
  marked: Map<string, number>;
  header: number;
  link: number;
  wrap: number;
  title: number;
  fillXf: Record<Exclude<MarkKind, 'info'>, number>;
}

const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}"><fonts count="1"><font>` +
  `<sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill>` +
  `<patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>` +
  `</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1">` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1">` +
  `<cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Appends `items` to the list element `tag` (creating it in schema order when absent); returns the new xml and the first new index. */
function appendList(
  xml: string,
  p: string,
  tag: string,
  items: string[],
  after: string[],
  defaults: string[],
): { xml: string; first: number } {
  const open = new RegExp(`<${p}${tag}\\b[^>]*?(/?)>`);
  const m = open.exec(xml);
  if (!m) {
    const all = [...defaults, ...items];
    const el = `<${p}${tag} count="${all.length}">${all.join('')}</${p}${tag}>`;
    let at = -1;
    for (const a of after) {
      const close = xml.indexOf(`</${p}${a}>`);
      if (close >= 0) at = Math.max(at, close + `</${p}${a}>`.length);
      const selfM = new RegExp(`<${p}${a}\\b[^>]*/>`).exec(xml);
      if (selfM) at = Math.max(at, selfM.index + selfM[0].length);
    }
    if (at < 0) at = (/<(?:\w+:)?styleSheet\b[^>]*>/.exec(xml)?.index ?? 0) + (/<(?:\w+:)?styleSheet\b[^>]*>/.exec(xml)?.[0].length ?? 0);
    return { xml: xml.slice(0, at) + el + xml.slice(at), first: defaults.length };
  }
  if (m[1] === '/') {
    const el = `<${p}${tag} count="${items.length}">${items.join('')}</${p}${tag}>`;
    return { xml: xml.slice(0, m.index) + el + xml.slice(m.index + m[0].length), first: 0 };
  }
  const closeTag = `</${p}${tag}>`;
  const close = xml.indexOf(closeTag, m.index);
  const inner = xml.slice(m.index + m[0].length, close);
  const childRe = new RegExp(`<${p}${tag.replace(/s$/, '')}\\b`, 'g');
  const count = (inner.match(childRe) ?? []).length;
  const head = setAttr(m[0], 'count', String(count + items.length));
  return { xml: xml.slice(0, m.index) + head + inner + items.join('') + xml.slice(close), first: count };
}

function patchStyles(original: string | undefined, wanted: Set<string>): StylePatch {
  let xml = original ?? MINIMAL_STYLES;
  const p = rootPrefix(xml, 'styleSheet');
  const order = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'];
  const fill = (rgb: string): string =>
    `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
  const fills = appendList(xml, p, 'fills', [fill(FILL_RGB.error), fill(FILL_RGB.warning)], order.slice(0, 2), [
    `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`,
    `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`,
  ]);
  xml = fills.xml;
  const fillId = { error: fills.first, warning: fills.first + 1 };
  const fonts = appendList(
    xml,
    p,
    'fonts',
    [
      `<${p}font><${p}b/><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`,
      `<${p}font><${p}u/><${p}sz val="11"/><${p}color rgb="FF0563C1"/><${p}name val="Calibri"/></${p}font>`,
      `<${p}font><${p}b/><${p}sz val="14"/><${p}name val="Calibri"/></${p}font>`,
    ],
    order.slice(0, 1),
    [`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`],
  );
  xml = fonts.xml;
  const hasStyleXfs = new RegExp(`<${p}cellStyleXfs\\b`).test(xml);
  const xfId = hasStyleXfs ? ' xfId="0"' : '';
  // The existing cell formats, to clone.
  const cx = new RegExp(`<${p}cellXfs\\b[^>]*>([\\s\\S]*?)</${p}cellXfs>`).exec(xml);
  const xfs = cx
    ? [...(cx[1] as string).matchAll(new RegExp(`<${p}xf\\b[^>]*/>|<${p}xf\\b[^>]*>[\\s\\S]*?</${p}xf>`, 'g'))].map((m) => m[0])
    : [];
  const base = xfs.length > 0 ? xfs : [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"${xfId}/>`];
  const items: string[] = [];
  const marked = new Map<string, number>();
  const start = xfs.length > 0 ? xfs.length : 1;
  const push = (x: string): number => {
    items.push(x);
    return start + items.length - 1;
  };
  for (const key of [...wanted].sort()) {
    const [b, kind] = key.split(':') as [string, Exclude<MarkKind, 'info'>];
    const src = base[Number(b)] ?? base[0]!;
    const open = /^<[^>]*?\/?>/.exec(src)![0];
    let tag = setAttr(setAttr(open, 'fillId', String(fillId[kind])), 'applyFill', '1');
    if (open.endsWith('/>') && !tag.endsWith('/>')) tag = tag.replace(/>$/, '/>');
    marked.set(key, push(tag + src.slice(open.length)));
  }
  const header = push(
    `<${p}xf numFmtId="0" fontId="${fonts.first}" fillId="0" borderId="0"${xfId} applyFont="1" applyAlignment="1">` +
      `<${p}alignment vertical="center" wrapText="1"/></${p}xf>`,
  );
  const link = push(
    `<${p}xf numFmtId="0" fontId="${fonts.first + 1}" fillId="0" borderId="0"${xfId} applyFont="1" applyAlignment="1">` +
      `<${p}alignment vertical="top" wrapText="1"/></${p}xf>`,
  );
  const wrap = push(
    `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"${xfId} applyAlignment="1"><${p}alignment vertical="top" wrapText="1"/>` +
      `</${p}xf>`,
  );
  const fillXf = {
    error: push(
      `<${p}xf numFmtId="0" fontId="0" fillId="${fillId.error}" borderId="0"${xfId} applyFill="1" applyAlignment="1">` +
        `<${p}alignment vertical="top"/></${p}xf>`,
    ),
    warning: push(
      `<${p}xf numFmtId="0" fontId="0" fillId="${fillId.warning}" borderId="0"${xfId} applyFill="1" applyAlignment="1">` +
        `<${p}alignment vertical="top"/></${p}xf>`,
    ),
  };
  const title = push(
    `<${p}xf numFmtId="0" fontId="${fonts.first + 2}" fillId="0" borderId="0"${xfId} applyFont="1" applyAlignment="1">` +
      `<${p}alignment vertical="center"/></${p}xf>`,
  );
  xml = appendList(xml, p, 'cellXfs', items, order.slice(0, 5), xfs.length > 0 ? [] : base).xml;
  return { xml, marked, header, link, wrap, title, fillXf };
}

// ---------------------------------------------------------------------------------------------
// A worksheet, streamed

interface RowMarks {
  row: number;
  cells: Map<number, { kind: MarkKind }>;
}

/** Marks grouped by row, rows ascending. */
function groupMarks(marks: CellMark[]): RowMarks[] {
  const rows = new Map<number, RowMarks>();
  for (const m of marks) {
    const r = rows.get(m.row) ?? { row: m.row, cells: new Map() };
    rows.set(m.row, r);
    const prev = r.cells.get(m.col);
    if (!prev || rank(m.kind) > rank(prev.kind)) r.cells.set(m.col, { kind: m.kind });
  }
  return [...rows.values()].sort((a, b) => a.row - b.row);
}

function rank(k: MarkKind): number {
  return k === 'error' ? 2 : k === 'warning' ? 1 : 0;
}

/** Elements that come after <legacyDrawing> in CT_Worksheet (ECMA-376 part 1, 18.3.1.99). */
const AFTER_LEGACY = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

class SheetPatcher extends Transform {
  private readonly decoder = new StringDecoder('utf8');
  private buf = '';
  private phase: 'head' | 'rows' | 'tail' = 'head';
  private p = '';
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
        if (!this.p) {
          const root = /<(\w+:)?worksheet[\s>]/.exec(this.buf);
          if (root) this.p = root[1] ?? '';
        }
        const m = new RegExp(`<${this.p}sheetData\\b[^>]*?(/?)>`).exec(this.buf);
        if (!m) {
          if (final) throw unreadable({ reason: 'xml', detail: 'sheetData' });
          return;
        }
        if (m[1] === '/') {
          this.put(`${this.buf.slice(0, m.index)}<${this.p}sheetData>`);
          this.flushMarkedRows(Number.POSITIVE_INFINITY);
          this.put(`</${this.p}sheetData>`);
          this.buf = this.buf.slice(m.index + m[0].length);
          this.phase = 'tail';
          continue;
        }
        this.put(this.buf.slice(0, m.index + m[0].length));
        this.buf = this.buf.slice(m.index + m[0].length);
        this.phase = 'rows';
        continue;
      }
      if (this.phase === 'rows') {
        // A cursor over the buffer: unflagged rows are passed on in one piece, and the buffer is cut
        // once per chunk (slicing per row made this quadratic in the chunk size).
        const rowOpen = `<${this.p}row`;
        const rowClose = `</${this.p}row>`;
        const endData = `</${this.p}sheetData>`;
        const buf = this.buf;
        const end = buf.indexOf(endData);
        let pos = 0;
        let from = 0;
        let done = false;
        for (;;) {
          let at = buf.indexOf(rowOpen, pos);
          // `<rowBreaks>` never stands inside sheetData, but a prefixed name could start the same.
          while (at >= 0 && !/[\s>/]/.test(buf.charAt(at + rowOpen.length) || 'x')) at = buf.indexOf(rowOpen, at + 1);
          if (end >= 0 && (at < 0 || end < at)) {
            this.put(buf.slice(from, end));
            this.flushMarkedRows(Number.POSITIVE_INFINITY);
            this.put(endData);
            this.buf = buf.slice(end + endData.length);
            this.phase = 'tail';
            done = true;
            break;
          }
          if (at < 0) {
            // Keep a possible partial tag at the end.
            pos = Math.max(pos, buf.length - 32);
            break;
          }
          const tagEnd = buf.indexOf('>', at);
          if (tagEnd < 0) {
            pos = at;
            break;
          }
          const startTag = buf.slice(at, tagEnd + 1);
          const selfClosing = startTag.endsWith('/>');
          let rowEnd: number;
          if (selfClosing) rowEnd = tagEnd + 1;
          else {
            const close = buf.indexOf(rowClose, tagEnd);
            if (close < 0) {
              pos = at;
              break;
            }
            rowEnd = close + rowClose.length;
          }
          const rAttr = attrOf(startTag, 'r');
          const r = rAttr !== undefined ? Number(rAttr) : this.lastRow + 1;
          this.lastRow = r;
          const pending = this.next < this.rows.length ? this.rows[this.next]!.row : Number.POSITIVE_INFINITY;
          if (pending <= r) {
            this.put(buf.slice(from, at));
            this.flushMarkedRows(r);
            const marks = this.next < this.rows.length && this.rows[this.next]!.row === r ? this.rows[this.next++]! : undefined;
            if (marks) {
              this.put(this.patchRow(startTag, selfClosing ? '' : buf.slice(tagEnd + 1, rowEnd - rowClose.length), r, marks));
              from = rowEnd;
            } else from = at;
          }
          pos = rowEnd;
        }
        if (done) continue;
        this.put(buf.slice(from, pos));
        this.buf = buf.slice(pos);
        if (final) throw unreadable({ reason: 'xml', detail: 'sheetData' });
        return;
      }
      // tail: kept whole (merges, validations, hyperlinks: small) until the end of the part.
      if (!final) return;
      let tail = this.buf;
      if (this.legacyId) {
        const el = `<${this.p}legacyDrawing xmlns:r="${NS_REL}" r:id="${this.legacyId}"/>`;
        let at = -1;
        for (const name of AFTER_LEGACY) {
          const m = new RegExp(`<${this.p}${name}[\\s>/]`).exec(tail);
          if (m && (at < 0 || m.index < at)) at = m.index;
        }
        if (at < 0) at = tail.lastIndexOf(`</${this.p}worksheet>`);
        tail = tail.slice(0, at) + el + tail.slice(at);
      }
      this.put(tail);
      this.buf = '';
      return;
    }
  }

  /** A row with flagged cells: explicit references on every cell (so an inserted one shifts none). */
  private patchRow(startTag: string, inner: string, r: number, marks: RowMarks): string {
    const p = this.p;
    const cellRe = new RegExp(`<${p}c\\b[^>]*/>|<${p}c\\b[^>]*>[\\s\\S]*?</${p}c>`, 'g');
    const cells: { col: number; xml: string }[] = [];
    let col = -1;
    let rest = '';
    let last = 0;
    for (const m of inner.matchAll(cellRe)) {
      rest += inner.slice(last, m.index).trim();
      last = m.index + m[0].length;
      const open = /^<[^>]*?\/?>/.exec(m[0])![0];
      const ref = attrOf(open, 'r');
      col = ref ? columnIndex(ref.replace(/\d+$/, '')) : col + 1;
      let tag = ref ? open : setAttr(open, 'r', `${columnLetter(col)}${r}`);
      const mark = marks.cells.get(col);
      if (mark && mark.kind !== 'info') tag = setAttr(tag, 's', String(this.styleFor(Number(attrOf(open, 's') ?? 0), mark.kind)));
      marks.cells.delete(col);
      cells.push({ col, xml: tag + m[0].slice(open.length) });
    }
    rest += inner.slice(last).trim();
    for (const [c, m] of marks.cells)
      cells.push({ col: c, xml: `<${p}c r="${columnLetter(c)}${r}"${m.kind === 'info' ? '' : ` s="${this.styleFor(0, m.kind)}"`}/>` });
    cells.sort((a, b) => a.col - b.col);
    let tag = dropAttr(startTag, 'spans');
    if (!attrOf(tag, 'r')) tag = setAttr(tag, 'r', String(r));
    if (tag.endsWith('/>')) tag = tag.replace(/\s*\/>$/, '>');
    return `${tag}${cells.map((c) => c.xml).join('')}${rest}</${p}row>`;
  }
}

// ---------------------------------------------------------------------------------------------
// Notes: a comments part and its VML drawing (Excel shows notes only with both)

function commentsXml(notes: { ref: string; text: string }[], author: string): string {
  const list = notes
    .map(
      (n) =>
        `<comment ref="${n.ref}" authorId="0"><text><r><rPr><rFont val="宋体"/><charset val="134"/><sz val="9"/></rPr>` +
        `<t xml:space="preserve">${escapeXml(n.text)}</t></r></text></comment>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS_MAIN}"><authors>` +
    `<author>${escapeXml(author)}</author></authors><commentList>${list}</commentList></comments>`
  );
}

function vmlShape(row: number, col: number, id: number): string {
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" ` +
    `style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:240pt;height:90pt;z-index:${id};visibility:hidden" ` +
    `fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
    `<x:Anchor>${col + 1}, 15, ${Math.max(0, row - 2)}, 10, ${col + 5}, 15, ${row + 4}, 4</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${row - 1}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

function vmlXml(shapes: string[]): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
    'xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>' +
    '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    shapes.join('') +
    '</xml>'
  );
}

// ---------------------------------------------------------------------------------------------
// The 检查结果 sheet

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Display width in Excel's character units: a CJK or full-width character takes two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

/** Lines a text takes wrapped in a column `width` characters wide. */
function linesIn(text: string, width: number): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width - 1))), 0);
}

// Column widths: as wide as the longest text, between a floor and a cap (a 问题 or 建议 longer than its cap
// wraps). The caps add up to 214 characters, what A4 landscape holds at 11 pt with 0.5-inch margins.
const MIN_WIDTH = [12, 6, 12, 24, 24];
const MAX_WIDTH = [36, 8, 34, 68, 68];

/** The row after the title and overview: the header row, repeated on every printed page. */
export function summaryHeaderRow(plan: AnnotatePlan['summary']): number {
  return 1 + (plan.title ? 1 : 0) + (plan.overview ? 1 : 0);
}

function summaryXml(plan: AnnotatePlan['summary'], st: StylePatch): string {
  const rows: string[] = [];
  const links: string[] = [];
  const merges: string[] = [];
  const cell = (ref: string, text: string, s?: number): string =>
    `<c r="${ref}" t="inlineStr"${s !== undefined ? ` s="${s}"` : ''}><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
  const cols = plan.headers.length;
  const last = columnLetter(Math.max(0, cols - 1));
  const texts = (f: SummaryRow): string[] => [f.location, f.severity, f.code, f.message, f.hint];
  const widths = plan.headers.map((h, i) => {
    const longest = Math.max(displayWidth(h), ...plan.rows.map((f) => Math.max(...(texts(f)[i] ?? '').split('\n').map(displayWidth))));
    return Math.min(MAX_WIDTH[i] ?? 40, Math.max(MIN_WIDTH[i] ?? 8, longest + 2));
  });
  const total = widths.reduce((a, b) => a + b, 0);
  // Heights in points for wrapped rows (15 a line), so the text shows whole also where the reader does not fit rows itself.
  const height = (lines: number): string => (lines > 1 ? ` ht="${lines * 15}"` : '');
  let r = 0;
  if (plan.title) {
    r++;
    rows.push(`<row r="${r}" ht="24" customHeight="1">${cell(`A${r}`, plan.title, st.title)}</row>`);
    if (cols > 1) merges.push(`A${r}:${last}${r}`);
  }
  if (plan.overview) {
    r++;
    rows.push(`<row r="${r}"${height(linesIn(plan.overview, total))}>${cell(`A${r}`, plan.overview, st.wrap)}</row>`);
    if (cols > 1) merges.push(`A${r}:${last}${r}`);
  }
  const head = ++r;
  rows.push(`<row r="${head}">${plan.headers.map((h, i) => cell(`${columnLetter(i)}${head}`, h, st.header)).join('')}</row>`);
  plan.rows.forEach((f) => {
    r++;
    const sev = f.kind === 'info' ? st.wrap : st.fillXf[f.kind];
    const lines = Math.max(...texts(f).map((t, i) => linesIn(t, widths[i] ?? 8)));
    const cells =
      cell(`A${r}`, f.location, f.target ? st.link : st.wrap) +
      cell(`B${r}`, f.severity, sev) +
      cell(`C${r}`, f.code, st.wrap) +
      cell(`D${r}`, f.message, st.wrap) +
      cell(`E${r}`, f.hint, st.wrap);
    rows.push(`<row r="${r}"${height(lines)}>${cells}</row>`);
    if (f.target)
      links.push(
        `<hyperlink ref="A${r}" location="${escapeXml(`${quoteSheet(f.target.sheet)}!${f.target.ref}`)}" ` +
          `display="${escapeXml(f.location)}"/>`,
      );
  });
  r++;
  for (const line of plan.footer) {
    r++;
    rows.push(`<row r="${r}"${height(linesIn(line, total))}>${cell(`A${r}`, line, st.wrap)}</row>`);
    if (cols > 1) merges.push(`A${r}:${last}${r}`);
  }
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    // Printed on A4 landscape, all columns on the page's width, as many pages down as it takes.
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${head}" topLeftCell="A${head + 1}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A${head + 1}" sqref="A${head + 1}"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols` +
    `>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    (merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '') +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '<printOptions gridLines="1"/><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    '<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter></worksheet>'
  );
}

// ---------------------------------------------------------------------------------------------

function freePart(taken: Set<string>, make: (n: number) => string): string {
  for (let n = 1; ; n++) {
    const name = make(n);
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

function addContentTypes(xml: string, overrides: { part: string; type: string }[], defaults: { ext: string; type: string }[]): string {
  const p = rootPrefix(xml, 'Types');
  let add = '';
  for (const d of defaults) {
    if (new RegExp(`<${p}Default\\b[^>]*Extension="${d.ext}"`, 'i').test(xml)) continue;
    add += `<${p}Default Extension="${d.ext}" ContentType="${d.type}"/>`;
  }
  for (const o of overrides) add += `<${p}Override PartName="/${escapeXml(o.part)}" ContentType="${o.type}"/>`;
  return xml.replace(`</${p}Types>`, `${add}</${p}Types>`);
}

/**
 * Writes `dest` from the workbook at `src` with the plan's marks, notes and the 检查结果 sheet.
 * Written to a temporary name and renamed, so a failure never leaves half a file.
 */
export async function annotateXlsx(
  src: string,
  dest: string,
  plan: AnnotatePlan,
  opts: { limits: Limits; instant: Date; io?: IoPort },
): Promise<void> {
  const zip = await ZipArchive.open(src, opts.limits, opts.io);
  try {
    const text = async (name: string): Promise<string | undefined> => (zip.has(name) ? (await zip.read(name)).toString('utf8') : undefined);
    const taken = new Set(zip.names.map((n) => n.toLowerCase()));
    const rootRels = parseRels((await text('_rels/.rels')) ?? '');
    const wbPart = normalisePartName(
      resolvePartTarget('', rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml'),
    );
    const wbRelsPart = relsPathOf(wbPart);
    let workbook = (await text(wbPart)) ?? '';
    let wbRels = (await text(wbRelsPart)) ?? '';
    let types = (await text('[Content_Types].xml')) ?? '';
    const rels = parseRels(wbRels);
    const relIds = new Set(rels.map((r) => r.id));
    const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => {
      const rid = attrOf(m[0], 'r:id') ?? /\s\w+:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? '';
      const rel = rels.find((r) => r.id === rid);
      return { name: attrOf(m[0], 'name') ?? '', part: rel ? normalisePartName(resolvePartTarget(wbPart, rel.target)) : '' };
    });

    // Styles: one cloned format per (original format, severity) met on a flagged cell.
    const stylesRel = rels.find((r) => r.type === REL_STYLES);
    const stylesPart = stylesRel ? normalisePartName(resolvePartTarget(wbPart, stylesRel.target)) : freePart(taken, () => 'xl/styles.xml');
    const replaced = new Map<string, Buffer | (() => Promise<Readable>)>();
    const added: { name: string; data: Buffer }[] = [];
    const overrides: { part: string; type: string }[] = [];
    const wantedStyles = new Set<string>();
    const sheetJobs: { part: string; rows: RowMarks[]; legacyId?: string }[] = [];
    const styleUsage: { part: string; rows: RowMarks[] }[] = [];

    // Which original style each flagged cell has is only known while streaming: the styles part
    // needs the clones first. A first pass collects the `s` of flagged cells (cheap: only the
    // flagged rows are parsed); the second pass writes.
    for (const [sheetName, marks] of plan.marks) {
      const sheet = sheets.find((s) => s.name === sheetName);
      if (!sheet?.part || !zip.has(sheet.part) || marks.length === 0) continue;
      styleUsage.push({ part: sheet.part, rows: groupMarks(marks) });
    }
    for (const u of styleUsage) {
      const bases = await collectBaseStyles(await zip.stream(u.part), u.rows);
      for (const [col, kinds] of bases) for (const k of kinds) wantedStyles.add(`${col}:${k}`);
    }
    const st = patchStyles(await text(stylesPart), wantedStyles);
    const styleFor = (base: number, kind: MarkKind): number =>
      kind === 'info' ? base : (st.marked.get(`${base}:${kind}`) ?? st.marked.get(`0:${kind}`) ?? base);
    if (stylesRel) replaced.set(stylesPart, Buffer.from(st.xml, 'utf8'));
    else {
      added.push({ name: stylesPart, data: Buffer.from(st.xml, 'utf8') });
      overrides.push({ part: stylesPart, type: CT_STYLES });
      wbRels = addRels(wbRels, [
        { id: freeId(relIds, 'rIdHrss'), type: REL_STYLES, target: relativeTarget(wbPart, stylesPart), external: false },
      ]);
    }

    // Notes per sheet: new comments + VML parts, or merged into the sheet's own.
    let shapeId = 3000;
    for (const u of styleUsage) {
      const notes = plan.marks.get(sheets.find((s) => s.part === u.part)!.name)!;
      const byRef = new Map<string, { row: number; col: number; text: string }>();
      for (const n of notes) {
        const ref = `${columnLetter(n.col)}${n.row}`;
        const prev = byRef.get(ref);
        byRef.set(ref, { row: n.row, col: n.col, text: prev ? `${prev.text}\n\n${n.note}` : n.note });
      }
      const list = [...byRef.entries()].map(([ref, v]) => ({ ref, ...v }));
      const sheetRelsPart = relsPathOf(u.part);
      const sheetRelsXml = await text(sheetRelsPart);
      const sheetRels = parseRels(sheetRelsXml ?? '');
      const existingComments = sheetRels.find((r) => r.type === REL_COMMENTS);
      const existingVml = sheetRels.find((r) => r.type === REL_VML);
      if (existingComments && existingVml) {
        const cPart = normalisePartName(resolvePartTarget(u.part, existingComments.target));
        const vPart = normalisePartName(resolvePartTarget(u.part, existingVml.target));
        const merged = mergeComments((await text(cPart)) ?? '', list, plan.summary.author);
        replaced.set(cPart, Buffer.from(merged.xml, 'utf8'));
        const vml = (await text(vPart)) ?? vmlXml([]);
        const shapes = merged.addedRefs.map((n) => vmlShape(n.row, n.col, shapeId++)).join('');
        replaced.set(vPart, Buffer.from(vml.replace(/<\/xml>\s*$/, `${shapes}</xml>`), 'utf8'));
        sheetJobs.push({ part: u.part, rows: u.rows });
        continue;
      }
      const ids = new Set(sheetRels.map((r) => r.id));
      const cPart = freePart(taken, (n) => `xl/comments${n}.xml`);
      const vPart = freePart(taken, (n) => `xl/drawings/vmlDrawing${n}.vml`);
      const cId = freeId(ids, 'rIdHrss');
      const vId = freeId(ids, 'rIdHrss');
      added.push({ name: cPart, data: Buffer.from(commentsXml(list, plan.summary.author), 'utf8') });
      added.push({ name: vPart, data: Buffer.from(vmlXml(list.map((n) => vmlShape(n.row, n.col, shapeId++))), 'utf8') });
      overrides.push({ part: cPart, type: CT_COMMENTS });
      const newRels = addRels(sheetRelsXml, [
        { id: cId, type: REL_COMMENTS, target: relativeTarget(u.part, cPart), external: false },
        { id: vId, type: REL_VML, target: relativeTarget(u.part, vPart), external: false },
      ]);
      if (sheetRelsXml !== undefined) replaced.set(sheetRelsPart, Buffer.from(newRels, 'utf8'));
      else added.push({ name: sheetRelsPart, data: Buffer.from(newRels, 'utf8') });
      sheetJobs.push({ part: u.part, rows: u.rows, legacyId: vId });
    }
    for (const job of sheetJobs) {
      replaced.set(job.part, async () => (await zip.stream(job.part)).pipe(new SheetPatcher(job.rows, styleFor, job.legacyId)) as Readable);
    }

    // The 检查结果 sheet, first.
    const summaryPart = freePart(taken, (n) => `${wbPart.slice(0, wbPart.lastIndexOf('/') + 1)}worksheets/sheet${n}.xml`);
    added.push({ name: summaryPart, data: Buffer.from(summaryXml(plan.summary, st), 'utf8') });
    overrides.push({ part: summaryPart, type: CT_SHEET });
    const sumId = freeId(relIds, 'rIdHrss');
    wbRels = addRels(wbRels, [{ id: sumId, type: REL_SHEET, target: relativeTarget(wbPart, summaryPart), external: false }]);
    const ids = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => Number(attrOf(m[0], 'sheetId') ?? 0));
    const names = new Set(sheets.map((s) => s.name));
    let sumName = plan.summary.sheetName;
    for (let n = 2; names.has(sumName); n++) sumName = `${plan.summary.sheetName}(${n})`;
    const wp = rootPrefix(workbook, 'workbook');
    workbook = workbook.replace(
      new RegExp(`<${wp}sheets\\b[^>]*>`),
      (m) => `${m}<${wp}sheet xmlns:r="${NS_REL}" name="${escapeXml(sumName)}" sheetId="${Math.max(0, ...ids) + 1}" r:id="${sumId}"/>`,
    );
    // Sheet positions moved by one: sheet-local names (print areas, filters) and the active tab follow.
    workbook = workbook.replace(/(\slocalSheetId=")(\d+)(")/g, (_m, a: string, n: string, b: string) => `${a}${Number(n) + 1}${b}`);
    // 检查结果's header row repeats on every printed page (print titles: a name local to sheet 0, ours).
    const head = summaryHeaderRow(plan.summary);
    const titles =
      `<${wp}definedName name="_xlnm.Print_Titles" ` +
      `localSheetId="0">${escapeXml(`${quoteSheet(sumName)}!$${head}:$${head}`)}</${wp}definedName>`;
    if (new RegExp(`<${wp}definedNames\\s*/>`).test(workbook))
      workbook = workbook.replace(new RegExp(`<${wp}definedNames\\s*/>`), `<${wp}definedNames>${titles}</${wp}definedNames>`);
    else if (new RegExp(`<${wp}definedNames\\b[^>]*>`).test(workbook))
      workbook = workbook.replace(new RegExp(`<${wp}definedNames\\b[^>]*>`), (m) => `${m}${titles}`);
    else {
      // CT_Workbook's order: sheets, functionGroups, externalReferences, then definedNames.
      const after = [`</${wp}externalReferences>`, `<${wp}functionGroups\\b[^>]*/>|</${wp}functionGroups>`, `</${wp}sheets>`]
        .map((re) => new RegExp(re))
        .find((re) => re.test(workbook));
      if (after) workbook = workbook.replace(after, (m) => `${m}<${wp}definedNames>${titles}</${wp}definedNames>`);
    }
    workbook = workbook.replace(new RegExp(`<${wp}workbookView\\b[^>]*?/?>`, 'g'), (tag) => {
      let t = setAttr(tag, 'activeTab', String(Number(attrOf(tag, 'activeTab') ?? 0) + 1));
      if (attrOf(tag, 'firstSheet') !== undefined) t = setAttr(t, 'firstSheet', '0');
      return t;
    });
    replaced.set(wbPart, Buffer.from(workbook, 'utf8'));
    replaced.set(wbRelsPart, Buffer.from(wbRels, 'utf8'));
    types = addContentTypes(types, overrides, [{ ext: 'vml', type: CT_VML }]);
    replaced.set('[Content_Types].xml', Buffer.from(types, 'utf8'));

    await writeZip(zip, dest, replaced, added, opts.instant, opts.io);
  } finally {
    zip.close();
  }
}

/** The original style index of each flagged cell (by column), read from the flagged rows only. */
async function collectBaseStyles(stream: Readable, rows: RowMarks[]): Promise<Map<number, Set<MarkKind>>> {
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

function mergeComments(
  xml: string,
  notes: { ref: string; row: number; col: number; text: string }[],
  author: string,
): { xml: string; addedRefs: { row: number; col: number }[] } {
  const p = rootPrefix(xml, 'comments');
  let authors = [...xml.matchAll(new RegExp(`<${p}author>([\\s\\S]*?)</${p}author>`, 'g'))].map((m) => unescapeXml(m[1] ?? ''));
  let authorId = authors.indexOf(author);
  let out = xml;
  if (authorId < 0) {
    authorId = authors.length;
    authors = [...authors, author];
    out = /<(?:\w+:)?authors\s*\/>/.test(out)
      ? out.replace(/<(\w+:)?authors\s*\/>/, `<${p}authors><${p}author>${escapeXml(author)}</${p}author></${p}authors>`)
      : out.replace(`</${p}authors>`, `<${p}author>${escapeXml(author)}</${p}author></${p}authors>`);
  }
  const addedRefs: { row: number; col: number }[] = [];
  let add = '';
  for (const n of notes) {
    const re = new RegExp(`(<${p}comment\\b[^>]*\\sref="${n.ref}"[^>]*>\\s*<${p}text>)`);
    const run = `<${p}r><${p}t xml:space="preserve">${escapeXml(n.text)}\n\n</${p}t></${p}r>`;
    if (re.test(out)) out = out.replace(re, `$1${run}`);
    else {
      add += `<${p}comment ref="${n.ref}" authorId="${authorId}"><${p}text>${run.replace('\n\n<', '<')}</${p}text></${p}comment>`;
      addedRefs.push({ row: n.row, col: n.col });
    }
  }
  out = /<(?:\w+:)?commentList\s*\/>/.test(out)
    ? out.replace(/<(\w+:)?commentList\s*\/>/, `<${p}commentList>${add}</${p}commentList>`)
    : out.replace(`</${p}commentList>`, `${add}</${p}commentList>`);
  return { xml: out, addedRefs };
}

async function writeZip(
  zip: ZipArchive,
  dest: string,
  replaced: Map<string, Buffer | (() => Promise<Readable>)>,
  added: { name: string; data: Buffer }[],
  instant: Date,
  io?: IoPort,
): Promise<void> {
  const z = new yazl.ZipFile();
  const mtime = dosDate(instant);
  const opts = { mtime, forceDosTimestamp: true, compressionLevel: 6 } as yazl.Options;
  const done = new Set<string>();
  for (const name of zip.names) {
    const key = normalisePartName(name);
    if (done.has(key.toLowerCase())) continue;
    done.add(key.toLowerCase());
    const r = [...replaced.entries()].find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
    if (Buffer.isBuffer(r)) z.addBuffer(r, key, opts);
    else if (r)
      z.addReadStreamLazy(key, opts, (cb) =>
        r().then(
          (s) => cb(null, s as never),
          (e: Error) => cb(e, undefined as never),
        ),
      );
    else
      z.addReadStreamLazy(key, opts, (cb) =>
        zip.stream(name).then(
          (s) => cb(null, s),
          (e: Error) => cb(e, undefined as never),
        ),
      );
  }
  for (const a of added) z.addBuffer(a.data, a.name, opts);
  z.end();
  if (io && io.diskPath(dest) === undefined) {
    // A port without a disk (memory, the browser's): the copy's bytes, written whole by the port.
    const bytes = await streamBytes(z.outputStream as unknown as Readable);
    injectedFullDisk(dest);
    io.writeFile(dest, bytes);
    return;
  }
  const tmp = `${dest}.${process.pid}.tmp`;
  // Ctrl-C while the copy is written: the temporary file goes too (bin/ runs the interrupt tasks).
  const forget = removeOnInterrupt(tmp);
  try {
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(tmp);
      z.outputStream.on('error', reject);
      z.on('error', reject);
      out.on('error', reject);
      out.on('close', () => resolve());
      z.outputStream.pipe(out);
    });
    injectedFullDisk(dest);
    await beforeAnnotateRename();
    await rename(tmp, dest);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  } finally {
    forget();
  }
}

/** `enospc-partial@part` (io/faults.ts): the copy's stream fails as a full disk makes it, ENOSPC without a path. */
function injectedFullDisk(dest: string): void {
  if (!partialWrite(dest)) return;
  const err = new Error('ENOSPC: injected fault, write') as NodeJS.ErrnoException;
  err.code = 'ENOSPC';
  err.syscall = 'write';
  throw err;
}

// ---------------------------------------------------------------------------------------------
// A CSV list becomes one sheet: a plain workbook of text cells, then annotated like any other.

export async function csvWorkbook(
  dest: string,
  sheetName: string,
  rows: { number: number; cells: string[] }[],
  instant: Date,
  io?: IoPort,
): Promise<void> {
  const widths: number[] = [];
  const body: string[] = [];
  for (const r of rows) {
    const cells: string[] = [];
    r.cells.forEach((v, i) => {
      if (v === '') return;
      if (r.number <= 10)
        widths[i] = Math.min(50, Math.max(widths[i] ?? 8, [...v].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) + 2));
      cells.push(`<c r="${columnLetter(i)}${r.number}" t="inlineStr" s="1"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`);
    });
    if (cells.length) body.push(`<row r="${r.number}">${cells.join('')}</row>`);
  }
  const cols = widths.length
    ? `<cols>${[...widths].map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w ?? 8}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const sheet =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${body.join('')}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  const styles = MINIMAL_STYLES.replace(
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>',
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>',
  );
  const entries = [
    {
      name: '[Content_Types].xml',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types ` +
        `xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+` +
        `xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT_SHEET}"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships ` +
        `xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews>` +
        `<workbookView activeTab="0"/></bookViews><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets>` +
        `</workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships ` +
        `xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL_SHEET}" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL_STYLES}" Target="styles.xml"/></Relationships>`,
    },
    { name: 'xl/styles.xml', data: styles },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
  ];
  const z = new yazl.ZipFile();
  const mtime = dosDate(instant);
  for (const e of entries)
    z.addBuffer(Buffer.from(e.data, 'utf8'), e.name, { mtime, forceDosTimestamp: true, compressionLevel: 6 } as yazl.Options);
  z.end();
  if (io && io.diskPath(dest) === undefined) {
    io.writeFile(dest, await streamBytes(z.outputStream as unknown as Readable));
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(dest);
    out.on('close', () => resolve());
    out.on('error', reject);
    z.outputStream.on('error', reject);
    z.outputStream.pipe(out);
  });
}

/** The folder for the copies (validate --annotate), created when missing. */
export async function ensureFolder(dir: string, io?: IoPort): Promise<void> {
  if (io && io.diskPath(dir) === undefined) io.mkdir(dir);
  else await mkdir(dir, { recursive: true });
}

export async function removeFile(path: string, io?: IoPort): Promise<void> {
  if (io && io.diskPath(path) === undefined) io.remove(path);
  else await rm(path, { force: true });
}

/** A zip being written, as bytes (for a port that takes a file whole). */
async function streamBytes(s: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
