/**
 * Writes the package workbooks with exceljs, every cell as text (identifiers never become numbers,
 * and text that a spreadsheet would run stays text), then re-packs the zip with one fixed timestamp
 * so that the same records give the same bytes (package.md "Determinism").
 */
import yauzl from 'yauzl';
import yazl from 'yazl';
import { toXmlSafe } from '../domain/text.js';

export interface SheetSpec {
  name: string;
  /** A title row above the header row (merged across the columns). */
  title?: string;
  headers: string[];
  widths?: (number | undefined)[];
  /** Text cells stay text ('@'); a number (序号, 公示期限) is written as a number. */
  rows: (string | number)[][];
}

/** A Date whose local fields are the UTC fields of `instant`: zip's DOS time has no zone. */
export function dosDate(instant: Date): Date {
  const t = new Date(Math.max(instant.getTime(), Date.UTC(1980, 0, 1, 0, 0, 0)));
  return new Date(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds());
}

// exceljs is loaded when a workbook is written, not when a quarter is only checked (dry-run, status).
type ExcelModule = typeof import('exceljs');
let excel: Promise<ExcelModule> | undefined;

async function loadExcel(): Promise<ExcelModule> {
  const mod = await import('exceljs');
  return (mod as unknown as { default?: ExcelModule }).default ?? mod;
}

export async function workbookBuffer(sheets: SheetSpec[], instant: Date, creator: string): Promise<Buffer> {
  const ExcelJS = await (excel ??= loadExcel());
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.lastModifiedBy = creator;
  wb.created = instant;
  wb.modified = instant;
  for (const s of sheets) {
    const headerRow = s.title ? 2 : 1;
    const ws = wb.addWorksheet(toXmlSafe(s.name), { views: [{ state: 'frozen', ySplit: headerRow }] });
    ws.columns = s.headers.map((h, i) => ({ key: String(i), width: s.widths?.[i] ?? Math.min(40, Math.max(10, h.length * 2 + 2)), style: { numFmt: '@' } }));
    if (s.title) {
      const t = ws.addRow([toXmlSafe(s.title)]);
      t.font = { bold: true, size: 14 };
      if (s.headers.length > 1) ws.mergeCells(1, 1, 1, s.headers.length);
    }
    ws.addRow(s.headers.map(toXmlSafe)).font = { bold: true };
    // exceljs writes text as it is: a character XML 1.0 forbids would make the part not
    // well-formed (Excel "repairs" it, strict readers refuse it). The rules reported it already
    // (SCHEMA_CHARACTER_INVALID); here it becomes U+FFFD whatever its source.
    for (const r of s.rows) {
      const row = ws.addRow(r.map((v) => (typeof v === 'number' ? v : toXmlSafe(v))));
      r.forEach((v, i) => {
        if (typeof v === 'number') row.getCell(i + 1).numFmt = 'General';
      });
    }
    // A filter on the header row: the clerk sorts and filters without touching the data.
    ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: Math.max(1, s.headers.length) } };
  }
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  return normaliseZip(raw, instant);
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

export function zipBuffer(entries: { name: string; data: Buffer }[], instant: Date): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    const mtime = dosDate(instant);
    for (const e of entries) z.addBuffer(e.data, e.name, { mtime, forceDosTimestamp: true, compressionLevel: 6 } as yazl.Options);
    z.end();
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}
