/**
 * Turns the rows of one sheet (or CSV file) into checked records: finds the header, skips title,
 * blank and notes rows, fills merged cells down, hands each mapped row to the caller's row checker
 * (the row rules, rules/run-rows.ts) and each record on.
 */
import { decisionKeyOf, subjectKeyOf } from '../domain/identity.js';
import { cleanText, columnLetter, detach } from '../domain/text.js';
import { maskIdentifier } from '../domain/mask.js';
import type { Code, CodeArgs } from '../diagnostics/codes.js';
import { makeDiagnostic, type RawDiagnostic } from '../diagnostics/diagnostic.js';
import { isBlankCell, type CellValue, type MergeRange, type SheetRow } from './cells.js';
import { FIELDS, type FieldKey } from '../schemas/fields.js';
import type { ListType } from '../schemas/enums.js';
import type { MaskRule } from '../domain/mask.js';
import type { FieldCell, MappedRow, RecordDraft } from './row.js';
import { cellText, findHeader, HEADER_SEARCH_ROWS, sameHeader, type Header } from './header.js';
import type { RecordIndex } from './record-index.js';

/** Text held while the header is looked for (rows 1–11): 4 million characters, 8 MB. */
const HEADER_BUFFER_CHARS = 4_000_000;

/** A row whose first non-empty cell starts so ends the table (submission.md "Rows"). */
const NOTES_START = /^(?:注(?:[:：\s、.．1-9①(（]|意|释|$)|说明|备注[:：]|填表人|填报人[:：]|审核人|联系电话|制表)/;

export interface CheckedRecord {
  draft: RecordDraft;
  row: number;
  listType: ListType;
  domain: string;
}

/** `E`: the environment the row checker reads (the rules' RuleEnv); the reader reads its mask rule only. */
export interface SheetOptions<E extends { maskRule: MaskRule }> {
  env: E;
  /** Runs over every data row, once its cells are mapped and cleaned (the row rules). */
  checkRow(row: MappedRow<E>): void;
  file: string;
  sheetName: string;
  /** Undefined for CSV: the location then names no sheet. */
  locationSheet?: string;
  sheetIndex: number;
  merges: readonly MergeRange[];
  /** The sheet is a list whatever its content (named 红名单/黑名单, or a CSV file). */
  forced: boolean;
  listTypeFromName?: ListType;
  /** CSV: U+FFFD in a cell means an invalid byte sequence. */
  encoding?: string;
  /**
   * CSV: a cell right of the last header is a finding (SCHEMA_EXTRA_CELL), not silently dropped — in a CSV it is
   * most often a value cut in two by an unquoted comma. (A workbook's cells beside the table are notes.)
   */
  extraCells?: boolean;
  decodeState?: { dirty: boolean };
  department?: string;
  departmentRank: number;
  report(d: RawDiagnostic): void;
  index?: RecordIndex;
  onRecord?(r: CheckedRecord): void;
  /** Called every 25,000 rows of a large sheet (progress on stderr). */
  onProgress?(file: string, rows: number): void;
}

export interface SheetResult {
  isList: boolean;
  headerFound: boolean;
  rows: number;
  red: number;
  black: number;
  hadContent: boolean;
}

function emptyDraft(): RecordDraft {
  return {
    listName: '',
    subjectName: '',
    creditCode: '',
    legalRep: '',
    legalRepIdNumber: '',
    idNumber: '',
    facts: '',
    basis: '',
    decisionNo: '',
    measures: '',
    remarks: '',
    publishUntilDefaulted: false,
    idValid: false,
    creditCodeValid: false,
  };
}

/** Text of other than plain ASCII (a cell a doubtful decoding may have changed). */
const NOT_ASCII = /[^\x00-\x7f]/;

const TEXT_FIELDS: readonly FieldKey[] = FIELDS.filter((f) => f.kind === 'text').map((f) => f.key);

const FIELD_BIT = new Map<FieldKey, number>(FIELDS.map((f, i) => [f.key, 1 << i]));

type Reporter = <C extends Code>(code: C, args: CodeArgs[C], row?: number, column?: string, columnIndex?: number, field?: string) => void;

/** The RowContext of one sheet, reused from row to row (no allocation per row but the record). */
class SheetRowContext<E extends { maskRule: MaskRule }> implements MappedRow<E> {
  env: E;
  row = 0;
  sheetName: string;
  listTypeFromName?: ListType;
  cells: Partial<Record<FieldKey, FieldCell>> = {};
  record!: RecordDraft;
  private badBits = 0;

  constructor(
    o: SheetOptions<E>,
    private readonly needed: Map<FieldKey, { rows: number; firstRow: number }>,
    private readonly reporter: Reporter,
  ) {
    this.env = o.env;
    this.sheetName = o.sheetName;
    if (o.listTypeFromName) this.listTypeFromName = o.listTypeFromName;
  }

  reset(row: number): void {
    this.row = row;
    this.badBits = 0;
  }

  isBad(field: FieldKey): boolean {
    return (this.badBits & (FIELD_BIT.get(field) as number)) !== 0;
  }

  markBad(field: FieldKey): void {
    this.badBits |= FIELD_BIT.get(field) as number;
  }

  hasColumn(field: FieldKey): boolean {
    return this.cells[field] !== undefined;
  }

  needColumn(field: FieldKey): void {
    const n = this.needed.get(field);
    if (n) n.rows++;
    else this.needed.set(field, { rows: 1, firstRow: this.row });
  }

  report<C extends Code>(code: C, args: CodeArgs[C], field?: FieldKey): void {
    const c = field ? this.cells[field] : undefined;
    this.reporter(code, args, this.row, c?.column, c?.columnIndex, field);
  }
}

export class ListSheet<E extends { maskRule: MaskRule }> {
  private buffer: SheetRow[] = [];
  private bufferChars = 0;
  private header: Header | undefined;
  private state: 'header' | 'data' | 'done' = 'header';
  private hadContent = false;
  private rows = 0;
  private red = 0;
  private black = 0;
  private readonly needed = new Map<FieldKey, { rows: number; firstRow: number }>();
  private readonly mergeStarts = new Map<number, MergeRange[]>();
  private active: { range: MergeRange; value: CellValue }[] = [];
  private readonly hasMerges: boolean;
  private rowNumberCols: number[] = [];
  /** The index of the header's last column (cells right of it are read by no column). */
  private lastColumn = -1;
  /** One FieldCell per mapped column, refilled for every row (rules read them during the row only). */
  private fieldCells: FieldCell[] = [];
  private textCells: [FieldKey, FieldCell][] = [];
  /** Every mapped column's key and cell (the cells a FILE_ENCODING row garbled are marked bad by key). */
  private keyedCells: [FieldKey, FieldCell][] = [];
  /** The row being read holds text the decoder replaced (FILE_ENCODING was reported for it). */
  private garbled = false;
  private readonly ctx: SheetRowContext<E>;
  private readonly placeId: number;
  private current: RecordDraft | undefined;
  /** The rows the header was looked for in, and the lowest and highest row number read as data. */
  private headerRows: readonly SheetRow[] = [];
  private firstData = Number.POSITIVE_INFINITY;
  private lastData = Number.NEGATIVE_INFINITY;

  constructor(private readonly o: SheetOptions<E>) {
    for (const m of o.merges) {
      if (m.bottom > m.top) {
        const list = this.mergeStarts.get(m.top) ?? [];
        list.push(m);
        this.mergeStarts.set(m.top, list);
      }
    }
    this.hasMerges = this.mergeStarts.size > 0;
    this.ctx = new SheetRowContext(o, this.needed, (code, args, row, column, columnIndex, field) =>
      this.report(code, args, row, column, columnIndex, field),
    );
    this.placeId =
      o.index?.placeId({
        ...(o.department !== undefined ? { department: o.department } : {}),
        departmentRank: o.departmentRank,
        file: o.file,
        ...(o.locationSheet !== undefined ? { sheet: o.locationSheet } : {}),
        sheetIndex: o.sheetIndex,
      }) ?? 0;
  }

  private report<C extends Code>(code: C, args: CodeArgs[C], row?: number, column?: string, columnIndex?: number, field?: string): void {
    this.o.report(
      makeDiagnostic(
        code,
        args,
        {
          file: this.o.file,
          ...(this.o.locationSheet !== undefined ? { sheet: this.o.locationSheet } : {}),
          ...(row !== undefined ? { row } : {}),
          ...(column !== undefined ? { column } : {}),
          ...(field !== undefined ? { field } : {}),
        },
        { sheetIndex: this.o.sheetIndex, columnIndex: columnIndex ?? -1, departmentRank: this.o.departmentRank },
      ),
    );
  }

  /** Feeds one row; returns false when the rest of the sheet need not be read. */
  onRow(row: SheetRow): boolean {
    if (this.state === 'data') return this.dataRow(row);
    if (this.state === 'done') return false;
    if (!this.hadContent && row.cells.some((c) => !isBlankCell(c))) this.hadContent = true;
    // Rows 1–11 wait for the header, bounded by count and by size: a file whose every row claims
    // r="1", or whose first rows are huge, must not pile up in memory.
    if (row.number <= HEADER_SEARCH_ROWS + 1 && this.buffer.length <= HEADER_SEARCH_ROWS && this.bufferChars <= HEADER_BUFFER_CHARS) {
      this.buffer.push(row);
      for (const c of row.cells) if (typeof c === 'string') this.bufferChars += c.length;
      return true;
    }
    this.resolveHeader();
    if ((this.state as string) !== 'data') return false;
    return this.dataRow(row);
  }

  private resolveHeader(): void {
    const header = findHeader(this.buffer, this.o.merges);
    const buffered = this.buffer;
    this.headerRows = buffered;
    this.buffer = [];
    this.bufferChars = 0;
    if (!header) {
      this.state = 'done';
      return;
    }
    this.header = header;
    this.state = 'data';
    this.rowNumberCols = header.columns.filter((c) => c.rowNumber).map((c) => c.index);
    this.lastColumn = header.columns.reduce((m, c) => Math.max(m, c.index), -1);
    const cells: Partial<Record<FieldKey, FieldCell>> = {};
    for (const [k, c] of header.byField) {
      const cell: FieldCell = { value: null, text: '', column: c.letter, columnIndex: c.index };
      cells[k] = cell;
      this.fieldCells.push(cell);
      this.keyedCells.push([k, cell]);
      if (TEXT_FIELDS.includes(k)) this.textCells.push([k, cell]);
    }
    this.ctx.cells = cells;
    this.headerFindings(header);
    // Data starts after the buffered row the header ends on (by position: a file may repeat row numbers).
    const last = header.rows[header.rows.length - 1] as number;
    const after = buffered.findIndex((r) => r.number === last);
    for (let i = after < 0 ? 0 : after + 1; i < buffered.length; i++) {
      const r = buffered[i] as SheetRow;
      if ((after >= 0 || r.number > last) && this.dataRow(r) === false) return;
    }
  }

  private headerFindings(h: Header): void {
    for (const f of FIELDS) {
      if (f.required && !h.byField.has(f.key)) this.report('SHEET_COLUMN_MISSING', { field: f.key }, h.row);
    }
    if (!h.byField.has('listType') && !this.o.listTypeFromName) this.report('SHEET_COLUMN_MISSING', { field: 'listType' }, h.row);
    // A finding about a header cell is located at it (cli.md: sheet, row, column as Excel shows them), so that it
    // sorts by its column's index (Z before AA): a duplicate at the column that repeats the field.
    for (const d of h.duplicates) {
      const at = d.columns[d.columns.length - 1];
      this.report(
        'SHEET_COLUMN_DUPLICATE',
        { field: d.field, columns: d.columns.map((c) => c.letter).join(', ') },
        h.row,
        at?.letter,
        at?.index,
        d.field,
      );
    }
    for (const c of h.unknown) this.report('SHEET_COLUMN_UNKNOWN', { header: c.header, column: c.letter }, h.row, c.letter, c.index);
  }

  private isBlank(cells: CellValue[]): boolean {
    for (let i = 0; i < cells.length; i++) {
      if (!isBlankCell(cells[i]) && !this.rowNumberCols.includes(i)) return false;
    }
    return true;
  }

  private dataRow(row: SheetRow): boolean {
    const cells = row.cells;
    if (row.number < this.firstData) this.firstData = row.number;
    if (row.number > this.lastData) this.lastData = row.number;
    if (this.hasMerges) this.applyMerges(row);
    if (this.isBlank(cells)) return true;
    // Notes below the table end it.
    for (const c of cells) {
      if (isBlankCell(c)) continue;
      if (typeof c === 'string' && NOTES_START.test(c.trim())) {
        this.state = 'done';
        return false;
      }
      break;
    }
    this.rows++;
    if (this.rows % 25000 === 0) this.o.onProgress?.(this.o.file, this.rows);
    if (row.hidden) this.report('SHEET_HIDDEN', { what: 'row' }, row.number);
    this.garbled = false;
    if (this.o.encoding !== undefined && this.o.decodeState?.dirty !== false) {
      // One finding for the row (its cause is the file's bytes), naming the cells the decoder replaced text in.
      const columns: string[] = [];
      for (let i = 0; i < cells.length; i++) {
        const c = cells[i];
        if (typeof c === 'string' && c.includes('\uFFFD')) columns.push(columnLetter(i));
      }
      if (columns.length > 0) {
        this.garbled = true;
        this.report('FILE_ENCODING', { encoding: this.o.encoding, row: row.number, columns: columns.join(', ') }, row.number);
      }
    }
    if (this.o.extraCells) this.extraCells(row);
    this.checkRow(row);
    return true;
  }

  /** One finding per row, at its first non-blank cell right of the header's last column, with how many there are. */
  private extraCells(row: SheetRow): void {
    let first = -1;
    let count = 0;
    for (let i = this.lastColumn + 1; i < row.cells.length; i++) {
      if (isBlankCell(row.cells[i])) continue;
      if (first < 0) first = i;
      count++;
    }
    if (first >= 0)
      this.report('SCHEMA_EXTRA_CELL', { count, lastHeader: columnLetter(this.lastColumn) }, row.number, columnLetter(first), first);
  }

  private applyMerges(row: SheetRow): void {
    if (this.active.length > 0) this.active = this.active.filter((a) => a.range.bottom >= row.number);
    const starts = this.mergeStarts.get(row.number);
    if (starts) {
      for (const m of starts) {
        const v = row.cells[m.left];
        if (!isBlankCell(v)) this.active.push({ range: m, value: v });
      }
    }
    for (const a of this.active) {
      if (a.range.top < row.number && isBlankCell(row.cells[a.range.left])) {
        // Only when the row holds data of its own: a merge alone does not make a record.
        if (!this.isBlank(row.cells)) row.cells[a.range.left] = a.value;
      }
    }
  }

  private checkRow(row: SheetRow): void {
    const ctx = this.ctx;
    ctx.reset(row.number);
    for (const c of this.fieldCells) {
      const value = row.cells[c.columnIndex];
      c.value = value;
      if (value === null || value === undefined) c.text = '';
      else if (typeof value === 'string') c.text = value.length > 0 ? cleanText(value) : '';
      else c.text = cleanText(cellText(value));
    }
    // A row whose bytes are not valid in the file's encoding (FILE_ENCODING; most often UTF-8 text pasted into a
    // GB18030 file) was decoded with doubt: its cells of other than plain ASCII hold no value to judge — '���' where
    // bytes were invalid, mojibake (鍔冲姩) around them — and no finding is built on them (SCHEMA_ENUM of '���', an
    // invalid date), as a cell with an error value (rules' isBad). Digits and letters read the same in either
    // encoding and are still checked (a credit code's checksum), and so is the row's structure: an empty required
    // cell is SCHEMA_REQUIRED as ever. docs/decisions.md "FILE_ENCODING: one finding per cause".
    if (this.garbled) for (const [key, c] of this.keyedCells) if (NOT_ASCII.test(c.text)) ctx.markBad(key);
    const draft = emptyDraft();
    ctx.record = draft;
    for (const [key, c] of this.textCells) (draft as unknown as Record<string, string>)[key] = c.text;
    const o = this.o;
    o.checkRow(ctx);
    const lt = draft.listType;
    if (lt === 'red') this.red++;
    else if (lt === 'black') this.black++;
    if (lt && draft.domain && draft.subjectName) {
      this.current = draft;
      o.index?.add(
        lt,
        draft.domain,
        subjectKeyOf(draft).key,
        decisionKeyOf({ decisionNo: draft.decisionNo, decisionDate: draft.decisionDate ?? ctx.cells.decisionDate?.text }),
        this.placeId,
        row.number,
        this,
      );
      o.onRecord?.({ draft, row: row.number, listType: lt, domain: draft.domain });
    }
  }

  /** How the current row's subject is shown in a finding (the ID masked). */
  subjectLabel(): string {
    const d = this.current;
    if (!d) return '';
    const ident = d.creditCode || (d.idNumber ? maskIdentifier(d.idNumber, this.o.env.maskRule) : '');
    return detach(ident ? `${d.subjectName}（${ident}）` : d.subjectName);
  }

  /**
   * After end(), for a sheet read with no merges while its merges were not yet known (api/department/
   * list-once.ts): whether reading it with `merges` would have given the same — the same header, and no
   * merge spanning rows that starts at a row read as data (the only ones filled down). When false the
   * sheet must be read again with them.
   */
  sameWithMerges(merges: readonly MergeRange[]): boolean {
    for (const m of merges) if (m.bottom > m.top && m.top >= this.firstData && m.top <= this.lastData) return false;
    return sameHeader(findHeader(this.headerRows, merges), this.header);
  }

  /** Call after the last row. */
  end(): SheetResult {
    if (this.state === 'header') this.resolveHeader();
    const h = this.header;
    if (!h) {
      if (this.o.forced && this.hadContent) this.report('SHEET_HEADER_NOT_FOUND', { rowsSearched: HEADER_SEARCH_ROWS });
      return { isList: this.o.forced && this.hadContent, headerFound: false, rows: 0, red: 0, black: 0, hadContent: this.hadContent };
    }
    for (const [field, n] of this.needed) {
      this.report('SHEET_COLUMN_MISSING', { field, rows: n.rows, firstRow: n.firstRow }, h.row);
    }
    return { isList: true, headerFound: true, rows: this.rows, red: this.red, black: this.black, hadContent: true };
  }
}
