/**
 * A streaming reader for .xlsx as Excel, WPS, LibreOffice, gnumeric, Numbers, openpyxl, POI and
 * exceljs write it. It reads the parts exceljs's WorkbookReader gets wrong (peers-research.md §5, §7):
 * sheet names and visibility behind absolute part paths, merged cells and hidden rows, inline rich
 * text, ISO date cells (t="d"), cells and rows without an `r` attribute, Strict OOXML prefixes.
 */
import type { Limits } from '../../schemas/config.js';
import { isIsoDate, serialToIso } from '../../domain/dates.js';
import {
  DateCell,
  ErrorCell,
  NoValueCell,
  type CellValue,
  type MergeRange,
  type RowHandler,
  type SheetRow,
  type SheetSource,
  type WorkbookSource,
} from '../../table/cells.js';
import { FileProblem, unreadable } from '../errors.js';
export { parseRange } from './merge-range.js';
import { attr, localName, parseXmlStream, type Attrs, type FlatAttrs, type XmlHandlers } from './xml.js';
import { sheetSink } from './sheet-xml.js';
import { ZipArchive, normalisePartName, resolvePartTarget } from '../zip/zip.js';
import { MergeScan } from './merge-scan.js';
import { nodePort } from '../node-port.js';
import type { IoPort } from '../port.js';

/** Sheets and shared strings are inflated in chunks of this size (zip/inflate.ts). */
const INFLATE_CHUNK = 256 * 1024;

interface Rel {
  id: string;
  type: string;
  target: string;
}

async function readRels(zip: ZipArchive, part: string, limits: Limits): Promise<Rel[]> {
  const dir = part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
  const relsPart = `${dir}_rels/${part.slice(dir.length)}.rels`;
  if (!zip.has(relsPart)) return [];
  const rels: Rel[] = [];
  await parseXmlStream(
    await zip.stream(relsPart),
    {
      open(name, a) {
        if (name === 'Relationship') {
          const id = attr(a, 'Id') ?? '';
          const target = attr(a, 'Target') ?? '';
          if ((attr(a, 'TargetMode') ?? '').toLowerCase() === 'external') return;
          rels.push({ id, type: attr(a, 'Type') ?? '', target: resolvePartTarget(part, target) });
        }
      },
      close() {},
      text() {},
    },
    undefined,
    limits.maxXmlDepth,
    limits.maxCellChars,
  );
  return rels;
}

const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** Whether a number format code shows a date or time. */
export function isDateFormat(code: string): boolean {
  const stripped = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '');
  if (/^general$/i.test(stripped.trim())) return false;
  return /[ymdhse]/i.test(stripped.replace(/e\+|e-/gi, '')) && !/^[#0.,%\s;@_-]*$/.test(stripped);
}

const MAX_CELL_FORMATS = 1 << 20;

async function readStyles(zip: ZipArchive, part: string | undefined, limits: Limits): Promise<boolean[]> {
  if (!part || !zip.has(part)) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  await parseXmlStream(
    await zip.stream(part),
    {
      open(name, a) {
        if (name === 'numFmt') custom.set(Number(attr(a, 'numFmtId')), attr(a, 'formatCode') ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) {
          // Excel allows 64,000 cell formats; millions are a hostile part, not a style sheet.
          if (xfFormats.length >= MAX_CELL_FORMATS)
            throw unreadable({ reason: 'damaged', detail: `more than ${MAX_CELL_FORMATS} cell formats` });
          xfFormats.push(Number(attr(a, 'numFmtId') ?? 0));
        }
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
      text() {},
    },
    undefined,
    limits.maxXmlDepth,
    limits.maxCellChars,
  );
  return xfFormats.map((id) => {
    const code = custom.get(id);
    if (code !== undefined) return isDateFormat(code);
    return BUILTIN_DATE_FORMATS.has(id);
  });
}

/**
 * The shared-string table, stored compactly: texts joined into chunks of at most 4,096 entries and
 * about a million characters, plus per entry its chunk and end offset (a JS array of millions of small
 * strings costs ~40 bytes each; a chunk of joined text costs no more than its characters).
 */
export class SharedStrings {
  private static readonly CHUNK_ENTRIES = 4096;
  private static readonly CHUNK_CHARS = 1 << 20;
  private readonly chunks: string[] = [];
  private pending: string[] = [];
  private pendingChars = 0;
  private ends = new Uint32Array(1024);
  private chunkOf = new Uint32Array(1024);
  private count = 0;
  /** Characters stored. */
  chars = 0;

  get length(): number {
    return this.count;
  }

  push(text: string): void {
    if (this.count === this.ends.length) {
      const ends = new Uint32Array(this.ends.length * 2);
      ends.set(this.ends);
      this.ends = ends;
      const chunkOf = new Uint32Array(this.chunkOf.length * 2);
      chunkOf.set(this.chunkOf);
      this.chunkOf = chunkOf;
    }
    this.pendingChars += text.length;
    this.chars += text.length;
    this.ends[this.count] = this.pendingChars;
    this.chunkOf[this.count] = this.chunks.length;
    this.count++;
    this.pending.push(text);
    if (this.pending.length >= SharedStrings.CHUNK_ENTRIES || this.pendingChars >= SharedStrings.CHUNK_CHARS) this.seal();
  }

  /** Call once after the last push (and is called whenever a chunk is full). */
  seal(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
  }

  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.count) || !Number.isInteger(i)) return undefined;
    const c = this.chunkOf[i] as number;
    const chunk = this.chunks[c];
    if (chunk === undefined) return undefined;
    const start = i > 0 && this.chunkOf[i - 1] === c ? (this.ends[i - 1] as number) : 0;
    return chunk.slice(start, this.ends[i]);
  }
}

async function readSharedStrings(zip: ZipArchive, part: string | undefined, limits: Limits): Promise<SharedStrings> {
  const strings = new SharedStrings();
  if (!part || !zip.has(part)) return strings;
  let current = '';
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  await parseXmlStream(
    await zip.stream(part, INFLATE_CHUNK),
    {
      open(name) {
        if (name === 'si') {
          inSi = true;
          current = '';
        } else if (name === 't' && inSi && phonetic === 0) inT = true;
        else if (name === 'rPh') phonetic++;
      },
      close(name) {
        if (name === 'si') {
          inSi = false;
          if (strings.length >= limits.maxSharedStrings) {
            throw unreadable({ reason: 'limit', limit: 'maxSharedStrings', max: limits.maxSharedStrings, actual: strings.length + 1 });
          }
          strings.push(current);
          if (strings.chars > limits.maxSharedStringChars) {
            throw unreadable({ reason: 'limit', limit: 'maxSharedStringChars', max: limits.maxSharedStringChars, actual: strings.chars });
          }
          current = '';
        } else if (name === 't') inT = false;
        else if (name === 'rPh') phonetic--;
      },
      text(t) {
        if (inT) {
          current += t;
          if (current.length > limits.maxCellChars) {
            throw unreadable({ reason: 'limit', limit: 'maxCellChars', max: limits.maxCellChars, actual: current.length });
          }
        }
      },
    },
    undefined,
    limits.maxXmlDepth,
    limits.maxCellChars,
    sheetSink,
  );
  strings.seal();
  return strings;
}

/**
 * The column of a cell reference (`B7`, `$AB$12`), as parseRef gives it, without a match or an
 * object per cell: -1 where parseRef gives undefined.
 */
export function refColumn(ref: string): number {
  const n = ref.length;
  let i = ref.charCodeAt(0) === 36 ? 1 : 0; // $
  let col = 0;
  const start = i;
  for (; i < n && i - start < 4; i++) {
    const c = ref.charCodeAt(i) | 32; // lower case; digits and $ are unchanged by it
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  const letters = i - start;
  if (letters < 1 || letters > 3) return -1;
  if (ref.charCodeAt(i) === 36) i++;
  const digits = n - i;
  if (digits < 1 || digits > 7) return -1;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
  }
  return col - 1;
}

/** Merges live after <sheetData>: a byte scan of the part finds them before the rows are read. */
async function scanMerges(zip: ZipArchive, part: string, maxMerges: number): Promise<MergeRange[]> {
  try {
    const scan = new MergeScan(maxMerges);
    for await (const chunk of await zip.stream(part, INFLATE_CHUNK)) scan.feed(chunk as Buffer);
    return scan.merges;
  } catch (err) {
    if (err instanceof FileProblem) throw err;
    throw unreadable({ reason: 'damaged', detail: (err as Error).message?.slice(0, 200) });
  }
}

/** The value of the attribute named exactly `name` (as `attrs[name]`). */
function flatValue(f: FlatAttrs, name: string): string | undefined {
  for (let k = 0; k < f.count; k++) if (f.names[k] === name) return f.values[k];
  return undefined;
}

/** As xml.ts attr: by name, else the first whose local name it is (`x:r`). */
function flatAttr(f: FlatAttrs, name: string): string | undefined {
  const direct = flatValue(f, name);
  if (direct !== undefined) return direct;
  for (let k = 0; k < f.count; k++) if (localName(f.names[k] as string) === name) return f.values[k];
  return undefined;
}

/** The handlers (xml.ts XmlHandlers) of a worksheet part: one per sheet read, handed to the tokenizer itself. */
class SheetParser implements XmlHandlers {
  private rowNumber = 0;
  private rowHidden = false;
  private cells: CellValue[] = [];
  private col = -1;
  private cellType = 'n';
  private cellStyle = 0;
  private hasFormula = false;
  private formula = '';
  private value: string | undefined;
  private cellText = '';
  private capture: 'v' | 't' | 'f' | null = null;
  private inInline = false;
  private phonetic = 0;
  private rowCount = 0;
  stopped = false;

  constructor(
    private readonly strings: SharedStrings,
    private readonly dateStyles: readonly boolean[],
    private readonly date1904: boolean,
    private readonly limits: Limits,
    private readonly onRow: RowHandler,
  ) {}

  open(name: string, a: Attrs): void {
    if (name === 'row') this.openRow(a.r ?? attr(a, 'r'), a.hidden);
    else if (name === 'c') this.openCell(a.r, a.t, a.s);
    else this.openOther(name);
  }

  /** As open, the attributes read flat (the tokenizer's path: no object per tag); the same lookups. */
  openFlat(name: string, f: FlatAttrs): void {
    if (name === 'c') {
      let r: string | undefined;
      let t: string | undefined;
      let s: string | undefined;
      const names = f.names;
      for (let k = 0; k < f.count; k++) {
        const n = names[k];
        if (n === 'r') r = f.values[k];
        else if (n === 't') t = f.values[k];
        else if (n === 's') s = f.values[k];
      }
      this.openCell(r, t, s);
    } else if (name === 'row') this.openRow(flatAttr(f, 'r'), flatValue(f, 'hidden'));
    else this.openOther(name);
  }

  /** `<c …><v>value</v></c>` (xml.ts XmlHandlers.cell), as its five events would read it. */
  cell(f: FlatAttrs, value: string): void {
    this.openFlat('c', f);
    if (value.length > this.limits.maxCellChars) {
      throw unreadable({ reason: 'limit', limit: 'maxCellChars', max: this.limits.maxCellChars, actual: value.length });
    }
    this.cellText = value;
    this.value = value;
    this.capture = null;
    this.finishCell();
  }

  private openRow(r: string | undefined, hidden: string | undefined): void {
    this.rowNumber = r !== undefined ? Number(r) : this.rowNumber + 1;
    if (!Number.isInteger(this.rowNumber) || this.rowNumber < 1) throw unreadable({ reason: 'damaged', detail: `row r="${r}"` });
    this.rowHidden = hidden === '1' || hidden === 'true';
    this.cells = [];
    this.col = -1;
  }

  private openCell(r: string | undefined, t: string | undefined, s: string | undefined): void {
    if (r !== undefined) {
      const col = refColumn(r);
      this.col = col >= 0 ? col : this.col + 1;
    } else this.col++;
    this.cellType = t ?? 'n';
    this.cellStyle = s !== undefined ? Number(s) : 0;
    this.hasFormula = false;
    this.formula = '';
    this.value = undefined;
    this.cellText = '';
  }

  private openOther(name: string): void {
    switch (name) {
      case 'v':
        this.capture = 'v';
        this.cellText = '';
        break;
      case 'f':
        this.hasFormula = true;
        this.capture = 'f';
        this.formula = '';
        break;
      case 'is':
        this.inInline = true;
        this.cellText = '';
        break;
      case 't':
        if (this.inInline && this.phonetic === 0) this.capture = 't';
        break;
      case 'rPh':
        this.phonetic++;
        break;
      default:
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
        this.value = this.cellText;
        this.capture = null;
        break;
      case 'f':
        this.capture = null;
        break;
      case 't':
        if (this.capture === 't') this.capture = null;
        break;
      case 'rPh':
        this.phonetic--;
        break;
      case 'is':
        this.inInline = false;
        this.value = this.cellText;
        break;
      case 'c':
        this.finishCell();
        break;
      case 'row':
        this.finishRow();
        break;
      default:
    }
  }

  text(t: string): void {
    if (this.capture === 'v' || this.capture === 't') {
      this.cellText += t;
      if (this.cellText.length > this.limits.maxCellChars) {
        throw unreadable({ reason: 'limit', limit: 'maxCellChars', max: this.limits.maxCellChars, actual: this.cellText.length });
      }
    } else if (this.capture === 'f') {
      this.formula += t;
      if (this.formula.length > this.limits.maxCellChars) {
        throw unreadable(
          { reason: 'limit', limit: 'maxCellChars', max: this.limits.maxCellChars, actual: this.formula.length },
          this.rowNumber,
        );
      }
    }
  }

  private finishCell(): void {
    const v = this.value;
    let out: CellValue = null;
    // A formula without a cached result: no <v>, or (openpyxl, some exporters) an empty <v/> on a
    // cell not typed as text. Excel's own empty text result is t="str" with an empty <v>.
    if (this.hasFormula && (v === undefined || (v === '' && this.cellType !== 'str' && this.cellType !== 'inlineStr'))) {
      out = new NoValueCell(this.formula);
    } else if (v === undefined) {
      // An empty cell.
    } else {
      switch (this.cellType) {
        case 's': {
          const s = this.strings.get(Number(v));
          out = s ?? '';
          break;
        }
        case 'str':
        case 'inlineStr':
          out = v;
          break;
        case 'b':
          out = v === '1' || v === 'true';
          break;
        case 'e':
          out = new ErrorCell(v);
          break;
        case 'd': {
          const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(v);
          if (m && isIsoDate(m[1] as string)) {
            const secs = Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
            out = new DateCell(m[1] as string, secs / 86400);
          } else out = v;
          break;
        }
        default: {
          if (v === '') break;
          const n = Number(v);
          if (Number.isNaN(n)) out = v;
          else if (this.dateStyles[this.cellStyle] === true) {
            // A date typed as a day can come back as 46236.99999999: that is midnight of the next day.
            const r = Math.round(n);
            const whole = Math.abs(n - r) < 1e-6;
            const iso = serialToIso(whole ? r : n, this.date1904);
            out = iso ? new DateCell(iso, whole ? 0 : n - Math.floor(n)) : n;
          } else out = n;
        }
      }
    }
    if (out !== null && !(typeof out === 'string' && out.length === 0)) {
      if (this.col >= this.limits.maxColumns) {
        throw unreadable({ reason: 'limit', limit: 'maxColumns', max: this.limits.maxColumns, actual: this.col + 1 }, this.rowNumber);
      }
      this.cells[this.col] = out;
    }
  }

  private finishRow(): void {
    if (this.cells.length === 0) return;
    this.rowCount++;
    if (this.rowCount > this.limits.maxRows) {
      throw unreadable({ reason: 'limit', limit: 'maxRows', max: this.limits.maxRows, actual: this.rowCount }, this.rowNumber);
    }
    const row: SheetRow = { number: this.rowNumber, hidden: this.rowHidden, cells: this.cells };
    if (this.onRow(row) === false) this.stopped = true;
  }
}

export interface XlsxOptions {
  /**
   * The sheets whose merges are not looked for now (each gets `once`, table/cells.ts): those the caller
   * reads once with the merges found on the way. A damaged part then fails as it would have here: a
   * sheet opened later that fails first scans these before it, in order (docs/decisions.md "The sheet read once").
   */
  deferMerges?(sheet: { name: string; hidden: boolean }, all: readonly { name: string; hidden: boolean }[]): boolean;
}

/** Opens an .xlsx; throws a FileProblem when it is not a readable workbook. */
export async function openXlsx(path: string, limits: Limits, io: IoPort = nodePort, options: XlsxOptions = {}): Promise<WorkbookSource> {
  const zip = await ZipArchive.open(path, limits, io);
  try {
    const rootRels = await readRels(zip, '', limits);
    let workbookPart = rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target;
    if (!workbookPart || !zip.has(workbookPart)) workbookPart = zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined;
    if (!workbookPart) {
      if (zip.has('EncryptedPackage')) throw unreadable({ reason: 'notWorkbook' });
      throw unreadable({ reason: 'notWorkbook', detail: zip.has('word/document.xml') ? 'docx' : zip.has('content.xml') ? 'odf' : 'zip' });
    }
    const wbRels = await readRels(zip, workbookPart, limits);
    const relById = new Map(wbRels.map((r) => [r.id, r]));
    const declared: { name: string; hidden: boolean; rid: string }[] = [];
    let date1904 = false;
    await parseXmlStream(
      await zip.stream(workbookPart),
      {
        open(name, a) {
          if (name === 'workbookPr') {
            // Excel also writes <x15:workbookPr chartTrackingRefBase="1"/> in extLst: only the
            // element that carries date1904 decides.
            const d = attr(a, 'date1904');
            if (d !== undefined) date1904 = d === '1' || d === 'true';
          } else if (name === 'sheet') {
            if (declared.length >= limits.maxSheets) {
              throw unreadable({ reason: 'limit', limit: 'maxSheets', max: limits.maxSheets, actual: declared.length + 1 });
            }
            const state = attr(a, 'state') ?? 'visible';
            declared.push({ name: attr(a, 'name') ?? '', hidden: state !== 'visible', rid: attr(a, 'id') ?? '' });
          }
        },
        close() {},
        text() {},
      },
      undefined,
      limits.maxXmlDepth,
      limits.maxCellChars,
    );
    const stylesPart = wbRels.find((r) => r.type.endsWith('/styles'))?.target ?? (zip.has('xl/styles.xml') ? 'xl/styles.xml' : undefined);
    const stringsPart =
      wbRels.find((r) => r.type.endsWith('/sharedStrings'))?.target ??
      (zip.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : undefined);
    const dateStyles = await readStyles(zip, stylesPart, limits);
    let strings: SharedStrings | undefined;
    const loadStrings = async (): Promise<SharedStrings> => (strings ??= await readSharedStrings(zip, stringsPart, limits));

    const sheets: SheetSource[] = [];
    const seenParts = new Set<string>();
    /** Parts whose merges were not scanned: any failure after them first scans them, as if they had been. */
    const deferred: string[] = [];
    let index = 0;
    try {
      for (const d of declared) {
        const rel = relById.get(d.rid);
        // Chart sheets and dialog sheets hold no cells.
        if (rel && !rel.type.endsWith('/worksheet')) continue;
        const part = rel?.target ?? `xl/worksheets/sheet${index + 1}.xml`;
        if (!zip.has(part)) throw unreadable({ reason: 'damaged', detail: `missing sheet part for ${d.name}` });
        // Two sheet entries over one part are one sheet: read (and scan for merges) once.
        const key = normalisePartName(part).toLowerCase();
        if (seenParts.has(key)) continue;
        seenParts.add(key);
        const defer = options.deferMerges?.(d, declared) === true;
        const merges = defer ? [] : await scanMerges(zip, part, limits.maxRows);
        if (defer) deferred.push(part);
        const sheetIndex = index++;
        const read = async (onRow: RowHandler, scan?: MergeScan): Promise<void> => {
          const sst = await loadStrings();
          const parser = new SheetParser(sst, dateStyles, date1904, limits, onRow);
          await parseXmlStream(
            await zip.stream(part, INFLATE_CHUNK),
            parser,
            () => parser.stopped,
            limits.maxXmlDepth,
            limits.maxCellChars,
            sheetSink,
            scan ? (chunk) => scan.feed(chunk) : undefined,
          );
        };
        sheets.push({
          name: d.name,
          index: sheetIndex,
          hidden: d.hidden,
          merges,
          read,
          ...(defer
            ? {
                once: {
                  async read(onRow: RowHandler) {
                    const scan = new MergeScan(limits.maxRows);
                    await read(onRow, scan);
                    return scan.merges;
                  },
                  merges: () => scanMerges(zip, part, limits.maxRows),
                },
              }
            : {}),
        });
      }
    } catch (err) {
      // The scan at open would have met a damaged deferred part first.
      for (const part of deferred) await scanMerges(zip, part, limits.maxRows);
      throw err;
    }
    return { kind: 'xlsx', sheets, close: async () => zip.close() };
  } catch (err) {
    zip.close();
    throw err;
  }
}
