/**
 * Writes the package workbooks (and the ledger, the 督查 workbook) as SpreadsheetML written here, every
 * cell text ('@') but for the numbers a sheet gives as numbers, zipped once with one fixed timestamp so
 * that the same records give the same bytes (package.md "Determinism"). exceljs built these in memory
 * and zipped them, and they were unzipped and zipped again: a province's quarter (25,000 expiries in two
 * 移出名单 sheets) took ~4 s of compile and a model per cell; a row is now one string.
 */
import yauzl from 'yauzl';
import yazl from 'yazl';
import { columnLetter, toXmlSafe } from '../../domain/text.js';
import {
  CELL,
  type CellChunk,
  INLINE_OPEN,
  INLINE_SPACE_OPEN,
  MARKUP,
  NUMBER_EMPTY,
  NUMBER_OPEN,
  RowBytes,
  XF_NUMBER,
  XF_TEXT,
} from './sheet-cells.js';
import {
  DEFLATE_LEVEL,
  type RawPiece,
  type RawPieces,
  type ZipOut,
  type ZipPart,
  ZIP32_ENTRIES,
  ZIP32_MAX,
  zipParts,
  zipPartsTo,
} from '../zip/zip-write.js';

export interface SheetSpec {
  name: string;
  /** A title row above the header row (merged across the columns). */
  title?: string;
  headers: string[];
  widths?: (number | undefined)[];
  /**
   * Text cells stay text ('@'); a number (序号, 公示期限, a count) is written as a number; null is no cell at all
   * (a number column where nothing applies: not an empty text cell, which Excel counts with COUNTA and flags).
   */
  rows: (string | number | null)[][];
  /**
   * For a sheet people print (督查情况表): A4 landscape, every column on the page's width (as many pages down as
   * it takes), the title and header rows repeated on every page, page numbers in the footer. Absent: no print
   * settings at all (the bytes of every other workbook stay as they were).
   */
  print?: 'a4-landscape';
  /**
   * Columns (by index) whose text cells are inline strings (`t="inlineStr"`), not numbers into sharedStrings.xml:
   * for a column whose values are all different (an id, a name, a code), where the shared strings only cost a
   * map of every value (a province's 台账: ~2 million strings held to the workbook's end). The header and the
   * title stay shared. Absent: every text cell shared (the bytes of every other workbook stay as they were).
   */
  inline?: readonly number[];
}

/**
 * Rows made as the sheet is written, never held (the 台账 of a province's register list: 600,000 rows): how many
 * and how wide the widest is are given, since the sheet's head says so before its first row.
 */
export interface SheetRows {
  readonly length: number;
  readonly width: number;
  [Symbol.iterator](): Iterator<(string | number | null)[]>;
}

/** A sheet whose rows are made as it is written (SheetRows). */
export type StreamedSheetSpec = Omit<SheetSpec, 'rows'> & { rows: SheetRows };

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Text for an XML element or attribute; a character XML 1.0 forbids becomes U+FFFD whatever its source. */
export function escapeXml(s: string): string {
  if (plainXml(s)) return s;
  return toXmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Whether escapeXml gives `s` back as it is, by one loop over its characters: no `&`, `<`, `>` or `"`, no control
 * character (tab and line breaks included: the slow path decides), no surrogate and no U+FFFE or U+FFFF (what
 * toXmlSafe looks at). A province's 台账 asked the five expressions of 2.3 million cells, nearly all plain.
 */
export function plainXml(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x3f ? c < 0x20 || c === 0x26 || c === 0x3c || c === 0x3e || c === 0x22 : c >= 0xd800 && (c <= 0xdfff || c >= 0xfffe))
      return false;
  }
  return true;
}

/** Whether a character is one of JavaScript's `\s` (white space and line terminators). */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Whether a text's XML keeps its spaces (`xml:space="preserve"`): white space first or last, or a line break. */
function keepsSpace(s: string): boolean {
  if (s.length === 0) return false;
  if (isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(s.length - 1))) return true;
  return s.includes('\n');
}

/** A Date whose local fields are the UTC fields of `instant`: zip's DOS time has no zone. */
export function dosDate(instant: Date): Date {
  const t = new Date(Math.max(instant.getTime(), Date.UTC(1980, 0, 1, 0, 0, 0)));
  return new Date(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds());
}

// Cell formats (styles.xml cellXfs): 0 General, 1 text, 2 text bold (header), 3 text bold 14 (title), 4 a number.
const XF = { text: XF_TEXT, header: 2, title: 3, number: XF_NUMBER } as const;
const STYLES =
  `<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/>' +
  '<family val="2"/></font><font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>' +
  '<xf numFmtId="49" fontId="2" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/**
 * The workbook's strings, each once (sharedStrings.xml), in order of first use: the map's own order, its keys the
 * strings. Their XML is made a piece at a time as the zip takes it: a province's 台账 (~2 million strings) held
 * each string's XML beside it and then the whole part as one string, then as bytes (~0.4 GB at its end).
 */
class SharedStrings {
  private readonly index = new Map<string, number>();
  count = 0;

  of(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(text, i);
    }
    return i;
  }

  *xml(): Generator<Buffer> {
    let out = `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.index.size}">`;
    for (const text of this.index.keys()) {
      // Leading or trailing spaces and line breaks are kept as written.
      out += keepsSpace(text) ? `<si><t xml:space="preserve">${escapeXml(text)}</t></si>` : `<si><t>${escapeXml(text)}</t></si>`;
      if (out.length >= 1 << 16) {
        yield Buffer.from(out, 'utf8');
        out = '';
      }
    }
    yield Buffer.from(`${out}</sst>`, 'utf8');
  }
}

/** Excel's rules for a sheet name, as exceljs enforced them: refused, or cut to 31 characters. */
function sheetName(name: string): string {
  const safe = toXmlSafe(name);
  if (safe === '') throw new Error("The name can't be empty.");
  if (/[*?:\\/[\]]/.test(safe)) throw new Error(`Worksheet name ${safe} cannot include any of the following characters: * ? : \\ / [ ]`);
  if (safe.startsWith("'") || safe.endsWith("'"))
    throw new Error(`The first or last character of worksheet name cannot be a single quotation mark: ${safe}`);
  return safe.slice(0, 31);
}

/** The sheet's XML around its rows (sheetXml, sheetPieces), its title's and headers' strings numbered. */
function sheetFrame(s: SheetSpec | StreamedSheetSpec, strings: SharedStrings): SheetFrame {
  const n = Math.max(1, s.headers.length);
  let widest = n;
  if (Array.isArray(s.rows)) for (const row of s.rows) widest = Math.max(widest, row.length);
  else widest = Math.max(widest, (s.rows as SheetRows).width);
  const letters = Array.from({ length: widest }, (_, i) => columnLetter(i));
  const headerRow = s.title ? 2 : 1;
  const lastRow = headerRow + s.rows.length;
  const lastCol = letters[letters.length - 1] as string;
  const cols = s.headers.map((h, i) => {
    const width = s.widths?.[i] ?? Math.min(40, Math.max(10, h.length * 2 + 2));
    return `<col min="${i + 1}" max="${i + 1}" width="${width}" style="${XF.text}" customWidth="1"/>`;
  });
  const print = s.print === 'a4-landscape';
  const head =
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    (print ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
    `<dimension ref="A1:${lastCol}${lastRow}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" ` +
    `state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols.length ? `<cols>${cols.join('')}</cols>` : ''}<sheetData>`;
  const textCell = (ref: string, v: string, xf: number): string => `<c r="${ref}" s="${xf}" t="s"><v>${strings.of(v)}</v></c>`;
  const inline = new Uint8Array(widest);
  for (const i of s.inline ?? []) if (i >= 0 && i < widest) inline[i] = 1;
  let pending = '';
  if (s.title) pending += `<row r="1">${textCell('A1', s.title, XF.title)}</row>`;
  pending += `<row r="${headerRow}">${s.headers.map((h, i) => textCell(`${letters[i]}${headerRow}`, h, XF.header)).join('')}</row>`;
  const tail =
    '</sheetData>' +
    // A filter on the header row: the clerk sorts and filters without touching the data.
    `<autoFilter ref="A${headerRow}:${columnLetter(n - 1)}${headerRow}"/>` +
    (s.title && s.headers.length > 1
      ? `<mergeCells count="1"><mergeCell ref="A1:${columnLetter(s.headers.length - 1)}1"/></mergeCells>`
      : '') +
    (print
      ? '<printOptions horizontalCentered="1"/><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
        '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
        '<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter></worksheet>'
      : '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  return { head, pending, tail, letters, headerRow, inline };
}

/** A sheet's XML but its rows: before them (the title and header rows last), after them, and how its cells are written. */
interface SheetFrame {
  head: string;
  pending: string;
  tail: string;
  letters: string[];
  headerRow: number;
  /** 1 for a column whose texts are inline strings. */
  inline: Uint8Array;
}

/**
 * The sheet's XML as UTF-8 bytes, given ~64 KiB of rows at a time as the zip takes them (io/zip/zip-write.ts
 * deflates each piece while the next is made): a province's 移出名单 (25,000 rows, a ~14 MB part) was made whole,
 * copied into one buffer and only then deflated. Its shared strings are numbered as the pieces are made: the
 * sheets are taken in order, before sharedStrings.xml.
 */
function* sheetXml(s: SheetSpec | StreamedSheetSpec, strings: SharedStrings): Generator<Buffer> {
  const { head, pending, tail, letters, headerRow, inline } = sheetFrame(s, strings);
  yield Buffer.from(head, 'utf8');
  const out = new RowBytes();
  let full = out.room(pending.length * 3);
  out.text(pending);
  // Each column's opening of a cell (its row's number after it), and its last shared text with the rest of its cell:
  // a batch's records lie together, and their texts of few spellings are the last row's again.
  const open = letters.map((l) => `<c r="${l}`);
  const lastText: (string | undefined)[] = [];
  const lastTail: string[] = [];
  let r = headerRow;
  for (const row of s.rows) {
    r++;
    const num = String(r);
    // Room for each piece of markup (a cell's is under 64 bytes), a text's 3 bytes a UTF-16 unit at most.
    full = out.room(MARKUP);
    if (full) yield full;
    out.ascii('<row r="');
    out.ascii(num);
    out.ascii('">');
    for (let i = 0; i < row.length; i++) {
      const v = row[i] as string | number | null;
      if (v === null) continue;
      full = out.room(MARKUP);
      if (full) yield full;
      out.ascii(open[i] as string);
      out.ascii(num);
      // NaN or Infinity has no SpreadsheetML form (`<v>NaN</v>` makes Excel "repair" the file): an empty cell.
      if (typeof v === 'number') {
        if (Number.isFinite(v)) {
          out.ascii(NUMBER_OPEN);
          out.ascii(String(v));
          out.ascii('</v></c>');
        } else out.ascii(NUMBER_EMPTY);
      } else if (inline[i] !== 1) {
        if (v === lastText[i]) strings.count++;
        else {
          lastText[i] = v;
          lastTail[i] = `" s="${XF.text}" t="s"><v>${strings.of(v)}</v></c>`;
        }
        out.ascii(lastTail[i] as string);
      } else {
        // Leading or trailing spaces and line breaks kept as written, as a shared string keeps them.
        out.ascii(keepsSpace(v) ? INLINE_SPACE_OPEN : INLINE_OPEN);
        const x = plainXml(v) ? v : escapeXml(v);
        full = out.room(3 * x.length + MARKUP);
        if (full) yield full;
        out.text(x);
        out.ascii('</t></is></c>');
      }
    }
    out.ascii('</row>');
  }
  full = out.room(Number.POSITIVE_INFINITY);
  if (full) yield full;
  yield Buffer.from(tail, 'utf8');
}

/** Cells' bytes a chunk (sheet-cells.ts CellChunk): ~5,000 rows of a province's 台账, ~4 MiB of its XML. */
const CELLS_CHUNK = 1 << 20;

/** Cells' bytes written (sheet-cells.ts CELL), the buffer grown as needed; taken whole at a row's end. */
class CellBytes {
  private buf = Buffer.allocUnsafe(CELLS_CHUNK + (CELLS_CHUNK >> 2));
  at = 0;

  room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.at + n));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
  }

  tag(t: number): void {
    this.room(1);
    this.buf[this.at++] = t;
  }

  /** A value (ASCII digits, or a text: UTF-8), then its end (0). */
  value(s: string): void {
    this.room(3 * s.length + 1);
    const b = this.buf;
    let a = this.at;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        a = this.at + b.write(s, this.at, 'utf8');
        break;
      }
      b[a++] = c;
    }
    b[a++] = 0;
    this.at = a;
  }

  /** The bytes written (their own buffer, never written again), and a new buffer begun. */
  take(): Uint8Array {
    const cells = this.buf.subarray(0, this.at);
    this.buf = Buffer.allocUnsafe(CELLS_CHUNK + (CELLS_CHUNK >> 2));
    this.at = 0;
    return cells;
  }
}

/**
 * The rows as cells' bytes, a chunk at a time (sheet-cells.ts: the XML made from them is sheetXml's): the shared
 * strings numbered, the inline texts escaped, here, in order, as sheetXml does.
 */
function* cellChunks(s: SheetSpec | StreamedSheetSpec, frame: SheetFrame, strings: SharedStrings): Generator<CellChunk> {
  const { inline } = frame;
  const out = new CellBytes();
  const lastText: (string | undefined)[] = [];
  const lastIndex: string[] = [];
  let r = frame.headerRow;
  let row0 = r + 1;
  for (const row of s.rows) {
    r++;
    for (let i = 0; i < row.length; i++) {
      const v = row[i] as string | number | null;
      if (v === null) out.tag(CELL.none);
      else if (typeof v === 'number') {
        if (Number.isFinite(v)) {
          out.tag(CELL.number);
          out.value(String(v));
        } else out.tag(CELL.numberEmpty);
      } else if (inline[i] !== 1) {
        if (v === lastText[i]) strings.count++;
        else {
          lastText[i] = v;
          lastIndex[i] = String(strings.of(v));
        }
        out.tag(CELL.shared);
        out.value(lastIndex[i] as string);
      } else {
        out.tag(keepsSpace(v) ? CELL.inlineSpace : CELL.inline);
        out.value(plainXml(v) ? v : escapeXml(v));
      }
    }
    out.tag(CELL.rowEnd);
    if (out.at >= CELLS_CHUNK) {
      yield { row0, cells: out.take() };
      row0 = r + 1;
    }
  }
  if (out.at > 0) yield { row0, cells: out.take() };
}

/**
 * The sheet deflated as pieces (zip-write.ts RawPieces; docs/decisions.md "A province's 台账 on two cores"): what
 * is before and after its rows a piece each, its rows a piece a chunk of cells, each chunk's XML made and deflated on
 * a second thread (sheet-thread.ts), or here should it fail: the same bytes either way.
 */
function sheetPieces(s: SheetSpec | StreamedSheetSpec, strings: SharedStrings, level: number, piecesOf: PiecesMaker): RawPieces {
  return {
    raw: () => {
      const frame = sheetFrame(s, strings);
      return piecesOf(
        Buffer.from(frame.head + frame.pending, 'utf8'),
        cellChunks(s, frame, strings),
        Buffer.from(frame.tail, 'utf8'),
        frame.letters,
        level,
      );
    },
  };
}

/** The workbook's print titles: each printed sheet repeats its title and header rows on every page. */
function printTitles(sheets: readonly (SheetSpec | StreamedSheetSpec)[], names: readonly string[]): string {
  const defined = sheets.flatMap((s, i) => {
    if (s.print !== 'a4-landscape') return [];
    const last = s.title ? 2 : 1;
    const quoted = `'${(names[i] as string).replace(/'/g, "''")}'`;
    return [`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(`${quoted}!$1:$${last}`)}</definedName>`];
  });
  return defined.length ? `<definedNames>${defined.join('')}</definedNames>` : '';
}

export async function workbookBuffer(sheets: (SheetSpec | StreamedSheetSpec)[], instant: Date, creator: string): Promise<Buffer> {
  return zipParts(workbookParts(sheets, creator, instant), dosDate(instant));
}

/**
 * workbookBuffer's bytes given to `out` as they are made (IoPort.writeFileFrom's file): a province's 台账 was made
 * whole in memory (its deflated chunks, then one buffer of them) before its write. `level`: zlib's (zip-write.ts
 * DEFLATE_LEVEL unless the workbook's own decision says otherwise: the 台账's).
 */
export async function workbookTo(
  sheets: (SheetSpec | StreamedSheetSpec)[],
  instant: Date,
  creator: string,
  out: ZipOut,
  level = DEFLATE_LEVEL,
  pieces: SheetPiecesAsked = {},
): Promise<void> {
  await zipPartsTo(workbookParts(sheets, creator, instant, { ...pieces, level }), dosDate(instant), out, level);
}

/**
 * `pieces`: every streamed sheet (SheetRows) deflated as pieces, the rows' XML made from their cells' bytes and
 * deflated by this function (a province's 台账: sheet-thread.ts piecesOf, on a second thread, given by the caller: the
 * self-check page's bundle takes this module and has no threads); else one stream, as every other workbook.
 */
export interface SheetPiecesAsked {
  pieces?: PiecesMaker;
}

/** The pieces of a sheet: `head`, one a chunk of cells (sheet-cells.ts cellsXml's XML), `tail`; deflated at `level`. */
export type PiecesMaker = (
  head: Uint8Array,
  chunks: Iterable<CellChunk>,
  tail: Uint8Array,
  letters: string[],
  level: number,
) => AsyncIterable<RawPiece>;

function workbookParts(
  sheets: (SheetSpec | StreamedSheetSpec)[],
  creator: string,
  instant: Date,
  pieces: SheetPiecesAsked & { level?: number } = {},
): ZipPart[] {
  const strings = new SharedStrings();
  const names = sheets.map((s) => sheetName(s.name));
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name.toLowerCase())) throw new Error(`Worksheet name already exists: ${name}`);
    seen.add(name.toLowerCase());
  }
  const when = instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const ct = 'application/vnd.openxmlformats-officedocument';
  const maker = pieces.pieces;
  const parts: { name: string; data: string | ZipPart['data'] }[] = [
    {
      name: '[Content_Types].xml',
      data:
        `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${ct}.spreadsheetml.sheet.main+xml"/>` +
        sheets
          .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.spreadsheetml.worksheet+xml"/>`)
          .join('') +
        `<Override PartName="/xl/styles.xml" ContentType="${ct}.spreadsheetml.styles+xml"/>` +
        `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.spreadsheetml.sharedStrings+xml"/>` +
        `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
        `<Override PartName="/docProps/app.xml" ContentType="${ct}.extended-properties+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data:
        `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
        `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="${NS_PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>` +
        `<Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    },
    {
      name: 'docProps/app.xml',
      data:
        `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
        `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
        `<Application>${escapeXml(creator)}</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant>` +
        `<vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector>` +
        `</HeadingPairs>` +
        `<TitlesOfParts><vt:vector size="${sheets.length}" ` +
        `baseType="lpstr">${names.map((n) => `<vt:lpstr>${escapeXml(n)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts></Properties>`,
    },
    {
      name: 'docProps/core.xml',
      data:
        `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
        `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
        `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>${escapeXml(creator)}</dc:creator><cp:lastModifiedBy>${escapeXml(creator)}</cp:lastModifiedBy>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`,
    },
    {
      name: 'xl/workbook.xml',
      data:
        `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>` +
        names.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 3}"/>`).join('') +
        `</sheets>${printTitles(sheets, names)}</workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId2" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 3}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        '</Relationships>',
    },
    { name: 'xl/styles.xml', data: `${XML_HEAD}${STYLES}` },
    // Each sheet made as the zip takes it, in order; the shared strings after every sheet has numbered its own.
    ...sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: maker && !Array.isArray(s.rows) ? sheetPieces(s, strings, pieces.level ?? DEFLATE_LEVEL, maker) : () => sheetXml(s, strings),
    })),
    { name: 'xl/sharedStrings.xml', data: () => strings.xml() },
  ];
  return parts.map((p) => ({ name: p.name, data: typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : p.data }));
}

/**
 * Re-packs a zip: same entries in the same order, one fixed modification time, no extra fields;
 * `transform` may rewrite a part (the .docx letter fixes its core.xml dates).
 */
export async function normaliseZip(buf: Buffer, instant: Date, transform?: (name: string, data: Buffer) => Buffer): Promise<Buffer> {
  const entries = await new Promise<{ name: string; data: Buffer }[]>((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('zip'));
      const out: { name: string; data: Buffer }[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName.endsWith('/')) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2 ?? new Error('zip entry'));
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => {
            const data = Buffer.concat(chunks);
            out.push({ name: e.fileName, data: transform ? transform(e.fileName, data) : data });
            zip.readEntry();
          });
          s.on('error', reject);
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
  return zipBuffer(entries, instant);
}

/**
 * A zip of `entries` (compile --zip, normaliseZip): io/zip/zip-write.ts, yazl's bytes at the same level; yazl itself past
 * what a zip without ZIP64 records holds (it writes them).
 */
export function zipBuffer(entries: { name: string; data: Buffer }[], instant: Date): Promise<Buffer> {
  const total = entries.reduce((n, e) => n + e.data.length + 2 * Buffer.byteLength(e.name) + 1024, 0);
  if (entries.length < ZIP32_ENTRIES && total < ZIP32_MAX / 2) return zipParts(entries, dosDate(instant));
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    const mtime = dosDate(instant);
    for (const e of entries)
      z.addBuffer(e.data, e.name, { mtime, forceDosTimestamp: true, compressionLevel: DEFLATE_LEVEL } as yazl.Options);
    z.end();
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}
